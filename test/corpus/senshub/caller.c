/*
 * caller.c - METHOD_NEITHER requests of the SensHub driver.
 *
 * The shared sample window is a caller buffer that the driver writes from
 * its sample timer.  It is probed and locked in EvtIoInCallerContext, in
 * the caller's thread at PASSIVE_LEVEL, where the user address means what
 * the caller meant.  The locked memory is a child of the request and stays
 * valid until the request completes.
 */
#include "senshub.h"

static VOID SenshubFailInCallerContext(WDFREQUEST Request, NTSTATUS Status)
{
    KdPrint(("senshub: caller-context request failed %08x\n", (ULONG)Status));
    WdfRequestComplete(Request, Status);
}

VOID SenshubEvtIoInCallerContext(WDFDEVICE Device, WDFREQUEST Request)
{
    WDF_REQUEST_PARAMETERS params;
    PREQUEST_CONTEXT requestContext;
    SENSHUB_WINDOW_REGISTRATION captured;
    PVOID registration;
    WDFMEMORY registrationMemory;
    WDFMEMORY windowMemory;
    size_t length;
    NTSTATUS status;

    WDF_REQUEST_PARAMETERS_INIT(&params);
    WdfRequestGetParameters(Request, &params);

    if (params.Type != WdfRequestTypeDeviceControl ||
        params.Parameters.DeviceIoControl.IoControlCode !=
            IOCTL_SENSHUB_REGISTER_WINDOW) {
        /* Everything else goes to the queues unchanged. */
        status = WdfDeviceEnqueueRequest(Device, Request);
        if (!NT_SUCCESS(status)) {
            SenshubFailInCallerContext(Request, status);
        }
        return;
    }

    status = WdfRequestRetrieveUnsafeUserInputBuffer(
        Request, sizeof(SENSHUB_WINDOW_REGISTRATION), &registration, &length);
    if (!NT_SUCCESS(status)) {
        SenshubFailInCallerContext(Request, status);
        return;
    }

    /* Capture the registration once: the caller can change its copy. */
    status = WdfRequestProbeAndLockUserBufferForRead(
        Request, registration, sizeof(SENSHUB_WINDOW_REGISTRATION),
        &registrationMemory);
    if (!NT_SUCCESS(status)) {
        SenshubFailInCallerContext(Request, status);
        return;
    }
    status = WdfMemoryCopyToBuffer(registrationMemory, 0, &captured,
                                   sizeof(captured));
    if (!NT_SUCCESS(status)) {
        SenshubFailInCallerContext(Request, status);
        return;
    }

    if (captured.WindowAddress == 0 || captured.WindowLength < sizeof(LONG) ||
        captured.WindowLength > SENSHUB_MAX_CHANNELS * sizeof(LONG)) {
        SenshubFailInCallerContext(Request, STATUS_INVALID_PARAMETER);
        return;
    }

    status = WdfRequestProbeAndLockUserBufferForWrite(
        Request, (PVOID)(ULONG_PTR)captured.WindowAddress,
        captured.WindowLength, &windowMemory);
    if (!NT_SUCCESS(status)) {
        SenshubFailInCallerContext(Request, status);
        return;
    }

    requestContext = SenshubGetRequestContext(Request);
    requestContext->UserMemory = windowMemory;
    requestContext->UserLength = captured.WindowLength;

    status = WdfDeviceEnqueueRequest(Device, Request);
    if (!NT_SUCCESS(status)) {
        SenshubFailInCallerContext(Request, status);
    }
}

/* IOCTL_SENSHUB_REGISTER_WINDOW, in the default queue: the window memory
   was locked in the caller's context.  The request is kept (cancelable)
   for as long as the window is in use. */
VOID SenshubRegisterWindow(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request)
{
    PREQUEST_CONTEXT requestContext = SenshubGetRequestContext(Request);
    PLONG window;
    size_t length;
    ULONG channels;
    NTSTATUS status;

    if (requestContext->UserMemory == NULL) {
        WdfRequestComplete(Request, STATUS_INVALID_DEVICE_REQUEST);
        return;
    }

    window = (PLONG)WdfMemoryGetBuffer(requestContext->UserMemory, &length);
    RtlZeroMemory(window, length);
    channels = (ULONG)(length / sizeof(LONG));

    WdfSpinLockAcquire(DeviceContext->DataLock);
    if (DeviceContext->WindowRequest != NULL) {
        WdfSpinLockRelease(DeviceContext->DataLock);
        WdfRequestComplete(Request, STATUS_INVALID_DEVICE_STATE);
        return;
    }
    status = WdfRequestMarkCancelableEx(Request, SenshubEvtWindowCancel);
    if (!NT_SUCCESS(status)) {
        WdfSpinLockRelease(DeviceContext->DataLock);
        WdfRequestComplete(Request, status);
        return;
    }
    DeviceContext->WindowRequest = Request;
    DeviceContext->Window = window;
    DeviceContext->WindowChannels = channels;
    WdfSpinLockRelease(DeviceContext->DataLock);

    SenshubLogEvent(DeviceContext, SENSHUB_EVENT_WINDOW, channels);
}

/* The window's owner cancelled (or closed its handle): stop writing to the
   window before the request, and with it the locked pages, goes away. */
VOID SenshubEvtWindowCancel(WDFREQUEST Request)
{
    PDEVICE_CONTEXT deviceContext = SenshubGetDeviceContext(
        WdfIoQueueGetDevice(WdfRequestGetIoQueue(Request)));

    WdfSpinLockAcquire(deviceContext->DataLock);
    if (deviceContext->WindowRequest == Request) {
        deviceContext->WindowRequest = NULL;
        deviceContext->Window = NULL;
        deviceContext->WindowChannels = 0;
    }
    WdfSpinLockRelease(deviceContext->DataLock);

    SenshubLogEvent(deviceContext, SENSHUB_EVENT_WINDOW, 0);
    WdfRequestComplete(Request, STATUS_CANCELLED);
}

/* IOCTL_SENSHUB_SNAPSHOT_TO_USER: writes the latest value of every channel
   to the caller's buffer. */
VOID SenshubSnapshotToUser(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request)
{
    WDF_REQUEST_PARAMETERS params;
    LONG values[SENSHUB_MAX_CHANNELS];
    WDFMEMORY userMemory;
    PVOID userBuffer;
    size_t length;
    ULONG i;
    NTSTATUS status;

    WDF_REQUEST_PARAMETERS_INIT(&params);
    WdfRequestGetParameters(Request, &params);
    userBuffer = params.Parameters.DeviceIoControl.Type3InputBuffer;
    length = params.Parameters.DeviceIoControl.InputBufferLength;
    if (userBuffer == NULL || length < sizeof(values)) {
        WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
        return;
    }

    status = WdfRequestProbeAndLockUserBufferForWrite(Request, userBuffer,
                                                      sizeof(values),
                                                      &userMemory);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    RtlZeroMemory(values, sizeof(values));
    WdfSpinLockAcquire(DeviceContext->DataLock);
    for (i = 0; i < DeviceContext->ChannelCount && i < SENSHUB_MAX_CHANNELS; i++) {
        values[i] = DeviceContext->Channels[i].Latest;
    }
    WdfSpinLockRelease(DeviceContext->DataLock);

    status = WdfMemoryCopyFromBuffer(userMemory, 0, values, sizeof(values));
    WdfRequestCompleteWithInformation(Request, status,
                                      NT_SUCCESS(status) ? sizeof(values) : 0);
}
