// WM009 wdf.UncheckedStatus: a handle or buffer from WdfMemoryCreate* or
// WdfRequestRetrieve* used on a path where that call failed.
// RUN: %wdf_analyze -analyzer-checker=wdf.UncheckedStatus -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UncheckedStatus -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UncheckedStatus -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'kchU'

void UncheckedCreate(void) {
  WDFMEMORY memory;
  WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL);
  WdfObjectDelete(memory); // expected-warning{{the handle from WdfMemoryCreate is used on a path where WdfMemoryCreate failed: its NTSTATUS was not checked and the handle is NULL; check NT_SUCCESS(status) before using it}} expected-note{{the handle from WdfMemoryCreate is used on a path where WdfMemoryCreate failed: its NTSTATUS was not checked and the handle is NULL; check NT_SUCCESS(status) before using it}}
}

void UncheckedBuffer(void) {
  WDFMEMORY memory;
  ULONG *buffer;
  WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, (PVOID *)&buffer);
  buffer[0] = 0; // expected-warning{{the buffer from WdfMemoryCreate is used on a path where WdfMemoryCreate failed: its NTSTATUS was not checked and the buffer is NULL; check NT_SUCCESS(status) before using it}} expected-note{{the buffer from WdfMemoryCreate is used on a path where WdfMemoryCreate failed: its NTSTATUS was not checked and the buffer is NULL; check NT_SUCCESS(status) before using it}}
  WdfObjectDelete(memory);
}

// A memory descriptor is filled only to be sent: filling it uses the handle.
EVT_WDF_IO_QUEUE_IO_WRITE UncheckedDescribed;
VOID UncheckedDescribed(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY input;
  WDF_MEMORY_DESCRIPTOR descriptor;
  WdfRequestRetrieveInputMemory(Request, &input);
  WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(&descriptor, input, NULL); // expected-warning{{the handle from WdfRequestRetrieveInputMemory is used on a path where WdfRequestRetrieveInputMemory failed: its NTSTATUS was not checked and the handle is NULL; check NT_SUCCESS(status) before using it}} expected-note{{the handle from WdfRequestRetrieveInputMemory is used on a path where WdfRequestRetrieveInputMemory failed: its NTSTATUS was not checked and the handle is NULL; check NT_SUCCESS(status) before using it}}
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

EVT_WDF_IO_QUEUE_IO_READ UncheckedRetrieve;
VOID UncheckedRetrieve(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  ULONG *out;
  WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG), (PVOID *)&out, NULL);
  *out = 1; // expected-warning{{the buffer from WdfRequestRetrieveOutputBuffer is used on a path where WdfRequestRetrieveOutputBuffer failed: its NTSTATUS was not checked and the buffer is NULL; check NT_SUCCESS(status) before using it}} expected-note{{the buffer from WdfRequestRetrieveOutputBuffer is used on a path where WdfRequestRetrieveOutputBuffer failed: its NTSTATUS was not checked and the buffer is NULL; check NT_SUCCESS(status) before using it}}
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof(ULONG));
}

EVT_WDF_IO_QUEUE_IO_WRITE UncheckedRetrieveMemory;
VOID UncheckedRetrieveMemory(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY input;
  ULONG value;
  WdfRequestRetrieveInputMemory(Request, &input);
  WdfMemoryCopyToBuffer(input, 0, &value, sizeof value); // expected-warning{{the handle from WdfRequestRetrieveInputMemory is used on a path where WdfRequestRetrieveInputMemory failed: its NTSTATUS was not checked and the handle is NULL; check NT_SUCCESS(status) before using it}} expected-note{{the handle from WdfRequestRetrieveInputMemory is used on a path where WdfRequestRetrieveInputMemory failed: its NTSTATUS was not checked and the handle is NULL; check NT_SUCCESS(status) before using it}}
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// The failure branch goes on as if the call had succeeded.
NTSTATUS FailureBranchUse(WDFREQUEST Request) {
  WDFMEMORY memory;
  NTSTATUS status = WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL);
  if (!NT_SUCCESS(status)) // expected-note{{'status' is < 0}} expected-note{{'status' is < 0}} expected-note{{Taking true branch}}
    WdfObjectDelete(memory); // expected-warning{{the handle from WdfMemoryCreate is used on a path where WdfMemoryCreate failed: its NTSTATUS was not checked and the handle is NULL; check NT_SUCCESS(status) before using it}} expected-note{{the handle from WdfMemoryCreate is used on a path where WdfMemoryCreate failed: its NTSTATUS was not checked and the handle is NULL; check NT_SUCCESS(status) before using it}}
  return status;
}

// ---- clean ------------------------------------------------------------------

EVT_WDF_IO_QUEUE_IO_READ CheckedStatus;
VOID CheckedStatus(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  ULONG *out;
  NTSTATUS status = WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG), (PVOID *)&out, NULL);
  if (!NT_SUCCESS(status)) {
    WdfRequestComplete(Request, status);
    return;
  }
  *out = 1; // no-warning
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof(ULONG));
}

EVT_WDF_IO_QUEUE_IO_READ CheckedByNull;
VOID CheckedByNull(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory = NULL;
  WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL);
  if (memory == NULL) {
    WdfRequestComplete(Request, STATUS_NO_MEMORY);
    return;
  }
  WdfObjectDelete(memory); // no-warning
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// The variable is given another value before it is used.
void Reassigned(WDFMEMORY other) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    memory = other;
  WdfObjectDelete(memory); // no-warning
}

// The out-parameter is a field of a structure the caller passed.
typedef struct { WDFMEMORY Ring; } SUBSCRIBER;
void FieldOutParameter(SUBSCRIBER *Subscriber, PVOID Storage) {
  WdfMemoryCreatePreallocated(WDF_NO_OBJECT_ATTRIBUTES, Storage, 64, &Subscriber->Ring);
  WdfMemoryGetBuffer(Subscriber->Ring, NULL); // expected-warning{{the handle from WdfMemoryCreatePreallocated is used on a path where WdfMemoryCreatePreallocated failed: its NTSTATUS was not checked and the handle is NULL; check NT_SUCCESS(status) before using it}} expected-note{{the handle from WdfMemoryCreatePreallocated is used on a path where WdfMemoryCreatePreallocated failed: its NTSTATUS was not checked and the handle is NULL; check NT_SUCCESS(status) before using it}}
}

// A helper that ignores the status and returns the buffer.
static PVOID InputOf(WDFREQUEST Request) {
  PVOID buffer = NULL;
  WdfRequestRetrieveInputBuffer(Request, sizeof(ULONG), &buffer, NULL);
  return buffer;
}

EVT_WDF_IO_QUEUE_IO_WRITE ThroughHelper;
VOID ThroughHelper(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  ULONG *input = (ULONG *)InputOf(Request);
  ULONG value = *input; // expected-warning{{the buffer from WdfRequestRetrieveInputBuffer is used on a path where WdfRequestRetrieveInputBuffer failed: its NTSTATUS was not checked and the buffer is NULL; check NT_SUCCESS(status) before using it}} expected-note{{the buffer from WdfRequestRetrieveInputBuffer is used on a path where WdfRequestRetrieveInputBuffer failed: its NTSTATUS was not checked and the buffer is NULL; check NT_SUCCESS(status) before using it}}
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, value);
}

// The helper's caller checks the result against NULL: clean.
EVT_WDF_IO_QUEUE_IO_WRITE ThroughHelperChecked;
VOID ThroughHelperChecked(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  ULONG *input = (ULONG *)InputOf(Request);
  if (input == NULL) {
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return;
  }
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, *input); // no-warning
}
