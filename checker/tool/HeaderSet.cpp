//===- HeaderSet.cpp - the kernel headers a driver project is checked with ===//
//
// Three sets (HeaderSet.h):
//
//   --wdk=DIR           DIR/Include/<10.0.x>/{km,shared,um,ucrt} and
//                       DIR/Include/wdf/kmdf/<ver> (DIR may be the Include
//                       directory itself); the newest 10.0.* is used.
//   --kmdf-headers=DIR  DIR/src/publicinc/wdf/kmdf/<ver>/wdf.h (a
//                       Windows-Driver-Frameworks checkout), mingw-w64's
//                       include/ and include/ddk, and share/wdfcheck/shim for
//                       the WDK pieces mingw lacks.
//   (neither)           share/wdfcheck/include, the model headers.
//
// The flags for the two real sets are those that make driver code written
// for MSVC parse with clang on Linux: the MSVC target and its extensions,
// the kernel-mode macros the WDK's property sheets define, and only those
// -Wno-* that silence what the header substitution itself causes.
//
//===----------------------------------------------------------------------===//
#include "HeaderSet.h"
#include "DiskPath.h"
#include "Tool.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cstdlib>

namespace wdfcheck {

namespace {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

std::string join(const std::string &A, const std::string &B) {
  llvm::SmallString<256> P(A);
  path::append(P, B);
  return std::string(P);
}

// The entries of Dir that are directories, by name.
std::vector<std::string> subdirs(const std::string &Dir) {
  std::vector<std::string> Out;
  std::error_code EC;
  for (fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (fs::is_directory(It->path()))
      Out.push_back(std::string(path::filename(It->path())));
  return Out;
}

// "10.0.22621.0" -> {10, 0, 22621, 0}; false for anything else.
bool parseDotted(llvm::StringRef S, std::vector<unsigned> &V) {
  V.clear();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  S.split(Parts, '.');
  for (llvm::StringRef P : Parts) {
    unsigned N;
    if (P.empty() || P.getAsInteger(10, N))
      return false;
    V.push_back(N);
  }
  return !V.empty();
}

// The entry of Dir that names a child directory case-insensitively
// (Windows kits have "Include", copies made on Linux sometimes "include").
std::string childNoCase(const std::string &Dir, llvm::StringRef Name) {
  bool Found = false;
  std::string Path = diskPath(Name, Dir, Found);
  return Found && fs::is_directory(Path) ? Path : "";
}

// The newest "10.0.*" under Include that has a km directory.
std::string newestKit(const std::string &Include) {
  std::string Best;
  std::vector<unsigned> BestV, V;
  for (const std::string &E : subdirs(Include)) {
    if (!llvm::StringRef(E).starts_with("10.0.") || !parseDotted(E, V) ||
        !fs::is_directory(join(join(Include, E), "km")))
      continue;
    if (Best.empty() || BestV < V) {
      Best = E;
      BestV = V;
    }
  }
  return Best;
}

// The directory that holds the set's KMDF versions (<ver>/wdf.h below it).
std::string kmdfRoot(const HeaderSet &Set) {
  switch (Set.K) {
  case HeaderSet::Wdk:
    return join(Set.IncludeDir, "wdf/kmdf");
  case HeaderSet::KmdfHeaders:
    return join(Set.Root, "src/publicinc/wdf/kmdf");
  case HeaderSet::Model:
    break;
  }
  return "";
}

using Version = std::pair<unsigned, unsigned>;

// The KMDF versions under Root that have a wdf.h, sorted.
std::vector<Version> kmdfVersions(const std::string &Root) {
  std::vector<Version> Out;
  std::vector<unsigned> V;
  for (const std::string &E : subdirs(Root))
    if (parseDotted(E, V) && V.size() == 2 &&
        fs::exists(join(join(Root, E), "wdf.h")))
      Out.push_back({V[0], V[1]});
  std::sort(Out.begin(), Out.end());
  return Out;
}

std::string versionName(Version V) {
  return std::to_string(V.first) + "." + std::to_string(V.second);
}

// The version to use for Asked: itself when the set has it; else the
// oldest the set has above it (the newer headers declare everything the
// project may call); else the newest.  {0,0} asks for the newest.
Version chooseKmdf(const std::vector<Version> &Have, Version Asked) {
  if (Have.empty())
    return Asked;
  if (Asked == Version{0, 0})
    return Have.back();
  auto It = std::lower_bound(Have.begin(), Have.end(), Asked);
  return It == Have.end() ? Have.back() : *It;
}

bool chooseWdk(const std::string &Dir, HeaderSet &Set, std::string &Error) {
  if (!fs::is_directory(Dir)) {
    Error = "--wdk=" + Dir + ": no such directory";
    return false;
  }
  // DIR is the kit root (DIR/Include/10.0.x) or its Include directory.
  std::string Include = childNoCase(Dir, "Include");
  std::string Kit = Include.empty() ? "" : newestKit(Include);
  if (Kit.empty()) {
    Include = Dir;
    Kit = newestKit(Include);
  }
  if (Kit.empty()) {
    Error = "--wdk=" + Dir +
            ": no Include/10.0.*/km in it (the Windows Driver Kit's root "
            "or its Include directory)";
    return false;
  }
  Set.K = HeaderSet::Wdk;
  Set.IncludeDir = Include;
  Set.KitVersion = Kit;
  Set.Root = std::string(path::parent_path(Include));
  std::string KitDir = join(Include, Kit);
  for (const char *Sub : {"shared", "um"})
    if (!fs::is_directory(join(KitDir, Sub))) {
      Error = "--wdk=" + Dir + ": " + join(KitDir, Sub) +
              " is missing (install the Windows SDK beside the WDK)";
      return false;
    }
  if (kmdfVersions(kmdfRoot(Set)).empty()) {
    Error = "--wdk=" + Dir + ": no " + join(Include, "wdf/kmdf/<version>/wdf.h") +
            " (the WDK's KMDF headers)";
    return false;
  }
  return true;
}

bool chooseKmdfHeaders(const std::string &Dir, const std::string &Share,
                       HeaderSet &Set, std::string &Error) {
  if (!fs::is_directory(Dir)) {
    Error = "--kmdf-headers=" + Dir + ": no such directory";
    return false;
  }
  Set.K = HeaderSet::KmdfHeaders;
  Set.Root = Dir;
  if (kmdfVersions(kmdfRoot(Set)).empty()) {
    Error = "--kmdf-headers=" + Dir + ": no " +
            join(Dir, "src/publicinc/wdf/kmdf/<version>/wdf.h") +
            " (a checkout of github.com/microsoft/Windows-Driver-Frameworks)";
    return false;
  }
  // Debian's mingw-w64-common; the prefix can be moved for tests.
  std::string Mingw = "/usr/share/mingw-w64/include";
  if (const char *Env = std::getenv("WDFCHECK_MINGW_INCLUDE"))
    Mingw = Env;
  if (!fs::exists(join(Mingw, "ddk/wdm.h"))) {
    Error = "--kmdf-headers: mingw-w64's DDK headers are missing (" +
            join(Mingw, "ddk/wdm.h") +
            "); install them: sudo apt-get install mingw-w64-common";
    return false;
  }
  Set.Mingw = Mingw;
  Set.Shim = join(Share, "shim");
  if (!fs::exists(join(Set.Shim, "wdfcheck-forced.h"))) {
    Error = "--kmdf-headers: wdfcheck's shim headers are missing (" +
            join(Set.Shim, "wdfcheck-forced.h") + "); reinstall wdfcheck";
    return false;
  }
  return true;
}

} // namespace

bool chooseHeaderSet(const HeaderSetOptions &Options, const std::string &Share,
                     HeaderSet &Set, std::string &Error) {
  Set = HeaderSet();
  Set.ModelDir = Share + "/include";
  if (!Options.Wdk.empty() && !Options.KmdfHeaders.empty()) {
    Error = "--wdk and --kmdf-headers name two header sets; give one";
    return false;
  }
  // Absolute: each compile command runs in its source's directory.
  if (!Options.Wdk.empty())
    return chooseWdk(absolutePath(Options.Wdk), Set, Error);
  if (!Options.KmdfHeaders.empty())
    return chooseKmdfHeaders(absolutePath(Options.KmdfHeaders), Share, Set,
                             Error);
  Set.K = HeaderSet::Model;
  return true;
}

std::map<std::string, std::string> headerProperties(const HeaderSet &Set) {
  switch (Set.K) {
  case HeaderSet::Wdk: {
    std::string Kit = join(Set.IncludeDir, Set.KitVersion);
    // MSBuild's directory properties end in a separator
    // ($(WDKContentRoot)Include\...); the *_INC_PATH ones do not.
    std::string Root = join(Set.Root, "");
    return {{"DDK_INC_PATH", join(Kit, "km")},
            {"SDK_INC_PATH", join(Kit, "um")},
            {"KIT_SHARED_INC_PATH", join(Kit, "shared")},
            {"CRT_INC_PATH", join(Kit, "ucrt")},
            {"KMDF_INC_PATH", join(kmdfRoot(Set), "")},
            {"WDK_CONTENT_ROOT", Root},
            {"WDKContentRoot", Root},
            {"WindowsSdkDir", Root},
            {"WindowsTargetPlatformVersion", Set.KitVersion}};
  }
  case HeaderSet::KmdfHeaders: {
    // mingw keeps the kernel headers in ddk/ and everything else, shared
    // and CRT headers included, in one directory.  No kit root exists.
    std::string Ddk = join(Set.Mingw, "ddk");
    return {{"DDK_INC_PATH", Ddk},
            {"SDK_INC_PATH", Set.Mingw},
            {"KIT_SHARED_INC_PATH", Set.Mingw},
            {"CRT_INC_PATH", Set.Mingw},
            {"KMDF_INC_PATH", join(kmdfRoot(Set), "")}};
  }
  case HeaderSet::Model:
    break;
  }
  return {{"DDK_INC_PATH", Set.ModelDir},
          {"SDK_INC_PATH", Set.ModelDir},
          {"KIT_SHARED_INC_PATH", Set.ModelDir},
          {"CRT_INC_PATH", Set.ModelDir}};
}

HeaderFlags headerFlags(const HeaderSet &Set, unsigned KmdfMajor,
                        unsigned KmdfMinor, bool Cxx, bool Debug,
                        const std::string &Platform) {
  HeaderFlags F;
  if (Set.K == HeaderSet::Model) {
    F.Before = {Cxx ? "-std=c++17" : "-std=c11"};
    if (Cxx)
      F.Before.insert(F.Before.begin(), {"-x", "c++"});
    if (Debug)
      F.Before.push_back("-DDBG=1");
    F.After = {"-I", Set.ModelDir};
    return F;
  }

  std::vector<std::string> &B = F.Before;
  llvm::StringRef P(Platform);
  bool Arm64 = P.equals_insensitive("ARM64") || P.equals_insensitive("ARM64EC");
  bool X86 = P.equals_insensitive("Win32") || P.equals_insensitive("x86");
  B.push_back(Arm64 ? "--target=aarch64-pc-windows-msvc"
              : X86 ? "--target=i686-pc-windows-msvc"
                    : "--target=x86_64-pc-windows-msvc");
  B.insert(B.end(), {"-fms-extensions", "-fms-compatibility"});
  // mingw's _mingw.h defines __attribute__(x) away when __GNUC__ is not
  // defined, which breaks the vector types of clang's own intrinsic
  // headers; with __GNUC__ it keeps its clang path.  The WDK needs none.
  if (Set.K == HeaderSet::KmdfHeaders)
    B.push_back("-fgnuc-version=4.2.1");
  if (Cxx)
    B.insert(B.end(), {"-x", "c++", "-std=c++17", "-fno-exceptions",
                       "-fno-rtti"});
  else
    B.insert(B.end(), {"-x", "c", "-std=gnu11"});

  // What the WDK's property sheets (and cl /kernel) define for a driver.
  if (Arm64)
    B.insert(B.end(), {"-D_ARM64_", "-DARM64", "-D_WIN64"});
  else if (X86)
    B.insert(B.end(), {"-D_X86_=1", "-Di386=1", "-DSTD_CALL"});
  else
    B.insert(B.end(), {"-D_AMD64_", "-DAMD64", "-D_WIN64"});
  B.insert(B.end(), {"-D_KERNEL_MODE", "-DWINNT=1", "-D_WIN32_WINNT=0x0A00",
                     "-DWINVER=0x0A00", "-DNTDDI_VERSION=0x0A00000C",
                     "-DDEPRECATE_DDK_FUNCTIONS=1", "-DMSC_NOOPT"});

  std::string KmdfRoot = kmdfRoot(Set);
  Version V = chooseKmdf(kmdfVersions(KmdfRoot), {KmdfMajor, KmdfMinor});
  B.push_back("-DKMDF_VERSION_MAJOR=" + std::to_string(V.first));
  B.push_back("-DKMDF_VERSION_MINOR=" + std::to_string(V.second));
  if (Debug)
    B.push_back("-DDBG=1");
  B.push_back("-I" + join(KmdfRoot, versionName(V)));

  std::vector<std::string> &A = F.After;
  if (Set.K == HeaderSet::Wdk) {
    std::string Kit = join(Set.IncludeDir, Set.KitVersion);
    for (const char *Sub : {"km", "km/crt", "shared"})
      if (fs::is_directory(join(Kit, Sub)))
        A.insert(A.end(), {"-isystem", join(Kit, Sub)});
    // The WDK's headers are written for cl: pragmas and attributes clang
    // does not know, and Windows' case-insensitive include spellings.
    A.insert(A.end(), {"-Wno-nonportable-include-path",
                       "-Wno-ignored-pragma-intrinsic", "-Wno-unknown-pragmas",
                       "-Wno-ignored-attributes",
                       "-Wno-microsoft-enum-forward-reference"});
    return F;
  }

  // KMDF headers: the shim's forced header first (it settles clashes
  // between mingw headers before either is read), its overlays in front
  // of mingw (they #include_next the mingw header, then add to it), its
  // stand-ins for headers mingw lacks behind it (a real one wins).
  B.insert(B.end(), {"-include", join(Set.Shim, "wdfcheck-forced.h")});
  A.insert(A.end(), {"-isystem", join(Set.Shim, "overlay"), "-isystem",
                     join(Set.Mingw, "ddk"), "-isystem", Set.Mingw,
                     "-isystem", join(Set.Shim, "standalone")});
  // Noise of the substitution only: Windows' include spellings (the case
  // folding file system finds the file), mingw's pshpack/poppack and
  // #warning lines, cl-only pragmas and attributes in the WDF headers,
  // and the forward-declared enums of the WDF headers.
  A.insert(A.end(), {"-Wno-nonportable-include-path", "-Wno-pragma-pack",
                     "-Wno-#warnings", "-Wno-ignored-pragma-intrinsic",
                     "-Wno-unknown-pragmas", "-Wno-ignored-attributes",
                     "-Wno-microsoft-enum-forward-reference"});
  return F;
}

} // namespace wdfcheck
