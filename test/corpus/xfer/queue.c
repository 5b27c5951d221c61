/*
 * queue.c - the device controls of the Xfer driver, and the settle work
 * item.  The work is done by the helpers of util.c and lock.c.
 */
#include "xfer.h"

/* IOCTL_XF_INFO and IOCTL_XF_INFO_FULL: the reply built on the stack by a
   helper of util.c, then copied out. */
static NTSTATUS XfReplyInfo(PDEVICE_CONTEXT Context, WDFREQUEST Request,
                            BOOLEAN Full, size_t *Information)
{
    XF_INFO info;
    PVOID output;
    NTSTATUS status;

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(info), &output, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    if (Full) {
        XfFillInfoFull(Context, &info);
    } else {
        XfFillInfo(Context, &info);
    }
    RtlCopyMemory(output, &info, sizeof(info));
    *Information = sizeof(info);
    return STATUS_SUCCESS;
}

/* IOCTL_XF_RESET: the staging buffer is dropped; its size is logged. */
static NTSTATUS XfReset(PDEVICE_CONTEXT Context)
{
    WDFMEMORY staging = Context->Staging;
    size_t size = 0;

    Context->Staging = NULL;
    XfDropStaging(staging);
    (VOID)WdfMemoryGetBuffer(staging, &size);
    KdPrint(("Xfer: staging buffer of %u bytes dropped\n", (ULONG)size));
    return STATUS_SUCCESS;
}

/* IOCTL_XF_RESIZE: a new staging buffer replaces the old one. */
static NTSTATUS XfResize(PDEVICE_CONTEXT Context)
{
    size_t size = 0;
    NTSTATUS status;

    XfDropStaging(Context->Staging);
    status = XfMakeStaging(Context, &Context->Staging);
    if (!NT_SUCCESS(status)) {
        Context->Staging = NULL;
        return status;
    }
    RtlZeroMemory(WdfMemoryGetBuffer(Context->Staging, &size), XF_STAGING_SIZE);
    return STATUS_SUCCESS;
}

VOID XfEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                          size_t OutputBufferLength, size_t InputBufferLength,
                          ULONG IoControlCode)
{
    PDEVICE_CONTEXT context = XfGetDeviceContext(WdfIoQueueGetDevice(Queue));
    size_t information = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_XF_INFO:
        status = XfReplyInfo(context, Request, FALSE, &information);
        break;
    case IOCTL_XF_INFO_FULL:
        status = XfReplyInfo(context, Request, TRUE, &information);
        break;
    case IOCTL_XF_RESET:
        status = XfReset(context);
        break;
    case IOCTL_XF_RESIZE:
        status = XfResize(context);
        break;
    case IOCTL_XF_SETTLE:
        WdfWorkItemEnqueue(context->SettleItem);
        status = STATUS_SUCCESS;
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestCompleteWithInformation(Request, status, information);
}

/* Settles the device: a snapshot of the counters, which are then reset
   after the hardware had time to drain.  Runs at PASSIVE_LEVEL. */
VOID XfEvtSettleWorkItem(WDFWORKITEM WorkItem)
{
    PDEVICE_CONTEXT context =
        XfGetDeviceContext(WdfWorkItemGetParentObject(WorkItem));
    PXF_SNAPSHOT before, last;
    LARGE_INTEGER drain;

    drain.QuadPart = -10 * 1000 * 10; /* 10 ms */

    /* PASSIVE_LEVEL here: paged pool is fine. */
    before = XfSnapshot(context);

    XfLock(context);
    context->Transfers = 0;
    KeDelayExecutionThread(KernelMode, FALSE, &drain);
    context->Errors = 0;
    XfUnlock(context);

    /* The lock is released: waiting is fine again. */
    KeDelayExecutionThread(KernelMode, FALSE, &drain);

    WdfSpinLockAcquire(context->Lock);
    last = XfSnapshotNonPaged(context);
    if (context->LastSnapshot == NULL) {
        context->LastSnapshot = last;
        last = NULL;
    }
    WdfSpinLockRelease(context->Lock);
    if (last != NULL) {
        ExFreePoolWithTag(last, XF_TAG);
    }

    WdfSpinLockAcquire(context->Lock);
    last = XfSnapshot(context);
    WdfSpinLockRelease(context->Lock);
    if (last != NULL) {
        ExFreePoolWithTag(last, XF_TAG);
    }
    if (before != NULL) {
        ExFreePoolWithTag(before, XF_TAG);
    }
}
