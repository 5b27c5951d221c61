/*
 * ioctl.c - queues and device control requests of the UsbStream driver.
 */
#include "usbstream.h"

NTSTATUS UsbStreamQueueInitialize(WDFDEVICE Device)
{
    PDEVICE_CONTEXT deviceContext = UsbStreamGetDeviceContext(Device);
    WDF_IO_QUEUE_CONFIG queueConfig;
    NTSTATUS status;

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig,
                                           WdfIoQueueDispatchParallel);
    queueConfig.EvtIoRead = UsbStreamEvtIoRead;
    queueConfig.EvtIoWrite = UsbStreamEvtIoWrite;
    queueConfig.EvtIoDeviceControl = UsbStreamEvtIoDeviceControl;
    status = WdfIoQueueCreate(Device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                              &deviceContext->DefaultQueue);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_IO_QUEUE_CONFIG_INIT(&queueConfig, WdfIoQueueDispatchManual);
    queueConfig.EvtIoCanceledOnQueue = UsbStreamEvtReadCanceled;
    return WdfIoQueueCreate(Device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                            &deviceContext->PendingReadQueue);
}

static NTSTATUS UsbStreamGetStatistics(PDEVICE_CONTEXT DeviceContext,
                                       WDFREQUEST Request, size_t *Information)
{
    USBSTREAM_STATISTICS statistics;
    PUSBSTREAM_STATISTICS output;
    KIRQL oldIrql;
    NTSTATUS status;

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(statistics),
                                            (PVOID *)&output, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    statistics.Version = 1;
    statistics.PacketsReceived = (ULONG)DeviceContext->Counters.PacketsReceived;
    statistics.PacketsDropped = (ULONG)DeviceContext->Counters.PacketsDropped;
    statistics.BadPackets = (ULONG)DeviceContext->Counters.BadPackets;
    statistics.Overruns = (ULONG)DeviceContext->Counters.Overruns;
    statistics.WritesCompleted = (ULONG)DeviceContext->Counters.WritesCompleted;
    statistics.WriteErrors = (ULONG)DeviceContext->Counters.WriteErrors;
    statistics.LastSequence = DeviceContext->Counters.LastSequence;
    if (statistics.WriteErrors != 0) {
        statistics.LastWriteError = DeviceContext->Counters.LastWriteError;
        statistics.LastWriteErrorTime = DeviceContext->Counters.LastWriteErrorTime;
    }

    KeAcquireSpinLock(&DeviceContext->PacketLock, &oldIrql);
    statistics.QueuedPackets = DeviceContext->PacketCount;
    KeReleaseSpinLock(&DeviceContext->PacketLock, oldIrql);

    RtlCopyMemory(output, &statistics, sizeof(statistics));
    *Information = sizeof(statistics);
    return STATUS_SUCCESS;
}

/* Drops everything received so far and fails the waiting reads. */
static NTSTATUS UsbStreamReset(PDEVICE_CONTEXT DeviceContext)
{
    WDFREQUEST request;

    UsbStreamFlushPackets(DeviceContext);
    while (NT_SUCCESS(WdfIoQueueRetrieveNextRequest(
        DeviceContext->PendingReadQueue, &request))) {
        WdfRequestCompleteWithInformation(request, STATUS_CANCELLED, 0);
    }
    UsbStreamTrace(DeviceContext, "reset", 0);
    return STATUS_SUCCESS;
}

static NTSTATUS UsbStreamSetOptions(PDEVICE_CONTEXT DeviceContext,
                                    WDFREQUEST Request)
{
    PUSBSTREAM_OPTIONS options;
    NTSTATUS status;

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(USBSTREAM_OPTIONS),
                                           (PVOID *)&options, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    if ((options->Flags & ~(USBSTREAM_OPTION_DROP_NEWEST |
                            USBSTREAM_OPTION_PAD_WRITES)) != 0) {
        return STATUS_INVALID_PARAMETER;
    }
    DeviceContext->Options = options->Flags;
    return STATUS_SUCCESS;
}

static NTSTATUS UsbStreamGetDeviceDescriptor(PDEVICE_CONTEXT DeviceContext,
                                             WDFREQUEST Request,
                                             size_t *Information)
{
    WDFMEMORY output;
    NTSTATUS status;

    if (!DeviceContext->DescriptorValid) {
        return STATUS_DEVICE_NOT_READY;
    }
    status = WdfRequestRetrieveOutputMemory(Request, &output);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WdfMemoryCopyFromBuffer(output, 0, DeviceContext->DeviceDescriptor,
                                     sizeof(DeviceContext->DeviceDescriptor));
    if (NT_SUCCESS(status)) {
        *Information = sizeof(DeviceContext->DeviceDescriptor);
    }
    return status;
}

VOID UsbStreamEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                                 size_t OutputBufferLength,
                                 size_t InputBufferLength, ULONG IoControlCode)
{
    PDEVICE_CONTEXT deviceContext =
        UsbStreamGetDeviceContext(WdfIoQueueGetDevice(Queue));
    size_t information = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_USBSTREAM_GET_STATISTICS:
        status = UsbStreamGetStatistics(deviceContext, Request, &information);
        break;
    case IOCTL_USBSTREAM_RESET:
        status = UsbStreamReset(deviceContext);
        break;
    case IOCTL_USBSTREAM_SET_OPTIONS:
        status = UsbStreamSetOptions(deviceContext, Request);
        break;
    case IOCTL_USBSTREAM_GET_DEVICE_DESCRIPTOR:
        status = UsbStreamGetDeviceDescriptor(deviceContext, Request,
                                              &information);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestCompleteWithInformation(Request, status, information);
}
