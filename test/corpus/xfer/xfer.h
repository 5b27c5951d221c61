/*
 * xfer.h - the Xfer driver: a staging-buffer transfer device whose work is
 * split over files, as real drivers are.
 *
 * queue.c dispatches the device controls; the helpers it calls live in
 * util.c (snapshots, info replies, the staging buffer) and lock.c (the
 * device lock, a WDFSPINLOCK: taken and released by helpers, so a caller
 * between XfLock and XfUnlock runs at DISPATCH_LEVEL).
 */
#ifndef XFER_H
#define XFER_H

#include <ntddk.h>
#include <wdf.h>

#define XF_TAG 'frXX'
#define XF_STAGING_SIZE 512

#define FILE_DEVICE_XFER 0x00007846
#define IOCTL_XF_INFO CTL_CODE(FILE_DEVICE_XFER, 0x800, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_XF_INFO_FULL CTL_CODE(FILE_DEVICE_XFER, 0x801, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_XF_SNAPSHOT CTL_CODE(FILE_DEVICE_XFER, 0x802, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_XF_RESET CTL_CODE(FILE_DEVICE_XFER, 0x803, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_XF_RESIZE CTL_CODE(FILE_DEVICE_XFER, 0x804, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_XF_SETTLE CTL_CODE(FILE_DEVICE_XFER, 0x805, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* IOCTL_XF_INFO's reply. */
typedef struct _XF_INFO {
    ULONG Version;
    ULONG Flags;
    ULONG64 Serial;
    ULONG Transfers;
    ULONG Reserved;
} XF_INFO, *PXF_INFO;

/* A copy of the transfer counters, kept by IOCTL_XF_SNAPSHOT. */
typedef struct _XF_SNAPSHOT {
    ULONG Transfers;
    ULONG Errors;
} XF_SNAPSHOT, *PXF_SNAPSHOT;

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;
    WDFSPINLOCK Lock;          /* guards the counters and Staging */
    WDFMEMORY Staging;         /* XF_STAGING_SIZE bytes, parented to the device */
    ULONG Transfers;
    ULONG Errors;
    ULONG64 Serial;
    PXF_SNAPSHOT LastSnapshot; /* under Lock; ExFreePoolWithTag'd when replaced */
    WDFWORKITEM SettleItem;    /* IOCTL_XF_SETTLE's passive-level work */
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, XfGetDeviceContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD XfEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL XfEvtIoDeviceControl;
EVT_WDF_WORKITEM XfEvtSettleWorkItem;

/* lock.c */
VOID XfLock(PDEVICE_CONTEXT Context);
VOID XfUnlock(PDEVICE_CONTEXT Context);

/* util.c */
NTSTATUS XfMakeStaging(PDEVICE_CONTEXT Context, WDFMEMORY *Staging);
VOID XfDropStaging(WDFMEMORY Staging);
PXF_SNAPSHOT XfSnapshot(PDEVICE_CONTEXT Context);
PXF_SNAPSHOT XfSnapshotNonPaged(PDEVICE_CONTEXT Context);
VOID XfFillInfo(PDEVICE_CONTEXT Context, PXF_INFO Info);
VOID XfFillInfoFull(PDEVICE_CONTEXT Context, PXF_INFO Info);

#endif
