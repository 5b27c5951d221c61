//===- Merge.h - wdfcheck merge: one SARIF log from the shards' -----------===//
//
//   wdfcheck merge <a.sarif> <b.sarif>... [-o <all.sarif>]
//
// Joins the SARIF logs wdfcheck wrote for the parts of one run (--shard=i/n
// on a CI matrix) into the log one run over every file would have written:
// the first log's run, with the results of all (their ruleIndex mapped to
// the joined rules), the invocations' notifications joined and
// executionSuccessful only when every part succeeded.  Results are ordered
// by file, line, column and rule, so the output does not depend on the
// order the parts are given in.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_MERGE_H
#define WDFCHECK_TOOL_MERGE_H

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace wdfcheck {

// Runs the command: 0 when the logs were joined, 2 when they could not be
// (fewer than one log, a missing or malformed file, SARIF of another tool,
// logs with different base directories, an unwritable output); the reason
// goes to Err.
int runMerge(const std::vector<std::string> &Logs,
             const std::string &OutputFile, llvm::raw_ostream &Out,
             llvm::raw_ostream &Err);

} // namespace wdfcheck

#endif
