/*
 * reader.c - the receive side of the UsbStream driver: the continuous
 * reader's callback, the packet queue, and read requests.
 *
 * Each completed bulk IN transfer is checked and copied into a packet (a
 * memory object from the packet lookaside list).  If a read is waiting,
 * the packet goes straight to it; otherwise it is queued until a read comes.
 */
#include "usbstream.h"

static VOID UsbStreamFreePacket(PUSBSTREAM_PACKET Packet)
{
    WdfObjectDelete(Packet->Memory);
}

/* Copies the unread part of a packet into a read request's buffer;
   returns the number of bytes copied. */
static NTSTATUS UsbStreamCopyPacket(PUSBSTREAM_PACKET Packet,
                                    WDFREQUEST Request, size_t *Copied)
{
    WDFMEMORY output;
    size_t outputLength;
    size_t count;
    NTSTATUS status;

    *Copied = 0;
    status = WdfRequestRetrieveOutputMemory(Request, &output);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    (VOID)WdfMemoryGetBuffer(output, &outputLength);

    count = Packet->Length - Packet->Offset;
    if (count > outputLength) {
        count = outputLength;
    }
    if (count == 0) {
        return STATUS_SUCCESS;
    }
    status = WdfMemoryCopyFromBuffer(output, 0, &Packet->Data[Packet->Offset],
                                     count);
    if (NT_SUCCESS(status)) {
        *Copied = count;
    }
    return status;
}

/* Gives a packet that is not in the list to a read request.  The packet
   is consumed only if the read took all of it; the rest is put at the
   head of the list. */
static VOID UsbStreamServeRead(PDEVICE_CONTEXT DeviceContext,
                               WDFREQUEST Request, PUSBSTREAM_PACKET Packet)
{
    size_t copied;
    KIRQL oldIrql;
    NTSTATUS status;

    status = UsbStreamCopyPacket(Packet, Request, &copied);
    if (NT_SUCCESS(status) && Packet->Offset + copied < Packet->Length) {
        Packet->Offset += (ULONG)copied;
        KeAcquireSpinLock(&DeviceContext->PacketLock, &oldIrql);
        InsertHeadList(&DeviceContext->PacketList, &Packet->Link);
        DeviceContext->PacketCount++;
        KeReleaseSpinLock(&DeviceContext->PacketLock, oldIrql);
    } else {
        UsbStreamFreePacket(Packet);
        DeviceContext->Counters.LastSequence = Packet->Sequence;
    }
    WdfRequestCompleteWithInformation(Request, status, copied);
}

static BOOLEAN UsbStreamCheckHeader(const USBSTREAM_WIRE_HEADER *Header,
                                    size_t BytesTransferred)
{
    if (BytesTransferred < sizeof(USBSTREAM_WIRE_HEADER)) {
        return FALSE;
    }
    if (Header->Magic != USBSTREAM_PACKET_MAGIC) {
        return FALSE;
    }
    if (Header->PayloadLength > USBSTREAM_MAX_PAYLOAD ||
        Header->PayloadLength > BytesTransferred - sizeof(USBSTREAM_WIRE_HEADER)) {
        return FALSE;
    }
    return TRUE;
}

VOID UsbStreamEvtReaderComplete(PVOID Context, WDFMEMORY Buffer,
                                size_t BytesTransferred)
{
    PDEVICE_CONTEXT deviceContext = (PDEVICE_CONTEXT)Context;
    USBSTREAM_WIRE_HEADER header;
    PUSBSTREAM_PACKET packet;
    PUSBSTREAM_PACKET oldest = NULL;
    WDFMEMORY memory;
    WDFREQUEST request;
    PUCHAR transfer;
    KIRQL oldIrql;
    NTSTATUS status;

    transfer = (PUCHAR)WdfMemoryGetBuffer(Buffer, NULL);
    if (BytesTransferred >= sizeof(header)) {
        RtlCopyMemory(&header, transfer, sizeof(header));
    }
    if (!UsbStreamCheckHeader(&header, BytesTransferred)) {
        InterlockedIncrement(&deviceContext->Counters.BadPackets);
        return;
    }

    status = WdfMemoryCreateFromLookaside(deviceContext->PacketLookaside, &memory);
    if (!NT_SUCCESS(status)) {
        InterlockedIncrement(&deviceContext->Counters.PacketsDropped);
        return;
    }
    packet = (PUSBSTREAM_PACKET)WdfMemoryGetBuffer(memory, NULL);
    packet->Memory = memory;
    packet->Sequence = header.Sequence;
    packet->Length = header.PayloadLength;
    packet->Offset = 0;
    RtlCopyMemory(packet->Data, transfer + sizeof(header), header.PayloadLength);
    InterlockedIncrement(&deviceContext->Counters.PacketsReceived);

    /* A read is waiting: no need to queue the packet. */
    status = WdfIoQueueRetrieveNextRequest(deviceContext->PendingReadQueue,
                                           &request);
    if (NT_SUCCESS(status)) {
        UsbStreamServeRead(deviceContext, request, packet);
        return;
    }

    KeAcquireSpinLock(&deviceContext->PacketLock, &oldIrql);
    if (deviceContext->PacketCount >= USBSTREAM_MAX_QUEUED_PACKETS) {
        InterlockedIncrement(&deviceContext->Counters.Overruns);
        if (deviceContext->Options & USBSTREAM_OPTION_DROP_NEWEST) {
            UsbStreamFreePacket(packet);
            return;
        }
        /* Drop the oldest packet to make room. */
        oldest = CONTAINING_RECORD(RemoveHeadList(&deviceContext->PacketList),
                                   USBSTREAM_PACKET, Link);
        deviceContext->PacketCount--;
    }
    InsertTailList(&deviceContext->PacketList, &packet->Link);
    deviceContext->PacketCount++;
    KeReleaseSpinLock(&deviceContext->PacketLock, oldIrql);

    if (oldest != NULL) {
        UsbStreamFreePacket(oldest);
    }
}

/* Hands queued packets to waiting reads, oldest first. */
VOID UsbStreamServicePendingReads(PDEVICE_CONTEXT DeviceContext)
{
    PUSBSTREAM_PACKET packet;
    WDFREQUEST request;
    KIRQL oldIrql;
    NTSTATUS status;

    for (;;) {
        KeAcquireSpinLock(&DeviceContext->PacketLock, &oldIrql);
        if (IsListEmpty(&DeviceContext->PacketList)) {
            KeReleaseSpinLock(&DeviceContext->PacketLock, oldIrql);
            return;
        }
        status = WdfIoQueueRetrieveNextRequest(DeviceContext->PendingReadQueue,
                                               &request);
        if (!NT_SUCCESS(status)) {
            KeReleaseSpinLock(&DeviceContext->PacketLock, oldIrql);
            return;
        }
        packet = CONTAINING_RECORD(RemoveHeadList(&DeviceContext->PacketList),
                                   USBSTREAM_PACKET, Link);
        DeviceContext->PacketCount--;
        KeReleaseSpinLock(&DeviceContext->PacketLock, oldIrql);

        UsbStreamServeRead(DeviceContext, request, packet);
    }
}

/* Empties the packet queue. */
VOID UsbStreamFlushPackets(PDEVICE_CONTEXT DeviceContext)
{
    LIST_ENTRY drained;
    PLIST_ENTRY entry;
    KIRQL oldIrql;

    InitializeListHead(&drained);
    KeAcquireSpinLock(&DeviceContext->PacketLock, &oldIrql);
    while (!IsListEmpty(&DeviceContext->PacketList)) {
        entry = RemoveHeadList(&DeviceContext->PacketList);
        InsertTailList(&drained, entry);
    }
    DeviceContext->PacketCount = 0;
    KeReleaseSpinLock(&DeviceContext->PacketLock, oldIrql);

    /* Outside the lock: deleting returns the packets to the lookaside. */
    while (!IsListEmpty(&drained)) {
        entry = RemoveHeadList(&drained);
        UsbStreamFreePacket(CONTAINING_RECORD(entry, USBSTREAM_PACKET, Link));
    }
}

VOID UsbStreamEvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    PDEVICE_CONTEXT deviceContext =
        UsbStreamGetDeviceContext(WdfIoQueueGetDevice(Queue));
    NTSTATUS status;

    if (Length == 0) {
        WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, 0);
        return;
    }

    /* Every read waits in the manual queue, so that reads are served in
       order whether a packet is there already or not. */
    status = WdfRequestForwardToIoQueue(Request, deviceContext->PendingReadQueue);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    UsbStreamServicePendingReads(deviceContext);
}

VOID UsbStreamEvtReadCanceled(WDFQUEUE Queue, WDFREQUEST Request)
{
    UNREFERENCED_PARAMETER(Queue);
    WdfRequestCompleteWithInformation(Request, STATUS_CANCELLED, 0);
}
