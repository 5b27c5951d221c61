// WM011 through the wdfcheck command, which skips top-level functions that
// cannot lead to a wdf finding: a DPC whose only call is to pageable code,
// and pageable code whose only call is KeSetEvent(..., TRUE), still can.
#include <ntddk.h>
#include <wdf.h>

static ULONG Count;

VOID ResetCount(VOID) {
  PAGED_CODE();
  Count = 0;
}

EVT_WDF_DPC CountDpc;
VOID CountDpc(WDFDPC Dpc) {
  ResetCount();
}

VOID SignalAndWait(PKEVENT Event) {
  PAGED_CODE();
  KeSetEvent(Event, IO_NO_INCREMENT, TRUE);
}
