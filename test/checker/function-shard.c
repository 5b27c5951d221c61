// wdf.IrqlModel:FunctionShard=i/n explores only part i of n of the file's
// top-level functions, dealt out longest first to the emptiest part:
// Longest alone in part 0, the two shorter ones in part 1.  A value that is
// not "i/n" with i < n is an error.
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql -analyzer-config wdf.IrqlModel:FunctionShard=0/2 -verify=part0 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql -analyzer-config wdf.IrqlModel:FunctionShard=1/2 -verify=part1 %s
// RUN: not %wdf_analyze -analyzer-checker=wdf.PoolIrql -analyzer-config wdf.IrqlModel:FunctionShard=2/2 %s 2>&1 | FileCheck --check-prefix=BAD %s
// BAD: error: invalid input for checker option 'wdf.IrqlModel:FunctionShard', that expects "i/n" with 0 <= i < n
#include <ntddk.h>
#include <wdf.h>

EVT_WDF_DPC Longest;
VOID Longest(WDFDPC Dpc) { // part0-note{{entered at DISPATCH_LEVEL}}
  PVOID p = ExAllocatePoolWithTag(PagedPool, 16, 'gnoL'); // part0-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL}} part0-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL}}
  if (p) {
    RtlZeroMemory(p, 16);
    ExFreePoolWithTag(p, 'gnoL');
  }
}

EVT_WDF_DPC Shorter;
VOID Shorter(WDFDPC Dpc) { // part1-note{{entered at DISPATCH_LEVEL}}
  PVOID p = ExAllocatePoolWithTag(PagedPool, 8, 'trhS'); // part1-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL}} part1-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL}}
  if (p)
    ExFreePoolWithTag(p, 'trhS');
}

EVT_WDF_DPC Short;
VOID Short(WDFDPC Dpc) { // part1-note{{entered at DISPATCH_LEVEL}}
  PVOID p = ExAllocatePoolWithTag(PagedPool, 4, 'trhS'); // part1-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL}} part1-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL}}
  ExFreePoolWithTag(p, 'trhS');
}
