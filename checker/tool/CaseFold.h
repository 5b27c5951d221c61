//===- CaseFold.h - Windows' case-insensitive file names on Linux ---------===//
//
// Driver code and the WDK's headers are written on a file system that
// ignores case: `#include "WdfQueryInterface.h"` for wdfqueryinterface.h,
// `<NTDDK.h>`, `..\Library` for library/.  This file system answers such a
// name with the file Windows would open.  It only acts when the name as
// spelled does not exist, so a tree whose spellings match costs nothing;
// then it resolves the path one component at a time, comparing names
// without case (each directory listed once per file system).
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_CASEFOLD_H
#define WDFCHECK_TOOL_CASEFOLD_H

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace wdfcheck {

// A file system over Base that finds names whose case differs from the
// file's.  Not shared between threads (one per ClangTool).
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
createCaseFoldingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base);

} // namespace wdfcheck

#endif
