/*
 * driver.c - DriverEntry and device creation of the SensHub driver.
 */
#include "senshub.h"

DECLARE_CONST_UNICODE_STRING(SenshubDeviceName, SENSHUB_DEVICE_NAME);
DECLARE_CONST_UNICODE_STRING(SenshubLinkName, SENSHUB_LINK_NAME);

static ULONG SenshubNextSerial = 0x5A000001;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    NTSTATUS status;

    WDF_DRIVER_CONFIG_INIT(&config, SenshubEvtDeviceAdd);
    config.DriverPoolTag = SENSHUB_TAG;

    status = WdfDriverCreate(DriverObject, RegistryPath,
                             WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        KdPrint(("senshub: WdfDriverCreate failed %08x\n", (ULONG)status));
    }
    return status;
}

static VOID SenshubInitializeChannels(PDEVICE_CONTEXT DeviceContext)
{
    ULONG i;

    DeviceContext->ChannelCount = SENSHUB_MAX_CHANNELS;
    for (i = 0; i < SENSHUB_MAX_CHANNELS; i++) {
        PSENSHUB_CHANNEL channel = &DeviceContext->Channels[i];

        RtlZeroMemory(channel, sizeof(*channel));
        channel->Config.Channel = i;
        channel->Config.Flags = (i < 4) ? SENSHUB_CHANNEL_ENABLED : 0;
        channel->Config.SampleIntervalMs = SENSHUB_SAMPLE_TIMER_MS;
        channel->Config.Offset = 0;
        channel->Config.Gain = 0x10000;
        channel->Phase = i * 17;
    }
}

NTSTATUS SenshubEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_FILEOBJECT_CONFIG fileConfig;
    WDF_PNPPOWER_EVENT_CALLBACKS pnpPowerCallbacks;
    WDF_TIMER_CONFIG timerConfig;
    PDEVICE_CONTEXT deviceContext;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WdfDeviceInitSetDeviceType(DeviceInit, FILE_DEVICE_SENSHUB);
    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);

    status = WdfDeviceInitAssignName(DeviceInit, &SenshubDeviceName);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnpPowerCallbacks);
    pnpPowerCallbacks.EvtDeviceD0Entry = SenshubEvtD0Entry;
    pnpPowerCallbacks.EvtDeviceD0Exit = SenshubEvtD0Exit;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnpPowerCallbacks);

    WDF_FILEOBJECT_CONFIG_INIT(&fileConfig, SenshubEvtFileCreate,
                               SenshubEvtFileClose, WDF_NO_EVENT_CALLBACK);
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, FILE_CONTEXT);
    WdfDeviceInitSetFileObjectConfig(DeviceInit, &fileConfig, &attributes);

    /* METHOD_NEITHER buffers must be probed in the requesting thread. */
    WdfDeviceInitSetIoInCallerContextCallback(DeviceInit,
                                              SenshubEvtIoInCallerContext);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, REQUEST_CONTEXT);
    WdfDeviceInitSetRequestAttributes(DeviceInit, &attributes);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    deviceContext = SenshubGetDeviceContext(device);
    deviceContext->Device = device;
    deviceContext->SerialNumber = SenshubNextSerial++;
    deviceContext->Thresholds = NULL;
    deviceContext->ThresholdCount = 0;
    deviceContext->WindowRequest = NULL;
    deviceContext->Window = NULL;
    SenshubInitializeChannels(deviceContext);

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfSpinLockCreate(&attributes, &deviceContext->DataLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WdfSpinLockCreate(&attributes, &deviceContext->LogLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = SenshubEventLogInitialize(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_TIMER_CONFIG_INIT_PERIODIC(&timerConfig, SenshubEvtSampleTimer,
                                   SENSHUB_SAMPLE_TIMER_MS);
    status = WdfTimerCreate(&timerConfig, &attributes,
                            &deviceContext->SampleTimer);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = WdfDeviceCreateSymbolicLink(device, &SenshubLinkName);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = SenshubQueueInitialize(device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    SenshubLogEvent(deviceContext, SENSHUB_EVENT_STARTED,
                    deviceContext->SerialNumber);
    return STATUS_SUCCESS;
}

NTSTATUS SenshubEvtD0Entry(WDFDEVICE Device, WDF_POWER_DEVICE_STATE PreviousState)
{
    PDEVICE_CONTEXT deviceContext = SenshubGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(PreviousState);
    WdfTimerStart(deviceContext->SampleTimer,
                  WDF_REL_TIMEOUT_IN_MS(SENSHUB_SAMPLE_TIMER_MS));
    return STATUS_SUCCESS;
}

NTSTATUS SenshubEvtD0Exit(WDFDEVICE Device, WDF_POWER_DEVICE_STATE TargetState)
{
    PDEVICE_CONTEXT deviceContext = SenshubGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(TargetState);
    WdfTimerStop(deviceContext->SampleTimer, TRUE);
    return STATUS_SUCCESS;
}

/* ------------------------------------------------------------------------ */
/* Sessions                                                                  */
/* ------------------------------------------------------------------------ */

VOID SenshubEvtFileCreate(WDFDEVICE Device, WDFREQUEST Request,
                          WDFFILEOBJECT FileObject)
{
    PFILE_CONTEXT fileContext = SenshubGetFileContext(FileObject);
    PSENSHUB_SESSION session;

    UNREFERENCED_PARAMETER(Device);

    session = (PSENSHUB_SESSION)ExAllocatePool2(POOL_FLAG_NON_PAGED,
                                                sizeof(SENSHUB_SESSION),
                                                (ULONG)(ULONG_PTR)"sHsS");
    if (session == NULL) {
        WdfRequestComplete(Request, STATUS_INSUFFICIENT_RESOURCES);
        return;
    }
    session->ProcessTag = 0;
    session->Reads = 0;
    session->ChannelMask = (1u << SENSHUB_MAX_CHANNELS) - 1;
    fileContext->Session = session;

    WdfRequestComplete(Request, STATUS_SUCCESS);
}

VOID SenshubEvtFileClose(WDFFILEOBJECT FileObject)
{
    PFILE_CONTEXT fileContext = SenshubGetFileContext(FileObject);

    if (fileContext->Session != NULL) {
        ExFreePool(fileContext->Session);
        fileContext->Session = NULL;
    }
}
