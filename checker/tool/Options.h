//===- Options.h - the wdfcheck command line ------------------------------===//
#ifndef WDFCHECK_TOOL_OPTIONS_H
#define WDFCHECK_TOOL_OPTIONS_H

#include "wdfcheck/Catalog.h"
#include <string>
#include <vector>

namespace wdfcheck {

enum class Command {
  Analyze, Compdb, Explain, ListRules, Tutorial, Confirm, Merge, Help, Version
};
enum class Format { Text, Sarif, Json, Html };

struct Options {
  Command Cmd = Command::Analyze;
  std::vector<std::string> Files;
  bool HaveCompilerArgs = false; // "--" was given
  std::vector<std::string> CompilerArgs;
  std::string BuildDir;          // -p
  std::string Checks;            // --checks
  Format Fmt = Format::Text;
  std::string OutputFile;        // -o
  unsigned Jobs = 1;             // -j
  bool Quiet = false;
  bool ModelHeaders = true;      // --no-model-headers turns it off
  bool Ctu = false;              // --ctu: follow calls across -p's files
  std::string Baseline;          // --baseline: report only what it lacks
  std::string WriteBaseline;     // --write-baseline
  std::string ChangedSince;      // --changed-since: a git revision
  unsigned Shard = 0, Shards = 0; // --shard=I/N (1-based I); 0: no sharding
  unsigned MaxNodes = 0;         // --max-nodes: the exploration budget
  std::string StdinPath;         // --stdin-path: this file's text is stdin
  // A .vcxproj or .sln input: how it is evaluated (ProjectDatabase.h).
  std::string Config = "Debug";  // --config
  std::string Platform = "x64";  // --platform
  std::string Wdk;               // --wdk: a WDK's directory
  std::string KmdfHeaders;       // --kmdf-headers: a WDF checkout
  std::string CacheDir;          // --cache-dir: the database, generated files
  bool FromProject = false;      // the files come from a .vcxproj or .sln
  std::vector<std::string> CommandArgs; // operands of explain/confirm
};

// A command line wdfcheck cannot follow.
struct UsageError {
  std::string Message;    // "unknown option '--checksX'"
  std::string DidYouMean; // for an unknown option, the known one it is
                          // closest to ("--checks="), if any is close
};

// Parses argv.  On a usage error returns false and sets Error.
bool parseOptions(int Argc, const char **Argv, Options &Opts,
                  UsageError &Error);

// The rules --checks selects.  On an unknown name returns false and sets
// Error.  An empty list selects every rule this build implements.
bool selectRules(const std::string &Checks,
                 std::vector<const RuleInfo *> &Selected, std::string &Error);

void printUsage();

} // namespace wdfcheck

#endif
