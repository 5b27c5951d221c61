// A driver that follows every rule runs clean, in both builds: requests
// with a context, a manual queue the driver forwards to and drains from a
// timer, a DPC and a work item, an interrupt with its DPC, a request held
// and cancelled at unload, and its objects' cleanup at unload.  The IRQLs
// printed are those the framework uses for each role.
// RUN: %wdfrt_driver %s %wdfrt_link -o %t
// RUN: %t --verbose -e 'write 4 a1b2' -e 'read 4' -e 'interrupt' -e 'ioctl 0x222003 0 0' > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=SUMMARY %s < %t.err
// RUN: %wdfrt_msan_driver %s %wdfrt_msan_link -o %t.msan
// RUN: %t.msan --verbose -e 'write 4 a1b2' -e 'read 4' -e 'interrupt' -e 'ioctl 0x222003 0 0' > %t.msan.out 2> %t.msan.err
// RUN: FileCheck %s < %t.msan.out
// RUN: FileCheck --check-prefix=SUMMARY %s < %t.msan.err
#include <ntddk.h>
#include <wdf.h>
#include <stdio.h>

typedef struct _DEVICE_DATA {
  WDFQUEUE Manual;
  WDFTIMER Timer;
  WDFDPC Dpc;
  WDFWORKITEM Work;
  UCHAR Last[4];
} DEVICE_DATA;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_DATA, Data)

typedef struct _REQUEST_DATA {
  ULONG Serial;
} REQUEST_DATA;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(REQUEST_DATA, RequestData)

static VOID Say(const char *what) {
  printf("%s at %u\n", what, KeGetCurrentIrql());
}

static VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_DATA *data = Data(WdfIoQueueGetDevice(Queue));
  PVOID input;
  Say("EvtIoWrite");
  printf("request context zero: %lu\n", (unsigned long)RequestData(Request)->Serial);
  NTSTATUS status = WdfRequestRetrieveInputBuffer(Request, 4, &input, NULL);
  if (NT_SUCCESS(status))
    RtlCopyMemory(data->Last, input, sizeof data->Last);
  /* The manual queue keeps it; the timer completes it. */
  status = WdfRequestForwardToIoQueue(Request, data->Manual);
  if (!NT_SUCCESS(status))
    WdfRequestComplete(Request, status);
  else
    WdfTimerStart(data->Timer, WDF_REL_TIMEOUT_IN_MS(1));
  UNREFERENCED_PARAMETER(Length);
}

static VOID EvtTimer(WDFTIMER Timer) {
  DEVICE_DATA *data = Data(WdfTimerGetParentObject(Timer));
  WDFREQUEST request;
  Say("EvtTimerFunc");
  while (NT_SUCCESS(WdfIoQueueRetrieveNextRequest(data->Manual, &request)))
    WdfRequestCompleteWithInformation(request, STATUS_SUCCESS, 4);
  WdfDpcEnqueue(data->Dpc);
}

static VOID EvtDpc(WDFDPC Dpc) {
  Say("EvtDpcFunc");
  WdfWorkItemEnqueue(Data(WdfDpcGetParentObject(Dpc))->Work);
}

static VOID EvtWork(WDFWORKITEM WorkItem) {
  Say("EvtWorkItem");
  UNREFERENCED_PARAMETER(WorkItem);
}

static VOID EvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_DATA *data = Data(WdfIoQueueGetDevice(Queue));
  WDFMEMORY output;
  NTSTATUS status = WdfRequestRetrieveOutputMemory(Request, &output);
  if (NT_SUCCESS(status))
    status = WdfMemoryCopyFromBuffer(output, 0, data->Last, sizeof data->Last);
  WdfRequestCompleteWithInformation(Request, status, NT_SUCCESS(status) ? Length : 0);
}

static BOOLEAN EvtIsr(WDFINTERRUPT Interrupt, ULONG MessageId) {
  UNREFERENCED_PARAMETER(MessageId);
  Say("EvtInterruptIsr");
  return WdfInterruptQueueDpcForIsr(Interrupt);
}

static VOID EvtInterruptDpc(WDFINTERRUPT Interrupt, WDFOBJECT Device) {
  UNREFERENCED_PARAMETER(Interrupt);
  UNREFERENCED_PARAMETER(Device);
  Say("EvtInterruptDpc");
}

static VOID EvtCancel(WDFREQUEST Request) {
  Say("EvtRequestCancel");
  WdfRequestComplete(Request, STATUS_CANCELLED);
}

/* This IOCTL is held until unload, cancelable. */
static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  UNREFERENCED_PARAMETER(IoControlCode);
  WdfRequestMarkCancelable(Request, EvtCancel);
}

static VOID EvtDeviceCleanup(WDFOBJECT Device) {
  UNREFERENCED_PARAMETER(Device);
  Say("device cleanup");
}

static NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_IO_QUEUE_CONFIG config;
  WDF_TIMER_CONFIG timer;
  WDF_DPC_CONFIG dpc;
  WDF_WORKITEM_CONFIG work;
  WDF_INTERRUPT_CONFIG interrupt;
  WDFDEVICE device;
  WDFINTERRUPT isr;
  UNREFERENCED_PARAMETER(Driver);

  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, REQUEST_DATA);
  WdfDeviceInitSetRequestAttributes(DeviceInit, &attributes);
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_DATA);
  attributes.EvtCleanupCallback = EvtDeviceCleanup;
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
  if (!NT_SUCCESS(status))
    return status;
  DEVICE_DATA *data = Data(device);

  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchParallel);
  config.EvtIoWrite = EvtIoWrite;
  config.EvtIoRead = EvtIoRead;
  config.EvtIoDeviceControl = EvtIoDeviceControl;
  status = WdfIoQueueCreate(device, &config, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
  WDF_IO_QUEUE_CONFIG_INIT(&config, WdfIoQueueDispatchManual);
  if (NT_SUCCESS(status))
    status = WdfIoQueueCreate(device, &config, WDF_NO_OBJECT_ATTRIBUTES, &data->Manual);

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  WDF_TIMER_CONFIG_INIT(&timer, EvtTimer);
  WDF_DPC_CONFIG_INIT(&dpc, EvtDpc);
  WDF_WORKITEM_CONFIG_INIT(&work, EvtWork);
  if (NT_SUCCESS(status))
    status = WdfTimerCreate(&timer, &attributes, &data->Timer);
  if (NT_SUCCESS(status))
    status = WdfDpcCreate(&dpc, &attributes, &data->Dpc);
  if (NT_SUCCESS(status))
    status = WdfWorkItemCreate(&work, &attributes, &data->Work);
  WDF_INTERRUPT_CONFIG_INIT(&interrupt, EvtIsr, EvtInterruptDpc);
  if (NT_SUCCESS(status))
    status = WdfInterruptCreate(device, &interrupt, WDF_NO_OBJECT_ATTRIBUTES, &isr);
  return status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  Say("DriverEntry");
  WDF_DRIVER_CONFIG_INIT(&config, EvtDeviceAdd);
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                         &config, WDF_NO_HANDLE);
}
// The scenario runs twice (the second time for the leak check).
// CHECK:      DriverEntry at 0
// CHECK-NEXT: EvtIoWrite at 2
// CHECK-NEXT: request context zero: 0
// CHECK-NEXT: EvtTimerFunc at 2
// CHECK-NEXT: EvtDpcFunc at 2
// CHECK-NEXT: EvtWorkItem at 0
// CHECK-NEXT: request 1 (write 4 a1b2): status 0x00000000, information 4
// CHECK-NEXT: request 2 (read 4): status 0x00000000, information 4
// CHECK-NEXT: EvtInterruptIsr at 3
// CHECK-NEXT: EvtInterruptDpc at 2
// CHECK-NEXT: request 3 (ioctl 0x222003 0 0): pending, the driver holds it
// CHECK:      request 6 (ioctl 0x222003 0 0): pending, the driver holds it
// At unload: the held requests are cancelled, then the device cleaned up.
// CHECK-NEXT: EvtRequestCancel at 2
// CHECK-NEXT: EvtRequestCancel at 2
// CHECK-NEXT: device cleanup at 0
// SUMMARY-NOT: {{error|MemorySanitizer}}
// SUMMARY: wdfrt: 0 findings in 6 requests
