// The framework calls each callback at a level its role's row in
// rules/roles.def gives: DriverEntry, EvtDriverDeviceAdd, the PnP and power
// callbacks, EvtIoInCallerContext, the interrupt's work item and
// EvtDriverUnload at PASSIVE_LEVEL; the ISR at DIRQL; a queue callback at
// the scenario's level ('irql passive' here); the cancel routine at the
// highest level of its row, DISPATCH_LEVEL, whatever the scenario says.
// WdfInterruptSynchronize and WdfInterruptAcquireLock raise to DIRQL.  A
// callback that returns holding a spin lock taken at DISPATCH_LEVEL is
// WM008; one holding a wait lock, which raises nothing, is a fault.
// RUN: %wdfrt_driver %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check -e 'irql passive' -e 'ioctl 0x222003 0 0' -e 'interrupt' > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=SUMMARY %s < %t.err
#include <ntddk.h>
#include <wdf.h>
#include <stdio.h>

static VOID Say(const char *what) {
  printf("%s at %u\n", what, (unsigned)KeGetCurrentIrql());
}

static NTSTATUS EvtPrepareHardware(WDFDEVICE Device, WDFCMRESLIST Raw,
                                   WDFCMRESLIST Translated) {
  UNREFERENCED_PARAMETER(Device);
  UNREFERENCED_PARAMETER(Raw);
  UNREFERENCED_PARAMETER(Translated);
  Say("EvtDevicePrepareHardware");
  return STATUS_SUCCESS;
}

static NTSTATUS EvtReleaseHardware(WDFDEVICE Device, WDFCMRESLIST Translated) {
  UNREFERENCED_PARAMETER(Device);
  UNREFERENCED_PARAMETER(Translated);
  Say("EvtDeviceReleaseHardware");
  return STATUS_SUCCESS;
}

static NTSTATUS EvtD0Entry(WDFDEVICE Device, WDF_POWER_DEVICE_STATE Previous) {
  UNREFERENCED_PARAMETER(Device);
  UNREFERENCED_PARAMETER(Previous);
  Say("EvtDeviceD0Entry");
  return STATUS_SUCCESS;
}

static NTSTATUS EvtD0Exit(WDFDEVICE Device, WDF_POWER_DEVICE_STATE Target) {
  UNREFERENCED_PARAMETER(Device);
  UNREFERENCED_PARAMETER(Target);
  Say("EvtDeviceD0Exit");
  return STATUS_SUCCESS;
}

static VOID EvtInCallerContext(WDFDEVICE Device, WDFREQUEST Request) {
  Say("EvtIoInCallerContext");
  NTSTATUS status = WdfDeviceEnqueueRequest(Device, Request);
  if (!NT_SUCCESS(status))
    WdfRequestComplete(Request, status);
}

static VOID EvtCancel(WDFREQUEST Request) {
  Say("EvtRequestCancel");
  WdfRequestComplete(Request, STATUS_CANCELLED);
}

/* Held until unload, cancelable. */
static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  UNREFERENCED_PARAMETER(IoControlCode);
  Say("EvtIoDeviceControl");
  WdfRequestMarkCancelable(Request, EvtCancel);
}

static BOOLEAN EvtSynchronized(WDFINTERRUPT Interrupt, WDFCONTEXT Context) {
  UNREFERENCED_PARAMETER(Interrupt);
  UNREFERENCED_PARAMETER(Context);
  Say("WdfInterruptSynchronize's callback");
  return TRUE;
}

static KSPIN_LOCK DpcLock;
static WDFWAITLOCK WaitLock;

static BOOLEAN EvtIsr(WDFINTERRUPT Interrupt, ULONG MessageId) {
  UNREFERENCED_PARAMETER(MessageId);
  Say("EvtInterruptIsr");
  WdfInterruptQueueDpcForIsr(Interrupt);
  return WdfInterruptQueueWorkItemForIsr(Interrupt);
}

static VOID EvtInterruptDpc(WDFINTERRUPT Interrupt, WDFOBJECT Device) {
  UNREFERENCED_PARAMETER(Interrupt);
  UNREFERENCED_PARAMETER(Device);
  Say("EvtInterruptDpc");
  KeAcquireSpinLockAtDpcLevel(&DpcLock);
  // SUMMARY: callback-irql.c:[[@LINE-1]]: error: 'EvtInterruptDpc' (EvtInterruptDpc) returned holding the lock KeAcquireSpinLockAtDpcLevel took at {{.*}}callback-irql.c:[[@LINE-1]]; called at PASSIVE_LEVEL it would return at a raised IRQL [WM008 wdf.DdiIrql]
}

static VOID EvtInterruptWorkItem(WDFINTERRUPT Interrupt, WDFOBJECT Device) {
  UNREFERENCED_PARAMETER(Device);
  Say("EvtInterruptWorkItem");
  WdfInterruptSynchronize(Interrupt, EvtSynchronized, NULL);
  WdfInterruptAcquireLock(Interrupt);
  Say("WdfInterruptAcquireLock");
  WdfInterruptReleaseLock(Interrupt);
  Say("WdfInterruptReleaseLock");
  WdfWaitLockAcquire(WaitLock, NULL);
  // SUMMARY: error: a callback returned holding the lock WdfWaitLockAcquire took at {{.*}}callback-irql.c:[[@LINE-1]] [driver fault]
}

static NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_PNPPOWER_EVENT_CALLBACKS pnp;
  WDF_IO_QUEUE_CONFIG config;
  WDF_INTERRUPT_CONFIG interrupt;
  WDFDEVICE device;
  WDFINTERRUPT isr;
  UNREFERENCED_PARAMETER(Driver);
  Say("EvtDriverDeviceAdd");

  WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnp);
  pnp.EvtDevicePrepareHardware = EvtPrepareHardware;
  pnp.EvtDeviceReleaseHardware = EvtReleaseHardware;
  pnp.EvtDeviceD0Entry = EvtD0Entry;
  pnp.EvtDeviceD0Exit = EvtD0Exit;
  WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnp);
  WdfDeviceInitSetIoInCallerContextCallback(DeviceInit, EvtInCallerContext);
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES,
                                    &device);
  if (!NT_SUCCESS(status))
    return status;

  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchParallel);
  config.EvtIoDeviceControl = EvtIoDeviceControl;
  status = WdfIoQueueCreate(device, &config, WDF_NO_OBJECT_ATTRIBUTES,
                            WDF_NO_HANDLE);
  KeInitializeSpinLock(&DpcLock);
  if (NT_SUCCESS(status))
    status = WdfWaitLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &WaitLock);
  WDF_INTERRUPT_CONFIG_INIT(&interrupt, EvtIsr, EvtInterruptDpc);
  interrupt.EvtInterruptWorkItem = EvtInterruptWorkItem;
  if (NT_SUCCESS(status))
    status = WdfInterruptCreate(device, &interrupt, WDF_NO_OBJECT_ATTRIBUTES,
                                &isr);
  return status;
}

static VOID EvtUnload(WDFDRIVER Driver) {
  UNREFERENCED_PARAMETER(Driver);
  Say("EvtDriverUnload");
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  Say("DriverEntry");
  WDF_DRIVER_CONFIG_INIT(&config, EvtDeviceAdd);
  config.EvtDriverUnload = EvtUnload;
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                         &config, WDF_NO_HANDLE);
}
// CHECK:      DriverEntry at 0
// CHECK-NEXT: EvtDriverDeviceAdd at 0
// CHECK-NEXT: EvtDevicePrepareHardware at 0
// CHECK-NEXT: EvtDeviceD0Entry at 0
// CHECK-NEXT: EvtIoInCallerContext at 0
// CHECK-NEXT: EvtIoDeviceControl at 0
// CHECK-NEXT: EvtInterruptIsr at 3
// CHECK-NEXT: EvtInterruptDpc at 2
// CHECK-NEXT: EvtInterruptWorkItem at 0
// CHECK-NEXT: WdfInterruptSynchronize's callback at 3
// CHECK-NEXT: WdfInterruptAcquireLock at 3
// CHECK-NEXT: WdfInterruptReleaseLock at 0
// At unload: the held request is cancelled, then the device stops.
// CHECK-NEXT: EvtRequestCancel at 2
// CHECK-NEXT: EvtDeviceD0Exit at 0
// CHECK-NEXT: EvtDeviceReleaseHardware at 0
// CHECK-NEXT: EvtDriverUnload at 0
// SUMMARY: wdfrt: 1 finding (1 WM008) in 1 request; 1 driver fault
