/*
 * usblink.h - the USB transport used by the UsbStream driver.
 *
 * UsbStream does not talk to the USB stack directly: the board vendor ships
 * "usblink", a small static library (linked into the driver, not part of
 * this source tree) that wraps the device's one interface with a bulk IN
 * pipe, a bulk OUT pipe and the default control pipe.  It offers the same
 * three services the driver would otherwise build from the framework's USB
 * target objects:
 *
 *   - a continuous reader on the bulk IN pipe: usblink keeps N reads pending
 *     and calls the driver's EvtReaderComplete for every completed transfer,
 *     at DISPATCH_LEVEL, with a framework memory object that usblink owns
 *     and reuses once the callback returns;
 *   - asynchronous writes on the bulk OUT pipe, completed through the WDF
 *     request's completion routine (WdfRequestSetCompletionRoutine);
 *   - synchronous control transfers, at PASSIVE_LEVEL.
 */
#ifndef USBLINK_H
#define USBLINK_H

#include <ntddk.h>
#include <wdf.h>

typedef struct _USBLINK *PUSBLINK;
typedef struct _USBLINK_PIPE *USBLINK_PIPE;

typedef enum _USBLINK_PIPE_TYPE {
    UsbLinkPipeBulkIn,
    UsbLinkPipeBulkOut
} USBLINK_PIPE_TYPE;

/* Reader callbacks.  Buffer belongs to usblink: copy what you need. */
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
VOID USBLINK_READER_COMPLETE(_In_ PVOID Context, _In_ WDFMEMORY Buffer,
                             _In_ size_t BytesTransferred);
typedef USBLINK_READER_COMPLETE *PFN_USBLINK_READER_COMPLETE;

/* Returns TRUE to let usblink reset the pipe and restart the reader. */
typedef _IRQL_requires_(PASSIVE_LEVEL)
BOOLEAN USBLINK_READER_FAILED(_In_ PVOID Context, _In_ NTSTATUS Status);
typedef USBLINK_READER_FAILED *PFN_USBLINK_READER_FAILED;

typedef struct _USBLINK_READER_CONFIG {
    ULONG Size;
    size_t TransferLength;
    ULONG NumPendingReads;
    PFN_USBLINK_READER_COMPLETE EvtReaderComplete;
    PFN_USBLINK_READER_FAILED EvtReaderFailed;
    PVOID Context;
} USBLINK_READER_CONFIG, *PUSBLINK_READER_CONFIG;

FORCEINLINE VOID USBLINK_READER_CONFIG_INIT(
    _Out_ PUSBLINK_READER_CONFIG Config,
    _In_ PFN_USBLINK_READER_COMPLETE EvtReaderComplete, _In_ PVOID Context,
    _In_ size_t TransferLength)
{
    RtlZeroMemory(Config, sizeof(USBLINK_READER_CONFIG));
    Config->Size = sizeof(USBLINK_READER_CONFIG);
    Config->EvtReaderComplete = EvtReaderComplete;
    Config->Context = Context;
    Config->TransferLength = TransferLength;
    Config->NumPendingReads = 2;
}

/* A standard or vendor control request (the USB SETUP packet). */
typedef struct _USBLINK_SETUP_PACKET {
    UCHAR RequestType;
    UCHAR Request;
    USHORT Value;
    USHORT Index;
    USHORT Length;
} USBLINK_SETUP_PACKET, *PUSBLINK_SETUP_PACKET;

#define USBLINK_DIR_IN 0x80
#define USBLINK_TYPE_STANDARD 0x00
#define USBLINK_TYPE_VENDOR 0x40
#define USBLINK_REQUEST_GET_DESCRIPTOR 0x06
#define USBLINK_DESCRIPTOR_DEVICE 0x01

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS UsbLinkOpen(_In_ WDFDEVICE Device, _Out_ PUSBLINK *Link);

_IRQL_requires_(PASSIVE_LEVEL)
VOID UsbLinkClose(_In_ PUSBLINK Link);

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS UsbLinkGetPipe(_In_ PUSBLINK Link, _In_ USBLINK_PIPE_TYPE Type,
                        _Out_ USBLINK_PIPE *Pipe, _Out_opt_ PULONG MaxPacketSize);

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS UsbLinkConfigContinuousReader(_In_ USBLINK_PIPE Pipe,
                                       _In_ PUSBLINK_READER_CONFIG Config);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS UsbLinkReaderStart(_In_ USBLINK_PIPE Pipe);

/* Waits for the pending reads to finish: PASSIVE_LEVEL. */
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID UsbLinkReaderStop(_In_ USBLINK_PIPE Pipe);

/* Sends Length bytes of Buffer, starting at Offset, on a bulk OUT pipe.
   On success the request completes later, through its completion routine;
   on failure nothing was sent and the request is still the caller's. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS UsbLinkSubmitWrite(_In_ USBLINK_PIPE Pipe, _In_ WDFREQUEST Request,
                            _In_ WDFMEMORY Buffer, _In_ size_t Offset,
                            _In_ size_t Length);

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS UsbLinkControlTransfer(_In_ PUSBLINK Link,
                                _In_ PUSBLINK_SETUP_PACKET Setup,
                                _Inout_updates_bytes_opt_(Length) PVOID Buffer,
                                _In_ ULONG Length, _Out_opt_ PULONG Transferred);

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS UsbLinkResetPipe(_In_ USBLINK_PIPE Pipe);

#endif /* USBLINK_H */
