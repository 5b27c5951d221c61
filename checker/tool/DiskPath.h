//===- DiskPath.h - a Windows project's path on a Linux disk --------------===//
//
// A .vcxproj writes ..\Library\inc for the directory library/inc: Windows
// paths use backslashes and ignore case.  This finds the file they mean.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_DISKPATH_H
#define WDFCHECK_TOOL_DISKPATH_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace wdfcheck {

// Written (backslashes or slashes, relative to Base unless absolute) as an
// absolute path without . or .., each part spelt as on disk; a part that
// exists only in another case is found by listing its directory.  Found is
// false when the path is not on disk (then the path as written, absolute).
std::string diskPath(llvm::StringRef Written, llvm::StringRef Base,
                     bool &Found);

} // namespace wdfcheck

#endif
