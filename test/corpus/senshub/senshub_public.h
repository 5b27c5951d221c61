/*
 * senshub_public.h - the SensHub control interface, shared with user mode.
 *
 * SensHub aggregates up to SENSHUB_MAX_CHANNELS sensor channels.  Everything
 * is done with device I/O control codes:
 *
 *   METHOD_BUFFERED    small, fixed-size requests and replies
 *   METHOD_OUT_DIRECT  bulk sample transfers into the caller's buffer
 *   METHOD_NEITHER     registration of a caller buffer that the driver keeps
 *                      locked (the "shared sample window")
 */
#ifndef SENSHUB_PUBLIC_H
#define SENSHUB_PUBLIC_H

#define SENSHUB_DEVICE_NAME L"\\Device\\SensHub"
#define SENSHUB_LINK_NAME L"\\DosDevices\\SensHub"

#define FILE_DEVICE_SENSHUB 0x0000B3A1

#define SENSHUB_IOCTL(Function, Method, Access) \
    CTL_CODE(FILE_DEVICE_SENSHUB, (Function), (Method), (Access))

/* Output: ULONG, SENSHUB_INTERFACE_VERSION. */
#define IOCTL_SENSHUB_GET_VERSION \
    SENSHUB_IOCTL(0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* Output: SENSHUB_DEVICE_INFO. */
#define IOCTL_SENSHUB_GET_DEVICE_INFO \
    SENSHUB_IOCTL(0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* Input: ULONG channel.  Output: SENSHUB_CHANNEL_CONFIG. */
#define IOCTL_SENSHUB_GET_CHANNEL_CONFIG \
    SENSHUB_IOCTL(0x902, METHOD_BUFFERED, FILE_READ_ACCESS)
/* Input: SENSHUB_CHANNEL_CONFIG. */
#define IOCTL_SENSHUB_SET_CHANNEL_CONFIG \
    SENSHUB_IOCTL(0x903, METHOD_BUFFERED, FILE_WRITE_ACCESS)
/* Input: SENSHUB_THRESHOLD_TABLE followed by Count SENSHUB_THRESHOLD. */
#define IOCTL_SENSHUB_SET_THRESHOLDS \
    SENSHUB_IOCTL(0x904, METHOD_BUFFERED, FILE_WRITE_ACCESS)
/* Input: ULONG number of entries (0 keeps the current size). */
#define IOCTL_SENSHUB_RESIZE_EVENT_LOG \
    SENSHUB_IOCTL(0x905, METHOD_BUFFERED, FILE_WRITE_ACCESS)
/* Output: SENSHUB_EVENT_LOG_HEADER and the entries. */
#define IOCTL_SENSHUB_QUERY_EVENT_LOG \
    SENSHUB_IOCTL(0x906, METHOD_BUFFERED, FILE_READ_ACCESS)
/* Output: SENSHUB_CONFIG_EXPORT, every channel's configuration. */
#define IOCTL_SENSHUB_EXPORT_CONFIG \
    SENSHUB_IOCTL(0x907, METHOD_BUFFERED, FILE_READ_ACCESS)
/* Input: SENSHUB_READ_REQUEST.  Output (direct): SENSHUB_SAMPLE array. */
#define IOCTL_SENSHUB_READ_SAMPLES \
    SENSHUB_IOCTL(0x910, METHOD_OUT_DIRECT, FILE_READ_ACCESS)
/* Input: SENSHUB_READ_REQUEST.  Output (direct): SENSHUB_SAMPLE array,
   oldest first, only as many as were recorded. */
#define IOCTL_SENSHUB_READ_HISTORY \
    SENSHUB_IOCTL(0x911, METHOD_OUT_DIRECT, FILE_READ_ACCESS)
/* Input: ULONG channel.  Output (direct): SENSHUB_CALIBRATION. */
#define IOCTL_SENSHUB_GET_CALIBRATION \
    SENSHUB_IOCTL(0x912, METHOD_OUT_DIRECT, FILE_READ_ACCESS)
/* Type3InputBuffer: SENSHUB_WINDOW_REGISTRATION (user address). */
#define IOCTL_SENSHUB_REGISTER_WINDOW \
    SENSHUB_IOCTL(0x920, METHOD_NEITHER, FILE_WRITE_ACCESS)
/* Type3InputBuffer: user buffer the driver fills with the latest value of
   every channel. */
#define IOCTL_SENSHUB_SNAPSHOT_TO_USER \
    SENSHUB_IOCTL(0x921, METHOD_NEITHER, FILE_READ_ACCESS)

#define SENSHUB_INTERFACE_VERSION 0x00020001
#define SENSHUB_MAX_CHANNELS 8
#define SENSHUB_HISTORY_DEPTH 64
#define SENSHUB_MAX_THRESHOLDS 32
#define SENSHUB_MAX_LOG_ENTRIES 4096
#define SENSHUB_MODEL_LENGTH 32
#define SENSHUB_SERIAL_LENGTH 16

#define SENSHUB_CHANNEL_ENABLED 0x1
#define SENSHUB_CHANNEL_FILTERED 0x2

typedef struct _SENSHUB_DEVICE_INFO {
    ULONG InterfaceVersion;
    ULONG ChannelCount;
    CHAR Model[SENSHUB_MODEL_LENGTH];
    CHAR Serial[SENSHUB_SERIAL_LENGTH];
    ULONG Capabilities;
} SENSHUB_DEVICE_INFO, *PSENSHUB_DEVICE_INFO;

typedef struct _SENSHUB_CHANNEL_CONFIG {
    ULONG Channel;
    ULONG Flags;
    ULONG SampleIntervalMs;
    LONG Offset;
    LONG Gain;            /* fixed point, 16.16 */
} SENSHUB_CHANNEL_CONFIG, *PSENSHUB_CHANNEL_CONFIG;

typedef struct _SENSHUB_THRESHOLD {
    ULONG Channel;
    LONG Low;
    LONG High;
} SENSHUB_THRESHOLD, *PSENSHUB_THRESHOLD;

typedef struct _SENSHUB_THRESHOLD_TABLE {
    ULONG Count;
    SENSHUB_THRESHOLD Entries[1];
} SENSHUB_THRESHOLD_TABLE, *PSENSHUB_THRESHOLD_TABLE;

typedef struct _SENSHUB_SAMPLE {
    ULONG64 Timestamp;    /* interrupt time, 100 ns */
    LONG Value;
    ULONG Flags;
} SENSHUB_SAMPLE, *PSENSHUB_SAMPLE;

typedef struct _SENSHUB_READ_REQUEST {
    ULONG Channel;
    ULONG MaxSamples;
} SENSHUB_READ_REQUEST, *PSENSHUB_READ_REQUEST;

typedef struct _SENSHUB_CALIBRATION {
    ULONG Channel;
    ULONG PointCount;
    LONG Points[16];
} SENSHUB_CALIBRATION, *PSENSHUB_CALIBRATION;

typedef struct _SENSHUB_EVENT {
    ULONG64 Timestamp;
    ULONG Code;
    ULONG Data;
} SENSHUB_EVENT, *PSENSHUB_EVENT;

typedef struct _SENSHUB_EVENT_LOG_HEADER {
    ULONG Capacity;
    ULONG Count;          /* entries that follow */
    ULONG Dropped;
    ULONG Reserved;
} SENSHUB_EVENT_LOG_HEADER, *PSENSHUB_EVENT_LOG_HEADER;

typedef struct _SENSHUB_CONFIG_EXPORT {
    ULONG ChannelCount;
    ULONG ThresholdCount;
    SENSHUB_CHANNEL_CONFIG Channels[SENSHUB_MAX_CHANNELS];
    SENSHUB_THRESHOLD Thresholds[SENSHUB_MAX_THRESHOLDS];
} SENSHUB_CONFIG_EXPORT, *PSENSHUB_CONFIG_EXPORT;

typedef struct _SENSHUB_WINDOW_REGISTRATION {
    ULONG64 WindowAddress;   /* user address of LONG[SENSHUB_MAX_CHANNELS] */
    ULONG WindowLength;
    ULONG Reserved;
} SENSHUB_WINDOW_REGISTRATION, *PSENSHUB_WINDOW_REGISTRATION;

/* Event codes. */
#define SENSHUB_EVENT_STARTED          1
#define SENSHUB_EVENT_CONFIG_CHANGED   2
#define SENSHUB_EVENT_THRESHOLD_LOW    3
#define SENSHUB_EVENT_THRESHOLD_HIGH   4
#define SENSHUB_EVENT_LOG_RESIZED      5
#define SENSHUB_EVENT_WINDOW           6
#define SENSHUB_EVENT_CALIBRATION_READ 7

#endif /* SENSHUB_PUBLIC_H */
