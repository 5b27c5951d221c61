// WM008 for a DDI added with one row of rules/ddis.def and nothing else:
// WdfIoTargetSendIoctlSynchronously waits for the IOCTL it sends, so it runs
// at PASSIVE_LEVEL only.  The declaration here carries no SAL annotation
// (the model headers do not declare the DDI): the row alone is the fact.
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

NTSTATUS WdfIoTargetSendIoctlSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request, ULONG IoctlCode, PVOID InputBuffer, PVOID OutputBuffer, PVOID RequestOptions, PULONG_PTR BytesReturned);

typedef struct {
  WDFIOTARGET Target;
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetContext)

EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL ForwardIoctl;
VOID ForwardIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL)}}
  ULONG_PTR returned = 0;
  NTSTATUS status = WdfIoTargetSendIoctlSynchronously(GetContext(Queue)->Target, NULL, IoControlCode, NULL, NULL, NULL, &returned); // expected-warning{{WdfIoTargetSendIoctlSynchronously is called at DISPATCH_LEVEL (EvtIoDeviceControl callbacks can run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below; set WdfExecutionLevelPassive on the queue, defer to a work item, or, if only PASSIVE_LEVEL callers reach it, say so with PAGED_CODE()}} expected-note{{WdfIoTargetSendIoctlSynchronously is called at DISPATCH_LEVEL}}
  WdfRequestCompleteWithInformation(Request, status, returned);
}

EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL PagedForwardIoctl;
VOID PagedForwardIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) {
  ULONG_PTR returned = 0;
  NTSTATUS status;
  PAGED_CODE();
  status = WdfIoTargetSendIoctlSynchronously(GetContext(Queue)->Target, NULL, IoControlCode, NULL, NULL, NULL, &returned); // no-warning
  WdfRequestCompleteWithInformation(Request, status, returned);
}

EVT_WDF_WORKITEM ForwardLater;
VOID ForwardLater(WDFWORKITEM WorkItem) {
  ULONG_PTR returned = 0;
  WdfIoTargetSendIoctlSynchronously(GetContext(WorkItem)->Target, NULL, 0x222000, NULL, NULL, NULL, &returned); // no-warning
}
