/*
 * driver.c - DriverEntry, device creation and the device control
 * dispatcher of the EvtNotify driver.
 */
#include "evn.h"

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, EvnEvtDeviceAdd);
    config.DriverPoolTag = EVN_TAG;
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}

NTSTATUS EvnEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_FILEOBJECT_CONFIG fileConfig;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDF_DPC_CONFIG dpcConfig;
    PDEVICE_CONTEXT deviceContext;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);
    WDF_FILEOBJECT_CONFIG_INIT(&fileConfig, EvnEvtFileCreate, EvnEvtFileClose,
                               EvnEvtFileCleanup);
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, SUBSCRIBER);
    WdfDeviceInitSetFileObjectConfig(DeviceInit, &fileConfig, &attributes);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    deviceContext = EvnGetDeviceContext(device);
    deviceContext->Device = device;
    KeInitializeSpinLock(&deviceContext->HubLock);
    InitializeListHead(&deviceContext->Subscribers);

    WDF_DPC_CONFIG_INIT(&dpcConfig, EvnEvtFanoutDpc);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfDpcCreate(&dpcConfig, &attributes, &deviceContext->FanoutDpc);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchParallel);
    queueConfig.EvtIoDeviceControl = EvnEvtIoDeviceControl;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                            &deviceContext->DefaultQueue);
}

VOID EvnEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                           size_t OutputBufferLength, size_t InputBufferLength,
                           ULONG IoControlCode)
{
    PDEVICE_CONTEXT deviceContext = EvnGetDeviceContext(WdfIoQueueGetDevice(Queue));
    PSUBSCRIBER subscriber = EvnGetSubscriber(WdfRequestGetFileObject(Request));
    PEVN_EVENT event;
    size_t information = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);

    switch (IoControlCode) {
    case IOCTL_EVN_SUBSCRIBE:
        status = EvnSubscribe(deviceContext, subscriber, Request, InputBufferLength);
        break;

    case IOCTL_EVN_POST_EVENT:
        status = WdfRequestRetrieveInputBuffer(Request, sizeof(EVN_EVENT),
                                               (PVOID *)&event, NULL);
        if (NT_SUCCESS(status)) {
            status = EvnPostEvent(deviceContext, event);
        }
        break;

    case IOCTL_EVN_WAIT_EVENT:
        /* Completed by the fan-out DPC, or cancelled. */
        status = WdfRequestForwardToIoQueue(Request, subscriber->WaitQueue);
        if (NT_SUCCESS(status)) {
            return;
        }
        break;

    case IOCTL_EVN_DRAIN:
        status = EvnDrain(subscriber, Request, &information);
        break;

    case IOCTL_EVN_REPLAY:
        status = EvnReplay(subscriber, Request, &information);
        break;

    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestCompleteWithInformation(Request, status, information);
}
