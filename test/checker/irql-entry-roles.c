// debug.wdf.IrqlEntry: every role of rules/roles.def, registered by assigning
// the callback to the member that names the role (cfg.EvtIoRead = F).  The
// callbacks are defined with explicit parameter lists and never declared with
// their role type, so the registration alone gives them their role.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

// ---- Driver ------------------------------------------------------------------

NTSTATUS AltEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) { return 0; } // expected-warning{{entry IRQL PASSIVE_LEVEL from role DRIVER_INITIALIZE (DriverEntry)}}
NTSTATUS OnDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) { return 0; } // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DRIVER_DEVICE_ADD (EvtDriverDeviceAdd)}}
VOID OnUnload(WDFDRIVER Driver) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DRIVER_UNLOAD (EvtDriverUnload)}}

// ---- Queue and request -------------------------------------------------------

VOID OnRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
VOID OnWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_WRITE (EvtIoWrite)}}
VOID OnIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL (EvtIoDeviceControl)}}
VOID OnInternalIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL (EvtIoInternalDeviceControl)}}
VOID OnDefault(WDFQUEUE Queue, WDFREQUEST Request) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_DEFAULT (EvtIoDefault)}}
VOID OnStop(WDFQUEUE Queue, WDFREQUEST Request, ULONG ActionFlags) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_STOP (EvtIoStop)}}
VOID OnResume(WDFQUEUE Queue, WDFREQUEST Request) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_RESUME (EvtIoResume)}}
VOID OnCanceledOnQueue(WDFQUEUE Queue, WDFREQUEST Request) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE (EvtIoCanceledOnQueue)}}
VOID OnCallerContext(WDFDEVICE Device, WDFREQUEST Request) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_IN_CALLER_CONTEXT (EvtIoInCallerContext)}}
VOID OnCancel(WDFREQUEST Request) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_REQUEST_CANCEL (EvtRequestCancel)}}
VOID OnCompletion(WDFREQUEST Request, WDFIOTARGET Target, PWDF_REQUEST_COMPLETION_PARAMS Params, WDFCONTEXT Context) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_REQUEST_COMPLETION_ROUTINE (EvtRequestCompletionRoutine)}}
VOID OnCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback)}}
VOID OnDestroy(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_OBJECT_CONTEXT_DESTROY (EvtDestroyCallback)}}

// ---- Deferred work and interrupts --------------------------------------------

VOID OnDpc(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_DPC (EvtDpcFunc)}}
VOID OnTimer(WDFTIMER Timer) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_TIMER (EvtTimerFunc)}}
VOID OnWorkItem(WDFWORKITEM WorkItem) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_WORKITEM (EvtWorkItemFunc)}}
BOOLEAN OnIsr(WDFINTERRUPT Interrupt, ULONG MessageID) { return TRUE; } // expected-warning{{entry IRQL DIRQL from role EVT_WDF_INTERRUPT_ISR (EvtInterruptIsr)}}
VOID OnIsrDpc(WDFINTERRUPT Interrupt, WDFOBJECT AssociatedObject) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_INTERRUPT_DPC (EvtInterruptDpc)}}
NTSTATUS OnEnable(WDFINTERRUPT Interrupt, WDFDEVICE AssociatedDevice) { return 0; } // expected-warning{{entry IRQL DIRQL from role EVT_WDF_INTERRUPT_ENABLE (EvtInterruptEnable)}}
NTSTATUS OnDisable(WDFINTERRUPT Interrupt, WDFDEVICE AssociatedDevice) { return 0; } // expected-warning{{entry IRQL DIRQL from role EVT_WDF_INTERRUPT_DISABLE (EvtInterruptDisable)}}
VOID OnIsrWorkItem(WDFINTERRUPT Interrupt, WDFOBJECT AssociatedObject) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_INTERRUPT_WORKITEM (EvtInterruptWorkItem)}}

// ---- PnP, power and file objects ---------------------------------------------

NTSTATUS OnPrepare(WDFDEVICE Device, WDFCMRESLIST ResourcesRaw, WDFCMRESLIST ResourcesTranslated) { return 0; } // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DEVICE_PREPARE_HARDWARE (EvtDevicePrepareHardware)}}
NTSTATUS OnRelease(WDFDEVICE Device, WDFCMRESLIST ResourcesTranslated) { return 0; } // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DEVICE_RELEASE_HARDWARE (EvtDeviceReleaseHardware)}}
NTSTATUS OnD0Entry(WDFDEVICE Device, WDF_POWER_DEVICE_STATE PreviousState) { return 0; } // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DEVICE_D0_ENTRY (EvtDeviceD0Entry)}}
NTSTATUS OnD0Exit(WDFDEVICE Device, WDF_POWER_DEVICE_STATE TargetState) { return 0; } // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DEVICE_D0_EXIT (EvtDeviceD0Exit)}}
VOID OnFileCreate(WDFDEVICE Device, WDFREQUEST Request, WDFFILEOBJECT FileObject) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DEVICE_FILE_CREATE (EvtDeviceFileCreate)}}
VOID OnFileClose(WDFFILEOBJECT FileObject) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_FILE_CLOSE (EvtFileClose)}}
VOID OnFileCleanup(WDFFILEOBJECT FileObject) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_FILE_CLEANUP (EvtFileCleanup)}}

// Roles that no WDF_*_CONFIG of the model headers has a member for: any
// record's member with the role's name registers it.
struct extra_callbacks {
  PDRIVER_INITIALIZE DriverEntry;
  PFN_WDF_IO_IN_CALLER_CONTEXT EvtIoInCallerContext;
  PFN_WDF_REQUEST_CANCEL EvtRequestCancel;
  PFN_WDF_REQUEST_COMPLETION_ROUTINE EvtRequestCompletionRoutine;
};

// ---- The registrations, in the forms drivers write them -----------------------

void register_driver(struct extra_callbacks *extra) { // expected-warning{{entry IRQL unknown}}
  WDF_DRIVER_CONFIG config;
  WDF_DRIVER_CONFIG_INIT(&config, WDF_NO_EVENT_CALLBACK);
  config.EvtDriverDeviceAdd = OnDeviceAdd;
  config.EvtDriverUnload = &OnUnload;
  extra->DriverEntry = AltEntry;
}

void register_queue(PWDF_IO_QUEUE_CONFIG config, struct extra_callbacks *extra) { // expected-warning{{entry IRQL unknown}}
  config->EvtIoRead = OnRead;
  config->EvtIoWrite = (PFN_WDF_IO_QUEUE_IO_WRITE)OnWrite;
  config->EvtIoDeviceControl = (OnIoctl);
  (*config).EvtIoInternalDeviceControl = &(OnInternalIoctl);
  config->EvtIoDefault = (PFN_WDF_IO_QUEUE_IO_DEFAULT)&OnDefault;
  config->EvtIoStop = OnStop;
  config->EvtIoResume = OnResume;
  (config)->EvtIoCanceledOnQueue = OnCanceledOnQueue;
  extra->EvtIoInCallerContext = OnCallerContext;
  extra->EvtRequestCancel = OnCancel;
  extra->EvtRequestCompletionRoutine = OnCompletion;
}

void register_objects(void) { // expected-warning{{entry IRQL unknown}}
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_DPC_CONFIG dpc;
  WDF_TIMER_CONFIG timer;
  WDF_WORKITEM_CONFIG work;
  WDF_INTERRUPT_CONFIG interrupt;
  WDF_PNPPOWER_EVENT_CALLBACKS pnp;
  WDF_FILEOBJECT_CONFIG file;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.EvtCleanupCallback = OnCleanup;
  attributes.EvtDestroyCallback = OnDestroy;
  dpc.EvtDpcFunc = OnDpc;
  timer.EvtTimerFunc = OnTimer;
  work.EvtWorkItemFunc = OnWorkItem;
  interrupt.EvtInterruptIsr = OnIsr;
  interrupt.EvtInterruptDpc = OnIsrDpc;
  interrupt.EvtInterruptEnable = OnEnable;
  interrupt.EvtInterruptDisable = OnDisable;
  interrupt.EvtInterruptWorkItem = OnIsrWorkItem;
  WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnp);
  pnp.EvtDevicePrepareHardware = OnPrepare;
  pnp.EvtDeviceReleaseHardware = OnRelease;
  pnp.EvtDeviceD0Entry = OnD0Entry;
  pnp.EvtDeviceD0Exit = OnD0Exit;
  file.EvtDeviceFileCreate = OnFileCreate;
  file.EvtFileClose = OnFileClose;
  file.EvtFileCleanup = OnFileCleanup;
}

// ---- Not registrations ------------------------------------------------------------

VOID NotACallback(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL unknown}}

struct unrelated { int EvtIoRead; PFN_WDF_IO_QUEUE_IO_READ OtherName; };

void not_registrations(struct unrelated *u, PWDF_IO_QUEUE_CONFIG config, PFN_WDF_IO_QUEUE_IO_READ variable) { // expected-warning{{entry IRQL unknown}}
  u->EvtIoRead = 1;               // not a function
  u->OtherName = NotACallback;    // not a role's member
  config->EvtIoRead = variable;   // a variable, not a function
  config->EvtIoRead = NULL;
  if (config->EvtIoWrite == (PFN_WDF_IO_QUEUE_IO_WRITE)NotACallback) // a comparison
    return;
}
