/*
 * echo.h - a small KMDF echo driver, the example wdfcheck runs on.
 *
 * It has bugs on purpose; each is marked "BUG (WMxxx)" where it is made, and
 * the README in this directory lists what wdfcheck reports.
 */
#ifndef ECHO_H
#define ECHO_H

#include <ntddk.h>
#include <wdf.h>

#define ECHO_TAG 'ohcE'
#define ECHO_MAX_WRITE 4096

/* Buffered I/O control codes (METHOD_BUFFERED, FILE_ANY_ACCESS). */
#define IOCTL_ECHO_GET_STATS 0x00222000u
#define IOCTL_ECHO_SET_FILTER 0x00222004u

typedef struct _ECHO_FILTER_ENTRY {
  ULONG Match;
  ULONG Replace;
} ECHO_FILTER_ENTRY;

typedef struct _ECHO_STATS {
  ULONG Reads;
  ULONG Writes;
} ECHO_STATS;

typedef struct _DEVICE_CONTEXT {
  WDFQUEUE Queue;
  WDFSPINLOCK StatsLock;     /* guards Reads and Writes */
  WDFMEMORY LastWrite;       /* the most recent write, echoed by reads */
  size_t LastWriteLength;
  ECHO_FILTER_ENTRY *Filter; /* optional byte filter, from an IOCTL */
  size_t FilterCount;
  ULONG Reads, Writes;
} DEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DeviceGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD EchoEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_READ EchoEvtIoRead;
EVT_WDF_IO_QUEUE_IO_WRITE EchoEvtIoWrite;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL EchoEvtIoDeviceControl;

NTSTATUS EchoQueueInitialize(WDFDEVICE Device);
NTSTATUS EchoInfoQueueInitialize(WDFDEVICE Device);

#endif
