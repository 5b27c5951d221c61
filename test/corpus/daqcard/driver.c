/*
 * driver.c - DriverEntry and device creation of the DAQ-16 driver.
 */
#include "daq.h"

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    NTSTATUS status;

    WDF_DRIVER_CONFIG_INIT(&config, DaqEvtDeviceAdd);
    config.DriverPoolTag = DAQ_TAG;

    status = WdfDriverCreate(DriverObject, RegistryPath,
                             WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        KdPrint(("daq: WdfDriverCreate failed %08x\n", (ULONG)status));
    }
    return status;
}

static NTSTATUS DaqCreateInterrupt(PDEVICE_CONTEXT DeviceContext)
{
    WDF_INTERRUPT_CONFIG interruptConfig;
    WDF_OBJECT_ATTRIBUTES attributes;

    WDF_INTERRUPT_CONFIG_INIT(&interruptConfig, DaqEvtInterruptIsr,
                              DaqEvtInterruptDpc);
    interruptConfig.EvtInterruptEnable = DaqEvtInterruptEnable;
    interruptConfig.EvtInterruptDisable = DaqEvtInterruptDisable;

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = DeviceContext->Device;
    return WdfInterruptCreate(DeviceContext->Device, &interruptConfig,
                              &attributes, &DeviceContext->Interrupt);
}

static NTSTATUS DaqCreateWatchdog(PDEVICE_CONTEXT DeviceContext)
{
    WDF_TIMER_CONFIG timerConfig;
    WDF_WORKITEM_CONFIG workItemConfig;
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = DeviceContext->Device;

    WDF_TIMER_CONFIG_INIT_PERIODIC(&timerConfig, DaqEvtWatchdog,
                                   DAQ_WATCHDOG_PERIOD_MS);
    status = WdfTimerCreate(&timerConfig, &attributes, &DeviceContext->Watchdog);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_WORKITEM_CONFIG_INIT(&workItemConfig, DaqEvtRecoveryWorkItem);
    return WdfWorkItemCreate(&workItemConfig, &attributes,
                             &DeviceContext->RecoveryWorkItem);
}

NTSTATUS DaqEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_PNPPOWER_EVENT_CALLBACKS pnpPowerCallbacks;
    WDF_OBJECT_ATTRIBUTES attributes;
    PDEVICE_CONTEXT deviceContext;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnpPowerCallbacks);
    pnpPowerCallbacks.EvtDevicePrepareHardware = DaqEvtPrepareHardware;
    pnpPowerCallbacks.EvtDeviceReleaseHardware = DaqEvtReleaseHardware;
    pnpPowerCallbacks.EvtDeviceD0Entry = DaqEvtD0Entry;
    pnpPowerCallbacks.EvtDeviceD0Exit = DaqEvtD0Exit;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnpPowerCallbacks);
    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);
    WdfDeviceInitSetExclusive(DeviceInit, TRUE);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    attributes.EvtCleanupCallback = DaqEvtDeviceCleanup;
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    deviceContext = DaqGetDeviceContext(device);
    deviceContext->Device = device;
    deviceContext->SampleDivider = 1000;    /* 10 kHz */
    KeInitializeSpinLock(&deviceContext->ErrorLock);
    InitializeListHead(&deviceContext->ErrorList);

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfSpinLockCreate(&attributes, &deviceContext->SampleLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = DaqCreateInterrupt(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = DaqCreateWatchdog(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    return DaqQueueInitialize(device);
}

/* Frees the error records; everything else is a child of the device. */
VOID DaqEvtDeviceCleanup(WDFOBJECT Device)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(Device);
    PLIST_ENTRY entry;
    KIRQL oldIrql;

    KeAcquireSpinLock(&deviceContext->ErrorLock, &oldIrql);
    while (!IsListEmpty(&deviceContext->ErrorList)) {
        entry = RemoveHeadList(&deviceContext->ErrorList);
        ExFreePoolWithTag(CONTAINING_RECORD(entry, DAQ_ERROR_RECORD, Link),
                          DAQ_ERROR_TAG);
    }
    deviceContext->ErrorCount = 0;
    KeReleaseSpinLock(&deviceContext->ErrorLock, oldIrql);

    if (deviceContext->Diagnostics != NULL) {
        ExFreePoolWithTag(deviceContext->Diagnostics, DAQ_DIAG_TAG);
        deviceContext->Diagnostics = NULL;
    }
}
