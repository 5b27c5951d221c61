/*
 * queue.c - reads and device control requests of the DAQ-16 driver.
 *
 * A read returns as many 16-bit samples as are buffered and fit, or waits
 * in the manual queue until the DPC has samples for it.
 */
#include "daq.h"

NTSTATUS DaqQueueInitialize(WDFDEVICE Device)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(Device);
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig,
                                           WdfIoQueueDispatchParallel);
    queueConfig.EvtIoRead = DaqEvtIoRead;
    queueConfig.EvtIoDeviceControl = DaqEvtIoDeviceControl;
    status = WdfIoQueueCreate(Device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                              &deviceContext->DefaultQueue);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_IO_QUEUE_CONFIG_INIT(&queueConfig, WdfIoQueueDispatchManual);
    queueConfig.EvtIoCanceledOnQueue = DaqEvtReadCanceled;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Device;
    return WdfIoQueueCreate(Device, &queueConfig, &attributes,
                            &deviceContext->PendingReadQueue);
}

VOID DaqEvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(WdfIoQueueGetDevice(Queue));
    NTSTATUS status;

    if (Length < sizeof(USHORT)) {
        WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
        return;
    }
    if (!deviceContext->Acquiring && deviceContext->RingCount == 0) {
        WdfRequestComplete(Request, STATUS_DEVICE_NOT_READY);
        return;
    }

    status = WdfRequestForwardToIoQueue(Request, deviceContext->PendingReadQueue);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    /* Samples may be buffered already. */
    DaqCompletePendingReads(deviceContext);
}

VOID DaqEvtReadCanceled(WDFQUEUE Queue, WDFREQUEST Request)
{
    UNREFERENCED_PARAMETER(Queue);
    WdfRequestCompleteWithInformation(Request, STATUS_CANCELLED, 0);
}

static NTSTATUS DaqStart(PDEVICE_CONTEXT DeviceContext)
{
    NTSTATUS status;

    if (DeviceContext->Acquiring) {
        return STATUS_SUCCESS;
    }
    if (DeviceContext->ErrorCount > 0) {
        /* The card reported errors: start from a clean state. */
        status = DaqResetCard(DeviceContext);
        if (!NT_SUCCESS(status)) {
            return status;
        }
    }
    DaqStartAcquisition(DeviceContext);
    return STATUS_SUCCESS;
}

static NTSTATUS DaqSetSampleRate(PDEVICE_CONTEXT DeviceContext,
                                 WDFREQUEST Request)
{
    PULONG rateHz;
    ULONG divider;
    NTSTATUS status;

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(ULONG),
                                           (PVOID *)&rateHz, NULL);
    if (*rateHz == 0) {
        return STATUS_INVALID_PARAMETER;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }

    divider = DAQ_SAMPLE_CLOCK_HZ / *rateHz;
    if (divider < DAQ_MIN_DIVIDER || divider > DAQ_MAX_DIVIDER) {
        return STATUS_INVALID_PARAMETER;
    }

    WdfInterruptAcquireLock(DeviceContext->Interrupt);
    DeviceContext->SampleDivider = divider;
    if (DeviceContext->Registers != NULL) {
        DaqWrite(DeviceContext, &DeviceContext->Registers->SampleDivider, divider);
    }
    WdfInterruptReleaseLock(DeviceContext->Interrupt);
    return STATUS_SUCCESS;
}

static NTSTATUS DaqGetStatus(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request,
                             size_t *Information)
{
    DAQ_STATUS_INFO info;
    PDAQ_STATUS_INFO output;
    NTSTATUS status;

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(info),
                                            (PVOID *)&output, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    RtlZeroMemory(&info, sizeof(info));
    info.HardwareVersion = DeviceContext->HardwareVersion;
    info.SampleRateHz = DAQ_SAMPLE_CLOCK_HZ / DeviceContext->SampleDivider;
    info.Acquiring = DeviceContext->Acquiring;
    info.Errors = DeviceContext->ErrorCount;
    info.Recoveries = DeviceContext->Recoveries;
    info.CalibrationPoints = DeviceContext->CalibrationPoints;

    WdfSpinLockAcquire(DeviceContext->SampleLock);
    info.BufferedSamples = DeviceContext->RingCount;
    info.Overflows = DeviceContext->Overflows;
    WdfSpinLockRelease(DeviceContext->SampleLock);

    RtlCopyMemory(output, &info, sizeof(info));
    *Information = sizeof(info);
    return STATUS_SUCCESS;
}

/* Copies the kept error records, oldest first, as many as fit; only the
   entries written are returned. */
static NTSTATUS DaqGetErrors(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request,
                             size_t *Information)
{
    PDAQ_ERROR_ENTRY entries;
    PDAQ_ERROR_RECORD record;
    PLIST_ENTRY link;
    size_t length;
    ULONG room;
    ULONG count = 0;
    KIRQL oldIrql;
    NTSTATUS status;

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(DAQ_ERROR_ENTRY),
                                            (PVOID *)&entries, &length);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    room = (ULONG)(length / sizeof(DAQ_ERROR_ENTRY));

    KeAcquireSpinLock(&DeviceContext->ErrorLock, &oldIrql);
    for (link = DeviceContext->ErrorList.Flink;
         link != &DeviceContext->ErrorList && count < room; link = link->Flink) {
        record = CONTAINING_RECORD(link, DAQ_ERROR_RECORD, Link);
        entries[count].Code = record->Code;
        entries[count].InterruptStatus = record->InterruptStatus;
        entries[count].Time = record->Time;
        count++;
    }
    KeReleaseSpinLock(&DeviceContext->ErrorLock, oldIrql);

    *Information = (size_t)count * sizeof(DAQ_ERROR_ENTRY);
    return STATUS_SUCCESS;
}

VOID DaqEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                           size_t OutputBufferLength, size_t InputBufferLength,
                           ULONG IoControlCode)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(WdfIoQueueGetDevice(Queue));
    size_t information = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_DAQ_START:
        status = DaqStart(deviceContext);
        break;
    case IOCTL_DAQ_STOP:
        if (deviceContext->Acquiring) {
            DaqStopAcquisition(deviceContext);
        }
        status = STATUS_SUCCESS;
        break;
    case IOCTL_DAQ_SET_SAMPLE_RATE:
        status = DaqSetSampleRate(deviceContext, Request);
        break;
    case IOCTL_DAQ_GET_STATUS:
        status = DaqGetStatus(deviceContext, Request, &information);
        break;
    case IOCTL_DAQ_GET_ERRORS:
        status = DaqGetErrors(deviceContext, Request, &information);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestCompleteWithInformation(Request, status, information);
}
