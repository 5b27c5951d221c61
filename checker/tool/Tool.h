//===- Tool.h - what the parts of the wdfcheck command share --------------===//
#ifndef WDFCHECK_TOOL_TOOL_H
#define WDFCHECK_TOOL_TOOL_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

#include <string>

namespace wdfcheck {

// The exit statuses.  Analysis: 0 no findings, 1 findings, 2 wdfcheck could
// not do its job (bad usage, a file that does not compile).  The other
// commands: 0 done (confirm: the logs were paired), 2 not.
constexpr int ExitOk = 0, ExitFindings = 1, ExitFailure = 2;

// The current directory, or "" when it cannot be read: paths inside it are
// shown relative to it.
inline std::string currentDir() {
  llvm::SmallString<256> Cwd;
  if (llvm::sys::fs::current_path(Cwd))
    return "";
  return std::string(Cwd);
}

} // namespace wdfcheck

#endif
