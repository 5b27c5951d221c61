/*
 * driver.c - DriverEntry, device and queue creation of the PolicyCfg driver.
 *
 * Queues:
 *   default queue     parallel, dispatch level: IOCTL_PCFG_CHECK and
 *                     IOCTL_PCFG_GET_STATISTICS are answered here, from the
 *                     verdict cache; everything else is forwarded to
 *   management queue  sequential, WdfExecutionLevelPassive: policy changes,
 *                     queries, audit log
 *   change queue      manual: IOCTL_PCFG_WAIT_CHANGE requests
 */
#include "pcfg.h"

DECLARE_CONST_UNICODE_STRING(PcfgDeviceName, PCFG_DEVICE_NAME);
DECLARE_CONST_UNICODE_STRING(PcfgLinkName, PCFG_LINK_NAME);

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, PcfgEvtDeviceAdd);
    config.DriverPoolTag = PCFG_TAG;
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}

static NTSTATUS PcfgCreateHeartbeat(PDEVICE_CONTEXT DeviceContext)
{
    WDF_TIMER_CONFIG timerConfig;
    WDF_OBJECT_ATTRIBUTES attributes;

    /* A periodic DPC-level timer. */
    WDF_TIMER_CONFIG_INIT_PERIODIC(&timerConfig, PcfgEvtHeartbeat,
                                   PCFG_HEARTBEAT_MS);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = DeviceContext->Device;
    return WdfTimerCreate(&timerConfig, &attributes,
                          &DeviceContext->HeartbeatTimer);
}

NTSTATUS PcfgEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    PDEVICE_CONTEXT deviceContext;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);
    WdfDeviceInitSetDeviceType(DeviceInit, FILE_DEVICE_PCFG);
    status = WdfDeviceInitAssignName(DeviceInit, &PcfgDeviceName);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    attributes.EvtCleanupCallback = PcfgEvtDeviceCleanup;
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    deviceContext = PcfgGetDeviceContext(device);
    deviceContext->Device = device;
    InitializeListHead(&deviceContext->PolicyList);
    deviceContext->PolicyCount = 0;
    deviceContext->Generation = 1;

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfWaitLockCreate(&attributes, &deviceContext->StoreLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WdfWaitLockCreate(&attributes, &deviceContext->AuditLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WdfSpinLockCreate(&attributes, &deviceContext->CacheLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = PcfgHistoryInitialize(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = PcfgCreateHeartbeat(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = PcfgAuditInitialize(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = WdfDeviceCreateSymbolicLink(device, &PcfgLinkName);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = PcfgQueueInitialize(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WdfTimerStart(deviceContext->HeartbeatTimer,
                  WDF_REL_TIMEOUT_IN_MS(PCFG_HEARTBEAT_MS));
    return STATUS_SUCCESS;
}

/* PASSIVE_LEVEL for a WDFDEVICE.  The policies' blobs are children of the
   device; their paged entries are freed here. */
VOID PcfgEvtDeviceCleanup(WDFOBJECT Device)
{
    PDEVICE_CONTEXT deviceContext = PcfgGetDeviceContext(Device);

    if (KeGetCurrentIrql() == PASSIVE_LEVEL) {
        PcfgDeleteAllPolicies(deviceContext);
    }
    if (deviceContext->HeartbeatHistory != NULL) {
        ExFreePoolWithTag(deviceContext->HeartbeatHistory, PCFG_TAG);
        deviceContext->HeartbeatHistory = NULL;
    }
}

VOID PcfgEvtChangeCanceled(WDFQUEUE Queue, WDFREQUEST Request)
{
    UNREFERENCED_PARAMETER(Queue);
    WdfRequestCompleteWithInformation(Request, STATUS_CANCELLED, 0);
}
