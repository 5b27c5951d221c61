/*
 * ringbuf_public.h - the RingBuf device's interface to applications.
 *
 * Shared with the user-mode test tool, so it uses only fixed-size types.
 */
#ifndef RINGBUF_PUBLIC_H
#define RINGBUF_PUBLIC_H

#define RINGBUF_DEVICE_NAME L"\\Device\\RingBuf0"
#define RINGBUF_SYMBOLIC_NAME L"\\DosDevices\\RingBuf0"

#define RINGBUF_INTERFACE_VERSION 3

#define FILE_DEVICE_RINGBUF 0x8A31

/* Returns RINGBUF_STATUS. */
#define IOCTL_RINGBUF_GET_STATUS \
    CTL_CODE(FILE_DEVICE_RINGBUF, 0x800, METHOD_BUFFERED, FILE_READ_ACCESS)
/* Discards the ring's contents and fails every waiting read. */
#define IOCTL_RINGBUF_FLUSH \
    CTL_CODE(FILE_DEVICE_RINGBUF, 0x801, METHOD_BUFFERED, FILE_WRITE_ACCESS)
/* Input: ULONG new capacity in bytes.  Keeps the current contents. */
#define IOCTL_RINGBUF_SET_CAPACITY \
    CTL_CODE(FILE_DEVICE_RINGBUF, 0x802, METHOD_BUFFERED, FILE_WRITE_ACCESS)
/* Copies the ring's contents aside without consuming them. */
#define IOCTL_RINGBUF_TAKE_SNAPSHOT \
    CTL_CODE(FILE_DEVICE_RINGBUF, 0x803, METHOD_BUFFERED, FILE_READ_ACCESS)
/* Output: the bytes of the last snapshot. */
#define IOCTL_RINGBUF_GET_SNAPSHOT \
    CTL_CODE(FILE_DEVICE_RINGBUF, 0x804, METHOD_BUFFERED, FILE_READ_ACCESS)
/* Input: RINGBUF_SETTINGS. */
#define IOCTL_RINGBUF_SET_SETTINGS \
    CTL_CODE(FILE_DEVICE_RINGBUF, 0x805, METHOD_BUFFERED, FILE_WRITE_ACCESS)

/* Modes (RINGBUF_SETTINGS.Mode). */
#define RINGBUF_MODE_STREAM    0   /* reads consume, full ring: partial write */
#define RINGBUF_MODE_PEEK      1   /* reads do not consume */
#define RINGBUF_MODE_BLOCKING  2   /* full ring: the write waits for room */

typedef struct _RINGBUF_STATUS {
    ULONG Version;
    BOOLEAN Overflowed;
    ULONG Capacity;
    ULONG Used;
    ULONG64 TotalWritten;
    ULONG64 TotalRead;
    ULONG PendingReads;
} RINGBUF_STATUS, *PRINGBUF_STATUS;

/* IOCTL_RINGBUF_GET_SNAPSHOT output: this header, then Length bytes. */
typedef struct _RINGBUF_SNAPSHOT_HEADER {
    ULONG Length;
    ULONG Sequence;
} RINGBUF_SNAPSHOT_HEADER, *PRINGBUF_SNAPSHOT_HEADER;

typedef struct _RINGBUF_SETTINGS {
    ULONG Mode;
    ULONG ReadTimeoutMs;
} RINGBUF_SETTINGS, *PRINGBUF_SETTINGS;

#endif /* RINGBUF_PUBLIC_H */
