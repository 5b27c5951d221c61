// debug.wdf.IrqlEntry: a function registered for several roles gets the union
// of their ranges and the name of the role allowing the highest IRQL;
// DriverEntry is PASSIVE_LEVEL without any declaration; other functions are
// unknown.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

VOID ReadOrWork(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
VOID DpcOrIsr(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL or DIRQL from role EVT_WDF_INTERRUPT_ISR (EvtInterruptIsr)}}

EVT_WDF_WORKITEM WorkOrTimer;
VOID WorkOrTimer(WDFWORKITEM WorkItem) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_TIMER (EvtTimerFunc)}}

static int helper(int x) { return x + 1; } // expected-warning{{entry IRQL unknown}}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) { // expected-warning{{entry IRQL PASSIVE_LEVEL from DriverEntry}}
  WDF_WORKITEM_CONFIG work;
  WDF_INTERRUPT_CONFIG interrupt;
  WDF_DPC_CONFIG dpc;
  WDF_TIMER_CONFIG timer;
  WDF_IO_QUEUE_CONFIG queue;
  WDF_IO_QUEUE_CONFIG_INIT(&queue, WdfIoQueueDispatchParallel);
  queue.EvtIoRead = ReadOrWork;
  WDF_WORKITEM_CONFIG_INIT(&work, (PFN_WDF_WORKITEM)ReadOrWork);
  WDF_DPC_CONFIG_INIT(&dpc, DpcOrIsr);
  WDF_INTERRUPT_CONFIG_INIT(&interrupt, (PFN_WDF_INTERRUPT_ISR)DpcOrIsr, NULL);
  WDF_TIMER_CONFIG_INIT(&timer, (PFN_WDF_TIMER)WorkOrTimer);
  return helper(0) ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
