// WM008 at run time: a DDI called above its maximum IRQL (from
// rules/ddis.def), one below its minimum, and callbacks that return at
// another IRQL than they were called at -- raised and not lowered, or with
// a spin lock still held.  The framework puts the IRQL back and lets the
// lock go, so the next request runs normally.
// RUN: %wdfrt_driver -I %S/Inputs %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check -e 'read 8' -e 'irql passive' -e 'ioctl 0x222000 0 0' -e 'write 8' -e 'write 8' 2> %t.err
// RUN: FileCheck %s < %t.err
#include "skeleton.h"

static WDFWAITLOCK WaitLock;
static WDFSPINLOCK SpinLock;
static KSPIN_LOCK KernelLock;

static VOID EvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(Length);
  if (!WaitLock) {
    WdfWaitLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &WaitLock);
    WdfSpinLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &SpinLock);
  }
  /* EvtIoRead runs at DISPATCH_LEVEL; a wait lock needs PASSIVE_LEVEL. */
  WdfWaitLockAcquire(WaitLock, NULL);
  // CHECK: wm008.c:[[@LINE-1]]: error: WdfWaitLockAcquire called at DISPATCH_LEVEL; it may only run at <= PASSIVE_LEVEL [WM008 wdf.DdiIrql]
  WdfWaitLockRelease(WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  KIRQL old;
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  UNREFERENCED_PARAMETER(IoControlCode);
  /* Raised and lowered again: nothing wrong. */
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  KeLowerIrql(old);
  /* Called at PASSIVE_LEVEL (after irql passive). */
  KeReleaseSpinLockFromDpcLevel(&KernelLock);
  // CHECK: wm008.c:[[@LINE-1]]: error: KeReleaseSpinLockFromDpcLevel called at PASSIVE_LEVEL; it needs >= DISPATCH_LEVEL [WM008 wdf.DdiIrql]
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

/* Called at PASSIVE_LEVEL (irql passive): returns raised. */
static VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  static int calls;
  KIRQL old;
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(Length);
  WdfRequestComplete(Request, STATUS_SUCCESS);
  if (calls++ == 0) {
    KeRaiseIrql(APC_LEVEL, &old);
    // CHECK: wm008.c:[[@LINE-1]]: error: 'EvtIoWrite' (EvtIoWrite) returned at APC_LEVEL, not at PASSIVE_LEVEL, the IRQL it was called at [WM008 wdf.DdiIrql]
  } else {
    WdfSpinLockAcquire(SpinLock);
    // CHECK: wm008.c:[[@LINE-1]]: error: 'EvtIoWrite' (EvtIoWrite) returned at DISPATCH_LEVEL, not at PASSIVE_LEVEL, the IRQL it was called at holding the lock WdfSpinLockAcquire took at {{.*}}wm008.c:[[@LINE-1]] [WM008 wdf.DdiIrql]
  }
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoRead = EvtIoRead;
  Config->EvtIoWrite = EvtIoWrite;
  Config->EvtIoDeviceControl = EvtIoDeviceControl;
}
// CHECK: wdfrt: 4 findings (4 WM008) in 4 requests; 1 driver fault
