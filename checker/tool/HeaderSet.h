//===- HeaderSet.h - the kernel headers a driver project is checked with --===//
//
// A Windows driver includes the WDK's headers.  wdfcheck takes them, in this
// order, from:
//   1. a real WDK (--wdk=DIR: its Include tree);
//   2. --kmdf-headers=DIR, a Windows-Driver-Frameworks checkout (its
//      src/publicinc/wdf/kmdf/<version>), with mingw-w64's DDK headers
//      (Debian's mingw-w64-common) and wdfcheck's own shim headers for what
//      mingw lacks (share/wdfcheck/shim);
//   3. wdfcheck's model headers (share/wdfcheck/include).
// This says which set is used, the MSBuild macros it answers, and the
// compiler flags that put it in front of clang.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_HEADERSET_H
#define WDFCHECK_TOOL_HEADERSET_H

#include <map>
#include <string>
#include <vector>

namespace wdfcheck {

struct HeaderSetOptions {
  std::string Wdk;         // --wdk
  std::string KmdfHeaders; // --kmdf-headers
};

struct HeaderSet {
  enum Kind { Wdk, KmdfHeaders, Model } K = Model;
  std::string Root;   // the WDK or the WDF checkout; "" for the model set
  std::string Mingw;  // mingw-w64's include directory (KmdfHeaders)
  std::string Shim;   // share/wdfcheck/shim (KmdfHeaders)
  std::string ModelDir; // share/wdfcheck/include
  std::string IncludeDir; // the WDK's Include directory (Wdk)
  std::string KitVersion; // its newest 10.0.* (Wdk)
};

// Chooses the set the options name and checks that it is there.  False
// with Error (what is missing, and how to get it) otherwise.
bool chooseHeaderSet(const HeaderSetOptions &Options, const std::string &Share,
                     HeaderSet &Set, std::string &Error);

// The MSBuild properties the set answers: DDK_INC_PATH, SDK_INC_PATH,
// KIT_SHARED_INC_PATH, CRT_INC_PATH, WDK_CONTENT_ROOT, ... (a property
// the set cannot answer is left out: the project reports it once).
std::map<std::string, std::string> headerProperties(const HeaderSet &Set);

// What a compile command of the set holds around the project's own
// defines and include directories.
struct HeaderFlags {
  std::vector<std::string> Before; // target, language, kernel-mode macros,
                                   // the KMDF version's include dir, -include
  std::vector<std::string> After;  // system include dirs, -Wno-* for noise
                                   // of the header substitution
};

// KmdfMajor.KmdfMinor: the project's version, 0.0 for the newest the set
// has (the nearest it has when it lacks the one asked for).
HeaderFlags headerFlags(const HeaderSet &Set, unsigned KmdfMajor,
                        unsigned KmdfMinor, bool Cxx, bool Debug,
                        const std::string &Platform);

} // namespace wdfcheck

#endif
