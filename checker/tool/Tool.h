//===- Tool.h - what the parts of the wdfcheck command share --------------===//
#ifndef WDFCHECK_TOOL_TOOL_H
#define WDFCHECK_TOOL_TOOL_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

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

// Path made absolute (against the current directory) and without . or ..:
// the form files are compared and looked up in.
inline std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

// Path relative to Base when it lies inside it, else as it is.
inline std::string pathUnder(llvm::StringRef Path, llvm::StringRef Base) {
  if (!Base.empty() && Path.starts_with(Base) && Path.size() > Base.size() &&
      llvm::sys::path::is_separator(Path[Base.size()]))
    return Path.drop_front(Base.size() + 1).str();
  return Path.str();
}

// Path as shown to the user: relative to the current directory when it is
// inside it.
inline std::string shownPath(llvm::StringRef Path) {
  return pathUnder(Path, currentDir());
}

} // namespace wdfcheck

#endif
