// Leaks confirmed by growth (WM002, WM004): the harness runs the scenario N
// times, counts per creation site the memory objects made during I/O that
// are still parented to the driver, runs it N more times and counts again.
// A site whose count grew leaks; WM004 when no copy of the handle is left
// anywhere the driver keeps data, WM002 when one is (a growing list here).
// An object replaced at each request, or parented to its request, does not
// grow and is not reported.
// RUN: %wdfrt_driver %s %wdfrt_link -o %t
// RUN: not %t --repeat 3 -e 'write 8' -e 'read 8' -e 'ioctl 0x222000 0 0' 2> %t.err
// RUN: FileCheck %s < %t.err
// The same in the MemorySanitizer build (the scan reads never-written bytes
// without complaint):
// RUN: %wdfrt_msan_driver %s %wdfrt_msan_link -o %t.msan
// RUN: not %t.msan --repeat 3 -e 'write 8' -e 'read 8' -e 'ioctl 0x222000 0 0' 2> %t.msan.err
// RUN: FileCheck %s < %t.msan.err
// Without the second run there is no growth to see:
// RUN: %t --no-leak-check --repeat 3 -e 'write 8' -e 'read 8' 2>&1 | FileCheck --check-prefix=NOCHECK %s
#include <ntddk.h>
#include <wdf.h>

typedef struct _ENTRY {
  struct _ENTRY *Next;
  WDFMEMORY Memory;
} ENTRY;

typedef struct _CONTEXT {
  ENTRY *Kept;     /* every write's copy, in a list that only grows */
  WDFMEMORY Last;  /* the last IOCTL's buffer, replaced each time */
} CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CONTEXT, GetContext)

static VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  CONTEXT *context = GetContext(WdfIoQueueGetDevice(Queue));
  WDFMEMORY copy;
  ENTRY *entry = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof *entry, 'tseT');
  if (entry && NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                          'tseT', Length, &copy, NULL))) {
    // CHECK-DAG: leaks.c:[[@LINE-2]]: error: memory objects made here by WdfMemoryCreate have no parent and pile up: 3 alive after 9 requests, 6 after 18, all owned by the driver until unload (set attributes.ParentObject, or delete them) [WM002 wdf.MissingParent]
    entry->Memory = copy;
    entry->Next = context->Kept;
    context->Kept = entry;
  }
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Length);
}

static VOID EvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY scratch;
  WDF_OBJECT_ATTRIBUTES attributes;
  UNREFERENCED_PARAMETER(Queue);
  WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 'tseT', 32, &scratch, NULL);
  // CHECK-DAG: leaks.c:[[@LINE-1]]: error: memory objects made here by WdfMemoryCreate pile up, parented to the driver with no handle left anywhere: 3 after 9 requests, 6 after 18; only unload frees them (delete each, or parent it to the request) [WM004 wdf.HandleLeak]
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  WdfMemoryCreate(&attributes, NonPagedPoolNx, 'tseT', 32, &scratch, NULL);
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, 0);
  UNREFERENCED_PARAMETER(Length);
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  CONTEXT *context = GetContext(WdfIoQueueGetDevice(Queue));
  WDFMEMORY last;
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  UNREFERENCED_PARAMETER(IoControlCode);
  if (NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                 'tseT', 16, &last, NULL))) {
    if (context->Last)
      WdfObjectDelete(context->Last);
    context->Last = last;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_IO_QUEUE_CONFIG config;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFDEVICE device;
  UNREFERENCED_PARAMETER(Driver);
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, CONTEXT);
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
  if (!NT_SUCCESS(status))
    return status;
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchParallel);
  config.EvtIoRead = EvtIoRead;
  config.EvtIoWrite = EvtIoWrite;
  config.EvtIoDeviceControl = EvtIoDeviceControl;
  return WdfIoQueueCreate(device, &config, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  WDF_DRIVER_CONFIG_INIT(&config, EvtDeviceAdd);
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                         &config, WDF_NO_HANDLE);
}
// CHECK: wdfrt: 2 findings (1 WM002, 1 WM004) in 18 requests
// NOCHECK: wdfrt: 0 findings in 6 requests
