/*
 * device.c - device creation, power and file callbacks of the RingBuf driver.
 */
#include "ringbuf.h"

DECLARE_CONST_UNICODE_STRING(RingbufDeviceName, RINGBUF_DEVICE_NAME);
DECLARE_CONST_UNICODE_STRING(RingbufSymbolicName, RINGBUF_SYMBOLIC_NAME);

static NTSTATUS RingbufCreateTimer(_In_ PDEVICE_CONTEXT DeviceContext)
{
    WDF_TIMER_CONFIG timerConfig;
    WDF_OBJECT_ATTRIBUTES attributes;

    /* Periodic: checks the read timeout of the waiting reads. */
    WDF_TIMER_CONFIG_INIT_PERIODIC(&timerConfig, RingbufEvtReadTimer,
                                   RINGBUF_TIMER_PERIOD_MS);
    timerConfig.TolerableDelay = RINGBUF_TIMER_PERIOD_MS / 2;

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = DeviceContext->Device;

    return WdfTimerCreate(&timerConfig, &attributes, &DeviceContext->ReadTimer);
}

static NTSTATUS RingbufAllocateRing(_In_ PDEVICE_CONTEXT DeviceContext)
{
    PUCHAR storage;

    storage = (PUCHAR)ExAllocatePoolWithTag(NonPagedPool,
                                            RINGBUF_DEFAULT_CAPACITY,
                                            RINGBUF_POOL_TAG);
    if (storage == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlZeroMemory(storage, RINGBUF_DEFAULT_CAPACITY);
    RingInitialize(&DeviceContext->Ring, storage, RINGBUF_DEFAULT_CAPACITY);
    return STATUS_SUCCESS;
}

NTSTATUS RingbufEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_PNPPOWER_EVENT_CALLBACKS pnpPowerCallbacks;
    WDF_FILEOBJECT_CONFIG fileConfig;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_OBJECT_ATTRIBUTES requestAttributes;
    PDEVICE_CONTEXT deviceContext;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);
    WdfDeviceInitSetExclusive(DeviceInit, FALSE);
    WdfDeviceInitSetDeviceType(DeviceInit, FILE_DEVICE_RINGBUF);

    status = WdfDeviceInitAssignName(DeviceInit, &RingbufDeviceName);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnpPowerCallbacks);
    pnpPowerCallbacks.EvtDeviceD0Entry = RingbufEvtDeviceD0Entry;
    pnpPowerCallbacks.EvtDeviceD0Exit = RingbufEvtDeviceD0Exit;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnpPowerCallbacks);

    WDF_FILEOBJECT_CONFIG_INIT(&fileConfig, WDF_NO_EVENT_CALLBACK,
                               RingbufEvtFileClose, WDF_NO_EVENT_CALLBACK);
    WdfDeviceInitSetFileObjectConfig(DeviceInit, &fileConfig,
                                     WDF_NO_OBJECT_ATTRIBUTES);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&requestAttributes, REQUEST_CONTEXT);
    WdfDeviceInitSetRequestAttributes(DeviceInit, &requestAttributes);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    attributes.EvtCleanupCallback = RingbufEvtDeviceContextCleanup;

    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        KdPrint(("ringbuf: WdfDeviceCreate failed %08x\n", (ULONG)status));
        return status;
    }

    deviceContext = RingbufGetDeviceContext(device);
    deviceContext->Device = device;
    deviceContext->Mode = RINGBUF_MODE_STREAM;
    deviceContext->ReadTimeoutMs = RINGBUF_DEFAULT_READ_TIMEOUT_MS;
    deviceContext->BlockedWrite = NULL;
    deviceContext->Snapshot = NULL;
    deviceContext->SnapshotLength = 0;
    RtlZeroMemory(&deviceContext->Counters, sizeof(deviceContext->Counters));

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfSpinLockCreate(&attributes, &deviceContext->RingLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = RingbufAllocateRing(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = RingbufCreateTimer(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = WdfDeviceCreateSymbolicLink(device, &RingbufSymbolicName);
    if (!NT_SUCCESS(status)) {
        KdPrint(("ringbuf: symbolic link failed %08x\n", (ULONG)status));
        return status;
    }

    status = RingbufQueueInitialize(device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    RingbufLog("ringbuf: device added, capacity", deviceContext->Ring.Capacity);
    return STATUS_SUCCESS;
}

/* The device is going away: the ring storage is ours to free.  The timer,
   the queues, the lock and the snapshot are children of the device. */
VOID RingbufEvtDeviceContextCleanup(WDFOBJECT Device)
{
    PDEVICE_CONTEXT deviceContext = RingbufGetDeviceContext(Device);

    if (deviceContext->Ring.Storage != NULL) {
        ExFreePoolWithTag(deviceContext->Ring.Storage, RINGBUF_POOL_TAG);
        deviceContext->Ring.Storage = NULL;
        deviceContext->Ring.Capacity = 0;
    }
}

NTSTATUS RingbufEvtDeviceD0Entry(WDFDEVICE Device,
                                 WDF_POWER_DEVICE_STATE PreviousState)
{
    PDEVICE_CONTEXT deviceContext = RingbufGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(PreviousState);

    deviceContext->LastDataTime = KeQueryInterruptTime();
    WdfTimerStart(deviceContext->ReadTimer,
                  WDF_REL_TIMEOUT_IN_MS(RINGBUF_TIMER_PERIOD_MS));
    return STATUS_SUCCESS;
}

NTSTATUS RingbufEvtDeviceD0Exit(WDFDEVICE Device,
                                WDF_POWER_DEVICE_STATE TargetState)
{
    PDEVICE_CONTEXT deviceContext = RingbufGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(TargetState);

    /* PASSIVE_LEVEL: waiting for a running timer callback is allowed. */
    WdfTimerStop(deviceContext->ReadTimer, TRUE);
    return STATUS_SUCCESS;
}

/* A handle was closed: fail the blocked write if it came from that file.
   The pending reads of the file are cancelled by the I/O manager. */
VOID RingbufEvtFileClose(WDFFILEOBJECT FileObject)
{
    WDFDEVICE device = WdfFileObjectGetDevice(FileObject);
    PDEVICE_CONTEXT deviceContext = RingbufGetDeviceContext(device);
    WDFREQUEST blocked = NULL;
    ULONG written = 0;

    WdfSpinLockAcquire(deviceContext->RingLock);
    if (deviceContext->BlockedWrite != NULL &&
        WdfRequestGetFileObject(deviceContext->BlockedWrite) == FileObject) {
        if (NT_SUCCESS(WdfRequestUnmarkCancelable(deviceContext->BlockedWrite))) {
            blocked = deviceContext->BlockedWrite;
            written = deviceContext->BlockedWriteOffset;
            deviceContext->BlockedWrite = NULL;
        }
    }
    WdfSpinLockRelease(deviceContext->RingLock);

    if (blocked != NULL) {
        WdfRequestCompleteWithInformation(blocked, STATUS_CANCELLED, written);
    }
}
