//===- DiskPath.cpp - a Windows project's path on a Linux disk ------------===//
#include "DiskPath.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace wdfcheck {

namespace {

// The entry of Dir named Name without regard to case, or "" when none is.
std::string entryIgnoringCase(llvm::StringRef Dir, llvm::StringRef Name) {
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; !EC && It != End;
       It.increment(EC)) {
    llvm::StringRef Entry = llvm::sys::path::filename(It->path());
    if (Entry.equals_insensitive(Name))
      return Entry.str();
  }
  return "";
}

// Written with '/' for '\', against Base, without . or .. (MSBuild removes
// them as text, before any symbolic link is followed).
std::string lexicalPath(llvm::StringRef Written, llvm::StringRef Base) {
  std::string Slashed = Written.trim().str();
  for (char &C : Slashed)
    if (C == '\\')
      C = '/';
  llvm::SmallString<256> Path;
  if (!llvm::sys::path::is_absolute(Slashed))
    Path = Base;
  llvm::sys::path::append(Path, Slashed);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

} // namespace

std::string diskPath(llvm::StringRef Written, llvm::StringRef Base,
                     bool &Found) {
  std::string Path = lexicalPath(Written, Base);
  Found = true;
  if (llvm::sys::fs::exists(Path))
    return Path;
  llvm::SmallString<256> Resolved("/");
  for (auto It = llvm::sys::path::begin(Path),
            End = llvm::sys::path::end(Path);
       It != End; ++It) {
    if (*It == "/")
      continue;
    llvm::SmallString<256> Next(Resolved);
    llvm::sys::path::append(Next, *It);
    if (!llvm::sys::fs::exists(Next)) {
      std::string Entry = entryIgnoringCase(Resolved, *It);
      if (Entry.empty()) {
        Found = false;
        return Path;
      }
      Next = Resolved;
      llvm::sys::path::append(Next, Entry);
    }
    Resolved = Next;
  }
  return std::string(Resolved);
}

} // namespace wdfcheck
