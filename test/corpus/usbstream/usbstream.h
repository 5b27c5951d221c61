/*
 * usbstream.h - private definitions of the UsbStream driver.
 *
 * UsbStream exposes a USB data-acquisition device as a byte stream:
 * packets from the bulk IN pipe (continuous reader) are kept in a queue of
 * lookaside-backed memory objects until the application reads them; writes
 * go out on the bulk OUT pipe; a few IOCTLs report statistics and reset the
 * pipes.
 */
#ifndef USBSTREAM_H
#define USBSTREAM_H

#include <ntddk.h>
#include <wdf.h>

#include "usblink.h"

#define USBSTREAM_TAG 'sUsU'
#define USBSTREAM_PACKET_TAG 'pUsU'
#define USBSTREAM_BOUNCE_TAG 'bUsU'
#define USBSTREAM_DESCRIPTOR_TAG 'dUsU'
#define USBSTREAM_ERROR_TAG 'eUsU'
#define USBSTREAM_TRACE_TAG 'tUsU'

#define USBSTREAM_TRANSFER_SIZE 512
#define USBSTREAM_MAX_PAYLOAD 496
#define USBSTREAM_MAX_QUEUED_PACKETS 64
#define USBSTREAM_MAX_WRITE (64 * 1024)
#define USBSTREAM_PACKET_MAGIC 0xA55A

#define FILE_DEVICE_USBSTREAM 0x00008337

#define IOCTL_USBSTREAM_GET_STATISTICS \
    CTL_CODE(FILE_DEVICE_USBSTREAM, 0x800, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_USBSTREAM_RESET \
    CTL_CODE(FILE_DEVICE_USBSTREAM, 0x801, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_USBSTREAM_SET_OPTIONS \
    CTL_CODE(FILE_DEVICE_USBSTREAM, 0x802, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_USBSTREAM_GET_DEVICE_DESCRIPTOR \
    CTL_CODE(FILE_DEVICE_USBSTREAM, 0x803, METHOD_BUFFERED, FILE_READ_ACCESS)

/* Options (USBSTREAM_OPTIONS.Flags). */
#define USBSTREAM_OPTION_DROP_NEWEST 0x1   /* on overrun: drop the new packet */
#define USBSTREAM_OPTION_PAD_WRITES  0x2   /* pad writes to whole packets */

/* Wire format of a bulk IN transfer: this header, then the payload. */
#pragma pack(push, 1)
typedef struct _USBSTREAM_WIRE_HEADER {
    USHORT Magic;
    USHORT PayloadLength;
    ULONG Sequence;
} USBSTREAM_WIRE_HEADER, *PUSBSTREAM_WIRE_HEADER;
#pragma pack(pop)

typedef struct _USBSTREAM_STATISTICS {
    ULONG Version;
    ULONG PacketsReceived;
    ULONG PacketsDropped;
    ULONG BadPackets;
    ULONG Overruns;
    ULONG WritesCompleted;
    ULONG WriteErrors;
    ULONG QueuedPackets;
    ULONG LastSequence;
    NTSTATUS LastWriteError;
    ULONG64 LastWriteErrorTime;
} USBSTREAM_STATISTICS, *PUSBSTREAM_STATISTICS;

typedef struct _USBSTREAM_OPTIONS {
    ULONG Flags;
    ULONG ReadTimeoutMs;
} USBSTREAM_OPTIONS, *PUSBSTREAM_OPTIONS;

/* A received packet: lives at the start of a lookaside memory object's
   buffer, which also holds the payload. */
typedef struct _USBSTREAM_PACKET {
    LIST_ENTRY Link;
    WDFMEMORY Memory;         /* the object this packet lives in */
    ULONG Sequence;
    ULONG Length;             /* payload bytes in Data */
    ULONG Offset;             /* payload bytes already read */
    UCHAR Data[USBSTREAM_MAX_PAYLOAD];
} USBSTREAM_PACKET, *PUSBSTREAM_PACKET;

/* A failed write, handed to the recovery work item. */
typedef struct _USBSTREAM_ERROR_RECORD {
    LIST_ENTRY Link;
    NTSTATUS Status;
    ULONG64 Time;
    size_t BytesRequested;
} USBSTREAM_ERROR_RECORD, *PUSBSTREAM_ERROR_RECORD;

typedef struct _USBSTREAM_COUNTERS {
    volatile LONG PacketsReceived;
    volatile LONG PacketsDropped;
    volatile LONG BadPackets;
    volatile LONG Overruns;
    volatile LONG WritesCompleted;
    volatile LONG WriteErrors;
    ULONG LastSequence;
    NTSTATUS LastWriteError;
    ULONG64 LastWriteErrorTime;
} USBSTREAM_COUNTERS;

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;
    PUSBLINK Link;
    USBLINK_PIPE BulkIn;
    USBLINK_PIPE BulkOut;
    ULONG OutMaxPacketSize;

    WDFQUEUE DefaultQueue;
    WDFQUEUE PendingReadQueue;     /* manual: reads waiting for packets */

    WDFLOOKASIDE PacketLookaside;  /* USBSTREAM_PACKET objects */

    KSPIN_LOCK PacketLock;         /* PacketList, PacketCount */
    LIST_ENTRY PacketList;
    ULONG PacketCount;

    ULONG Options;

    KSPIN_LOCK ErrorLock;          /* ErrorList */
    LIST_ENTRY ErrorList;
    WDFWORKITEM RecoveryWorkItem;

    UCHAR DeviceDescriptor[18];
    BOOLEAN DescriptorValid;

    USBSTREAM_COUNTERS Counters;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, UsbStreamGetDeviceContext)

/* Per-write state, in the write request's context. */
typedef struct _WRITE_CONTEXT {
    PDEVICE_CONTEXT DeviceContext;
    size_t Length;
} WRITE_CONTEXT, *PWRITE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(WRITE_CONTEXT, UsbStreamGetWriteContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD UsbStreamEvtDeviceAdd;
EVT_WDF_DEVICE_PREPARE_HARDWARE UsbStreamEvtPrepareHardware;
EVT_WDF_DEVICE_RELEASE_HARDWARE UsbStreamEvtReleaseHardware;
EVT_WDF_DEVICE_D0_ENTRY UsbStreamEvtD0Entry;
EVT_WDF_DEVICE_D0_EXIT UsbStreamEvtD0Exit;
EVT_WDF_OBJECT_CONTEXT_CLEANUP UsbStreamEvtDeviceCleanup;

EVT_WDF_IO_QUEUE_IO_READ UsbStreamEvtIoRead;
EVT_WDF_IO_QUEUE_IO_WRITE UsbStreamEvtIoWrite;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL UsbStreamEvtIoDeviceControl;
EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE UsbStreamEvtReadCanceled;
EVT_WDF_REQUEST_COMPLETION_ROUTINE UsbStreamEvtWriteComplete;
EVT_WDF_WORKITEM UsbStreamEvtRecoveryWorkItem;

USBLINK_READER_COMPLETE UsbStreamEvtReaderComplete;
USBLINK_READER_FAILED UsbStreamEvtReaderFailed;

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID UsbStreamEvtReaderComplete(_In_ PVOID Context, _In_ WDFMEMORY Buffer,
                                _In_ size_t BytesTransferred);

NTSTATUS UsbStreamQueueInitialize(_In_ WDFDEVICE Device);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID UsbStreamFlushPackets(_In_ PDEVICE_CONTEXT DeviceContext);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID UsbStreamServicePendingReads(_In_ PDEVICE_CONTEXT DeviceContext);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID UsbStreamTrace(_In_ PDEVICE_CONTEXT DeviceContext, _In_z_ PCSTR Event,
                    _In_ ULONG Value);

#endif /* USBSTREAM_H */
