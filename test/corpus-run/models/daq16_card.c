/*
 * daq16_card.c - a DAQ-16 acquisition card behind its register window, for
 * the daqcard corpus driver under the runtime model.
 *
 * The card is what test/corpus/daqcard/daq_regs.h describes: a 4 KB window
 * of 32-bit registers at DAQ_REGISTER_BASE.  A constructor attaches the
 * model to that physical range, so the window the driver maps with
 * MmMapIoSpaceEx reaches this file's read and write functions.
 *
 * The card's behaviour
 *
 *   Version           0x00030112 (hardware revision 3, firmware 1.18).
 *   Control           ENABLE and ACQUIRE read back as written.  RESET and
 *                     FIFO_FLUSH are actions and read as 0.  A RESET write
 *                     puts every register back to its power-on value (the
 *                     divider to 1000) and makes the card busy: Status
 *                     reads without READY twice, then READY.  Other Control
 *                     writes while the card is busy are dropped.
 *                     FIFO_FLUSH empties the FIFO and withdraws its
 *                     interrupt conditions.
 *   Status            READY once out of reset (the card resets itself at
 *                     power-up); ACQUIRING while ENABLE and ACQUIRE are
 *                     set; FIFO_SETTLING see the knobs.
 *   InterruptEnable   RW (DAQ_INT_ALL bits).  It only gates the card's
 *                     interrupt line; InterruptStatus latches events
 *                     whatever it holds, as the driver's ISR expects of a
 *                     level-triggered, possibly shared line.  (The
 *                     harness's `interrupt` step runs the ISR whatever the
 *                     line does, and an ISR that finds no status bit says
 *                     "not mine".)
 *   InterruptStatus   write one to clear.
 *   FifoCount         words in the FIFO, FifoData pops one.  Time on the
 *                     card advances one FIFO block at a time, so a run is
 *                     deterministic: when acquisition starts, and each time
 *                     the driver pops the last word of a block while the
 *                     card acquires, the next block of DAQ16_BLOCK_WORDS
 *                     words is latched and FIFO_THRESHOLD raised.  One
 *                     `interrupt` step therefore delivers one block.  The
 *                     signal is a ramp counting in base 208 (each byte of
 *                     a sample runs 0x00..0xCF), low half of a word first,
 *                     so lost or repeated samples show in what a read
 *                     returns; and no sample holds the byte 0xD0, which
 *                     the plain build's coarse model of never-written
 *                     bytes would take for one the driver never wrote.
 *   ErrorCode         the last error the card raised, 0 after reset.
 *   SampleDivider     RW, power-on 1000 (10 kHz); see the knobs.
 *   CalibrationCount  DAQ16_CALIBRATION_POINTS; reading it rewinds
 *   CalibrationData   the flash pointer, and each CalibrationData read pops
 *                     one point (a small signed offset in the low half);
 *                     past the last point it reads 0.
 *   EepromAddress     a write starts a read of that identity EEPROM word:
 *   EepromStatus      BUSY for two EepromStatus reads, then idle with the
 *   EepromData        word in EepromData; an address past the EEPROM's
 *                     DAQ16_EEPROM_WORDS ends with ERROR (EepromData then
 *                     reads all ones).  Word 0 is the identity magic the
 *                     driver checks ("DAQ1").
 *   Scratch           RW, no effect on the card (but see the knobs).
 *
 * Only aligned 32-bit accesses are decoded: a narrower or misaligned read
 * returns all ones, as a read nothing answers does on the bus, and such a
 * write is dropped.  The registers past Scratch are reserved: they read 0
 * and ignore writes.
 *
 * Test knobs
 *
 * The model is the test's card, so it takes commands that make rare card
 * behaviours happen when a scenario wants them.  The driver under test
 * never writes Scratch, so a scenario reaches the commands through the one
 * value it controls, the sample rate of IOCTL_DAQ_SET_SAMPLE_RATE: the
 * driver writes SampleDivider = 10 MHz / rate, and the dividers of these
 * slow rates are commands, not dividers (the card keeps sampling at the
 * divider it had):
 *
 *   rate  divider   command
 *   2 Hz  5000000   ERROR_INTERRUPT  raise DAQ_INT_ERROR now, ErrorCode
 *                                    DAQ16_ERROR_ADC_OVERRANGE
 *   3 Hz  3333333   FIFO_SETTLING    the FIFO is settling: Status shows
 *                                    FIFO_SETTLING until it has been read
 *                                    once (the DPC reads it when it comes
 *                                    for the block the FIFO holds)
 *   4 Hz  2500000   FIFO_OVERFLOW    the FIFO overflows now: DAQ_INT_
 *                                    FIFO_OVERFLOW is raised, and one
 *                                    block's worth of samples after those
 *                                    the FIFO holds is lost (a gap in the
 *                                    ramp)
 *   5 Hz  2000000   BLANK_CALIBRATION the next CalibrationCount read
 *                                    returns 0 (a card without calibration)
 *   6 Hz  1666666   STALL            the acquisition engine hangs: no block
 *                                    latches and InterruptStatus reads 0
 *                                    (the card raises no interrupt) until
 *                                    the next reset; a scenario then
 *                                    lets the watchdog's seconds go by
 *                                    with a `wait` step
 *   7 Hz  1428571   EEPROM_FAIL      the next EEPROM read ends with ERROR
 *
 * A command is taken when the divider written differs from the last value
 * written to SampleDivider: the driver rewrites its divider after every
 * reset and at every start, and that must not repeat a command.  A
 * scenario therefore sets a real rate again right after a command.  The
 * same commands can be written to Scratch as DAQ16_TEST_PORT | command,
 * for a test that writes registers itself; Scratch still reads back what
 * was written (the command numbers are daq16_command_t's, 1 to 6).  What
 * ERROR_INTERRUPT, FIFO_SETTLING, FIFO_OVERFLOW and STALL do is the
 * card's state, which a reset clears; BLANK_CALIBRATION and EEPROM_FAIL
 * arm the bench, and wait through resets for the read they spoil.
 *
 * The EEPROM is read only by EvtDevicePrepareHardware, before a scenario
 * can send anything, so EEPROM_FAIL is unreachable for the daqcard
 * scenario; it is here because the card has that failure.
 */
#include <stddef.h>
#include <stdint.h>

#include <ntddk.h>

#include "daq_regs.h"
#include "wdfrt.h"

#define DAQ16_VERSION 0x00030112u
#define DAQ16_DEFAULT_DIVIDER 1000u      /* power-on: 10 kHz */
#define DAQ16_RESET_BUSY_READS 2u        /* Status reads before READY */
#define DAQ16_EEPROM_BUSY_READS 2u       /* EepromStatus reads before idle */
#define DAQ16_EEPROM_WORDS 16u
#define DAQ16_BLOCK_WORDS 32u            /* the FIFO threshold: 64 samples */
#define DAQ16_CALIBRATION_POINTS 16u
#define DAQ16_ERROR_ADC_OVERRANGE 0x00000E01u

/* Scratch writes with these upper bits are commands (low byte). */
#define DAQ16_TEST_PORT 0x7E570000u
#define DAQ16_TEST_PORT_MASK 0xFFFFFF00u

/* The register offsets, from the driver's own description of the card. */
#define REG(field) offsetof(DAQ_REGISTERS, field)

typedef enum daq16_command {
  DAQ16_CMD_NONE,
  DAQ16_CMD_ERROR_INTERRUPT,
  DAQ16_CMD_FIFO_SETTLING,
  DAQ16_CMD_FIFO_OVERFLOW,
  DAQ16_CMD_BLANK_CALIBRATION,
  DAQ16_CMD_STALL,
  DAQ16_CMD_EEPROM_FAIL
} daq16_command_t;

/* SampleDivider values that are commands: 10 MHz / rate for rates of 2 to
   7 Hz (the driver divides with truncation). */
static const struct {
  uint32_t divider;
  daq16_command_t command;
} command_dividers[] = {
    {DAQ_SAMPLE_CLOCK_HZ / 2, DAQ16_CMD_ERROR_INTERRUPT},
    {DAQ_SAMPLE_CLOCK_HZ / 3, DAQ16_CMD_FIFO_SETTLING},
    {DAQ_SAMPLE_CLOCK_HZ / 4, DAQ16_CMD_FIFO_OVERFLOW},
    {DAQ_SAMPLE_CLOCK_HZ / 5, DAQ16_CMD_BLANK_CALIBRATION},
    {DAQ_SAMPLE_CLOCK_HZ / 6, DAQ16_CMD_STALL},
    {DAQ_SAMPLE_CLOCK_HZ / 7, DAQ16_CMD_EEPROM_FAIL},
};

/* The identity EEPROM.  The driver keeps the first
   DAQ_EEPROM_IDENTITY_WORDS and checks word 0. */
static const uint32_t eeprom[DAQ16_EEPROM_WORDS] = {
    0x31514144u, /* "DAQ1": the identity magic */
    0x00016A2Fu, /* serial number */
    0x00000003u, /* board revision */
    0x20240115u, /* build date */
    0x00000010u, /* input channels */
    0x00000400u, /* FIFO depth in words */
    0x00989680u, /* sample clock, Hz */
    0x5A5A0001u, /* identity block version */
};

typedef struct daq16_card {
  /* Registers as the driver sees them. */
  uint32_t control;           /* ENABLE | ACQUIRE as last written */
  uint32_t interrupt_enable;
  uint32_t interrupt_status;
  uint32_t error_code;
  uint32_t sample_divider;
  uint32_t eeprom_data;
  uint32_t scratch;

  /* The card's inner state. */
  unsigned reset_busy_reads;   /* Status reads left before READY */
  unsigned eeprom_busy_reads;  /* EepromStatus reads left before idle */
  int eeprom_error;            /* the current EEPROM read failed */
  uint32_t fifo_words;         /* words in the FIFO */
  uint32_t next_sample;        /* the ramp's next sample number */
  unsigned calibration_next;   /* the next point CalibrationData pops */
  int fifo_settling;           /* Status shows FIFO_SETTLING once */
  int lost_block;              /* the next block comes after a gap */
  int stalled;                 /* the acquisition engine hangs */

  /* The bench's knobs, armed by commands; they survive a reset. */
  int blank_calibration_once;
  int fail_next_eeprom_read;

  /* The test port's latch: a command divider acts when it differs from
     the last value written, and a reset does not clear it. */
  uint32_t last_divider_written;
} daq16_card_t;

/* A card as it comes out of power-up, which resets it. */
static daq16_card_t card = {
    .sample_divider = DAQ16_DEFAULT_DIVIDER,
    .last_divider_written = DAQ16_DEFAULT_DIVIDER,
};

static int card_ready(const daq16_card_t *c) { return c->reset_busy_reads == 0; }

static int card_acquiring(const daq16_card_t *c) {
  return card_ready(c) && (c->control & DAQ_CONTROL_ENABLE) &&
         (c->control & DAQ_CONTROL_ACQUIRE);
}

/* The next block of samples enters the FIFO and the threshold interrupt is
   raised -- unless the card is stalled, or the FIFO has no room for it. */
static void latch_block(daq16_card_t *c) {
  if (c->stalled || c->fifo_words + DAQ16_BLOCK_WORDS > DAQ_FIFO_DEPTH_WORDS)
    return;
  c->interrupt_status |= DAQ_INT_FIFO_THRESHOLD;
  if (c->lost_block) {
    /* The samples the overflow had no room for are gone.  The FIFO's
       words are made as they are popped, so the gap is made here, after
       the last word the FIFO held. */
    c->lost_block = 0;
    c->next_sample += 2 * DAQ16_BLOCK_WORDS;
  }
  c->fifo_words += DAQ16_BLOCK_WORDS;
}

/* Back to the power-on state; the knobs are the bench's and stay. */
static void card_reset(daq16_card_t *c) {
  c->control = 0;
  c->interrupt_enable = 0;
  c->interrupt_status = 0;
  c->error_code = 0;
  c->sample_divider = DAQ16_DEFAULT_DIVIDER;
  c->eeprom_data = 0;
  c->scratch = 0;
  c->eeprom_busy_reads = 0;
  c->eeprom_error = 0;
  c->fifo_words = 0;
  c->calibration_next = 0;
  c->fifo_settling = 0;
  c->lost_block = 0;
  c->stalled = 0;
  c->reset_busy_reads = DAQ16_RESET_BUSY_READS;
}

static void run_command(daq16_card_t *c, daq16_command_t command) {
  switch (command) {
  case DAQ16_CMD_ERROR_INTERRUPT:
    c->error_code = DAQ16_ERROR_ADC_OVERRANGE;
    c->interrupt_status |= DAQ_INT_ERROR;
    break;
  case DAQ16_CMD_FIFO_SETTLING:
    c->fifo_settling = 1;
    break;
  case DAQ16_CMD_FIFO_OVERFLOW:
    c->interrupt_status |= DAQ_INT_FIFO_OVERFLOW;
    c->lost_block = 1;
    break;
  case DAQ16_CMD_BLANK_CALIBRATION:
    c->blank_calibration_once = 1;
    break;
  case DAQ16_CMD_STALL:
    /* The card stops interrupting; the scenario lets the watchdog's
       seconds go by with a `wait` step. */
    c->stalled = 1;
    break;
  case DAQ16_CMD_EEPROM_FAIL:
    c->fail_next_eeprom_read = 1;
    break;
  case DAQ16_CMD_NONE:
    break;
  }
  /* A number that is no command (from Scratch) matches no case. */
}

static daq16_command_t divider_command(uint32_t divider) {
  for (size_t i = 0; i < sizeof command_dividers / sizeof command_dividers[0];
       ++i)
    if (command_dividers[i].divider == divider)
      return command_dividers[i].command;
  return DAQ16_CMD_NONE;
}

static void write_control(daq16_card_t *c, uint32_t value) {
  if (value & DAQ_CONTROL_RESET) {
    card_reset(c);
    return;
  }
  if (!card_ready(c))
    return; /* busy resetting: the write is lost */
  int was_acquiring = card_acquiring(c);
  if (value & DAQ_CONTROL_FIFO_FLUSH) {
    c->fifo_words = 0;
    c->fifo_settling = 0;
    c->lost_block = 0;
    c->interrupt_status &= ~(uint32_t)(DAQ_INT_FIFO_THRESHOLD |
                                       DAQ_INT_FIFO_OVERFLOW);
  }
  c->control = value & (DAQ_CONTROL_ENABLE | DAQ_CONTROL_ACQUIRE);
  /* The first block is ready as acquisition starts, and again after a
     flush that left the card acquiring. */
  if (card_acquiring(c) && c->fifo_words == 0 &&
      (!was_acquiring || (value & DAQ_CONTROL_FIFO_FLUSH)))
    latch_block(c);
}

static uint32_t read_status(daq16_card_t *c) {
  if (c->reset_busy_reads > 0) {
    --c->reset_busy_reads;
    return 0;
  }
  uint32_t status = DAQ_STATUS_READY;
  if (card_acquiring(c))
    status |= DAQ_STATUS_ACQUIRING;
  if (c->fifo_settling) {
    status |= DAQ_STATUS_FIFO_SETTLING;
    c->fifo_settling = 0; /* settled by the time anyone looks again */
  }
  return status;
}

/* Sample n of the ramp: n in base 208, one digit a byte (see the top). */
static uint32_t ramp_sample(uint32_t n) {
  return n % 208u | (n / 208u % 208u) << 8;
}

static uint32_t pop_fifo(daq16_card_t *c) {
  if (c->fifo_words == 0)
    return 0; /* an empty FIFO reads 0 */
  uint32_t low = ramp_sample(c->next_sample);
  uint32_t high = ramp_sample(c->next_sample + 1);
  c->next_sample += 2;
  if (--c->fifo_words == 0 && card_acquiring(c))
    latch_block(c); /* drained: the card has the next block ready */
  return low | high << 16;
}

static uint32_t read_calibration_count(daq16_card_t *c) {
  c->calibration_next = 0;
  if (c->blank_calibration_once) {
    c->blank_calibration_once = 0;
    c->calibration_next = DAQ16_CALIBRATION_POINTS; /* nothing to pop */
    return 0;
  }
  return DAQ16_CALIBRATION_POINTS;
}

static uint32_t pop_calibration(daq16_card_t *c) {
  if (c->calibration_next >= DAQ16_CALIBRATION_POINTS)
    return 0;
  /* Offsets of -24..+21 counts, in the low half as a signed 16-bit value. */
  int32_t offset = (int32_t)c->calibration_next * 3 - 24;
  ++c->calibration_next;
  return (uint32_t)(uint16_t)(int16_t)offset;
}

static void start_eeprom_read(daq16_card_t *c, uint32_t address) {
  c->eeprom_busy_reads = DAQ16_EEPROM_BUSY_READS;
  c->eeprom_error = address >= DAQ16_EEPROM_WORDS || c->fail_next_eeprom_read;
  c->fail_next_eeprom_read = 0;
  c->eeprom_data = c->eeprom_error ? 0xFFFFFFFFu : eeprom[address];
}

static uint32_t read_eeprom_status(daq16_card_t *c) {
  if (c->eeprom_busy_reads > 0) {
    --c->eeprom_busy_reads;
    return DAQ_EEPROM_BUSY;
  }
  return c->eeprom_error ? DAQ_EEPROM_ERROR : 0;
}

static uint32_t daq16_read(void *context, uint64_t offset, size_t width) {
  daq16_card_t *c = context;
  if (width != sizeof(uint32_t) || offset % sizeof(uint32_t) != 0)
    return 0xFFFFFFFFu;
  switch (offset) {
  case REG(Version):
    return DAQ16_VERSION;
  case REG(Control):
    return c->control;
  case REG(Status):
    return read_status(c);
  case REG(InterruptEnable):
    return c->interrupt_enable;
  case REG(InterruptStatus):
    return c->stalled ? 0 : c->interrupt_status;
  case REG(FifoCount):
    return c->fifo_words;
  case REG(FifoData):
    return pop_fifo(c);
  case REG(ErrorCode):
    return c->error_code;
  case REG(SampleDivider):
    return c->sample_divider;
  case REG(CalibrationCount):
    return read_calibration_count(c);
  case REG(CalibrationData):
    return pop_calibration(c);
  case REG(EepromAddress):
    return 0; /* write-only in effect: the address is not kept */
  case REG(EepromData):
    return c->eeprom_data;
  case REG(EepromStatus):
    return read_eeprom_status(c);
  case REG(Scratch):
    return c->scratch;
  default:
    return 0; /* reserved */
  }
}

static void daq16_write(void *context, uint64_t offset, size_t width,
                        uint32_t value) {
  daq16_card_t *c = context;
  if (width != sizeof(uint32_t) || offset % sizeof(uint32_t) != 0)
    return; /* not decoded */
  switch (offset) {
  case REG(Control):
    write_control(c, value);
    break;
  case REG(InterruptEnable):
    c->interrupt_enable = value & DAQ_INT_ALL;
    break;
  case REG(InterruptStatus):
    c->interrupt_status &= ~value;
    break;
  case REG(SampleDivider): {
    int changed = value != c->last_divider_written;
    daq16_command_t command = divider_command(value);
    c->last_divider_written = value;
    if (command == DAQ16_CMD_NONE)
      c->sample_divider = value;
    else if (changed)
      run_command(c, command);
    break;
  }
  case REG(EepromAddress):
    start_eeprom_read(c, value);
    break;
  case REG(Scratch):
    c->scratch = value;
    /* run_command ignores numbers that are no command. */
    if ((value & DAQ16_TEST_PORT_MASK) == DAQ16_TEST_PORT)
      run_command(c, (daq16_command_t)(value & 0xFFu));
    break;
  default:
    break; /* read-only or reserved */
  }
}

static const wdfrt_device_model_t daq16_model = {
    .physical_base = DAQ_REGISTER_BASE,
    .size = DAQ_REGISTER_SPAN,
    .read = daq16_read,
    .write = daq16_write,
    .context = &card,
};

/* Attached before main, so the card is in its slot when DriverEntry runs. */
__attribute__((constructor)) static void daq16_attach(void) {
  (void)wdfrt_attach_device_model(&daq16_model);
}
