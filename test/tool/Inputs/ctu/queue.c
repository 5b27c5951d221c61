#include <ntddk.h>
#include <wdf.h>
#include "util.h"

/* Completes the request, then hands its input memory to a helper of
   util.c, which reads it: the memory went with the request. */
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL EvtIoDeviceControl;
VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                        size_t OutputBufferLength, size_t InputBufferLength,
                        ULONG IoControlCode) {
  WDFMEMORY memory;
  NTSTATUS status = WdfRequestRetrieveInputMemory(Request, &memory);
  if (!NT_SUCCESS(status)) {
    WdfRequestComplete(Request, status);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
  UtilTouch(memory);
}

/* No DDI here: only the calls into util.c make it matter. */
VOID DropTwice(WDFMEMORY Memory) {
  UtilDelete(Memory);
  UtilDelete(Memory);
}

/* Clean: the helper reads the memory before it is deleted. */
VOID TouchThenDrop(WDFMEMORY Memory) {
  UtilTouch(Memory);
  UtilDelete(Memory);
}
