// debug.wdf.IrqlEntry: functions declared with their role type
// (EVT_WDF_IO_QUEUE_IO_READ F;) take the role, whatever the definition
// looks like; the annotations of the role typedef in the headers define the
// role's range and are not annotations on the function.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD EchoEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_READ EchoEvtIoRead;
EVT_WDF_DPC EchoEvtDpc;
EVT_WDF_INTERRUPT_ISR EchoEvtIsr;

// Role-type declaration, then a prototype with a parameter list, then the
// definition.
EVT_WDF_TIMER EchoEvtTimer;
VOID EchoEvtTimer(WDFTIMER Timer);

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) { return 0; } // expected-warning{{entry IRQL PASSIVE_LEVEL from role DRIVER_INITIALIZE (DriverEntry)}}

NTSTATUS EchoEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) { return 0; } // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DRIVER_DEVICE_ADD (EvtDriverDeviceAdd)}}

VOID
EchoEvtIoRead( // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ size_t Length)
{
}

VOID EchoEvtDpc(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_DPC (EvtDpcFunc)}}
BOOLEAN EchoEvtIsr(WDFINTERRUPT Interrupt, ULONG MessageID) { return TRUE; } // expected-warning{{entry IRQL DIRQL from role EVT_WDF_INTERRUPT_ISR (EvtInterruptIsr)}}
VOID EchoEvtTimer(WDFTIMER Timer) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_TIMER (EvtTimerFunc)}}

// Declared with the role type right before its definition.
EVT_WDF_WORKITEM EchoEvtWorkItem;
VOID EchoEvtWorkItem(WDFWORKITEM WorkItem) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_WORKITEM (EvtWorkItemFunc)}}

// A driver's own name for a role type.
typedef EVT_WDF_OBJECT_CONTEXT_CLEANUP MY_CLEANUP;
MY_CLEANUP EchoCleanup;
VOID EchoCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback)}}

// Several declarators in one declaration.
EVT_WDF_FILE_CLOSE EchoClose, EchoFileCleanup;
VOID EchoClose(WDFFILEOBJECT FileObject) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_FILE_CLOSE (EvtFileClose)}}
VOID EchoFileCleanup(WDFFILEOBJECT FileObject) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_FILE_CLOSE (EvtFileClose)}}

// A typedef of a function type that is no role.
typedef VOID NOT_A_ROLE(WDFQUEUE Queue);
NOT_A_ROLE NotARole;
VOID NotARole(WDFQUEUE Queue) {} // expected-warning{{entry IRQL unknown}}

// The PFN type of a role names a pointer, not a function: a variable.
PFN_WDF_DPC dpc_pointer;
