/*
 * write.c - the transmit side of the UsbStream driver.
 *
 * A write request goes to the bulk OUT pipe as it is, or, with the
 * PAD_WRITES option, through a bounce buffer padded to a whole number of
 * USB packets (some firmware revisions drop short packets).  The request's
 * completion routine completes it; failures are recorded and handed to a
 * work item that resets the pipe at PASSIVE_LEVEL.
 */
#include "usbstream.h"

static size_t UsbStreamRoundUp(size_t Length, ULONG Multiple)
{
    return ((Length + Multiple - 1) / Multiple) * Multiple;
}

/* Sends the request's data through a padded, request-owned bounce
   buffer. */
static VOID UsbStreamSendPadded(PDEVICE_CONTEXT DeviceContext,
                                WDFREQUEST Request, WDFMEMORY Input,
                                size_t Length)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFMEMORY bounce;
    PUCHAR bounceBuffer;
    size_t padded = UsbStreamRoundUp(Length, DeviceContext->OutMaxPacketSize);
    NTSTATUS status;

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Request;
    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, USBSTREAM_BOUNCE_TAG,
                             padded, &bounce, (PVOID *)&bounceBuffer);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    /* The padding is sent too: it must be zeros, not old pool contents. */
    RtlZeroMemory(bounceBuffer, padded);
    status = WdfMemoryCopyToBuffer(Input, 0, bounceBuffer, Length);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    status = UsbLinkSubmitWrite(DeviceContext->BulkOut, Request, bounce, 0,
                                padded);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        WdfObjectDelete(bounce);
        return;
    }
}

VOID UsbStreamEvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    PDEVICE_CONTEXT deviceContext =
        UsbStreamGetDeviceContext(WdfIoQueueGetDevice(Queue));
    PWRITE_CONTEXT writeContext = UsbStreamGetWriteContext(Request);
    WDFMEMORY input;
    size_t inputLength;
    NTSTATUS status;

    if (Length == 0 || Length > USBSTREAM_MAX_WRITE) {
        WdfRequestComplete(Request, STATUS_INVALID_BUFFER_SIZE);
        return;
    }
    if (deviceContext->BulkOut == NULL) {
        WdfRequestComplete(Request, STATUS_DEVICE_NOT_READY);
        return;
    }

    WdfRequestRetrieveInputMemory(Request, &input);
    (VOID)WdfMemoryGetBuffer(input, &inputLength);

    writeContext->DeviceContext = deviceContext;
    writeContext->Length = inputLength;
    WdfRequestSetCompletionRoutine(Request, UsbStreamEvtWriteComplete,
                                   deviceContext);

    if ((deviceContext->Options & USBSTREAM_OPTION_PAD_WRITES) &&
        (inputLength % deviceContext->OutMaxPacketSize) != 0) {
        UsbStreamSendPadded(deviceContext, Request, input, inputLength);
        return;
    }

    status = UsbLinkSubmitWrite(deviceContext->BulkOut, Request, input, 0,
                                inputLength);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
    }
}

/* Runs when the bulk OUT transfer is done, at <= DISPATCH_LEVEL. */
VOID UsbStreamEvtWriteComplete(WDFREQUEST Request, WDFIOTARGET Target,
                               PWDF_REQUEST_COMPLETION_PARAMS Params,
                               WDFCONTEXT Context)
{
    PDEVICE_CONTEXT deviceContext = (PDEVICE_CONTEXT)Context;
    PWRITE_CONTEXT writeContext = UsbStreamGetWriteContext(Request);
    NTSTATUS status = Params->IoStatus.Status;
    size_t written = Params->IoStatus.Information;
    PUSBSTREAM_ERROR_RECORD record;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Target);

    if (NT_SUCCESS(status)) {
        InterlockedIncrement(&deviceContext->Counters.WritesCompleted);
        /* Padding is not the caller's data. */
        if (written > writeContext->Length) {
            written = writeContext->Length;
        }
        WdfRequestCompleteWithInformation(Request, status, written);
        return;
    }

    InterlockedIncrement(&deviceContext->Counters.WriteErrors);
    deviceContext->Counters.LastWriteError = status;
    deviceContext->Counters.LastWriteErrorTime = KeQueryInterruptTime();

    /* Record the failure for the recovery work item, which resets the
       pipe at PASSIVE_LEVEL. */
    record = (PUSBSTREAM_ERROR_RECORD)ExAllocatePoolWithTag(
        PagedPool, sizeof(USBSTREAM_ERROR_RECORD), USBSTREAM_ERROR_TAG);
    if (record != NULL) {
        record->Status = status;
        record->Time = deviceContext->Counters.LastWriteErrorTime;
        record->BytesRequested = writeContext->Length;
        KeAcquireSpinLock(&deviceContext->ErrorLock, &oldIrql);
        InsertTailList(&deviceContext->ErrorList, &record->Link);
        KeReleaseSpinLock(&deviceContext->ErrorLock, oldIrql);
        WdfWorkItemEnqueue(deviceContext->RecoveryWorkItem);
    }

    WdfRequestCompleteWithInformation(Request, status, 0);
}

/* PASSIVE_LEVEL: reset the OUT pipe once for all recorded failures. */
VOID UsbStreamEvtRecoveryWorkItem(WDFWORKITEM WorkItem)
{
    PDEVICE_CONTEXT deviceContext =
        UsbStreamGetDeviceContext(WdfWorkItemGetParentObject(WorkItem));
    LIST_ENTRY records;
    PLIST_ENTRY entry;
    PUSBSTREAM_ERROR_RECORD record;
    ULONG failures = 0;
    KIRQL oldIrql;
    NTSTATUS status;

    InitializeListHead(&records);
    KeAcquireSpinLock(&deviceContext->ErrorLock, &oldIrql);
    while (!IsListEmpty(&deviceContext->ErrorList)) {
        InsertTailList(&records, RemoveHeadList(&deviceContext->ErrorList));
    }
    KeReleaseSpinLock(&deviceContext->ErrorLock, oldIrql);

    while (!IsListEmpty(&records)) {
        entry = RemoveHeadList(&records);
        record = CONTAINING_RECORD(entry, USBSTREAM_ERROR_RECORD, Link);
        failures++;
        UsbStreamTrace(deviceContext, "write failed", (ULONG)record->Status);
        ExFreePoolWithTag(record, USBSTREAM_ERROR_TAG);
    }

    if (failures > 0 && deviceContext->BulkOut != NULL) {
        status = UsbLinkResetPipe(deviceContext->BulkOut);
        UsbStreamTrace(deviceContext, "bulk out reset", (ULONG)status);
    }
}
