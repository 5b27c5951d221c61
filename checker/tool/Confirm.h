//===- Confirm.h - wdfcheck confirm: static findings proven at run time ---===//
//
//   wdfcheck confirm <static.sarif> <dynamic.sarif> [-o <merged.sarif>]
//
// Pairs the static analysis's findings with the runtime model's (same rule,
// same source location of the offending call or creation site), marks each
// static finding confirmed or not (properties.confirmed, and the runtime's
// message in properties.dynamicMessage) in the merged log, and prints a
// summary ("3 of 4 findings confirmed at run time").
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_CONFIRM_H
#define WDFCHECK_TOOL_CONFIRM_H

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace wdfcheck {

// Runs the command.  Returns the exit status: 0 when the logs were paired
// (whatever was confirmed), 2 when they could not be (a missing file, a
// file that is not JSON or not a SARIF 2.1.0 log, no runs, bad usage); the
// reason goes to Err.
int runConfirm(const std::vector<std::string> &Logs,
               const std::string &OutputFile, llvm::raw_ostream &Out,
               llvm::raw_ostream &Err);

} // namespace wdfcheck

#endif
