//===- CompileCommands.h - the command an analysis of a file uses ---------===//
//
// The compile command clangd would use: compile_commands.json in the
// directory --compile-commands-dir names, or else the first found walking up
// from the file's directory (in each directory and in its build/
// subdirectory, as clangd looks).  A file the database does not list, or no
// database, gets wdfcheck's fallback: no flags, with its model headers.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_CLANGD_COMPILECOMMANDS_H
#define WDFCHECK_CLANGD_COMPILECOMMANDS_H

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace wdfclangd {

class CompileCommands {
public:
  // Dir: --compile-commands-dir, or "" to search.
  explicit CompileCommands(std::string Dir) : OverrideDir(std::move(Dir)) {}

  // wdfcheck's arguments (after the program name) that analyse File with
  // its text on standard input: --stdin-path, and -p (plus --ctu when the
  // database has a whole-driver index) or the fallback '--'.
  std::vector<std::string> analysisArgs(const std::string &File);

private:
  struct Database {
    std::string Modified;        // the file's time stamp when read
    std::set<std::string> Files; // absolute, without . or ..
  };
  std::string OverrideDir;
  std::mutex Lock;
  std::map<std::string, Database> Databases; // by directory

  std::string databaseDirFor(const std::string &File);
  bool lists(const std::string &Dir, const std::string &File);
};

} // namespace wdfclangd

#endif
