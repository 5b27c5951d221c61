/*
 * wdfrt.h - the wdfcheck runtime model's own API.
 *
 * The runtime plays the Windows kernel and KMDF for a driver built on Linux
 * against the model headers (ntddk.h, wdf.h): the DDIs keep their WDK names
 * and are implemented by the runtime; this header adds what a harness or a
 * test needs to drive and observe it.
 *
 * Preconditions shared by every function here: the runtime needs no
 * initialisation; state is per process, except the IRQL, which is per
 * thread as on a real processor; one thread drives the model at a time.
 * Functions return a status (0 or an NTSTATUS) and pass results through
 * out-parameters.
 */
#ifndef WDFCHECK_WDFRT_H
#define WDFCHECK_WDFRT_H

#include "wdfrules.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Reports                                                                   */
/* ------------------------------------------------------------------------ */

/* One finding of the runtime: the rule broken, where, and why. */
typedef struct wdfrt_report {
  enum wdf_rule_id rule;
  const char *file; /* the driver's source file, or "<unknown>" */
  int line;
  const char *message;
  const char *function; /* the driver function concerned, or NULL */
} wdfrt_report_t;

typedef void wdfrt_report_handler_t(const wdfrt_report_t *report, void *arg);

/* Every report goes to the handler; the default one prints the report to
 * standard error in the compiler's format.  NULL restores the default. */
void wdfrt_set_report_handler(wdfrt_report_handler_t *handler, void *arg);

/* How many reports of a rule (or of all rules, with WDF_RULE_COUNT) were
 * made since the process started or the last wdfrt_reset_reports(). */
unsigned wdfrt_report_count(enum wdf_rule_id rule);
void wdfrt_reset_reports(void);

/* Distinct findings (rule, file, line, function), in the order first seen,
 * with how often each was reported.  The runtime keeps a fixed number of
 * them (no allocation on the report path); wdfrt_findings_dropped() says
 * how many did not fit. */
typedef struct wdfrt_finding {
  enum wdf_rule_id rule;
  const char *file;
  int line;
  const char *function;
  const char *kind; /* "callback-return", "leak" or NULL */
  const char *message;
  unsigned count;
} wdfrt_finding_t;

size_t wdfrt_finding_count(void);
const wdfrt_finding_t *wdfrt_finding(size_t index);
unsigned wdfrt_findings_dropped(void);
/* Driver faults no rule names (NULL pointers, deadlocks, bad requests). */
unsigned wdfrt_fault_count(void);

/* The rule's ID ("WM008") and checker name ("wdf.DdiIrql"). */
const char *wdfrt_rule_id(enum wdf_rule_id rule);
const char *wdfrt_rule_checker(enum wdf_rule_id rule);

/* Writes the findings as a SARIF 2.1.0 log.  Relative source paths are
 * given relative to srcroot (NULL: the current directory).  Returns 0, or
 * -1 when the file cannot be written. */
int wdfrt_write_sarif(const char *path, const char *srcroot);

/* ------------------------------------------------------------------------ */
/* IRQL                                                                      */
/* ------------------------------------------------------------------------ */

/* The calling thread's IRQL, and setting it the way the framework does
 * before it calls a callback (no check, no report). */
unsigned wdfrt_current_irql(void);
void wdfrt_set_irql(unsigned irql);

/* PAGED_CODE() built for the runtime: reports WM011 at file:line when the
 * calling thread's IRQL is above APC_LEVEL (ntddk.h's macro calls it). */
void wdfrt_paged_code(const char *file, int line, const char *function);

/* Checks that a DDI may be called at the calling thread's IRQL, per
 * rules/ddis.def; paged says whether the pool involved is paged.  Reports
 * WM001 (pool-dependent limit) or WM008 and returns 0 when it may not. */
int wdfrt_check_ddi_irql(enum wdf_ddi_id ddi, int paged, const char *file,
                         int line);

/* The name of a DDI, for messages; and the DDI of a name (-1 if none). */
const char *wdfrt_ddi_name(enum wdf_ddi_id ddi);
int wdfrt_ddi_by_name(const char *name);

/* The IRQL at which the framework calls I/O callbacks: -1 (the default)
 * for the highest it may use (DISPATCH_LEVEL unless the queue or device is
 * passive); 0 for PASSIVE_LEVEL.  A level the framework would not use for
 * a role is lowered to one it would. */
void wdfrt_set_callback_irql(int irql);

/* ------------------------------------------------------------------------ */
/* The driver's life, for a harness                                          */
/* ------------------------------------------------------------------------ */

struct _DRIVER_OBJECT;
struct _UNICODE_STRING;
typedef int32_t wdfrt_driver_entry_t(struct _DRIVER_OBJECT *driver,
                                     struct _UNICODE_STRING *registry_path);

/* DriverEntry at PASSIVE_LEVEL, then EvtDriverDeviceAdd and the devices'
 * PnP start callbacks.  Returns the first failing status, or 0. */
int32_t wdfrt_driver_load(wdfrt_driver_entry_t *driver_entry);
/* Cancels what is still queued, stops the devices, calls EvtDriverUnload
 * and deletes the driver's object tree. */
void wdfrt_driver_unload(void);

typedef enum wdfrt_request_type {
  WDFRT_REQUEST_READ,
  WDFRT_REQUEST_WRITE,
  WDFRT_REQUEST_IOCTL,
  WDFRT_REQUEST_INTERNAL_IOCTL
} wdfrt_request_type_t;

/* A request as the I/O manager would build it.  The input buffer holds
 * `input` (repeated to fill it; a counting pattern when NULL); output
 * buffers start never written, as the I/O manager's do. */
typedef struct wdfrt_request_spec {
  wdfrt_request_type_t type;
  uint32_t ioctl;        /* the control code of an IOCTL */
  size_t input_length;   /* write length, or IOCTL input length */
  size_t output_length;  /* read length, or IOCTL output length */
  const unsigned char *input;
  size_t input_size;
} wdfrt_request_spec_t;

typedef struct wdfrt_completion {
  int completed;         /* 0: the driver still holds the request */
  int32_t status;
  uint64_t information;
} wdfrt_completion_t;

/* Sends one request to the driver's default queue, lets the queue present
 * it, runs the deferred work it caused (DPCs, timers, work items) and
 * fills *result when it was completed.  Returns 0, or -1 when the driver
 * has no device or queue to take it. */
int wdfrt_submit(const wdfrt_request_spec_t *spec, wdfrt_completion_t *result);

/* Which of the device's queues the next requests go to: 0 (the default)
 * for the default queue, as the I/O manager's requests do; n for the nth
 * queue the driver created for the device, as if the driver had routed
 * them there (WdfDeviceConfigureRequestDispatching, which the model
 * headers do not declare).  wdfrt_submit fails the request (a fault) when
 * there is no such queue. */
void wdfrt_set_target_queue(unsigned index);

/* Opens a handle to the driver's (first) device, as CreateFile does: the
 * framework makes a WDFFILEOBJECT (child of the device, with the context
 * and callbacks of WdfDeviceInitSetFileObjectConfig) and calls
 * EvtDeviceFileCreate at PASSIVE_LEVEL with a create request the driver
 * must complete.  *status is the create's status; when it is an error the
 * file object is deleted.  Otherwise the requests sent from now on carry
 * the file object (WdfRequestGetFileObject), the most recently opened
 * handle still open.  Returns 0, or -1 when there is no device. */
int wdfrt_file_open(int32_t *status);
/* Closes the most recently opened handle still open: EvtFileCleanup, then
 * -- once no request carries the file object -- EvtFileClose, both at
 * PASSIVE_LEVEL, and the file object is deleted (its cleanup callbacks
 * run, its children are deleted).  Returns 0, or -1 when no handle is
 * open.  At unload, handles still open are closed first. */
int wdfrt_file_close(void);

/* Time goes by: the interrupt and system time (KeQueryInterruptTime,
 * KeQuerySystemTimePrecise) move on by that many 100-ns units on top of the
 * host's clock, and the timers that are due fire (a periodic timer once).
 * A watchdog that waits for seconds is tested without waiting them. */
void wdfrt_advance_time(uint64_t hundred_ns);

/* Raises every interrupt object's ISR at DIRQL and runs what it queued. */
void wdfrt_fire_interrupts(void);

/* Fault injection, as the KMDF verifier's VerifierAllocateFailCount: the
 * nth framework allocation of the process (object creations and pool
 * allocations, counted from 1) fails; 0 turns it off. */
void wdfrt_fail_allocation(unsigned long nth);
/* The next call of the named allocating DDI fails.  Returns 0 when the
 * name is no allocating DDI. */
int wdfrt_fail_next(const char *ddi_name);
/* How many framework allocations were made so far. */
unsigned long wdfrt_allocation_count(void);

/* Leaks by growth: a checkpoint counts, per creation site, the memory
 * objects made during I/O and still parented to the driver.  After two
 * checkpoints (N and 2N requests) wdfrt_leak_report() reports the sites
 * whose count grew: WM004 when no stored copy of the handle is left,
 * WM002 when one is.  Returns the number of reports. */
void wdfrt_leak_checkpoint(unsigned requests);
unsigned wdfrt_leak_report(void);

/* The driver's last DDI call (file, line), e.g. to say where it crashed.
 * Returns 0 when none is known. */
int wdfrt_last_call(const char **file, int *line);

/* A device model: the logic of a card behind a physical register range,
 * for drivers that map registers (MmMapIoSpaceEx).  Reads and writes of a
 * window mapped from [physical_base, physical_base + size) call the model
 * with the offset from physical_base and the access width in bytes.  The
 * model must outlive the run.  Returns 0, or -1 when four are attached. */
typedef struct wdfrt_device_model {
  uint64_t physical_base;
  uint64_t size;
  uint32_t (*read)(void *context, uint64_t offset, size_t width);
  void (*write)(void *context, uint64_t offset, size_t width, uint32_t value);
  void *context;
} wdfrt_device_model_t;
int wdfrt_attach_device_model(const wdfrt_device_model_t *model);

/* Work of the world outside the driver (a bus driver's completion, data
 * arriving on a pipe): the function runs at DISPATCH_LEVEL with the
 * driver's DPCs, timers and work items, after the current request.
 * Returns 0, or -1 when too much is already scheduled. */
int wdfrt_schedule(void (*function)(void *argument), void *argument);

/* Completes a request the driver sent to an I/O target (a device model's
 * side of WdfRequestSend or of the driver's own transport): the driver's
 * completion routine (WdfRequestSetCompletionRoutine) runs with the
 * status and information, at the current IRQL; without one the request is
 * completed.  Returns 0, or -1 when the handle is no live request. */
int wdfrt_complete_sent_request(void *request, int32_t status,
                                uint64_t information);

/* DbgPrint output to standard error (off by default). */
void wdfrt_set_dbgprint(int on);

/* 1 in the build that uses MemorySanitizer's shadow for never-written
 * bytes, 0 in the coarse model. */
int wdfrt_precise_uninit(void);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_WDFRT_H */
