//===- CaseFold.cpp - Windows' case-insensitive file names on Linux -------===//
#include "CaseFold.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <optional>

namespace wdfcheck {

namespace {

namespace path = llvm::sys::path;
using llvm::ErrorOr;
using llvm::Twine;
using llvm::vfs::File;
using llvm::vfs::Status;

// A file found under another spelling answers with its name on disk, and
// says so (as a redirecting file system with external names does): the
// file manager then names it as it is on disk, and so does every AST
// saved from it.  --ctu loads those ASTs on the plain file system, where
// only the spelling on disk exists.
Status onDisk(const Status &S) {
  Status Out = S;
  Out.ExposesExternalVFSPath = true;
  return Out;
}

class OnDiskFile : public File {
public:
  explicit OnDiskFile(std::unique_ptr<File> F) : F(std::move(F)) {}
  ErrorOr<Status> status() override {
    ErrorOr<Status> S = F->status();
    return S ? ErrorOr<Status>(onDisk(*S)) : S;
  }
  ErrorOr<std::string> getName() override { return F->getName(); }
  ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
  getBuffer(const Twine &Name, int64_t FileSize, bool RequiresNullTerminator,
            bool IsVolatile) override {
    return F->getBuffer(Name, FileSize, RequiresNullTerminator, IsVolatile);
  }
  std::error_code close() override { return F->close(); }

private:
  std::unique_ptr<File> F;
};

class CaseFoldingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  explicit CaseFoldingFileSystem(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base)
      : ProxyFileSystem(std::move(Base)) {}

  ErrorOr<Status> status(const Twine &Path) override {
    ErrorOr<Status> S = getUnderlyingFS().status(Path);
    if (S || S.getError() != std::errc::no_such_file_or_directory)
      return S;
    std::optional<std::string> Real = fold(Path);
    if (!Real)
      return S;
    ErrorOr<Status> R = getUnderlyingFS().status(*Real);
    if (!R)
      return S;
    return onDisk(*R);
  }

  bool exists(const Twine &Path) override {
    return getUnderlyingFS().exists(Path) || fold(Path).has_value();
  }

  ErrorOr<std::unique_ptr<File>> openFileForRead(const Twine &Path) override {
    ErrorOr<std::unique_ptr<File>> F = getUnderlyingFS().openFileForRead(Path);
    if (F || F.getError() != std::errc::no_such_file_or_directory)
      return F;
    std::optional<std::string> Real = fold(Path);
    if (!Real)
      return F;
    ErrorOr<std::unique_ptr<File>> R = getUnderlyingFS().openFileForRead(*Real);
    if (!R)
      return F;
    return std::unique_ptr<File>(new OnDiskFile(std::move(*R)));
  }

  // The file's own spelling: what Windows would report, so clang can say
  // that an #include's case differs (-Wnonportable-include-path).
  std::error_code getRealPath(const Twine &Path,
                              llvm::SmallVectorImpl<char> &Output) override {
    std::error_code EC = getUnderlyingFS().getRealPath(Path, Output);
    if (!EC || EC != std::errc::no_such_file_or_directory)
      return EC;
    std::optional<std::string> Real = fold(Path);
    if (!Real)
      return EC;
    return getUnderlyingFS().getRealPath(*Real, Output);
  }

private:
  // Lower-cased name -> the name on disk, per directory; an empty map for
  // a directory that cannot be listed.
  llvm::StringMap<llvm::StringMap<std::string>> Listings;

  const llvm::StringMap<std::string> &listing(const std::string &Dir) {
    auto [It, New] = Listings.try_emplace(Dir);
    if (!New)
      return It->second;
    std::error_code EC;
    llvm::vfs::FileSystem &FS = getUnderlyingFS();
    for (llvm::vfs::directory_iterator D = FS.dir_begin(Dir, EC), End;
         D != End && !EC; D.increment(EC)) {
      llvm::StringRef Name = path::filename(D->path());
      // Two names differing only in case: the first in order wins, as
      // stable as a case-sensitive tree allows.
      auto [Slot, Added] = It->second.try_emplace(Name.lower(), Name.str());
      if (!Added && Name < Slot->second)
        Slot->second = Name.str();
    }
    return It->second;
  }

  // The existing path Path names without case, or none.  Backslashes are
  // separators, as on Windows.
  std::optional<std::string> fold(const Twine &Path) {
    std::string P = Path.str();
    std::replace(P.begin(), P.end(), '\\', '/');
    llvm::SmallString<256> Abs(P);
    if (!path::is_absolute(Abs)) {
      ErrorOr<std::string> CWD = getCurrentWorkingDirectory();
      if (!CWD)
        return std::nullopt;
      Abs = *CWD;
      path::append(Abs, P);
    }
    // The common miss: a header searched for in a directory that exists
    // as spelled.  Only that directory's listing can have the name.
    llvm::StringRef Parent = path::parent_path(Abs), Name = path::filename(Abs);
    if (Name != "." && Name != ".." && !Parent.contains("/.") &&
        getUnderlyingFS().status(Parent)) {
      const llvm::StringMap<std::string> &L = listing(Parent.str());
      auto Found = L.find(Name.lower());
      if (Found == L.end())
        return std::nullopt;
      llvm::SmallString<256> Real(Parent);
      path::append(Real, Found->second);
      return std::string(Real);
    }
    // "." and ".." are taken as they come, after the component before
    // them was found: "a/b/../c" needs a/b, as on POSIX (a shim header's
    // "#include <ddk/../x.h>" relies on it).
    llvm::vfs::FileSystem &FS = getUnderlyingFS();
    std::string Real(path::root_path(Abs));
    llvm::StringRef Rel = path::relative_path(Abs);
    for (auto It = path::begin(Rel), End = path::end(Rel); It != End; ++It) {
      if (*It == ".")
        continue;
      if (*It == "..") {
        llvm::StringRef Parent = path::parent_path(Real);
        if (!Parent.empty())
          Real = Parent.str();
        continue;
      }
      llvm::SmallString<256> Next(Real);
      path::append(Next, *It);
      if (!FS.exists(Next)) {
        const llvm::StringMap<std::string> &L = listing(Real);
        auto Found = L.find(It->lower());
        if (Found == L.end())
          return std::nullopt;
        Next = Real;
        path::append(Next, Found->second);
      }
      Real = std::string(Next);
    }
    return Real;
  }
};

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> createCaseFoldingFileSystem(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base) {
  return llvm::makeIntrusiveRefCnt<CaseFoldingFileSystem>(std::move(Base));
}

} // namespace wdfcheck
