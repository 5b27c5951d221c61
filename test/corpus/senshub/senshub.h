/*
 * senshub.h - private definitions of the SensHub driver.
 */
#ifndef SENSHUB_H
#define SENSHUB_H

#include <ntddk.h>
#include <wdf.h>

#include "senshub_public.h"

#define SENSHUB_TAG 'bHsS'
#define SENSHUB_LOG_TAG 'gLsS'
#define SENSHUB_SCRATCH_TAG 'cSsS'
#define SENSHUB_THRESHOLD_TAG 'hTsS'
#define SENSHUB_EXPORT_TAG 'xEsS'

#define SENSHUB_DEFAULT_LOG_ENTRIES 256
#define SENSHUB_SAMPLE_TIMER_MS 20
#define SENSHUB_MAX_READ_SAMPLES 1024

/* One open handle. */
typedef struct _SENSHUB_SESSION {
    ULONG ProcessTag;
    ULONG Reads;
    ULONG ChannelMask;
} SENSHUB_SESSION, *PSENSHUB_SESSION;

typedef struct _FILE_CONTEXT {
    PSENSHUB_SESSION Session;
} FILE_CONTEXT, *PFILE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(FILE_CONTEXT, SenshubGetFileContext)

/* Per-request state for METHOD_NEITHER requests prepared in the caller's
   context. */
typedef struct _REQUEST_CONTEXT {
    WDFMEMORY UserMemory;     /* locked user buffer, child of the request */
    size_t UserLength;
} REQUEST_CONTEXT, *PREQUEST_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(REQUEST_CONTEXT, SenshubGetRequestContext)

typedef struct _SENSHUB_CHANNEL {
    SENSHUB_CHANNEL_CONFIG Config;
    SENSHUB_SAMPLE History[SENSHUB_HISTORY_DEPTH];
    ULONG HistoryNext;        /* slot of the next sample */
    ULONG HistoryCount;       /* valid samples, <= SENSHUB_HISTORY_DEPTH */
    ULONG Phase;              /* simulated signal */
    LONG Latest;
} SENSHUB_CHANNEL, *PSENSHUB_CHANNEL;

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;
    WDFQUEUE DefaultQueue;
    WDFQUEUE ConfigQueue;       /* sequential: configuration changes */

    WDFSPINLOCK DataLock;       /* channels, thresholds, window */
    SENSHUB_CHANNEL Channels[SENSHUB_MAX_CHANNELS];
    ULONG ChannelCount;

    WDFMEMORY Thresholds;       /* SENSHUB_THRESHOLD[ThresholdCount] */
    ULONG ThresholdCount;

    WDFSPINLOCK LogLock;        /* the event log */
    WDFMEMORY EventLog;         /* SENSHUB_EVENT[LogCapacity] */
    ULONG LogCapacity;
    ULONG LogNext;
    ULONG LogCount;
    ULONG LogDropped;

    WDFTIMER SampleTimer;

    /* Shared sample window registered with IOCTL_SENSHUB_REGISTER_WINDOW:
       the request stays in the driver, its locked buffer is written by the
       sample timer. */
    WDFREQUEST WindowRequest;
    PLONG Window;
    ULONG WindowChannels;

    ULONG SerialNumber;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, SenshubGetDeviceContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD SenshubEvtDeviceAdd;
EVT_WDF_DEVICE_FILE_CREATE SenshubEvtFileCreate;
EVT_WDF_FILE_CLOSE SenshubEvtFileClose;
EVT_WDF_DEVICE_D0_ENTRY SenshubEvtD0Entry;
EVT_WDF_DEVICE_D0_EXIT SenshubEvtD0Exit;
EVT_WDF_IO_IN_CALLER_CONTEXT SenshubEvtIoInCallerContext;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL SenshubEvtIoDeviceControl;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL SenshubEvtConfigIoDeviceControl;
EVT_WDF_REQUEST_CANCEL SenshubEvtWindowCancel;
EVT_WDF_TIMER SenshubEvtSampleTimer;

NTSTATUS SenshubQueueInitialize(_In_ WDFDEVICE Device);
NTSTATUS SenshubEventLogInitialize(_In_ PDEVICE_CONTEXT DeviceContext);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SenshubLogEvent(_In_ PDEVICE_CONTEXT DeviceContext, _In_ ULONG Code,
                     _In_ ULONG Data);

/* Handlers called from the default queue's EvtIoDeviceControl; each
   completes its request. */
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SenshubQueryEventLog(_In_ PDEVICE_CONTEXT DeviceContext,
                          _In_ WDFREQUEST Request);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SenshubReadSamples(_In_ PDEVICE_CONTEXT DeviceContext,
                        _In_ WDFREQUEST Request, _In_ size_t InputLength);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SenshubReadHistory(_In_ PDEVICE_CONTEXT DeviceContext,
                        _In_ WDFREQUEST Request, _In_ size_t InputLength);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SenshubGetCalibration(_In_ PDEVICE_CONTEXT DeviceContext,
                           _In_ WDFREQUEST Request);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SenshubRegisterWindow(_In_ PDEVICE_CONTEXT DeviceContext,
                           _In_ WDFREQUEST Request);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SenshubSnapshotToUser(_In_ PDEVICE_CONTEXT DeviceContext,
                           _In_ WDFREQUEST Request);

/* Fixed-point helpers (samples.c). */
LONG SenshubApplyGain(_In_ LONG Raw, _In_ LONG Offset, _In_ LONG Gain);

#endif /* SENSHUB_H */
