/*
 * util.c - helpers of the Xfer driver: the staging buffer, snapshots of the
 * counters and the info reply.
 */
#include "xfer.h"

NTSTATUS XfMakeStaging(PDEVICE_CONTEXT Context, WDFMEMORY *Staging)
{
    WDF_OBJECT_ATTRIBUTES attributes;

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Context->Device;
    return WdfMemoryCreate(&attributes, NonPagedPoolNx, XF_TAG,
                           XF_STAGING_SIZE, Staging, NULL);
}

VOID XfDropStaging(WDFMEMORY Staging)
{
    WdfObjectDelete(Staging);
}

/* Written for the passive-level statistics path: paged pool. */
PXF_SNAPSHOT XfSnapshot(PDEVICE_CONTEXT Context)
{
    PXF_SNAPSHOT snapshot = (PXF_SNAPSHOT)ExAllocatePool2(
        POOL_FLAG_PAGED, sizeof(XF_SNAPSHOT), XF_TAG);
    if (snapshot != NULL) {
        snapshot->Transfers = Context->Transfers;
        snapshot->Errors = Context->Errors;
    }
    return snapshot;
}

PXF_SNAPSHOT XfSnapshotNonPaged(PDEVICE_CONTEXT Context)
{
    PXF_SNAPSHOT snapshot = (PXF_SNAPSHOT)ExAllocatePool2(
        POOL_FLAG_NON_PAGED, sizeof(XF_SNAPSHOT), XF_TAG);
    if (snapshot != NULL) {
        snapshot->Transfers = Context->Transfers;
        snapshot->Errors = Context->Errors;
    }
    return snapshot;
}

/* The short form: what version 1 of the interface had. */
VOID XfFillInfo(PDEVICE_CONTEXT Context, PXF_INFO Info)
{
    Info->Version = 1;
    Info->Flags = 0;
    Info->Transfers = Context->Transfers;
}

VOID XfFillInfoFull(PDEVICE_CONTEXT Context, PXF_INFO Info)
{
    RtlZeroMemory(Info, sizeof(*Info));
    Info->Version = 2;
    Info->Serial = Context->Serial;
    Info->Transfers = Context->Transfers;
}
