// WM001 at run time: paged pool allocated while the IRQL is above
// APC_LEVEL.  The framework calls EvtIoRead at DISPATCH_LEVEL unless the
// queue is passive (or the scenario asks for PASSIVE_LEVEL); a DPC always
// runs at DISPATCH_LEVEL.  WdfMemoryCreate above its limit fails as the
// KMDF verifier makes it fail.
// RUN: %wdfrt_driver %s %wdfrt_link -o %t
// RUN: not %t --verbose -e 'read 8' > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: FileCheck --check-prefix=STATUS %s < %t.out
// At PASSIVE_LEVEL nothing is wrong with the allocation:
// RUN: %t --no-leak-check -e 'irql passive' -e 'write 8' 2>&1 | FileCheck --check-prefix=PASSIVE %s
// Nor on a passive queue:
// RUN: %wdfrt_driver -DPASSIVE_QUEUE %s %wdfrt_link -o %t.passive
// RUN: %t.passive -e 'write 8' 2>&1 | FileCheck --check-prefix=PASSIVE %s
#include <ntddk.h>
#include <wdf.h>

static WDFDPC Dpc;

static VOID EvtDpc(WDFDPC Dpc) {
  UNREFERENCED_PARAMETER(Dpc);
  PVOID p = ExAllocatePoolWithTag(PagedPool, 16, 'tseT');
  // CHECK-DAG: wm001.c:[[@LINE-1]]: error: ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL; paged pool needs <= APC_LEVEL [WM001 wdf.PoolIrql]
  if (p)
    ExFreePoolWithTag(p, 'tseT');
}

static VOID EvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(Length);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  NTSTATUS status = WdfMemoryCreate(&attributes, PagedPool, 'tseT', 64, &memory, NULL);
  // CHECK-DAG: wm001.c:[[@LINE-1]]: error: WdfMemoryCreate allocates paged pool at DISPATCH_LEVEL; paged pool needs <= APC_LEVEL [WM001 wdf.PoolIrql]
  WdfDpcEnqueue(Dpc);
  WdfRequestCompleteWithInformation(Request, status, 0);
}

static VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  UNREFERENCED_PARAMETER(Queue);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  NTSTATUS status = WdfMemoryCreate(&attributes, PagedPool, 'tseT', Length, &memory, NULL);
  WdfRequestComplete(Request, status);
}

static NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_IO_QUEUE_CONFIG config;
  WDF_DPC_CONFIG dpc;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFDEVICE device;
  UNREFERENCED_PARAMETER(Driver);
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
  if (!NT_SUCCESS(status))
    return status;
  WDF_DPC_CONFIG_INIT(&dpc, EvtDpc);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  status = WdfDpcCreate(&dpc, &attributes, &Dpc);
  if (!NT_SUCCESS(status))
    return status;
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchSequential);
  config.EvtIoRead = EvtIoRead;
  config.EvtIoWrite = EvtIoWrite;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
#ifdef PASSIVE_QUEUE
  attributes.ExecutionLevel = WdfExecutionLevelPassive;
#endif
  return WdfIoQueueCreate(device, &config, &attributes, WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  WDF_DRIVER_CONFIG_INIT(&config, EvtDeviceAdd);
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                         &config, WDF_NO_HANDLE);
}
// CHECK: wdfrt: 2 findings (2 WM001) in 2 requests
// STATUS: request 1 (read 8): status 0xC0000010, information 0
// PASSIVE-NOT: error
// PASSIVE: wdfrt: 0 findings in {{[12]}} request
