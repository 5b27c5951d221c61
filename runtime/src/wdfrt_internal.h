/*
 * wdfrt_internal.h - shared between the runtime's source files, not part of
 * its API.  Internal names start with wdfrt_int_.
 *
 * Preconditions shared by everything declared here: one thread drives the
 * model at a time (the harness is single-threaded; only the IRQL and the
 * call site are per thread), handles are 64-bit values, and nothing on a
 * report path allocates.
 *
 * The sections follow the source files, one concept each:
 *   site.c      the driver's file:line of the DDI being called
 *   report.c    reports, their records, counts and handler
 *   ddi.c       IRQL limits and argument checks from rules/ddis.def
 *   irql.c      the IRQL of each thread; KeRaiseIrql and friends; the
 *               levels of rules/irql.def
 *   handles.c   handle values, generations, stale and forged handles
 *   objects.c   the object tree: parents, delete, references, callbacks
 *   context.c   typed context space
 *   buffers.c   framework-made buffers: registry and quarantine
 *   uninit.c    never-written bytes (MemorySanitizer or the coarse model)
 *   faults.c    fault injection and failed creates (WM009)
 *   paged.c     paged pool, out above APC_LEVEL (WM010); PAGED_CODE() (WM011)
 *   memory.c, lookaside.c, pool.c, rtl.c, kernel.c, locks.c, driver.c,
 *   device.c, queues.c, requests.c, deferred.c, interrupts.c   the DDIs
 *   files.c     file objects: open (EvtDeviceFileCreate) and close
 *   wdk_table.c the WDK shape's WdfFunctions and WdfDriverGlobals
 *   callbacks.c calling the driver: entry IRQL, return checks, names
 *   symbols.c   function names from the program's symbol table
 *   leaks.c     leaks confirmed by growth
 *   sarif.c     the SARIF 2.1.0 log
 */
#ifndef WDFCHECK_WDFRT_INTERNAL_H
#define WDFCHECK_WDFRT_INTERNAL_H

#include "wdfrt.h"

#include <ntddk.h>
#include <wdf.h>

#include <stddef.h>
#include <stdint.h>

_Static_assert(sizeof(void *) == 8, "the runtime model needs 64-bit pointers");

#if defined(__has_feature)
#if __has_feature(memory_sanitizer)
#define WDFRT_MSAN 1
#endif
#endif
#ifndef WDFRT_MSAN
#define WDFRT_MSAN 0
#endif

/* Functions that read memory whatever its state (never-written bytes
   included) without MemorySanitizer complaining: the coarse model and the
   leak scan. */
#if WDFRT_MSAN
#define WDFRT_NO_MSAN __attribute__((no_sanitize("memory")))
#else
#define WDFRT_NO_MSAN
#endif

/* Debug fill bytes, as mimalloc uses them: never written, and freed. */
#define WDFRT_FILL_UNWRITTEN 0xD0
#define WDFRT_FILL_FREED 0xDF

/* ------------------------------------------------------------------------ */
/* site.c                                                                    */
/* ------------------------------------------------------------------------ */

typedef struct wdfrt_int_site {
  const char *file; /* the driver's __FILE__, or NULL when unknown */
  int line;
} wdfrt_int_site_t;

/* Called by the model headers' DDI macros (WDFCHECK_RUNTIME builds). */
void wdfrt_int_at(const char *file, int line);

/* The site the model header recorded for the DDI being entered (the most
   recent one); every DDI takes exactly one. */
wdfrt_int_site_t wdfrt_int_take_site(void);
/* Forgets sites nobody took; the framework does it when it calls the
   driver. */
void wdfrt_int_sites_clear(void);
/* The last site recorded in this thread (kept): where the driver was. */
wdfrt_int_site_t wdfrt_int_last_site(void);

/* ------------------------------------------------------------------------ */
/* report.c                                                                  */
/* ------------------------------------------------------------------------ */

/* What a report is about beyond its rule, for SARIF and confirmation. */
typedef struct wdfrt_int_report_extra {
  const char *function; /* the driver function (callback) concerned */
  const char *kind;     /* "callback-return", "leak", ... or NULL */
} wdfrt_int_report_extra_t;

void wdfrt_int_report(enum wdf_rule_id rule, const char *file, int line,
                      const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void wdfrt_int_report_at(enum wdf_rule_id rule, wdfrt_int_site_t site,
                         const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void wdfrt_int_report_extra(enum wdf_rule_id rule, wdfrt_int_site_t site,
                            const wdfrt_int_report_extra_t *extra,
                            const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* A driver fault that no rule names (a NULL pointer, a deadlock): printed
   and counted, not a finding. */
void wdfrt_int_fault(wdfrt_int_site_t site, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ------------------------------------------------------------------------ */
/* ddi.c and irql.c                                                          */
/* ------------------------------------------------------------------------ */

/* The IRQL names used in messages: PASSIVE_LEVEL, ..., DIRQL. */
const char *wdfrt_int_irql_name(unsigned irql);

/* Pool involved in a DDI call, for the pool-dependent limit. */
typedef enum wdfrt_int_pool {
  WDFRT_POOL_NONE,
  WDFRT_POOL_NONPAGED,
  WDFRT_POOL_PAGED
} wdfrt_int_pool_t;

/* Enters a DDI: takes the call site and checks the IRQL limits of the row
   (WM008; WM001 for allocations).  Returns the site. */
wdfrt_int_site_t wdfrt_int_enter(enum wdf_ddi_id ddi);
wdfrt_int_site_t wdfrt_int_enter_pool(enum wdf_ddi_id ddi,
                                      wdfrt_int_pool_t pool);
/* The IRQL check alone, for a site already taken; max_override replaces
   the row's maximum when >= 0.  Returns 0 when a limit is broken. */
int wdfrt_int_check_irql(enum wdf_ddi_id ddi, wdfrt_int_pool_t pool,
                         int max_override, wdfrt_int_site_t site);

/* What a creation backed by pool checks first, in the framework's order:
   the IRQL for its pool (WM001/WM008), then a non-zero BufferSize (WM007).
   Returns STATUS_SUCCESS or the status the DDI fails with. */
NTSTATUS wdfrt_int_check_allocation(enum wdf_ddi_id ddi, const char *function,
                                    int paged, size_t size,
                                    wdfrt_int_site_t site);

/* The maximum IRQL of a DDI called with a zero timeout, or -1. */
int wdfrt_int_zero_timeout_max_irql(enum wdf_ddi_id ddi);

/* WM007 argument checks; each returns 1 when the argument is acceptable.
   `ddi` names the DDI in messages: implementations pass __func__, which
   is the DDI's own name. */
int wdfrt_int_check_size(const char *ddi, size_t size, const char *what,
                         const char *consequence, wdfrt_int_site_t site);
int wdfrt_int_check_out(const char *ddi, const void *pointer, const char *what,
                        wdfrt_int_site_t site);
int wdfrt_int_check_tag(const char *ddi, unsigned long long tag,
                        wdfrt_int_site_t site);
int wdfrt_int_check_pool_type(const char *ddi, unsigned long long pool_type,
                              wdfrt_int_site_t site);
/* Both, in that order, for an allocation with a tag and a POOL_TYPE. */
void wdfrt_int_check_tag_and_pool_type(const char *ddi, unsigned long long tag,
                                       unsigned long long pool_type,
                                       wdfrt_int_site_t site);
/* ExAllocatePool2/3: POOL_FLAG_NON_PAGED_EXECUTE. */
int wdfrt_int_check_pool_flags(const char *ddi, unsigned long long flags,
                               wdfrt_int_site_t site);

/* Sets the IRQL with no check (the framework calling a callback). */
void wdfrt_int_irql_set(unsigned irql);
/* The level an IRQL DDI of rules/irql.def sets, its Level column
   (DISPATCH_LEVEL for a spin lock, APC_LEVEL for a fast mutex, DIRQL for
   the interrupt lock); PASSIVE_LEVEL for a DDI that sets no level of its
   own (no row, as for a wait lock, or an argument gives the level). */
unsigned wdfrt_int_irql_op_level(enum wdf_ddi_id ddi);

/* ------------------------------------------------------------------------ */
/* handles.c and objects.c                                                   */
/* ------------------------------------------------------------------------ */

typedef enum wdfrt_int_kind {
  WDFRT_KIND_DRIVER,
  WDFRT_KIND_DEVICE,
  WDFRT_KIND_QUEUE,
  WDFRT_KIND_REQUEST,
  WDFRT_KIND_MEMORY,
  WDFRT_KIND_LOOKASIDE,
  WDFRT_KIND_SPINLOCK,
  WDFRT_KIND_WAITLOCK,
  WDFRT_KIND_DPC,
  WDFRT_KIND_TIMER,
  WDFRT_KIND_WORKITEM,
  WDFRT_KIND_INTERRUPT,
  WDFRT_KIND_GENERAL,
  WDFRT_KIND_FILEOBJECT,
  WDFRT_KIND_COUNT
} wdfrt_int_kind_t;

#define WDFRT_KIND_BIT(K) (1u << (K))
#define WDFRT_ANY_KIND 0xFFFFFFFFu

/* The WDK type name of a kind ("WDFMEMORY"). */
const char *wdfrt_int_kind_name(wdfrt_int_kind_t kind);

/* Why a handle stopped being valid. */
typedef enum wdfrt_int_gone {
  WDFRT_GONE_DELETED,   /* WdfObjectDelete on it */
  WDFRT_GONE_PARENT,    /* its parent was deleted */
  WDFRT_GONE_COMPLETED, /* its request was completed */
  WDFRT_GONE_UNLOADED   /* the driver unloaded */
} wdfrt_int_gone_t;

typedef struct wdfrt_int_context wdfrt_int_context_t;
typedef struct wdfrt_int_object wdfrt_int_object_t;

typedef void wdfrt_int_destroy_fn(wdfrt_int_object_t *object);

struct wdfrt_int_object {
  wdfrt_int_kind_t kind;
  uint64_t handle;
  enum { WDFRT_ALIVE, WDFRT_DELETED } state; /* DELETED: waits for refs */
  int refs;
  wdfrt_int_object_t *parent, *first_child, *last_child, *next_sibling,
      *prev_sibling;
  wdfrt_int_context_t *contexts;
  PFN_WDF_OBJECT_CONTEXT_CLEANUP evt_cleanup;
  PFN_WDF_OBJECT_CONTEXT_DESTROY evt_destroy;
  WDF_EXECUTION_LEVEL execution_level;
  wdfrt_int_site_t created_at, deleted_at;
  enum wdf_ddi_id created_by;
  wdfrt_int_gone_t gone;
  unsigned char during_io;        /* created while requests were served */
  unsigned char framework_owned;  /* request memory: not the driver's */
  unsigned char no_delete;        /* driver, device, default queue */
  unsigned char passive_cleanup;  /* cleanup deferred to PASSIVE_LEVEL */
  unsigned char passive_destroy;  /* destroy deferred to PASSIVE_LEVEL */
  unsigned char cleaned_up;
  wdfrt_int_destroy_fn *on_destroy; /* the kind's own teardown */
};

/* Handles: a tag, a generation and a slot.  Generation counters make a
   stale handle detectable; the tag makes a forged one detectable; neither
   is ever dereferenced. */
typedef enum wdfrt_int_resolve {
  WDFRT_HANDLE_VALID,
  WDFRT_HANDLE_NULL,
  WDFRT_HANDLE_FORGED,
  WDFRT_HANDLE_STALE
} wdfrt_int_resolve_t;

typedef struct wdfrt_int_tombstone {
  wdfrt_int_kind_t kind;
  wdfrt_int_gone_t gone;
  wdfrt_int_site_t created_at, gone_at;
  enum wdf_ddi_id created_by;
} wdfrt_int_tombstone_t;

uint64_t wdfrt_int_handle_new(wdfrt_int_object_t *object);
/* The slot becomes a tombstone that remembers why the handle went. */
void wdfrt_int_handle_retire(wdfrt_int_object_t *object);
wdfrt_int_resolve_t wdfrt_int_handle_resolve(const void *handle,
                                             wdfrt_int_object_t **object,
                                             wdfrt_int_tombstone_t *tombstone);
/* Calls visit for every object with a live handle. */
void wdfrt_int_handle_each(void (*visit)(wdfrt_int_object_t *, void *),
                           void *arg);
size_t wdfrt_int_handle_live_count(void);
void wdfrt_int_handles_reset(void);

#define WDFRT_HANDLE(object) ((void *)(uintptr_t)(object)->handle)

/* Resolves a handle a DDI was given.  Reports a NULL, forged, stale or
   wrong-kind handle (WM005, WM009 when it comes from a failed create) and
   returns NULL then; a deleted object kept alive by a reference is
   reported unless allow_deleted. */
wdfrt_int_object_t *wdfrt_int_use(const void *handle, unsigned kinds,
                                  const char *ddi, wdfrt_int_site_t site,
                                  int allow_deleted);

/* Creates an object of `size` bytes (at least the base) with the
   attributes' callbacks, context and parent (default_parent when none; the
   parent is validated).  `row` is the creating DDI's row in ddis.def (the
   allocation fault injection counts), or WDF_DDI_COUNT for the framework's
   own objects; `ddi` names it in messages.  Returns a status; *object is
   set on success. */
NTSTATUS wdfrt_int_object_create(wdfrt_int_kind_t kind, size_t size,
                                 PWDF_OBJECT_ATTRIBUTES attributes,
                                 wdfrt_int_object_t *default_parent,
                                 enum wdf_ddi_id row, const char *ddi,
                                 wdfrt_int_site_t site,
                                 wdfrt_int_object_t **object);
/* Whether the framework runs the object's cleanup and destroy callbacks at
   PASSIVE_LEVEL: its own attributes say WdfExecutionLevelPassive, or its
   creating DDI has a WDF_ROLE_OBJECT row in rules/roles.def that applies
   (always, or only when `paged_pool`).  wdfrt_int_object_create applies it
   with paged_pool 0; a DDI that learns its pool afterwards applies it
   again. */
void wdfrt_int_object_set_disposal(wdfrt_int_object_t *object, int paged_pool);
/* Validates attributes in FxValidateObjectAttributes' order; levels says whether the
   kind accepts an execution level and synchronization scope. */
NTSTATUS wdfrt_int_attributes_validate(PWDF_OBJECT_ATTRIBUTES attributes,
                                       int levels);
/* The object a create DDI (`row`) hands out through its out-parameter
   `out_handle`: made as wdfrt_int_object_create makes it, or, when that
   fails, the failure is remembered with what *out_handle holds (WM009).
   Returns the status. */
NTSTATUS wdfrt_int_object_create_or_fail(
    wdfrt_int_kind_t kind, size_t size, PWDF_OBJECT_ATTRIBUTES attributes,
    wdfrt_int_object_t *default_parent, enum wdf_ddi_id row,
    wdfrt_int_site_t site, const void *out_handle, wdfrt_int_object_t **object);
/* A create that failed after its object was made: KMDF frees the object
   without calling its callbacks (DeleteFromFailedCreate). */
void wdfrt_int_object_discard(wdfrt_int_object_t *object,
                              wdfrt_int_site_t site);
/* Deletes an object and its children (cleanup child first, then the
   object; destroy when each refcount reaches zero). */
void wdfrt_int_object_delete(wdfrt_int_object_t *object, wdfrt_int_gone_t why,
                             wdfrt_int_site_t site);
void wdfrt_int_object_reference(wdfrt_int_object_t *object);
void wdfrt_int_object_dereference(wdfrt_int_object_t *object,
                                  wdfrt_int_site_t site);
/* The driver object, or NULL before WdfDriverCreate. */
wdfrt_int_object_t *wdfrt_int_driver_object(void);
/* 1 while requests are being served (objects made then are "during I/O"). */
int wdfrt_int_in_io(void);

/* ------------------------------------------------------------------------ */
/* context.c                                                                 */
/* ------------------------------------------------------------------------ */

NTSTATUS wdfrt_int_context_add(wdfrt_int_object_t *object,
                               PWDF_OBJECT_ATTRIBUTES attributes, void **data);
void wdfrt_int_contexts_cleanup(wdfrt_int_object_t *object);
void wdfrt_int_contexts_destroy(wdfrt_int_object_t *object);
void wdfrt_int_contexts_free(wdfrt_int_object_t *object);
/* Calls visit for each context's data (the leak scan looks there). */
void wdfrt_int_contexts_each(wdfrt_int_object_t *object,
                             void (*visit)(const void *, size_t, void *),
                             void *arg);

/* ------------------------------------------------------------------------ */
/* buffers.c and uninit.c                                                    */
/* ------------------------------------------------------------------------ */

typedef enum wdfrt_int_buffer_role {
  WDFRT_BUFFER_MEMORY,     /* a WDFMEMORY's own buffer */
  WDFRT_BUFFER_POOL,       /* ExAllocatePool* */
  WDFRT_BUFFER_REQUEST_IN, /* a request's input (or system) buffer */
  WDFRT_BUFFER_REQUEST_OUT /* a request's output buffer: the sink */
} wdfrt_int_buffer_role_t;

typedef struct wdfrt_int_request wdfrt_int_request_t;

typedef struct wdfrt_int_buffer {
  unsigned char *data;
  size_t size;
  wdfrt_int_buffer_role_t role;
  int freed;                  /* in quarantine */
  int paged;                  /* in paged pool: paged.c's arena */
  unsigned long made_in_raise; /* paged, made above APC_LEVEL: which raise */
  wdfrt_int_site_t made_at, freed_at;
  wdfrt_int_gone_t gone;
  wdfrt_int_request_t *request; /* request buffers */
  unsigned char *written;     /* coarse model: one bit per byte */
  struct wdfrt_int_buffer *prev, *next;
} wdfrt_int_buffer_t;

/* A new buffer; zeroed or left never-written; page-aligned from PAGE_SIZE
   up, MEMORY_ALLOCATION_ALIGNMENT-aligned below.  NULL when out of memory. */
wdfrt_int_buffer_t *wdfrt_int_buffer_new(size_t size, int zeroed,
                                         wdfrt_int_buffer_role_t role,
                                         wdfrt_int_site_t site);
/* The buffer goes to quarantine, filled with the freed pattern, so a later
   use through a DDI is recognised (WM005) and never crashes. */
void wdfrt_int_buffer_free(wdfrt_int_buffer_t *buffer, wdfrt_int_gone_t why,
                           wdfrt_int_site_t site);
/* The same in paged pool (paged.c's arena) when `paged`. */
wdfrt_int_buffer_t *wdfrt_int_buffer_new_in(size_t size, int zeroed,
                                            wdfrt_int_buffer_role_t role,
                                            int paged, wdfrt_int_site_t site);
/* The live or quarantined buffer holding [p, p + n) (or p when n is 0). */
wdfrt_int_buffer_t *wdfrt_int_buffer_find(const void *p, size_t n);
/* Checks a pointer a DDI (or an Rtl copy) is about to use.  Returns 0 when
   the memory must not be touched: a value a failed create left (WM009) or
   NULL (a fault); 1 otherwise, after reporting a use of a deleted object's
   or a completed request's buffer (WM005). */
int wdfrt_int_check_pointer(const void *p, size_t n, const char *ddi,
                            const char *what, wdfrt_int_site_t site);
void wdfrt_int_buffers_reset(void);
/* Calls visit for every live buffer (the leak scan looks there). */
void wdfrt_int_buffers_each(void (*visit)(const void *, size_t, void *),
                            void *arg);

/* Marks bytes never written (fill + MSan poison, or coarse bits cleared). */
void wdfrt_int_uninit_mark_unwritten(void *p, size_t n);
/* Coarse model bookkeeping after the runtime wrote or copied bytes; no-ops
   under MemorySanitizer, whose shadow follows every write. */
void wdfrt_int_uninit_note_written(void *p, size_t n);
void wdfrt_int_uninit_note_copy(void *dst, const void *src, size_t n);

typedef struct wdfrt_int_range {
  size_t first, last; /* inclusive byte offsets */
} wdfrt_int_range_t;

/* The never-written spans of [p, p + n), at most max of them; returns how
   many there are in all (which may exceed max). */
size_t wdfrt_int_uninit_find(const void *p, size_t n, wdfrt_int_range_t *ranges,
                             size_t max);
/* "bytes 4-7 and 12-15" into out; returns out. */
char *wdfrt_int_format_ranges(const wdfrt_int_range_t *ranges, size_t count,
                              size_t total, char *out, size_t size);
/* Bytes already reported as never written count as written from now on,
   so one disclosure is one finding, not one per later sink. */
void wdfrt_int_uninit_mark_reported(void *p, size_t n);
/* Copies n bytes (memmove when overlap is allowed) the way a DDI or an Rtl
   copy does: a destination inside a request's output buffer is a sink, so
   the source bytes are checked first (WM003 at the call); the coarse
   model's bits follow the copy. */
void wdfrt_int_copy(void *dst, const void *src, size_t n, int overlap,
                    const char *what, wdfrt_int_site_t site);
/* A sink: bytes of [src, src + n) about to reach the request's output
   buffer.  Reports WM003 for never-written ones; returns how many spans. */
size_t wdfrt_int_uninit_check_sink(const void *src, size_t n, const char *what,
                                   wdfrt_int_site_t site);

/* ------------------------------------------------------------------------ */
/* paged.c                                                                   */
/* ------------------------------------------------------------------------ */

/* A block of paged pool, page-aligned from a page up, 16-aligned below;
   NULL when the arena is full or cannot be made. */
void *wdfrt_int_paged_alloc(size_t size);
void wdfrt_int_paged_free(void *block, size_t size);
/* Is p inside a block the arena has handed out? */
int wdfrt_int_paged_holds(const void *p);
/* The IRQL changed: the arena closes above APC_LEVEL and opens at or
   below it (one mprotect per crossing). */
void wdfrt_int_paged_irql_changed(unsigned old_irql, unsigned new_irql);
/* The runtime's own writes into paged buffers: opens a closed arena and
   returns 1 if it was closed; close(that) closes it again. */
int wdfrt_int_paged_open(void);
void wdfrt_int_paged_close(int was_closed);
/* Which rise above APC_LEVEL the thread is in (counted from 1); 0 at or
   below APC_LEVEL. */
unsigned long wdfrt_int_paged_raise(void);

/* ------------------------------------------------------------------------ */
/* faults.c                                                                  */
/* ------------------------------------------------------------------------ */

/* Fault injection: 1 when this allocation (by a DDI) must fail. */
int wdfrt_int_fault_allocation(enum wdf_ddi_id ddi);
/* A create that failed: what it left in its out-parameters.  Returns
   status, for the DDI to return. */
NTSTATUS wdfrt_int_failed_create(const char *ddi, NTSTATUS status,
                                 wdfrt_int_site_t site,
                                 const void *out_handle_slot,
                                 const void *out_buffer_slot);
/* Was this handle or pointer value left by a failed create?  Fills a
   description ("WdfMemoryCreate at queue.c:40 failed with 0xC000009A"). */
int wdfrt_int_failed_value(const void *value, int is_buffer, char *why,
                           size_t size);
void wdfrt_int_faults_reset(void);

/* ------------------------------------------------------------------------ */
/* callbacks.c, symbols.c                                                    */
/* ------------------------------------------------------------------------ */

/* Callback roles, from rules/roles.def. */
typedef enum wdfrt_int_role {
#define WDF_ROLE(RoleType, ConfigField, MinIrql, MaxIrql, Narrowing)          \
  WDFRT_ROLE_##RoleType,
#include "roles.def"
  WDFRT_ROLE_COUNT
} wdfrt_int_role_t;

/* One driver callback being run. */
typedef struct wdfrt_int_frame {
  wdfrt_int_role_t role;
  const void *function;
  unsigned entry_irql;
  size_t locks_at_entry;
  wdfrt_int_object_t *object; /* the object whose callback it is, if any */
  struct wdfrt_int_frame *outer;
} wdfrt_int_frame_t;

/* The IRQL the framework calls a role at, from the role's row: its
   highest level; PASSIVE_LEVEL when `passive` and the row says a passive
   queue (or timer) narrows it; for a queue's callbacks, lowered to the
   scenario's choice (wdfrt_set_callback_irql) when the row allows it. */
unsigned wdfrt_int_role_irql(wdfrt_int_role_t role, int passive);
const char *wdfrt_int_role_name(wdfrt_int_role_t role);
/* Runs one cleanup or destroy callback (`role`) of the object at the level
   the framework runs it: the deleting thread's IRQL, or PASSIVE_LEVEL where
   it defers the callback (wdfrt_int_object_set_disposal). */
void wdfrt_int_disposal_call(wdfrt_int_object_t *object, wdfrt_int_role_t role,
                             PFN_WDF_OBJECT_CONTEXT_CLEANUP function);
/* Sets the entry IRQL and pushes the frame: the IRQL is the one the role's
   row gives when nothing narrows it (wdfrt_int_role_irql(role, 0)). */
void wdfrt_int_callback_begin(wdfrt_int_frame_t *frame, wdfrt_int_role_t role,
                              const void *function, wdfrt_int_object_t *object);
/* The same at an IRQL the caller worked out: a passive queue's or timer's
   (wdfrt_int_role_irql), the deleting thread's for an object's cleanup,
   the completing code's for a completion routine. */
void wdfrt_int_callback_begin_at(wdfrt_int_frame_t *frame,
                                 wdfrt_int_role_t role, const void *function,
                                 unsigned irql, wdfrt_int_object_t *object);
/* Pops the frame and checks the return: same IRQL, no lock left held
   (WM008); restores both so the run can go on. */
void wdfrt_int_callback_end(wdfrt_int_frame_t *frame);
wdfrt_int_frame_t *wdfrt_int_callback_current(void);
/* The name of the driver function at an address, or NULL. */
const char *wdfrt_int_symbol_name(const void *address);
/* An address in the program as its file gives it (for llvm-symbolizer). */
uintptr_t wdfrt_int_program_offset(const void *address);

/* ------------------------------------------------------------------------ */
/* locks.c                                                                   */
/* ------------------------------------------------------------------------ */

/* The locks this thread holds, innermost last.  A lock is held with the
   IRQL it saved, the IRQL it raises to (0 for a wait lock) and how to let
   it go if a callback returns holding it. */
typedef void wdfrt_int_lock_release_fn(void *lock);
/* Takes a lock as its DDI's row in rules/irql.def says: raises the IRQL to
   the row's level (wdfrt_int_irql_op_level) and holds the lock with the
   IRQL it saved, which it returns. */
unsigned wdfrt_int_lock_acquire(enum wdf_ddi_id ddi, void *lock,
                                wdfrt_int_lock_release_fn *release,
                                wdfrt_int_site_t site);
/* Pops the lock; returns the IRQL it saved, or -1 when it is not held. */
int wdfrt_int_lock_pop(void *lock);
/* Sets the IRQL to at least `level` (acquiring a lock); returns the old. */
unsigned wdfrt_int_irql_raise_to(unsigned level);
size_t wdfrt_int_locks_held(void);
/* Describes lock number i (0 = oldest): its DDI, where it was taken and
   the IRQL it raises to. */
void wdfrt_int_lock_info(size_t i, enum wdf_ddi_id *ddi, wdfrt_int_site_t *site,
                         unsigned *raises_to);
/* Releases locks down to `depth` (a callback returned holding them);
   returns the IRQL the oldest of them saved. */
unsigned wdfrt_int_locks_drop_to(size_t depth, unsigned fallback_irql);
void wdfrt_int_locks_reset(void);

/* ------------------------------------------------------------------------ */
/* memory.c, lookaside.c, pool.c                                             */
/* ------------------------------------------------------------------------ */

typedef struct wdfrt_int_lookaside wdfrt_int_lookaside_t;

typedef enum wdfrt_int_memory_origin {
  WDFRT_MEMORY_POOL,         /* WdfMemoryCreate: owns its buffer */
  WDFRT_MEMORY_PREALLOCATED, /* the driver's buffer */
  WDFRT_MEMORY_LOOKASIDE,    /* from a lookaside list */
  WDFRT_MEMORY_REQUEST       /* a request's buffer: framework-owned */
} wdfrt_int_memory_origin_t;

typedef struct wdfrt_int_memory {
  wdfrt_int_object_t base;
  wdfrt_int_memory_origin_t origin;
  void *data;
  size_t size;
  unsigned long long pool_type;
  ULONG tag;
  int read_only;
  wdfrt_int_buffer_t *buffer;       /* the framework-made buffer, if any */
  wdfrt_int_lookaside_t *lookaside; /* WdfMemoryCreateFromLookaside */
  wdfrt_int_request_t *request;     /* request memory */
} wdfrt_int_memory_t;

/* A framework-owned memory object over a request buffer (or a probed user
   buffer), child of the request. */
wdfrt_int_memory_t *wdfrt_int_memory_for_request(wdfrt_int_request_t *request,
                                                 void *data, size_t size,
                                                 wdfrt_int_buffer_t *buffer,
                                                 int read_only,
                                                 wdfrt_int_site_t site);
wdfrt_int_memory_t *wdfrt_int_memory_from(wdfrt_int_object_t *object);
/* A memory object with a buffer of its own, `size` bytes, zeroed or never
   written, in paged pool or not (WdfMemoryCreate's, a lookaside list's),
   child of the driver
   unless the attributes say otherwise.  When the buffer cannot be had, the
   half-made object is discarded and the create fails. */
NTSTATUS wdfrt_int_memory_create_with_buffer(PWDF_OBJECT_ATTRIBUTES attributes,
                                             wdfrt_int_memory_origin_t origin,
                                             enum wdf_ddi_id row, size_t size,
                                             int zeroed, int paged,
                                             wdfrt_int_site_t site,
                                             wdfrt_int_memory_t **memory);

/* ------------------------------------------------------------------------ */
/* driver.c, device.c, queues.c, requests.c, deferred.c, interrupts.c        */
/* ------------------------------------------------------------------------ */

typedef struct wdfrt_int_device wdfrt_int_device_t;
typedef struct wdfrt_int_queue wdfrt_int_queue_t;

/* Effective execution level of an object: its own, else its parent's. */
int wdfrt_int_is_passive(wdfrt_int_object_t *object);

/* A WDFDEVICE_INIT for EvtDriverDeviceAdd, and freeing it afterwards. */
PWDFDEVICE_INIT wdfrt_int_device_init_new(void);
void wdfrt_int_device_init_free(PWDFDEVICE_INIT init);
/* Devices of the driver, for PnP and the queues. */
wdfrt_int_device_t *wdfrt_int_first_device(void);
wdfrt_int_device_t *wdfrt_int_next_device(wdfrt_int_device_t *device);
void wdfrt_int_device_start(wdfrt_int_device_t *device);
void wdfrt_int_device_stop(wdfrt_int_device_t *device);
wdfrt_int_queue_t *wdfrt_int_device_default_queue(wdfrt_int_device_t *device);
void wdfrt_int_device_set_default_queue(wdfrt_int_device_t *device,
                                        wdfrt_int_queue_t *queue);
PFN_WDF_IO_IN_CALLER_CONTEXT
wdfrt_int_device_in_caller_context(wdfrt_int_device_t *device);
WDF_DEVICE_IO_TYPE wdfrt_int_device_io_type(wdfrt_int_device_t *device);
PWDF_OBJECT_ATTRIBUTES
wdfrt_int_device_request_attributes(wdfrt_int_device_t *device);
/* What WdfDeviceInitSetFileObjectConfig recorded: the callbacks (all NULL
   when it was not called) and the file objects' attributes (NULL when
   none; ParentObject is always NULL). */
const WDF_FILEOBJECT_CONFIG *
wdfrt_int_device_file_config(wdfrt_int_device_t *device);
PWDF_OBJECT_ATTRIBUTES
wdfrt_int_device_file_attributes(wdfrt_int_device_t *device);
wdfrt_int_object_t *wdfrt_int_device_object(wdfrt_int_device_t *device);

/* Queues: requests waiting, presenting them to the driver. */
void wdfrt_int_queue_add(wdfrt_int_queue_t *queue,
                         wdfrt_int_request_t *request);
void wdfrt_int_queue_remove(wdfrt_int_request_t *request);
/* Presents waiting requests of every queue; returns how many. */
unsigned wdfrt_int_queues_dispatch(void);
/* Completes every waiting request with STATUS_CANCELLED. */
void wdfrt_int_queues_purge(void);
/* EvtIoStop (purge) for a request the driver holds at unload. */
void wdfrt_int_queue_stop_request(wdfrt_int_queue_t *queue,
                                  wdfrt_int_request_t *request);
/* Called when a presented request is completed (sequential queues). */
void wdfrt_int_queue_request_done(wdfrt_int_queue_t *queue);
wdfrt_int_device_t *wdfrt_int_queue_device(wdfrt_int_queue_t *queue);
/* The device's nth queue in creation order (from 1), or NULL. */
wdfrt_int_queue_t *wdfrt_int_device_queue(wdfrt_int_device_t *device,
                                          unsigned index);

/* File objects (files.c): one per open handle, child of its device.  A
   request carries the file object it was sent on and holds it open (as the
   I/O manager's reference on the FILE_OBJECT does) until it is completed. */
typedef struct wdfrt_int_file wdfrt_int_file_t;

/* The file the next requests are sent on: the most recently opened one not
   yet cleaned up, or NULL. */
wdfrt_int_file_t *wdfrt_int_file_current(void);
wdfrt_int_object_t *wdfrt_int_file_object(wdfrt_int_file_t *file);
/* A request starts or stops carrying the file. */
void wdfrt_int_file_hold(wdfrt_int_file_t *file);
void wdfrt_int_file_release(wdfrt_int_file_t *file);
/* EvtFileClose and the delete for cleaned-up files no request carries any
   more; returns how many were closed (part of wdfrt_int_settle). */
unsigned wdfrt_int_files_close_due(void);
/* Unload: every open handle is closed (EvtFileCleanup), before the queues
   are purged; then, after the requests are reclaimed, closes whatever is
   left (EvtFileClose) before the devices stop. */
void wdfrt_int_files_cleanup_all(void);
void wdfrt_int_files_close_all(void);

struct wdfrt_int_request {
  wdfrt_int_object_t base;
  wdfrt_request_spec_t spec;
  int create;                      /* IRP_MJ_CREATE: spec unused, no buffers */
  wdfrt_int_file_t *file;          /* the file object it carries, or NULL */
  ULONG method;                    /* transfer method of an IOCTL */
  wdfrt_int_buffer_t *in, *out;    /* may be the same system buffer */
  wdfrt_int_memory_t *in_memory, *out_memory;
  wdfrt_int_device_t *device;
  wdfrt_int_queue_t *queue;
  enum { WDFRT_REQ_NEW, WDFRT_REQ_QUEUED, WDFRT_REQ_PRESENTED,
         WDFRT_REQ_COMPLETED } state;
  PFN_WDF_REQUEST_CANCEL cancel;
  PFN_WDF_REQUEST_COMPLETION_ROUTINE completion;  /* when sent to a target */
  WDFCONTEXT completion_context;
  int canceled;
  NTSTATUS status;
  ULONG_PTR information;
  wdfrt_completion_t *result;       /* the harness's record while it waits */
  KPROCESSOR_MODE mode;
  wdfrt_int_request_t *queue_next;          /* waiting in a queue */
  wdfrt_int_request_t *all_prev, *all_next; /* every request not completed */
};

wdfrt_int_request_t *wdfrt_int_request_from(wdfrt_int_object_t *object);
/* Presents the request to its queue's callback at the framework's IRQL. */
void wdfrt_int_queue_present(wdfrt_int_queue_t *queue,
                             wdfrt_int_request_t *request);
/* At unload: requests the driver still holds get EvtIoStop, then their
   cancel routine; what is left is a fault and completed by the framework. */
void wdfrt_int_requests_reclaim(void);
/* A create request for EvtDeviceFileCreate, carrying the file object and
   owned by the driver (it must complete it); completion fills *result. */
wdfrt_int_request_t *wdfrt_int_request_new_create(wdfrt_int_device_t *device,
                                                  wdfrt_int_file_t *file,
                                                  wdfrt_completion_t *result);
/* Completes a request the framework itself rejects or cancels. */
void wdfrt_int_request_complete_by_framework(wdfrt_int_request_t *request,
                                             NTSTATUS status);
/* Is p inside the output buffer of a request not yet completed? */
wdfrt_int_request_t *wdfrt_int_request_output_of(const void *p, size_t n);

/* Deferred work: DPCs, timers, work items, interrupt DPCs and work items.
   Returns how many callbacks ran. */
unsigned wdfrt_int_deferred_run(void);
/* Periodic timers that fired wait for the next scenario step. */
void wdfrt_int_deferred_rearm(void);
void wdfrt_int_interrupts_fire(void);
unsigned wdfrt_int_interrupts_run_deferred(void);
/* Runs queues and deferred work until nothing is left to do. */
void wdfrt_int_settle(void);

#endif
