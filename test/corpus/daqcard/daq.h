/*
 * daq.h - private definitions of the DAQ-16 driver.
 *
 * Data path: the card interrupts when its FIFO passes a threshold; the ISR
 * acknowledges and queues the DPC; the DPC drains the FIFO into the
 * sample ring and completes waiting reads.  A watchdog timer notices a
 * card that stopped interrupting and schedules a recovery work item, which
 * resets the card at PASSIVE_LEVEL and reloads its calibration.
 */
#ifndef DAQ_H
#define DAQ_H

#include <ntddk.h>
#include <wdf.h>

#include "daq_regs.h"

#define DAQ_TAG 'qaDD'
#define DAQ_ERROR_TAG 'eaDD'
#define DAQ_DIAG_TAG 'daDD'
#define DAQ_CAL_TAG 'caDD'
#define DAQ_EEPROM_TAG 'paDD'

#define DAQ_RING_SAMPLES 8192
#define DAQ_WATCHDOG_PERIOD_MS 1000
#define DAQ_STALL_TIMEOUT_MS 3000
#define DAQ_MIN_DIVIDER 100           /* 100 kHz */
#define DAQ_MAX_DIVIDER 10000000      /* 1 Hz */
#define DAQ_MAX_ERROR_RECORDS 16

#define FILE_DEVICE_DAQ 0x0000D401

#define IOCTL_DAQ_START \
    CTL_CODE(FILE_DEVICE_DAQ, 0x800, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_DAQ_STOP \
    CTL_CODE(FILE_DEVICE_DAQ, 0x801, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_DAQ_SET_SAMPLE_RATE \
    CTL_CODE(FILE_DEVICE_DAQ, 0x802, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_DAQ_GET_STATUS \
    CTL_CODE(FILE_DEVICE_DAQ, 0x803, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_DAQ_GET_ERRORS \
    CTL_CODE(FILE_DEVICE_DAQ, 0x804, METHOD_BUFFERED, FILE_READ_ACCESS)

typedef struct _DAQ_STATUS_INFO {
    ULONG HardwareVersion;
    ULONG SampleRateHz;
    ULONG Acquiring;
    ULONG BufferedSamples;
    ULONG Overflows;
    ULONG Errors;
    ULONG Recoveries;
    ULONG CalibrationPoints;
} DAQ_STATUS_INFO, *PDAQ_STATUS_INFO;

/* A hardware error reported by the card, kept for IOCTL_DAQ_GET_ERRORS. */
typedef struct _DAQ_ERROR_RECORD {
    LIST_ENTRY Link;
    SINGLE_LIST_ENTRY IsrLink;
    ULONG Code;
    ULONG InterruptStatus;
    ULONGLONG Time;
} DAQ_ERROR_RECORD, *PDAQ_ERROR_RECORD;

typedef struct _DAQ_ERROR_ENTRY {    /* IOCTL_DAQ_GET_ERRORS output */
    ULONG Code;
    ULONG InterruptStatus;
    ULONGLONG Time;
} DAQ_ERROR_ENTRY, *PDAQ_ERROR_ENTRY;

/* What the watchdog saw, for the recovery work item. */
typedef struct _DAQ_DIAGNOSTICS {
    ULONG Status;
    ULONG InterruptStatus;
    ULONG FifoCount;
    ULONG ErrorCode;
    ULONGLONG LastInterruptTime;
    ULONGLONG Now;
} DAQ_DIAGNOSTICS, *PDAQ_DIAGNOSTICS;

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;
    PDAQ_REGISTERS Registers;
    ULONG HardwareVersion;
    UCHAR Identity[DAQ_EEPROM_IDENTITY_WORDS * sizeof(ULONG)];

    WDFINTERRUPT Interrupt;
    /* Interrupt status bits collected by the ISR for the DPC; guarded by
       the interrupt lock. */
    ULONG PendingInterruptStatus;
    SINGLE_LIST_ENTRY IsrErrors;
    ULONGLONG LastInterruptTime;

    /* The sample ring, filled by the DPC; guarded by SampleLock. */
    WDFSPINLOCK SampleLock;
    USHORT Ring[DAQ_RING_SAMPLES];
    ULONG RingHead;
    ULONG RingCount;
    ULONG Overflows;
    USHORT LastSample;

    /* Error records; guarded by ErrorLock (a spin lock, used at
       DISPATCH_LEVEL only). */
    KSPIN_LOCK ErrorLock;
    LIST_ENTRY ErrorList;
    ULONG ErrorCount;

    WDFQUEUE DefaultQueue;
    WDFQUEUE PendingReadQueue;

    WDFTIMER Watchdog;
    WDFWORKITEM RecoveryWorkItem;
    PDAQ_DIAGNOSTICS Diagnostics;     /* handed from watchdog to work item */
    volatile LONG RecoveryQueued;
    ULONG Recoveries;

    WDFMEMORY Calibration;            /* SHORT[CalibrationPoints] */
    ULONG CalibrationPoints;

    ULONG SampleDivider;
    BOOLEAN Acquiring;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DaqGetDeviceContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD DaqEvtDeviceAdd;
EVT_WDF_DEVICE_PREPARE_HARDWARE DaqEvtPrepareHardware;
EVT_WDF_DEVICE_RELEASE_HARDWARE DaqEvtReleaseHardware;
EVT_WDF_DEVICE_D0_ENTRY DaqEvtD0Entry;
EVT_WDF_DEVICE_D0_EXIT DaqEvtD0Exit;
EVT_WDF_OBJECT_CONTEXT_CLEANUP DaqEvtDeviceCleanup;

EVT_WDF_INTERRUPT_ISR DaqEvtInterruptIsr;
EVT_WDF_INTERRUPT_DPC DaqEvtInterruptDpc;
EVT_WDF_INTERRUPT_ENABLE DaqEvtInterruptEnable;
EVT_WDF_INTERRUPT_DISABLE DaqEvtInterruptDisable;

EVT_WDF_IO_QUEUE_IO_READ DaqEvtIoRead;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL DaqEvtIoDeviceControl;
EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE DaqEvtReadCanceled;

EVT_WDF_TIMER DaqEvtWatchdog;
EVT_WDF_WORKITEM DaqEvtRecoveryWorkItem;

NTSTATUS DaqQueueInitialize(_In_ WDFDEVICE Device);

/* hw.c */
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS DaqResetCard(_In_ PDEVICE_CONTEXT DeviceContext);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS DaqLoadCalibration(_In_ PDEVICE_CONTEXT DeviceContext);
VOID DaqStartAcquisition(_In_ PDEVICE_CONTEXT DeviceContext);
VOID DaqStopAcquisition(_In_ PDEVICE_CONTEXT DeviceContext);

/* isr.c */
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID DaqCompletePendingReads(_In_ PDEVICE_CONTEXT DeviceContext);

FORCEINLINE ULONG DaqRead(PDEVICE_CONTEXT DeviceContext, volatile ULONG *Register)
{
    UNREFERENCED_PARAMETER(DeviceContext);
    return READ_REGISTER_ULONG(Register);
}

FORCEINLINE VOID DaqWrite(PDEVICE_CONTEXT DeviceContext, volatile ULONG *Register,
                          ULONG Value)
{
    UNREFERENCED_PARAMETER(DeviceContext);
    WRITE_REGISTER_ULONG(Register, Value);
}

#endif /* DAQ_H */
