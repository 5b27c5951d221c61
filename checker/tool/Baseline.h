//===- Baseline.h - findings known before a change ------------------------===//
//
// A finding's fingerprint names it independently of line numbers: the rule,
// the file (relative to the base directory), the function it is in, and the
// normalised text of its primary line and of its path's key lines (the
// events wdfcheck's rules add; the analyzer's "Assuming"/"Taking" steps
// are left out).  Code that moves, and edits elsewhere in the file, keep
// it; an edit of the lines the finding is about changes it.  Two findings
// with the same text get "#2", "#3" in the order they are reported.
//
// A baseline is the fingerprints of a run, written by --write-baseline as
// a small JSON file, or read back from wdfcheck's own SARIF output
// (partialFingerprints "wdfcheck/v1"): --baseline keeps only the findings
// it does not hold.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_BASELINE_H
#define WDFCHECK_TOOL_BASELINE_H

#include "Finding.h"

#include <set>
#include <string>
#include <vector>

namespace wdfcheck {

// The key SARIF's partialFingerprints holds the fingerprint under.
constexpr const char *FingerprintKey = "wdfcheck/v1";

// Sets Finding::Fingerprint for every finding.
void assignFingerprints(std::vector<FileResult> &Results,
                        const std::string &BaseDir);

// Writes the fingerprints of Results to Path; false with Error set when it
// cannot.
bool writeBaseline(const std::string &Path,
                   const std::vector<FileResult> &Results,
                   const std::string &BaseDir, std::string &Error);

// Reads a baseline file or a wdfcheck SARIF file; false with Error set for
// one that cannot be read, is not JSON, or comes from another tool.
bool readBaseline(const std::string &Path, std::set<std::string> &Known,
                  std::string &Error);

// Removes the findings Known holds; returns how many.
unsigned dropKnown(std::vector<FileResult> &Results,
                   const std::set<std::string> &Known);

} // namespace wdfcheck

#endif
