#include <ntddk.h>
#include <wdf.h>
#include "roles.h"

/* On device.c's passive queue: waiting is fine. */
VOID EvtPassiveRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  LARGE_INTEGER delay;
  delay.QuadPart = -10000;
  KeDelayExecutionThread(KernelMode, FALSE, &delay);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

/* On device.c's dispatch-level queue: the wait can run at DISPATCH_LEVEL. */
VOID EvtDispatchWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  LARGE_INTEGER delay;
  delay.QuadPart = -10000;
  KeDelayExecutionThread(KernelMode, FALSE, &delay);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}
