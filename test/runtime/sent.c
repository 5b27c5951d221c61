// Requests handed to the world outside the driver (a bus model's side of
// the driver's transport): wdfrt_schedule runs the bus's work after the
// request's callback returns, at DISPATCH_LEVEL; wdfrt_complete_sent_request
// hands the request back through the driver's completion routine
// (WdfRequestSetCompletionRoutine) with the status and information, or,
// without a routine, the framework completes it.  A stale handle given
// back is refused (-1) and reported as a driver fault.
// RUN: %wdfrt_driver %s %wdfrt_link -o %t
// RUN: %t --verbose --no-leak-check -e 'ioctl 0x222000 0 0' \
// RUN:    -e 'ioctl 0x222004 0 0' -e 'ioctl 0x222008 0 0' > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=FAULT %s < %t.err
#include <ntddk.h>
#include <wdf.h>
#include <stdio.h>

#include "wdfrt.h"

#define IOCTL_WITH_ROUTINE 0x222000
#define IOCTL_WITHOUT_ROUTINE 0x222004
#define IOCTL_GIVE_BACK_TWICE 0x222008

static WDFREQUEST Sent;

/* The bus: the transfer is done, the request goes back to the driver. */
static void BusCompletes(void *argument) {
  printf("bus at irql %u\n", wdfrt_current_irql());
  printf("given back: %d\n", wdfrt_complete_sent_request(argument, STATUS_SUCCESS, 12));
}

/* The bus gives back a request it gave back already. */
static void BusCompletesTwice(void *argument) {
  printf("given back: %d\n", wdfrt_complete_sent_request(argument, STATUS_SUCCESS, 0));
  printf("again: %d\n", wdfrt_complete_sent_request(argument, STATUS_SUCCESS, 0));
}

static VOID EvtCompletion(WDFREQUEST Request, WDFIOTARGET Target,
                          PWDF_REQUEST_COMPLETION_PARAMS Params,
                          WDFCONTEXT Context) {
  UNREFERENCED_PARAMETER(Target);
  printf("completion routine: status %#x, information %zu, context %s, irql %u\n",
         (unsigned)Params->IoStatus.Status, (size_t)Params->IoStatus.Information,
         (const char *)Context, wdfrt_current_irql());
  WdfRequestCompleteWithInformation(Request, Params->IoStatus.Status,
                                    Params->IoStatus.Information);
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  Sent = Request;
  switch (IoControlCode) {
  case IOCTL_WITH_ROUTINE:
    WdfRequestSetCompletionRoutine(Request, EvtCompletion, (WDFCONTEXT) "ctx");
    wdfrt_schedule(BusCompletes, Request);
    printf("sent with a routine\n");
    break;
  case IOCTL_WITHOUT_ROUTINE:
    wdfrt_schedule(BusCompletes, Request);
    printf("sent without a routine\n");
    break;
  default:
    WdfRequestSetCompletionRoutine(Request, EvtCompletion, (WDFCONTEXT) "ctx");
    wdfrt_schedule(BusCompletesTwice, Request);
    break;
  }
}

static NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  UNREFERENCED_PARAMETER(Driver);
  WDFDEVICE device;
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
  if (!NT_SUCCESS(status))
    return status;
  WDF_IO_QUEUE_CONFIG queueConfig;
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchParallel);
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

// The routine runs when the bus gives the request back, after the
// callback, at DISPATCH_LEVEL (2), and completes the request.
// CHECK:      sent with a routine
// CHECK-NEXT: bus at irql 2
// CHECK-NEXT: completion routine: status 0, information 12, context ctx, irql 2
// CHECK-NEXT: given back: 0
// CHECK-NEXT: request 1 (ioctl 0x222000 0 0): status 0x00000000, information 12
//
// Without a routine the framework completes it with the bus's status.
// CHECK-NEXT: sent without a routine
// CHECK-NEXT: bus at irql 2
// CHECK-NEXT: given back: 0
// CHECK-NEXT: request 2 (ioctl 0x222004 0 0): status 0x00000000
//
// Given back twice: the second time the handle is stale.
// CHECK-NEXT: completion routine: status 0, information 0, context ctx, irql 2
// CHECK-NEXT: given back: 0
// CHECK-NEXT: again: -1
// CHECK-NEXT: request 3 (ioctl 0x222008 0 0): status 0x00000000
// FAULT: error: wdfrt_complete_sent_request: 0x{{[0-9a-f]+}} is no request the driver sent (given back twice, or completed) [driver fault]
// FAULT: wdfrt: 0 findings
