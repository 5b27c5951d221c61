/* pager.c - a driver whose paged pool and pageable code run under its
   spin lock, for confirm-paged.test. */
#include <ntddk.h>
#include <wdf.h>

static KSPIN_LOCK Lock;
static ULONG *Stats; /* paged pool */
static ULONG Count;

static void Bump(void) {
  PAGED_CODE();
  ++Count;
}

static void Trace(void) {
  PAGED_CODE();
  --Count;
}

static void NeverRaised(void) {
  PAGED_CODE();
  Count = 0;
}

static void Record(void) {
  KIRQL old;
  KeAcquireSpinLock(&Lock, &old);
  Stats[0] = Count;
  Bump();
  Trace();
  KeReleaseSpinLock(&Lock, old);
  Stats[1] = Count;
  NeverRaised();
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  UNREFERENCED_PARAMETER(IoControlCode);
  KeInitializeSpinLock(&Lock);
  if (!Stats)
    Stats = ExAllocatePoolWithTag(PagedPool, 2 * sizeof(ULONG), 'gaPT');
  if (Stats)
    Record();
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_IO_QUEUE_CONFIG config;
  WDFDEVICE device;
  UNREFERENCED_PARAMETER(Driver);
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
  if (!NT_SUCCESS(status))
    return status;
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchSequential);
  config.EvtIoDeviceControl = EvtIoDeviceControl;
  return WdfIoQueueCreate(device, &config, WDF_NO_OBJECT_ATTRIBUTES,
                          WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  WDF_DRIVER_CONFIG_INIT(&config, EvtDeviceAdd);
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                         &config, WDF_NO_HANDLE);
}
