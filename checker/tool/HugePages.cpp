//===- HugePages.cpp - the heap in transparent huge pages -----------------===//
//
// Part of wdfcheck.
//
// Parsing a driver file against the WDK's headers builds some 40 MB of AST
// in small allocations.  With 4 KB pages every first touch of a page is a
// page fault, and on the virtual machines that run CI and many editors a
// fault is expensive: on 2-CPU VMs the faults were a quarter of a file's
// time.  glibc's malloc can ask for 2 MB transparent huge pages instead
// (tunable glibc.malloc.hugetlb=1, glibc 2.35 and newer), a quarter of the
// faults and a third less time per file (bench/README.md).  Tunables are
// read only when a program starts, so wdfcheck sets the variable and starts
// itself again.  GLIBC_TUNABLES naming glibc.malloc.hugetlb already (set to
// 0 to keep small pages) is left as it is.
//
//===----------------------------------------------------------------------===//
#include "HugePages.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <gnu/libc-version.h>
#include <unistd.h>

namespace wdfcheck {
namespace {

const char TunablesVar[] = "GLIBC_TUNABLES";
const char HugeTlbTunable[] = "glibc.malloc.hugetlb";

bool glibcKnowsHugeTlb() {
  int Major = 0, Minor = 0;
  if (std::sscanf(gnu_get_libc_version(), "%d.%d", &Major, &Minor) != 2)
    return false;
  return Major > 2 || (Major == 2 && Minor >= 35);
}

/// "always [madvise] never": huge pages on request ([madvise]) or for
/// every large enough mapping ([always], where malloc's alignment to them
/// still saves faults); [never] gives none.
bool kernelGrantsHugePages() {
  std::FILE *F =
      std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
  if (!F)
    return false;
  char Mode[128] = {0};
  bool Read = std::fgets(Mode, sizeof Mode, F) != nullptr;
  std::fclose(F);
  return Read && !std::strstr(Mode, "[never]");
}

} // namespace

void restartWithHugePageHeap(const char **Argv) {
  const char *Old = std::getenv(TunablesVar);
  if (Old && std::strstr(Old, HugeTlbTunable))
    return; // decided by the user, or this is the restarted program
  if (!glibcKnowsHugeTlb() || !kernelGrantsHugePages())
    return;
  std::string Saved = Old ? Old : "";
  std::string New = std::string(HugeTlbTunable) + "=1";
  if (!Saved.empty())
    New = Saved + ":" + New;
  if (setenv(TunablesVar, New.c_str(), 1) != 0)
    return;
  execv("/proc/self/exe", const_cast<char *const *>(Argv));
  // No restart (no /proc, say): run as started, the variable as it was.
  if (Old)
    setenv(TunablesVar, Saved.c_str(), 1);
  else
    unsetenv(TunablesVar);
}

} // namespace wdfcheck
