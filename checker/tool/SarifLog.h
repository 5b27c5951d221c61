//===- SarifLog.h - reading the logs wdfcheck is given ---------------------===//
//
// `merge`, `confirm` and --baseline all read a JSON file someone hands
// wdfcheck, and check whose SARIF run it is.  Each says what is wrong in
// its own words (a baseline error names its use); the reading is here.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_SARIFLOG_H
#define WDFCHECK_TOOL_SARIFLOG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

namespace wdfcheck {

// A JSON file read whole: its value, or why there is none.
struct JsonFile {
  std::optional<llvm::json::Value> Value;
  std::string IoError;    // set when the file could not be read (the reason)
  std::string ParseError; // set when it is not JSON (the parser's message)
};

JsonFile readJsonFile(const std::string &Path);

// The name of the tool that wrote a SARIF run (tool.driver.name), if the
// run says.
std::optional<llvm::StringRef> toolName(const llvm::json::Object &Run);

} // namespace wdfcheck

#endif
