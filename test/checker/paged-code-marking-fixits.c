// WM012's fix-it: PAGED_CODE(); on a line of its own before the first
// statement of a PAGE-section function that lacks it, indented as that
// statement.  An empty body, or PAGED_CODE() outside a section: no fix-it.
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCodeMarking -analyzer-config wdf.PagedCodeMarking:ShowFixIts=true -fdiagnostics-parseable-fixits %msvc %s 2>&1 | FileCheck %s
#include <ntddk.h>
#include <wdf.h>

VOID Unmarked(ULONG *Counters);
#pragma alloc_text(PAGE, Unmarked)
VOID Unmarked(ULONG *Counters) {
    ULONG i;
    for (i = 0; i < 4; i++)
        Counters[i] = 0;
}
// CHECK: warning: 'Unmarked' is in a PAGE section but does not state PAGED_CODE()
// CHECK: fix-it:"{{.*}}paged-code-marking-fixits.c":{[[@LINE-5]]:5-[[@LINE-5]]:5}:"PAGED_CODE();\n    "

#pragma code_seg("PAGE")
VOID Empty(VOID) {}
#pragma code_seg()
// CHECK: warning: 'Empty' is in a PAGE section but does not state PAGED_CODE()
// CHECK-NOT: fix-it:

VOID Resident(VOID) {
  PAGED_CODE();
}
// CHECK: warning: 'Resident' states PAGED_CODE() but is not in a PAGE section
// CHECK-NOT: fix-it:
