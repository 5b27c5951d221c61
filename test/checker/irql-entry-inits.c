// debug.wdf.IrqlEntry: callbacks registered through the initialisers and DDIs
// of rules/roles.def (WDF_ROLE_INIT): the model headers' FORCEINLINE
// WDF_*_CONFIG_INIT functions, WdfRequestMarkCancelable, and an initialiser a
// driver writes as a macro expanding to member assignments.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

NTSTATUS OnDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) { return 0; } // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DRIVER_DEVICE_ADD (EvtDriverDeviceAdd)}}
VOID OnDpc(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_DPC (EvtDpcFunc)}}
VOID OnTimer(WDFTIMER Timer) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_TIMER (EvtTimerFunc)}}
VOID OnPeriodicTimer(WDFTIMER Timer) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_TIMER (EvtTimerFunc)}}
VOID OnWorkItem(WDFWORKITEM WorkItem) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_WORKITEM (EvtWorkItemFunc)}}
BOOLEAN OnIsr(WDFINTERRUPT Interrupt, ULONG MessageID) { return TRUE; } // expected-warning{{entry IRQL DIRQL from role EVT_WDF_INTERRUPT_ISR (EvtInterruptIsr)}}
VOID OnIsrDpc(WDFINTERRUPT Interrupt, WDFOBJECT AssociatedObject) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_INTERRUPT_DPC (EvtInterruptDpc)}}
VOID OnFileCreate(WDFDEVICE Device, WDFREQUEST Request, WDFFILEOBJECT FileObject) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DEVICE_FILE_CREATE (EvtDeviceFileCreate)}}
VOID OnFileClose(WDFFILEOBJECT FileObject) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_FILE_CLOSE (EvtFileClose)}}
VOID OnFileCleanup(WDFFILEOBJECT FileObject) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_FILE_CLEANUP (EvtFileCleanup)}}
VOID OnCancel(WDFREQUEST Request) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_REQUEST_CANCEL (EvtRequestCancel)}}
VOID OnMacroDpc(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_DPC (EvtDpcFunc)}}

void use_initialisers(void) { // expected-warning{{entry IRQL unknown}}
  WDF_DRIVER_CONFIG driver;
  WDF_DPC_CONFIG dpc;
  WDF_TIMER_CONFIG timer, periodic;
  WDF_WORKITEM_CONFIG work;
  WDF_INTERRUPT_CONFIG interrupt;
  WDF_FILEOBJECT_CONFIG file;
  WDF_DRIVER_CONFIG_INIT(&driver, OnDeviceAdd);
  WDF_DPC_CONFIG_INIT(&dpc, OnDpc);
  WDF_TIMER_CONFIG_INIT(&timer, OnTimer);
  WDF_TIMER_CONFIG_INIT_PERIODIC(&periodic, OnPeriodicTimer, 10);
  WDF_WORKITEM_CONFIG_INIT(&work, &OnWorkItem);
  WDF_INTERRUPT_CONFIG_INIT(&interrupt, OnIsr, OnIsrDpc);
  WDF_FILEOBJECT_CONFIG_INIT(&file, OnFileCreate, OnFileClose, OnFileCleanup);
}

void mark_cancelable(WDFREQUEST request) { // expected-warning{{entry IRQL unknown}}
  WdfRequestMarkCancelable(request, OnCancel);
}

// A driver's own initialiser macro: it expands to member assignments.
#define MY_DPC_CONFIG_INIT(c, f) ((c)->EvtDpcFunc = (f), (c)->AutomaticSerialization = TRUE)

void use_own_macro(void) { // expected-warning{{entry IRQL unknown}}
  WDF_DPC_CONFIG dpc;
  MY_DPC_CONFIG_INIT(&dpc, OnMacroDpc);
}
