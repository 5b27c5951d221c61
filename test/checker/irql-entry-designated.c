// debug.wdf.IrqlEntry: callbacks registered by C initialiser lists, with
// designators or in field order, in variables and compound literals.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

VOID OnRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
VOID OnIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL (EvtIoDeviceControl)}}
VOID OnDpc(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_DPC (EvtDpcFunc)}}
VOID OnWorkItem(WDFWORKITEM WorkItem) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_WORKITEM (EvtWorkItemFunc)}}
VOID OnCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback)}}
NTSTATUS OnD0Entry(WDFDEVICE Device, WDF_POWER_DEVICE_STATE PreviousState) { return 0; } // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DEVICE_D0_ENTRY (EvtDeviceD0Entry)}}
BOOLEAN OnIsr(WDFINTERRUPT Interrupt, ULONG MessageID) { return TRUE; } // expected-warning{{entry IRQL DIRQL from role EVT_WDF_INTERRUPT_ISR (EvtInterruptIsr)}}

// A file-scope configuration.
static WDF_PNPPOWER_EVENT_CALLBACKS pnp = {
    .Size = sizeof(WDF_PNPPOWER_EVENT_CALLBACKS),
    .EvtDeviceD0Entry = OnD0Entry,
};

void designated(void) { // expected-warning{{entry IRQL unknown}}
  WDF_IO_QUEUE_CONFIG queue = {.Size = sizeof(WDF_IO_QUEUE_CONFIG),
                               .EvtIoRead = OnRead,
                               .EvtIoDeviceControl = &OnIoctl};
  WDF_OBJECT_ATTRIBUTES attributes = {.EvtCleanupCallback = (PFN_WDF_OBJECT_CONTEXT_CLEANUP)OnCleanup};
  (void)queue;
  (void)attributes;
}

void positional(void) { // expected-warning{{entry IRQL unknown}}
  WDF_DPC_CONFIG dpc = {sizeof(WDF_DPC_CONFIG), OnDpc, TRUE};
  (void)dpc;
}

void compound_literal(WDF_WORKITEM_CONFIG *work, WDF_INTERRUPT_CONFIG *interrupt) { // expected-warning{{entry IRQL unknown}}
  *work = (WDF_WORKITEM_CONFIG){.EvtWorkItemFunc = OnWorkItem};
  *interrupt = (WDF_INTERRUPT_CONFIG){.Size = sizeof(WDF_INTERRUPT_CONFIG), .EvtInterruptIsr = OnIsr};
}
