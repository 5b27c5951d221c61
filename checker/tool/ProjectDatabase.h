//===- ProjectDatabase.h - compile commands from a .vcxproj or .sln -------===//
//
// wdfcheck analyses a driver project the way it analyses a compilation
// database: the project (with the projects it references, a driver with its
// static library) is evaluated, the headers its build would generate are
// written, and one compile command per source goes into
// <cache>/compile_commands.json.  Nothing is written into the user's tree.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_PROJECTDATABASE_H
#define WDFCHECK_TOOL_PROJECTDATABASE_H

#include "HeaderSet.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace wdfcheck {

// What to evaluate, and how.
struct ProjectRequest {
  std::string Input; // a .vcxproj or a .sln
  std::string Configuration = "Debug";
  std::string Platform = "x64";
  HeaderSetOptions Headers;
  std::string CacheDir; // --cache-dir; "" for defaultCacheDir
  std::string Share;    // share/wdfcheck
};

struct ProjectDatabase {
  std::string CacheDir;     // where the database and generated files are
  std::string DatabasePath; // CacheDir/compile_commands.json
  std::vector<clang::tooling::CompileCommand> Commands;
  std::vector<std::string> Notes; // unknown macros, missing files, ...
};

// Whether Path names a project rather than a source (.vcxproj, .sln).
bool isProjectInput(llvm::StringRef Path);

// $XDG_CACHE_HOME/wdfcheck/<hash> (else ~/.cache/wdfcheck/<hash>), the hash
// of the absolute input, the configuration, the platform and the headers.
std::string defaultCacheDir(const ProjectRequest &Request);

// Evaluates the request's projects and writes the database and the
// generated headers.  False with Error on a project that cannot be read,
// a header set that is not there, or a cache that cannot be written.
bool buildProjectDatabase(const ProjectRequest &Request, ProjectDatabase &DB,
                          std::string &Error);

// Commands as a compile_commands.json ("arguments" form).
void writeCompileCommands(
    llvm::raw_ostream &OS,
    const std::vector<clang::tooling::CompileCommand> &Commands);

} // namespace wdfcheck

#endif
