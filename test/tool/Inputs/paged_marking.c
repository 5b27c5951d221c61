// A function in a PAGE section that does not state PAGED_CODE(): WM012, a
// note.  (clang's section attribute: the tool tests compile without
// Microsoft extensions, where #pragma alloc_text is ignored.)
#include <ntddk.h>
#include <wdf.h>

__attribute__((section("PAGE")))
VOID ResetCounters(ULONG *Counters, ULONG Count) {
  ULONG i;
  for (i = 0; i < Count; i++)
    Counters[i] = 0;
}
