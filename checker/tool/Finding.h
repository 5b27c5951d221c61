//===- Finding.h - what one analysis run found ---------------------------===//
//
// The analyzer's PathDiagnostics reduced to plain data, so the output
// writers (text, JSON, SARIF) need no Clang types.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_FINDING_H
#define WDFCHECK_TOOL_FINDING_H

#include "wdfcheck/Catalog.h"
#include <string>
#include <tuple>
#include <vector>

namespace wdfcheck {

struct SourcePoint {
  std::string File; // absolute path
  unsigned Line = 0, Column = 0;

  std::tuple<const std::string &, unsigned, unsigned> key() const {
    return {File, Line, Column};
  }
  bool operator==(const SourcePoint &O) const { return key() == O.key(); }
};

struct PathNote {
  SourcePoint Where;
  std::string Message;
};

struct FixIt {
  SourcePoint Begin, End; // End is one past the last replaced character
  std::string Replacement;
  std::string Replaced; // the text it replaces, for messages
};

struct Finding {
  const RuleInfo *Rule = nullptr;
  std::string Message;
  SourcePoint Where;
  std::vector<PathNote> Path;  // every event on the path, the last included
  std::vector<PathNote> Notes; // the path without the final event
  std::vector<FixIt> Fixes;
  std::string Function;    // the function it is in, qualified; or ""
  std::string Fingerprint; // Baseline.h: stable across moves and edits
};

struct FileResult {
  std::string File;            // as given on the command line
  bool Analysed = false;       // false: did not compile or could not run
  std::string Errors;          // the compiler's errors, formatted
  std::vector<Finding> Findings;
};

} // namespace wdfcheck

#endif
