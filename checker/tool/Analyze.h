//===- Analyze.h - run the analyzer with the wdfcheck checkers ------------===//
#ifndef WDFCHECK_TOOL_ANALYZE_H
#define WDFCHECK_TOOL_ANALYZE_H

#include "Finding.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace wdfcheck {

struct CtuFiles;

struct AnalysisSettings {
  std::vector<const RuleInfo *> Rules;  // the checkers to run
  std::string ResourceDir;              // clang's builtin headers
  std::string ModelIncludeDir;          // "" when not offered
  const CtuFiles *Ctu = nullptr;        // --ctu: follow calls across files
  std::string BaseDir; // files named in messages are shown relative to it
  bool Progress = false; // a progress line on standard error (a terminal)
  // "i/n": explore only part i of n of the file's top-level functions
  // (analyzeFiles sets it when there are more jobs than files).
  std::string FunctionShard;
  unsigned MaxNodes = 0; // the analyzer's budget per top-level function; 0: its default
  // --stdin-path: the file (absolute) whose text is Overlay.Text, not what
  // is on disk.  The file need not exist on disk.
  struct {
    std::string File;
    std::string Text;
  } Overlay;
};

// The file a compile command compiles, absolute and without . or ..
// (a command may name it relative to its own directory).
std::string commandFile(const clang::tooling::CompileCommand &Command);

// Makes a compile command usable for analysis: clang's builtin headers,
// wdfcheck's model headers as a last resort, no warnings.
clang::tooling::ArgumentsAdjuster settingsAdjuster(const AnalysisSettings &S);

// Analyses each file with the compile command the database gives it, at
// most Jobs at a time.  Results come back in the order of Files.
std::vector<FileResult> analyzeFiles(const clang::tooling::CompilationDatabase &DB,
                                     const std::vector<std::string> &Files,
                                     const AnalysisSettings &Settings,
                                     unsigned Jobs);

} // namespace wdfcheck

#endif
