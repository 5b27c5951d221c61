// The machine's clock and the 'wait' step: KeQueryInterruptTime moves on by
// the milliseconds a 'wait' lets go by (on top of the host's clock), and a
// periodic timer that is due fires during the wait, so a driver's watchdog
// ("no interrupt for 3 s") is tested without waiting 3 s.  Register windows
// without a device model read back what was written.  Bad 'wait' steps are
// rejected, and a register access outside every mapped window is a fault.
// RUN: %wdfrt_driver %s %wdfrt_link -o %t
// RUN: %t --verbose --no-leak-check -e 'ioctl 0x222000 0 0' -e 'wait 3000' \
// RUN:    -e 'ioctl 0x222000 0 0' > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=CLEAN %s < %t.err
//
// RUN: not %t -e 'wait' 2>&1 | FileCheck --check-prefix=BAD %s
// RUN: not %t -e 'wait 0' 2>&1 | FileCheck --check-prefix=BAD %s
// RUN: not %t -e 'wait soon' 2>&1 | FileCheck --check-prefix=BAD %s
// BAD: error: 'wait' takes milliseconds, from 1 to 3600000
#include <ntddk.h>
#include <wdf.h>
#include <stdio.h>

static ULONGLONG Start;        /* interrupt time at the first request */
static ULONGLONG LastTick;     /* interrupt time of the timer's last run */
static WDFTIMER Watchdog;
static volatile ULONG *Window; /* a register window without a device model */

static VOID EvtWatchdog(WDFTIMER Timer) {
  UNREFERENCED_PARAMETER(Timer);
  LastTick = KeQueryInterruptTime();
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  UNREFERENCED_PARAMETER(IoControlCode);
  ULONGLONG now = KeQueryInterruptTime();
  if (Start == 0) {
    Start = now;
    WRITE_REGISTER_ULONG(&Window[1], 0x1234);
  } else {
    /* 3000 ms are 30,000,000 units of 100 ns; the host's own clock adds
       far less than a second between two steps. */
    ULONGLONG elapsed = now - Start;
    printf("elapsed at least 3 s: %d, below 4 s: %d\n",
           elapsed >= 30000000u, elapsed < 40000000u);
    printf("timer ran during the wait: %d\n", LastTick - Start >= 30000000u);
    printf("register reads back: %#x\n", (unsigned)READ_REGISTER_ULONG(&Window[1]));
    /* A register outside every window: a fault, and what a bus returns
       for a read of nothing. */
    ULONG notARegister = 0;
    printf("stray read: %#x\n", (unsigned)READ_REGISTER_ULONG(&notARegister));
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  UNREFERENCED_PARAMETER(Driver);
  WDFDEVICE device;
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
  if (!NT_SUCCESS(status))
    return status;
  PHYSICAL_ADDRESS base;
  base.QuadPart = 0xFE000000;
  Window = (volatile ULONG *)MmMapIoSpaceEx(base, 64, PAGE_READWRITE | PAGE_NOCACHE);
  if (Window == NULL)
    return STATUS_INSUFFICIENT_RESOURCES;
  WDF_TIMER_CONFIG timerConfig;
  WDF_TIMER_CONFIG_INIT_PERIODIC(&timerConfig, EvtWatchdog, 1000);
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  status = WdfTimerCreate(&timerConfig, &attributes, &Watchdog);
  if (!NT_SUCCESS(status))
    return status;
  WdfTimerStart(Watchdog, WDF_REL_TIMEOUT_IN_MS(1000));
  WDF_IO_QUEUE_CONFIG queueConfig;
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
  queueConfig.EvtIoDeviceControl = EvtIoDeviceControl;
  return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                          WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  WDF_DRIVER_CONFIG_INIT(&config, EvtDeviceAdd);
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                         &config, WDF_NO_HANDLE);
}

// CHECK:      request 1 (ioctl 0x222000 0 0): status 0x00000000
// CHECK-NEXT: elapsed at least 3 s: 1, below 4 s: 1
// CHECK-NEXT: timer ran during the wait: 1
// CHECK-NEXT: register reads back: 0x1234
// CHECK-NEXT: stray read: 0xffffffff
// CHECK-NEXT: request 2 (ioctl 0x222000 0 0): status 0x00000000
// CLEAN: clock.c:{{[0-9]+}}: error: register read outside every mapped window [driver fault]
// CLEAN: wdfrt: 0 findings
