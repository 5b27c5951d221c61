// File objects as KMDF makes them: 'open' makes a WDFFILEOBJECT (child of
// the device, its context zeroed) and calls EvtDeviceFileCreate at
// PASSIVE_LEVEL with a create request; the requests that follow carry the
// file object (none before an open); a create completed with an error
// deletes the file object; 'close' calls EvtFileCleanup at once and
// EvtFileClose (PASSIVE_LEVEL) once no request carries the file, then
// deletes it with its children; unload closes the handles still open before
// the device stops; bad 'open'/'close' steps are rejected.
// RUN: %wdfrt_driver %s %wdfrt_link -o %t
// RUN: %t --verbose --no-leak-check -e 'ioctl 0x222000 0 0' -e open \
// RUN:    -e 'ioctl 0x222000 0 0' -e 'ioctl 0x222004 0 0' -e open -e open \
// RUN:    -e 'ioctl 0x222000 0 0' -e 'ioctl 0x222008 0 0' -e close \
// RUN:    -e 'ioctl 0x222000 0 0' -e 'ioctl 0x22200C 0 0' -e open > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=CLEAN %s < %t.err
// RUN: %wdfrt_msan_driver %s %wdfrt_msan_link -o %t.msan
// RUN: %t.msan --verbose --no-leak-check -e 'ioctl 0x222000 0 0' -e open \
// RUN:    -e 'ioctl 0x222000 0 0' -e 'ioctl 0x222004 0 0' -e open -e open \
// RUN:    -e 'ioctl 0x222000 0 0' -e 'ioctl 0x222008 0 0' -e close \
// RUN:    -e 'ioctl 0x222000 0 0' -e 'ioctl 0x22200C 0 0' -e open > %t.msan.out 2> %t.msan.err
// RUN: FileCheck %s < %t.msan.out
// RUN: FileCheck --check-prefix=CLEAN %s < %t.msan.err
//
// Bad steps: an argument, and a close with nothing open (exit status 2).
// RUN: not %t -e 'open 1' 2>&1 | FileCheck --check-prefix=ARG %s
// RUN: %t -e 'close now' 2> /dev/null; test $? -eq 2
// RUN: not %t -e 'close now' 2>&1 | FileCheck --check-prefix=CLOSEARG %s
// RUN: %t -e close 2> %t.none; test $? -eq 2
// RUN: FileCheck --check-prefix=NONE %s < %t.none
// ARG: error: 'open' takes no arguments
// CLOSEARG: error: 'close' takes no arguments
// NONE: wdfrt: error: 'close' with no handle open (an 'open' step must come first)
#include <ntddk.h>
#include <wdf.h>
#include <stdio.h>

#define IOCTL_SHOW 0x222000          /* prints the request's file object */
#define IOCTL_FAIL_NEXT_OPEN 0x222004
#define IOCTL_HOLD 0x222008          /* keeps the request: the file stays */
#define IOCTL_RELEASE 0x22200C       /* completes the held request */

typedef struct _FILE_CONTEXT {
  int Id;
  int Zero[4];
} FILE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(FILE_CONTEXT, FileOf)

typedef struct _CHILD_CONTEXT {
  int FileId;
} CHILD_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CHILD_CONTEXT, ChildOf)

static WDFDEVICE TheDevice;
static int Opens, FailNextOpen;
static WDFREQUEST Held;

static int Id(WDFFILEOBJECT File) { return File ? FileOf(File)->Id : 0; }

static VOID ChildCleanup(WDFOBJECT Object) {
  printf("child of file %d: cleanup\n", ChildOf(Object)->FileId);
}

static VOID FileObjectCleanup(WDFOBJECT Object) {
  printf("file %d: object cleanup\n", FileOf(Object)->Id);
}

static VOID EvtFileCreate(WDFDEVICE Device, WDFREQUEST Request,
                          WDFFILEOBJECT FileObject) {
  FILE_CONTEXT *context = FileOf(FileObject);
  WDF_REQUEST_PARAMETERS parameters;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY child;
  printf("file create: irql %u, context zero %d, device %d, request's file "
         "%d\n",
         (unsigned)KeGetCurrentIrql(),
         context->Id == 0 && context->Zero[0] == 0 && context->Zero[3] == 0,
         Device == TheDevice, WdfRequestGetFileObject(Request) == FileObject);
  WdfRequestGetParameters(Request, &parameters);
  printf("create request type %d\n", (int)parameters.Type);
  context->Id = ++Opens;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, CHILD_CONTEXT);
  attributes.ParentObject = FileObject;
  attributes.EvtCleanupCallback = ChildCleanup;
  if (NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, 'eliF', 8,
                                 &child, NULL)))
    ChildOf(child)->FileId = context->Id;
  if (FailNextOpen) {
    FailNextOpen = 0;
    printf("file %d: create fails\n", context->Id);
    WdfRequestComplete(Request, STATUS_ACCESS_DENIED);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID EvtFileCleanup(WDFFILEOBJECT FileObject) {
  printf("file %d: cleanup, irql %u\n", Id(FileObject),
         (unsigned)KeGetCurrentIrql());
}

static VOID EvtFileClose(WDFFILEOBJECT FileObject) {
  printf("file %d: close, irql %u, device %d\n", Id(FileObject),
         (unsigned)KeGetCurrentIrql(),
         WdfFileObjectGetDevice(FileObject) == TheDevice);
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  printf("ioctl 0x%X: file %d\n", (unsigned)IoControlCode,
         Id(WdfRequestGetFileObject(Request)));
  switch (IoControlCode) {
  case IOCTL_FAIL_NEXT_OPEN:
    FailNextOpen = 1;
    break;
  case IOCTL_HOLD:
    Held = Request;
    return;
  case IOCTL_RELEASE:
    if (Held) {
      printf("completing the held request\n");
      WdfRequestComplete(Held, STATUS_SUCCESS);
      Held = NULL;
    }
    break;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static NTSTATUS EvtD0Exit(WDFDEVICE Device, WDF_POWER_DEVICE_STATE State) {
  UNREFERENCED_PARAMETER(Device);
  UNREFERENCED_PARAMETER(State);
  printf("device D0 exit\n");
  return STATUS_SUCCESS;
}

static NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_FILEOBJECT_CONFIG fileConfig;
  WDF_PNPPOWER_EVENT_CALLBACKS pnp;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_IO_QUEUE_CONFIG queueConfig;
  UNREFERENCED_PARAMETER(Driver);
  WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnp);
  pnp.EvtDeviceD0Exit = EvtD0Exit;
  WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnp);
  WDF_FILEOBJECT_CONFIG_INIT(&fileConfig, EvtFileCreate, EvtFileClose,
                             EvtFileCleanup);
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, FILE_CONTEXT);
  attributes.EvtCleanupCallback = FileObjectCleanup;
  WdfDeviceInitSetFileObjectConfig(DeviceInit, &fileConfig, &attributes);
  NTSTATUS status =
      WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &TheDevice);
  if (!NT_SUCCESS(status))
    return status;
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig,
                                         WdfIoQueueDispatchParallel);
  queueConfig.EvtIoDeviceControl = EvtIoDeviceControl;
  return WdfIoQueueCreate(TheDevice, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                          WDF_NO_HANDLE);
}

static VOID EvtDriverUnload(WDFDRIVER Driver) {
  UNREFERENCED_PARAMETER(Driver);
  printf("driver unload\n");
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  WDF_DRIVER_CONFIG_INIT(&config, EvtDeviceAdd);
  config.EvtDriverUnload = EvtDriverUnload;
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                         &config, WDF_NO_HANDLE);
}

// A request on no handle carries no file object.
// CHECK:      ioctl 0x222000: file 0
// CHECK-NEXT: request 1 (ioctl 0x222000 0 0): status 0x00000000
//
// The create at PASSIVE_LEVEL (0), the context zeroed, the create request
// (WdfRequestTypeCreate, 0) carrying the file object.
// CHECK-NEXT: file create: irql 0, context zero 1, device 1, request's file 1
// CHECK-NEXT: create request type 0
// CHECK-NEXT: open: status 0x00000000
//
// Later requests carry it.
// CHECK-NEXT: ioctl 0x222000: file 1
// CHECK-NEXT: request 2
// CHECK-NEXT: ioctl 0x222004: file 1
// CHECK-NEXT: request 3
//
// A create completed with an error: no cleanup, no close; the file object
// is deleted with its child (cleanup child first).
// CHECK-NEXT: file create: irql 0, context zero 1, device 1, request's file 1
// CHECK-NEXT: create request type 0
// CHECK-NEXT: file 2: create fails
// CHECK-NEXT: child of file 2: cleanup
// CHECK-NEXT: file 2: object cleanup
// CHECK-NEXT: open: status 0xC0000022, the file object is deleted
//
// The newest handle still open is the one requests carry.
// CHECK-NEXT: file create: irql 0
// CHECK-NEXT: create request type 0
// CHECK-NEXT: open: status 0x00000000
// CHECK-NEXT: ioctl 0x222000: file 3
// CHECK-NEXT: request 4
// CHECK-NEXT: ioctl 0x222008: file 3
// CHECK-NEXT: request 5 (ioctl 0x222008 0 0): pending, the driver holds it
//
// Closing file 3: EvtFileCleanup now; EvtFileClose waits for the held
// request, which carries the file.  Requests now carry file 1 again.
// CHECK-NEXT: file 3: cleanup, irql 0
// CHECK-NEXT: close
// CHECK-NEXT: ioctl 0x222000: file 1
// CHECK-NEXT: request 6
// CHECK-NEXT: ioctl 0x22200C: file 1
// CHECK-NEXT: completing the held request
// CHECK-NEXT: file 3: close, irql 0, device 1
// CHECK-NEXT: child of file 3: cleanup
// CHECK-NEXT: file 3: object cleanup
// CHECK-NEXT: request 7
//
// Unload: the handles still open are closed (newest first) before the
// device stops.
// CHECK-NEXT: file create: irql 0
// CHECK-NEXT: create request type 0
// CHECK-NEXT: open: status 0x00000000
// CHECK-NEXT: file 4: cleanup, irql 0
// CHECK-NEXT: file 1: cleanup, irql 0
// CHECK-NEXT: file 4: close, irql 0, device 1
// CHECK-NEXT: child of file 4: cleanup
// CHECK-NEXT: file 4: object cleanup
// CHECK-NEXT: file 1: close, irql 0, device 1
// CHECK-NEXT: child of file 1: cleanup
// CHECK-NEXT: file 1: object cleanup
// CHECK-NEXT: device D0 exit
// CHECK-NEXT: driver unload
// CHECK-NOT: file
//
// CLEAN: wdfrt: 0 findings in 7 requests; never-written bytes:
