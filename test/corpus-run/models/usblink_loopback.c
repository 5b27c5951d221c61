/*
 * usblink_loopback.c - the other side of usbstream's usblink transport: a
 * loopback test device, for running the driver under the runtime model.
 *
 * usblink.h is the driver's own small USB abstraction (a stand-in for the
 * WDF USB target DDIs); this file implements it as the test firmware of a
 * loopback board behaves:
 *
 *   - the control pipe answers GET_DESCRIPTOR(DEVICE) with an 18-byte
 *     device descriptor;
 *   - every bulk OUT transfer is completed after the driver's callback
 *     returns (the request's completion routine runs at DISPATCH_LEVEL, as
 *     a USB completion does) and, while the continuous reader runs, comes
 *     back on the bulk IN pipe as one packet: the wire header (magic,
 *     payload length, sequence number) and up to 496 bytes of the data;
 *   - test knobs, chosen by the first byte of a bulk OUT transfer:
 *       0xEE  the device stalls the transfer: it completes with
 *             STATUS_DEVICE_DATA_ERROR and the pipe is halted until
 *             UsbLinkResetPipe;
 *       0xEF  the host controller refuses the submission: UsbLinkSubmitWrite
 *             fails with STATUS_DEVICE_BUSY and nothing is sent.
 *
 * One link, two pipes: the device is a single interface with one bulk IN
 * and one bulk OUT endpoint of 64-byte packets (full speed).
 */
#include <stdlib.h>
#include <string.h>

#include "usblink.h"
#include "wdfrt.h"

#define LOOPBACK_MAX_PACKET 64
#define LOOPBACK_WIRE_MAGIC 0xA55A
#define LOOPBACK_HEADER_SIZE 8 /* USHORT magic, USHORT length, ULONG sequence */
#define LOOPBACK_KNOB_STALL 0xEE
#define LOOPBACK_KNOB_BUSY 0xEF
#define LOOPBACK_MAX_IN_FLIGHT 32
#define LOOPBACK_MAX_ECHO 512

struct _USBLINK_PIPE {
  struct _USBLINK *link;
  USBLINK_PIPE_TYPE type;
  int halted;
  /* bulk IN only: the continuous reader */
  int reader_configured, reader_running;
  USBLINK_READER_CONFIG reader;
  WDFMEMORY transfer;       /* the reader's transfer buffer */
  ULONG sequence;
};

struct _USBLINK {
  WDFDEVICE device;
  struct _USBLINK_PIPE in, out;
};

/* A bulk OUT transfer between its submission and its completion. */
typedef struct in_flight {
  struct _USBLINK_PIPE *pipe;
  WDFREQUEST request;
  NTSTATUS status;
  size_t length;
  unsigned char echo[LOOPBACK_MAX_ECHO];
  size_t echo_length;
  int used;
} in_flight_t;

static in_flight_t in_flight[LOOPBACK_MAX_IN_FLIGHT];

NTSTATUS UsbLinkOpen(WDFDEVICE Device, PUSBLINK *Link) {
  struct _USBLINK *link = calloc(1, sizeof(*link));
  if (!link)
    return STATUS_INSUFFICIENT_RESOURCES;
  link->device = Device;
  link->in.link = link->out.link = link;
  link->in.type = UsbLinkPipeBulkIn;
  link->out.type = UsbLinkPipeBulkOut;
  *Link = link;
  return STATUS_SUCCESS;
}

VOID UsbLinkClose(PUSBLINK Link) {
  /* Transfers still in flight complete as cancelled first, as the host
     controller driver completes them when the device goes away. */
  for (size_t i = 0; i < LOOPBACK_MAX_IN_FLIGHT; ++i) {
    if (in_flight[i].used && in_flight[i].pipe->link == Link) {
      in_flight[i].used = 0;
      wdfrt_complete_sent_request(in_flight[i].request, STATUS_CANCELLED, 0);
    }
  }
  if (Link->in.transfer)
    WdfObjectDelete(Link->in.transfer);
  free(Link);
}

NTSTATUS UsbLinkGetPipe(PUSBLINK Link, USBLINK_PIPE_TYPE Type,
                        USBLINK_PIPE *Pipe, PULONG MaxPacketSize) {
  *Pipe = Type == UsbLinkPipeBulkIn ? &Link->in : &Link->out;
  if (MaxPacketSize)
    *MaxPacketSize = LOOPBACK_MAX_PACKET;
  return STATUS_SUCCESS;
}

/* The 18-byte USB device descriptor of the board. */
static const UCHAR device_descriptor[18] = {
    18, 0x01, 0x00, 0x02, 0xFF, 0x00, 0x00, LOOPBACK_MAX_PACKET,
    0x34, 0x12, 0x01, 0x00, 0x00, 0x01, 0x01, 0x02, 0x00, 0x01};

NTSTATUS UsbLinkControlTransfer(PUSBLINK Link, PUSBLINK_SETUP_PACKET Setup,
                                PVOID Buffer, ULONG Length,
                                PULONG Transferred) {
  (void)Link;
  if (Transferred)
    *Transferred = 0;
  if (Setup->RequestType != (USBLINK_DIR_IN | USBLINK_TYPE_STANDARD) ||
      Setup->Request != USBLINK_REQUEST_GET_DESCRIPTOR ||
      (Setup->Value >> 8) != USBLINK_DESCRIPTOR_DEVICE)
    return STATUS_NOT_SUPPORTED; /* the device stalls what it does not know */
  ULONG count = Length < sizeof(device_descriptor) ? Length : sizeof(device_descriptor);
  if (count > Setup->Length)
    count = Setup->Length;
  memcpy(Buffer, device_descriptor, count);
  if (Transferred)
    *Transferred = count;
  return STATUS_SUCCESS;
}

NTSTATUS UsbLinkConfigContinuousReader(USBLINK_PIPE Pipe,
                                       PUSBLINK_READER_CONFIG Config) {
  if (Pipe->type != UsbLinkPipeBulkIn || Config->Size != sizeof(*Config) ||
      Config->EvtReaderComplete == NULL || Config->TransferLength == 0)
    return STATUS_INVALID_PARAMETER;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Pipe->link->device;
  NTSTATUS status = WdfMemoryCreate(&attributes, NonPagedPoolNx, 'kbLU',
                                    Config->TransferLength, &Pipe->transfer,
                                    NULL);
  if (!NT_SUCCESS(status))
    return status;
  Pipe->reader = *Config;
  Pipe->reader_configured = 1;
  return STATUS_SUCCESS;
}

NTSTATUS UsbLinkReaderStart(USBLINK_PIPE Pipe) {
  if (!Pipe->reader_configured)
    return STATUS_INVALID_DEVICE_STATE;
  Pipe->reader_running = 1;
  return STATUS_SUCCESS;
}

VOID UsbLinkReaderStop(USBLINK_PIPE Pipe) { Pipe->reader_running = 0; }

NTSTATUS UsbLinkResetPipe(USBLINK_PIPE Pipe) {
  Pipe->halted = 0;
  return STATUS_SUCCESS;
}

/* The data of a bulk OUT transfer comes back on the IN pipe. */
static void deliver_echo(struct _USBLINK_PIPE *in, const unsigned char *data,
                         size_t length) {
  if (!in->reader_running)
    return;
  size_t capacity = in->reader.TransferLength;
  if (capacity < LOOPBACK_HEADER_SIZE)
    return;
  if (length > capacity - LOOPBACK_HEADER_SIZE)
    length = capacity - LOOPBACK_HEADER_SIZE;
  unsigned char *transfer = WdfMemoryGetBuffer(in->transfer, NULL);
  USHORT magic = LOOPBACK_WIRE_MAGIC, payload = (USHORT)length;
  ULONG sequence = ++in->sequence;
  memcpy(transfer, &magic, sizeof(magic));
  memcpy(transfer + 2, &payload, sizeof(payload));
  memcpy(transfer + 4, &sequence, sizeof(sequence));
  memcpy(transfer + LOOPBACK_HEADER_SIZE, data, length);
  in->reader.EvtReaderComplete(in->reader.Context, in->transfer,
                               LOOPBACK_HEADER_SIZE + length);
}

/* Runs after the driver's callback returned, at DISPATCH_LEVEL. */
static void complete_write(void *argument) {
  in_flight_t *transfer = argument;
  if (!transfer->used)
    return; /* completed as cancelled when the link closed */
  transfer->used = 0;
  if (NT_SUCCESS(transfer->status))
    deliver_echo(&transfer->pipe->link->in, transfer->echo, transfer->echo_length);
  wdfrt_complete_sent_request(transfer->request, transfer->status,
                              NT_SUCCESS(transfer->status) ? transfer->length : 0);
}

NTSTATUS UsbLinkSubmitWrite(USBLINK_PIPE Pipe, WDFREQUEST Request,
                            WDFMEMORY Buffer, size_t Offset, size_t Length) {
  size_t size;
  const unsigned char *data = WdfMemoryGetBuffer(Buffer, &size);
  if (Pipe->type != UsbLinkPipeBulkOut || Offset > size || Length > size - Offset)
    return STATUS_INVALID_PARAMETER;
  data += Offset;
  if (Length > 0 && data[0] == LOOPBACK_KNOB_BUSY)
    return STATUS_DEVICE_BUSY;
  in_flight_t *transfer = NULL;
  for (size_t i = 0; i < LOOPBACK_MAX_IN_FLIGHT && !transfer; ++i)
    if (!in_flight[i].used)
      transfer = &in_flight[i];
  if (!transfer)
    return STATUS_INSUFFICIENT_RESOURCES;
  *transfer = (in_flight_t){.pipe = Pipe, .request = Request, .used = 1,
                            .length = Length, .status = STATUS_SUCCESS};
  if (Pipe->halted || (Length > 0 && data[0] == LOOPBACK_KNOB_STALL)) {
    Pipe->halted = 1;
    transfer->status = STATUS_DEVICE_DATA_ERROR;
  }
  transfer->echo_length = Length < sizeof(transfer->echo) ? Length : sizeof(transfer->echo);
  memcpy(transfer->echo, data, transfer->echo_length);
  if (wdfrt_schedule(complete_write, transfer) != 0) {
    transfer->used = 0;
    return STATUS_INSUFFICIENT_RESOURCES;
  }
  return STATUS_SUCCESS;
}
