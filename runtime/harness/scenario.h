/*
 * scenario.h - what the harness sends to the driver.
 *
 * A scenario is a list of steps, one per line of a file or per -e option:
 *
 *   read LENGTH                       a read request
 *   write LENGTH [HEX]                a write request carrying HEX (repeated)
 *   ioctl CODE IN OUT [HEX]           a device control request
 *   internal-ioctl CODE IN OUT [HEX]  an internal device control request
 *   irql passive|dispatch             the IRQL of the callbacks from now on
 *   fail DDI                          the next call of DDI fails (e.g. fail
 *                                     ExAllocatePool2)
 *   queue N|default                   the next requests go to the device's
 *                                     Nth queue (in creation order), as if
 *                                     the driver routed them there
 *   interrupt                         the device interrupts
 *   wait MS                           MS milliseconds go by: the clock
 *                                     (KeQueryInterruptTime) moves on and
 *                                     due timers fire
 *   open                              a handle is opened: a new file object,
 *                                     EvtDeviceFileCreate; the next
 *                                     requests carry it (the most recent
 *                                     handle still open)
 *   close                             the most recent handle still open is
 *                                     closed: EvtFileCleanup, EvtFileClose
 *   repeat N                          run the scenario N times (default 1)
 *
 * Numbers are C numbers (16, 0x222000); HEX is byte pairs (00ff10); '#'
 * starts a comment.  Parsing allocates nothing beyond the step array.
 */
#ifndef WDFCHECK_HARNESS_SCENARIO_H
#define WDFCHECK_HARNESS_SCENARIO_H

#include "wdfrt.h"

#define SCENARIO_MAX_STEPS 256
#define SCENARIO_MAX_INPUT 256

typedef enum step_kind {
  STEP_REQUEST,
  STEP_IRQL,
  STEP_FAIL,
  STEP_INTERRUPT,
  STEP_WAIT,
  STEP_QUEUE,
  STEP_OPEN,
  STEP_CLOSE
} step_kind_t;

typedef struct step {
  step_kind_t kind;
  wdfrt_request_spec_t request;       /* STEP_REQUEST */
  unsigned char input[SCENARIO_MAX_INPUT];
  int irql;                           /* STEP_IRQL */
  unsigned queue;                     /* STEP_QUEUE: 0 default */
  unsigned long wait_ms;              /* STEP_WAIT */
  char ddi[64];                       /* STEP_FAIL */
  char text[96];                      /* the step as written, for messages */
} step_t;

typedef struct scenario {
  step_t steps[SCENARIO_MAX_STEPS];
  size_t count;
  unsigned repeat;
} scenario_t;

/* Adds one step (a line).  Returns 0, or -1 with a message in error. */
int scenario_add(scenario_t *scenario, const char *line, char *error,
                 size_t size);
/* Adds every line of a file; errors name the line.  Returns 0 or -1. */
int scenario_load(scenario_t *scenario, const char *path, char *error,
                  size_t size);

#endif
