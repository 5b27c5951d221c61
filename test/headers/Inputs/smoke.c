/*
 * smoke.c -- a tiny but complete KMDF driver that exercises most of the
 * model headers (runtime/include).  compile.sh builds it as C11 and as
 * C++17, for Linux and for x86_64-pc-windows-msvc, in the plain and the
 * WDK shape; it must stay warning-free under -Wall -Wextra.
 *
 * The code is correct KMDF usage on purpose: `clang --analyze` must report
 * nothing for it (the model headers themselves must not trigger findings).
 */
#define INITGUID
#include <ntddk.h>
#include <wdf.h>

/* {5A1E3A4B-8C0D-4E7F-9A21-3B4C5D6E7F80} */
DEFINE_GUID(GUID_DEVINTERFACE_SMOKE, 0x5a1e3a4b, 0x8c0d, 0x4e7f, 0x9a, 0x21,
            0x3b, 0x4c, 0x5d, 0x6e, 0x7f, 0x80);

#define SMOKE_TAG 'ekmS'
#define IOCTL_SMOKE_ECHO                                                      \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_SMOKE_COUNT                                                     \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_READ_ACCESS)

typedef struct _DEVICE_CONTEXT {
    WDFQUEUE Queue;
    WDFSPINLOCK Lock;
    WDFWAITLOCK WaitLock;
    WDFDPC Dpc;
    WDFTIMER Timer;
    WDFWORKITEM WorkItem;
    WDFINTERRUPT Interrupt;
    WDFLOOKASIDE Lookaside;
    KSPIN_LOCK RawLock;
    FAST_MUTEX Mutex;
    LIST_ENTRY Pending;
    LONG volatile Count;
    ULONG Data[4];
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

/* With a trailing ';' ... */
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DeviceGetContext);

typedef struct _QUEUE_CONTEXT {
    ULONG Reads;
} QUEUE_CONTEXT;

/* ... and without one (WdfObjectGet_QUEUE_CONTEXT). */
WDF_DECLARE_CONTEXT_TYPE(QUEUE_CONTEXT)

EXTERN_C DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD SmokeEvtDeviceAdd;
EVT_WDF_DRIVER_UNLOAD SmokeEvtDriverUnload;
EVT_WDF_OBJECT_CONTEXT_CLEANUP SmokeEvtDeviceCleanup;
EVT_WDF_DEVICE_PREPARE_HARDWARE SmokeEvtPrepareHardware;
EVT_WDF_DEVICE_RELEASE_HARDWARE SmokeEvtReleaseHardware;
EVT_WDF_DEVICE_D0_ENTRY SmokeEvtD0Entry;
EVT_WDF_DEVICE_D0_EXIT SmokeEvtD0Exit;
EVT_WDF_DEVICE_FILE_CREATE SmokeEvtFileCreate;
EVT_WDF_FILE_CLOSE SmokeEvtFileClose;
EVT_WDF_FILE_CLEANUP SmokeEvtFileCleanup;
EVT_WDF_IO_QUEUE_IO_READ SmokeEvtIoRead;
EVT_WDF_IO_QUEUE_IO_WRITE SmokeEvtIoWrite;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL SmokeEvtIoDeviceControl;
EVT_WDF_IO_QUEUE_IO_STOP SmokeEvtIoStop;
EVT_WDF_REQUEST_CANCEL SmokeEvtRequestCancel;
EVT_WDF_DPC SmokeEvtDpc;
EVT_WDF_TIMER SmokeEvtTimer;
EVT_WDF_WORKITEM SmokeEvtWorkItem;
EVT_WDF_INTERRUPT_ISR SmokeEvtIsr;
EVT_WDF_INTERRUPT_DPC SmokeEvtIsrDpc;

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject,
                     _In_ PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;

    KdPrint(("smoke: DriverEntry at IRQL %u\n", (unsigned)KeGetCurrentIrql()));

    WDF_DRIVER_CONFIG_INIT(&config, SmokeEvtDeviceAdd);
    config.EvtDriverUnload = SmokeEvtDriverUnload;
    config.DriverPoolTag = SMOKE_TAG;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);

    status = WdfDriverCreate(DriverObject, RegistryPath, &attributes, &config,
                             WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        KdPrint(("smoke: WdfDriverCreate failed 0x%x\n", (unsigned)status));
    }
    return status;
}

VOID SmokeEvtDriverUnload(_In_ WDFDRIVER Driver)
{
    UNREFERENCED_PARAMETER(Driver);
}

NTSTATUS SmokeEvtDeviceAdd(_In_ WDFDRIVER Driver,
                           _Inout_ PWDFDEVICE_INIT DeviceInit)
{
    WDF_PNPPOWER_EVENT_CALLBACKS pnp;
    WDF_FILEOBJECT_CONFIG fileConfig;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDF_DPC_CONFIG dpcConfig;
    WDF_TIMER_CONFIG timerConfig;
    WDF_WORKITEM_CONFIG workConfig;
    WDF_INTERRUPT_CONFIG interruptConfig;
    WDFDEVICE device;
    PDEVICE_CONTEXT ctx;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);
    WdfDeviceInitSetExclusive(DeviceInit, FALSE);

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnp);
    pnp.EvtDevicePrepareHardware = SmokeEvtPrepareHardware;
    pnp.EvtDeviceReleaseHardware = SmokeEvtReleaseHardware;
    pnp.EvtDeviceD0Entry = SmokeEvtD0Entry;
    pnp.EvtDeviceD0Exit = SmokeEvtD0Exit;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnp);

    WDF_FILEOBJECT_CONFIG_INIT(&fileConfig, SmokeEvtFileCreate,
                               SmokeEvtFileClose, SmokeEvtFileCleanup);
    WdfDeviceInitSetFileObjectConfig(DeviceInit, &fileConfig,
                                     WDF_NO_OBJECT_ATTRIBUTES);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    attributes.EvtCleanupCallback = SmokeEvtDeviceCleanup;
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    ctx = DeviceGetContext(device);
    KeInitializeSpinLock(&ctx->RawLock);
    ExInitializeFastMutex(&ctx->Mutex);
    InitializeListHead(&ctx->Pending);
    ctx->Count = 0;

    status = WdfDeviceCreateDeviceInterface(device, &GUID_DEVINTERFACE_SMOKE,
                                            NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    /* Default queue with the I/O callbacks. */
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig,
                                           WdfIoQueueDispatchParallel);
    queueConfig.EvtIoRead = SmokeEvtIoRead;
    queueConfig.EvtIoWrite = SmokeEvtIoWrite;
    queueConfig.EvtIoDeviceControl = SmokeEvtIoDeviceControl;
    queueConfig.EvtIoStop = SmokeEvtIoStop;
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, QUEUE_CONTEXT);
    status = WdfIoQueueCreate(device, &queueConfig, &attributes, &ctx->Queue);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WdfObjectGet_QUEUE_CONTEXT(ctx->Queue)->Reads = 0;

    /* Locks, parented to the device. */
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfSpinLockCreate(&attributes, &ctx->Lock);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WdfWaitLockCreate(&attributes, &ctx->WaitLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    /* Non-paged lookaside list for per-request scratch memory. */
    status = WdfLookasideListCreate(&attributes, 64, NonPagedPoolNx,
                                    WDF_NO_OBJECT_ATTRIBUTES, SMOKE_TAG,
                                    &ctx->Lookaside);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    /* DPC, timer and work item. */
    WDF_DPC_CONFIG_INIT(&dpcConfig, SmokeEvtDpc);
    status = WdfDpcCreate(&dpcConfig, &attributes, &ctx->Dpc);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_TIMER_CONFIG_INIT_PERIODIC(&timerConfig, SmokeEvtTimer, 1000);
    status = WdfTimerCreate(&timerConfig, &attributes, &ctx->Timer);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_WORKITEM_CONFIG_INIT(&workConfig, SmokeEvtWorkItem);
    status = WdfWorkItemCreate(&workConfig, &attributes, &ctx->WorkItem);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_INTERRUPT_CONFIG_INIT(&interruptConfig, SmokeEvtIsr, SmokeEvtIsrDpc);
    status = WdfInterruptCreate(device, &interruptConfig,
                                WDF_NO_OBJECT_ATTRIBUTES, &ctx->Interrupt);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    (VOID)WdfTimerStart(ctx->Timer, WDF_REL_TIMEOUT_IN_MS(10));
    return STATUS_SUCCESS;
}

VOID SmokeEvtDeviceCleanup(_In_ WDFOBJECT Object)
{
    PDEVICE_CONTEXT ctx = DeviceGetContext(Object);
    if (ctx->Timer != NULL) {
        (VOID)WdfTimerStop(ctx->Timer, FALSE);
    }
}

NTSTATUS SmokeEvtPrepareHardware(_In_ WDFDEVICE Device,
                                 _In_ WDFCMRESLIST ResourcesRaw,
                                 _In_ WDFCMRESLIST ResourcesTranslated)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(ResourcesRaw);
    UNREFERENCED_PARAMETER(ResourcesTranslated);
    return STATUS_SUCCESS;
}

NTSTATUS SmokeEvtReleaseHardware(_In_ WDFDEVICE Device,
                                 _In_ WDFCMRESLIST ResourcesTranslated)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(ResourcesTranslated);
    return STATUS_SUCCESS;
}

NTSTATUS SmokeEvtD0Entry(_In_ WDFDEVICE Device,
                         _In_ WDF_POWER_DEVICE_STATE PreviousState)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(PreviousState);
    return STATUS_SUCCESS;
}

NTSTATUS SmokeEvtD0Exit(_In_ WDFDEVICE Device,
                        _In_ WDF_POWER_DEVICE_STATE TargetState)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(TargetState);
    return STATUS_SUCCESS;
}

VOID SmokeEvtFileCreate(_In_ WDFDEVICE Device, _In_ WDFREQUEST Request,
                        _In_ WDFFILEOBJECT FileObject)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(FileObject);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

VOID SmokeEvtFileClose(_In_ WDFFILEOBJECT FileObject)
{
    UNREFERENCED_PARAMETER(FileObject);
}

VOID SmokeEvtFileCleanup(_In_ WDFFILEOBJECT FileObject)
{
    UNREFERENCED_PARAMETER(FileObject);
}

/* Read: fill a request-parented scratch memory object completely, copy it
   to the caller's buffer, delete it, complete. */
VOID SmokeEvtIoRead(_In_ WDFQUEUE Queue, _In_ WDFREQUEST Request,
                    _In_ size_t Length)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFMEMORY memory;
    PVOID scratch;
    PVOID out;
    size_t outLength;
    NTSTATUS status;

    WdfObjectGet_QUEUE_CONTEXT(Queue)->Reads++;

    status = WdfRequestRetrieveOutputBuffer(Request, Length, &out, &outLength);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Request;
    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, SMOKE_TAG, Length,
                             &memory, &scratch);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    RtlFillMemory(scratch, Length, 0xA5);

    status = WdfMemoryCopyToBuffer(memory, 0, out, Length);
    WdfObjectDelete(memory);
    WdfRequestCompleteWithInformation(Request, status,
                                      NT_SUCCESS(status) ? Length : 0);
}

/* Write: read the input through its WDFMEMORY, using lookaside memory. */
VOID SmokeEvtIoWrite(_In_ WDFQUEUE Queue, _In_ WDFREQUEST Request,
                     _In_ size_t Length)
{
    PDEVICE_CONTEXT ctx = DeviceGetContext(WdfIoQueueGetDevice(Queue));
    WDFMEMORY input;
    WDFMEMORY scratch;
    size_t scratchSize = 0;
    PUCHAR bytes;
    NTSTATUS status;
    WDF_MEMORY_DESCRIPTOR descriptors[3];
    WDFMEMORY_OFFSET window;

    status = WdfRequestRetrieveInputMemory(Request, &input);
    if (NT_SUCCESS(status)) {
        status = WdfMemoryCreateFromLookaside(ctx->Lookaside, &scratch);
    }
    if (NT_SUCCESS(status)) {
        bytes = (PUCHAR)WdfMemoryGetBuffer(scratch, &scratchSize);
        RtlZeroMemory(bytes, scratchSize);
        /* Descriptors, as a driver fills them to send the data on. */
        window.BufferOffset = 0;
        window.BufferLength = Length;
        WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(&descriptors[0], input, &window);
        WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&descriptors[1], bytes,
                                          (ULONG)scratchSize);
        WDF_MEMORY_DESCRIPTOR_INIT_MDL(&descriptors[2], NULL, 0);
        status = WdfMemoryCopyToBuffer(
            input, 0, bytes, Length < scratchSize ? Length : scratchSize);
        WdfObjectDelete(scratch);
    }
    WdfRequestCompleteWithInformation(Request, status,
                                      NT_SUCCESS(status) ? Length : 0);
}

VOID SmokeEvtIoDeviceControl(_In_ WDFQUEUE Queue, _In_ WDFREQUEST Request,
                             _In_ size_t OutputBufferLength,
                             _In_ size_t InputBufferLength,
                             _In_ ULONG IoControlCode)
{
    WDFDEVICE device = WdfIoQueueGetDevice(Queue);
    PDEVICE_CONTEXT ctx = DeviceGetContext(device);
    WDF_REQUEST_PARAMETERS params;
    KLOCK_QUEUE_HANDLE lockHandle;
    KIRQL oldIrql;
    PVOID in;
    PVOID out;
    PULONG pool;
    ULONG_PTR information = 0;
    NTSTATUS status;

    WDF_REQUEST_PARAMETERS_INIT(&params);
    WdfRequestGetParameters(Request, &params);
    if (params.Parameters.DeviceIoControl.IoControlCode != IoControlCode ||
        params.Parameters.DeviceIoControl.InputBufferLength != InputBufferLength) {
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return;
    }

    switch (IoControlCode) {
    case IOCTL_SMOKE_ECHO:
        status = WdfRequestRetrieveInputBuffer(Request, sizeof(ULONG), &in, NULL);
        if (!NT_SUCCESS(status)) {
            break;
        }
        status = WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG), &out,
                                                NULL);
        if (!NT_SUCCESS(status)) {
            break;
        }
        pool = (PULONG)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(ULONG),
                                       SMOKE_TAG);
        if (pool == NULL) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        RtlCopyMemory(pool, in, sizeof(ULONG));
        RtlCopyMemory(out, pool, sizeof(ULONG));
        ExFreePoolWithTag(pool, SMOKE_TAG);
        information = sizeof(ULONG);
        break;

    case IOCTL_SMOKE_COUNT:
        if (OutputBufferLength < sizeof(LONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        status = WdfRequestRetrieveOutputBuffer(Request, sizeof(LONG), &out,
                                                NULL);
        if (!NT_SUCCESS(status)) {
            break;
        }
        WdfObjectReference(device);

        WdfSpinLockAcquire(ctx->Lock);
        ctx->Data[0]++;
        WdfSpinLockRelease(ctx->Lock);

        KeAcquireSpinLock(&ctx->RawLock, &oldIrql);
        ctx->Data[1]++;
        KeReleaseSpinLock(&ctx->RawLock, oldIrql);

        KeAcquireInStackQueuedSpinLock(&ctx->RawLock, &lockHandle);
        ctx->Data[2]++;
        KeReleaseInStackQueuedSpinLock(&lockHandle);

        KeRaiseIrql(DISPATCH_LEVEL, &oldIrql);
        *(PLONG)out = InterlockedIncrement(&ctx->Count);
        KeLowerIrql(oldIrql);

        WdfObjectDereference(device);
        information = sizeof(LONG);
        (VOID)WdfDpcEnqueue(ctx->Dpc);
        break;

    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    WdfRequestCompleteWithInformation(Request, status, information);
}

VOID SmokeEvtIoStop(_In_ WDFQUEUE Queue, _In_ WDFREQUEST Request,
                    _In_ ULONG ActionFlags)
{
    UNREFERENCED_PARAMETER(Queue);
    if ((ActionFlags & WdfRequestStopActionPurge) != 0) {
        WdfRequestMarkCancelable(Request, SmokeEvtRequestCancel);
    }
}

VOID SmokeEvtRequestCancel(_In_ WDFREQUEST Request)
{
    WdfRequestComplete(Request, STATUS_CANCELLED);
}

VOID SmokeEvtDpc(_In_ WDFDPC Dpc)
{
    PDEVICE_CONTEXT ctx = DeviceGetContext(WdfDpcGetParentObject(Dpc));
    WdfWorkItemEnqueue(ctx->WorkItem);
}

VOID SmokeEvtTimer(_In_ WDFTIMER Timer)
{
    PDEVICE_CONTEXT ctx = DeviceGetContext(WdfTimerGetParentObject(Timer));
    KeAcquireSpinLockAtDpcLevel(&ctx->RawLock);
    ctx->Data[3]++;
    KeReleaseSpinLockFromDpcLevel(&ctx->RawLock);
}

/* PASSIVE_LEVEL: paged pool, wait locks and fast mutexes are fine here. */
VOID SmokeEvtWorkItem(_In_ WDFWORKITEM WorkItem)
{
    PDEVICE_CONTEXT ctx =
        DeviceGetContext(WdfWorkItemGetParentObject(WorkItem));
    WDFMEMORY memory;
    PVOID buffer;
    PVOID paged;
    LONGLONG timeout = WDF_REL_TIMEOUT_IN_MS(5);

    paged = ExAllocatePoolWithTag(PagedPool, 128, SMOKE_TAG);
    if (paged != NULL) {
        RtlSecureZeroMemory(paged, 128);
        ExFreePoolWithTag(paged, SMOKE_TAG);
    }

    if (NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, PagedPool,
                                   SMOKE_TAG, 256, &memory, &buffer))) {
        RtlZeroMemory(buffer, 256);
        (VOID)WdfMemoryCopyFromBuffer(memory, 0, ctx->Data, sizeof(ctx->Data));
        WdfObjectDelete(memory);
    }

    (VOID)WdfWaitLockAcquire(ctx->WaitLock, NULL);
    ExAcquireFastMutex(&ctx->Mutex);
    ctx->Data[0] = 0;
    ExReleaseFastMutex(&ctx->Mutex);
    WdfWaitLockRelease(ctx->WaitLock);

    if (WdfWaitLockAcquire(ctx->WaitLock, &timeout) == STATUS_SUCCESS) {
        WdfWaitLockRelease(ctx->WaitLock);
    }
    KeStallExecutionProcessor(10);
}

BOOLEAN SmokeEvtIsr(_In_ WDFINTERRUPT Interrupt, _In_ ULONG MessageID)
{
    UNREFERENCED_PARAMETER(MessageID);
    return WdfInterruptQueueDpcForIsr(Interrupt);
}

VOID SmokeEvtIsrDpc(_In_ WDFINTERRUPT Interrupt, _In_ WDFOBJECT AssociatedObject)
{
    PDEVICE_CONTEXT ctx = DeviceGetContext(WdfInterruptGetDevice(Interrupt));
    UNREFERENCED_PARAMETER(AssociatedObject);
    WdfInterruptAcquireLock(Interrupt);
    ctx->Data[1] = 0;
    WdfInterruptReleaseLock(Interrupt);
}
