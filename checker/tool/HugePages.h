//===- HugePages.h - the heap in transparent huge pages ----------*- C++ -*-===//
//
// Part of wdfcheck.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_HUGEPAGES_H
#define WDFCHECK_TOOL_HUGEPAGES_H

namespace wdfcheck {

/// Starts this program again, once, with glibc's malloc asked to back the
/// heap with transparent huge pages (GLIBC_TUNABLES=glibc.malloc.hugetlb=1),
/// when the kernel grants them on request and the user has not said either
/// way.  Returns when there is nothing to do or the restart failed.
void restartWithHugePageHeap(const char **Argv);

} // namespace wdfcheck

#endif
