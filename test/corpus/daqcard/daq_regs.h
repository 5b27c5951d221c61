/*
 * daq_regs.h - register interface of the DAQ-16 acquisition card.
 *
 * The card decodes a 4 KB register window at a fixed physical address (the
 * board's firmware does not describe it in _CRS), and raises one
 * level-triggered interrupt.  Samples are 16-bit, packed two to a FIFO
 * word.
 */
#ifndef DAQ_REGS_H
#define DAQ_REGS_H

#define DAQ_REGISTER_BASE 0xFED30000ULL
#define DAQ_REGISTER_SPAN 0x1000

typedef struct _DAQ_REGISTERS {
    ULONG Version;          /* 0x00 RO: hardware revision << 16 | firmware */
    ULONG Control;          /* 0x04 RW */
    ULONG Status;           /* 0x08 RO */
    ULONG InterruptEnable;  /* 0x0C RW */
    ULONG InterruptStatus;  /* 0x10 RW1C */
    ULONG FifoCount;        /* 0x14 RO: words in the FIFO */
    ULONG FifoData;         /* 0x18 RO: pops one word */
    ULONG ErrorCode;        /* 0x1C RO: last error, cleared by reset */
    ULONG SampleDivider;    /* 0x20 RW: sample rate = 10 MHz / divider */
    ULONG CalibrationCount; /* 0x24 RO: calibration points in flash */
    ULONG CalibrationData;  /* 0x28 RO: pops one point */
    ULONG EepromAddress;    /* 0x2C RW */
    ULONG EepromData;       /* 0x30 RO */
    ULONG EepromStatus;     /* 0x34 RO */
    ULONG Scratch;          /* 0x38 RW */
} DAQ_REGISTERS, *PDAQ_REGISTERS;

/* Control */
#define DAQ_CONTROL_ENABLE        0x00000001
#define DAQ_CONTROL_RESET         0x00000002
#define DAQ_CONTROL_FIFO_FLUSH    0x00000004
#define DAQ_CONTROL_ACQUIRE       0x00000010

/* Status */
#define DAQ_STATUS_READY          0x00000001
#define DAQ_STATUS_FIFO_SETTLING  0x00000002
#define DAQ_STATUS_ACQUIRING      0x00000010

/* InterruptEnable / InterruptStatus */
#define DAQ_INT_FIFO_THRESHOLD    0x00000001
#define DAQ_INT_FIFO_OVERFLOW     0x00000002
#define DAQ_INT_ERROR             0x00000004
#define DAQ_INT_ALL               0x00000007

/* EepromStatus */
#define DAQ_EEPROM_BUSY           0x00000001
#define DAQ_EEPROM_ERROR          0x00000002

#define DAQ_FIFO_DEPTH_WORDS      1024
#define DAQ_SAMPLE_CLOCK_HZ       10000000
#define DAQ_EEPROM_IDENTITY_WORDS 8
#define DAQ_MAX_CALIBRATION_POINTS 256

#endif /* DAQ_REGS_H */
