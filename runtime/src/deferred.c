/*
 * deferred.c - DPCs, timers and work items.
 *
 * Enqueuing (WdfDpcEnqueue, WdfTimerStart, WdfWorkItemEnqueue) only marks
 * the object pending; the harness runs pending work after each request
 * callback returns, as the system would soon after: a DPC and a timer at
 * DISPATCH_LEVEL (a timer whose own attributes ask for passive execution at
 * PASSIVE_LEVEL), a work item at PASSIVE_LEVEL.  A periodic timer fires
 * once per scenario step; work that re-enqueues itself runs again in the
 * next round, and the rounds are bounded, so a run always ends.  These objects need a parent (a device or a
 * queue), as in KMDF.
 */
#include "wdfrt_internal.h"

typedef enum { DEFERRED_DPC, DEFERRED_TIMER, DEFERRED_WORKITEM } deferred_kind_t;

typedef struct deferred {
  wdfrt_int_object_t base;
  deferred_kind_t kind;
  const void *callback;
  int pending;
  int passive; /* a timer with WdfExecutionLevelPassive of its own */
  ULONG period;
  int rearm;
  struct deferred *next_pending;
} deferred_t;

static deferred_t *pending_head, *pending_tail;

static void push(deferred_t *d) {
  d->pending = 1;
  d->next_pending = NULL;
  if (pending_tail)
    pending_tail->next_pending = d;
  else
    pending_head = d;
  pending_tail = d;
}

static int cancel(deferred_t *d) {
  if (!d->pending)
    return 0;
  deferred_t **link = &pending_head, *previous = NULL;
  while (*link && *link != d) {
    previous = *link;
    link = &(*link)->next_pending;
  }
  if (*link) {
    *link = d->next_pending;
    if (pending_tail == d)
      pending_tail = previous;
  }
  d->pending = 0;
  return 1;
}

static void deferred_destroy(wdfrt_int_object_t *object) {
  cancel((deferred_t *)object);
}

static NTSTATUS create(wdfrt_int_kind_t kind, deferred_kind_t which,
                       const void *callback, PWDF_OBJECT_ATTRIBUTES attributes,
                       enum wdf_ddi_id row, const char *ddi, void **out,
                       wdfrt_int_site_t site, deferred_t **made) {
  if (!wdfrt_int_check_out(ddi, out, "the out-handle", site))
    return STATUS_INVALID_PARAMETER;
  *out = NULL;
  if (!attributes || !attributes->ParentObject)
    return wdfrt_int_failed_create(ddi, STATUS_WDF_PARENT_NOT_SPECIFIED, site,
                                   out, NULL);
  wdfrt_int_object_t *object;
  NTSTATUS status = wdfrt_int_object_create_or_fail(
      kind, sizeof(deferred_t), attributes, NULL, row, site, out, &object);
  if (!NT_SUCCESS(status))
    return status;
  deferred_t *d = (deferred_t *)object;
  d->kind = which;
  d->callback = callback;
  object->on_destroy = deferred_destroy;
  *out = WDFRT_HANDLE(object);
  *made = d;
  return STATUS_SUCCESS;
}

static deferred_t *use(void *handle, wdfrt_int_kind_t kind, const char *ddi,
                       wdfrt_int_site_t site) {
  return (deferred_t *)wdfrt_int_use(handle, WDFRT_KIND_BIT(kind), ddi, site,
                                     0);
}

static WDFOBJECT parent_of(deferred_t *d) {
  return d && d->base.parent ? WDFRT_HANDLE(d->base.parent) : NULL;
}

/* --- DPC ------------------------------------------------------------------------- */

NTSTATUS WdfDpcCreate(PWDF_DPC_CONFIG Config, PWDF_OBJECT_ATTRIBUTES Attributes,
                      WDFDPC *Dpc) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfDpcCreate);
  deferred_t *d;
  if (!wdfrt_int_check_out(__func__, Config, "Config", site))
    return STATUS_INVALID_PARAMETER;
  return create(WDFRT_KIND_DPC, DEFERRED_DPC, (const void *)Config->EvtDpcFunc,
                Attributes, WDF_DDI_WdfDpcCreate, __func__, (void **)Dpc, site,
                &d);
}

BOOLEAN WdfDpcEnqueue(WDFDPC Dpc) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfDpcEnqueue);
  deferred_t *d = use(Dpc, WDFRT_KIND_DPC, __func__, site);
  if (!d || d->pending)
    return FALSE;
  push(d);
  return TRUE;
}

BOOLEAN WdfDpcCancel(WDFDPC Dpc, BOOLEAN Wait) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  (void)Wait;
  deferred_t *d = use(Dpc, WDFRT_KIND_DPC, __func__, site);
  return d && cancel(d);
}

WDFOBJECT WdfDpcGetParentObject(WDFDPC Dpc) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  return parent_of(use(Dpc, WDFRT_KIND_DPC, __func__, site));
}

/* --- timer ------------------------------------------------------------------------ */

NTSTATUS WdfTimerCreate(PWDF_TIMER_CONFIG Config,
                        PWDF_OBJECT_ATTRIBUTES Attributes, WDFTIMER *Timer) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfTimerCreate);
  deferred_t *d;
  if (!wdfrt_int_check_out(__func__, Config, "Config", site))
    return STATUS_INVALID_PARAMETER;
  int passive = Attributes && Attributes->Size == sizeof *Attributes &&
                Attributes->ExecutionLevel == WdfExecutionLevelPassive;
  if (passive && Config->Period) {
    if (Timer)
      *Timer = NULL;
    return STATUS_NOT_SUPPORTED;
  }
  NTSTATUS status = create(WDFRT_KIND_TIMER, DEFERRED_TIMER,
                           (const void *)Config->EvtTimerFunc, Attributes,
                           WDF_DDI_WdfTimerCreate, __func__, (void **)Timer,
                           site, &d);
  if (NT_SUCCESS(status)) {
    d->passive = passive;
    d->period = Config->Period;
  }
  return status;
}

BOOLEAN WdfTimerStart(WDFTIMER Timer, LONGLONG DueTime) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfTimerStart);
  (void)DueTime;
  deferred_t *d = use(Timer, WDFRT_KIND_TIMER, __func__, site);
  if (!d)
    return FALSE;
  int was_pending = cancel(d);
  push(d);
  return (BOOLEAN)was_pending;
}

BOOLEAN WdfTimerStop(WDFTIMER Timer, BOOLEAN Wait) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  (void)Wait;
  deferred_t *d = use(Timer, WDFRT_KIND_TIMER, __func__, site);
  if (!d)
    return FALSE;
  d->period = 0;
  return (BOOLEAN)cancel(d);
}

WDFOBJECT WdfTimerGetParentObject(WDFTIMER Timer) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  return parent_of(use(Timer, WDFRT_KIND_TIMER, __func__, site));
}

/* --- work item ----------------------------------------------------------------------- */

NTSTATUS WdfWorkItemCreate(PWDF_WORKITEM_CONFIG Config,
                           PWDF_OBJECT_ATTRIBUTES Attributes,
                           WDFWORKITEM *WorkItem) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfWorkItemCreate);
  deferred_t *d;
  if (!wdfrt_int_check_out(__func__, Config, "Config", site))
    return STATUS_INVALID_PARAMETER;
  return create(WDFRT_KIND_WORKITEM, DEFERRED_WORKITEM,
                (const void *)Config->EvtWorkItemFunc, Attributes,
                WDF_DDI_WdfWorkItemCreate, __func__, (void **)WorkItem, site,
                &d);
}

VOID WdfWorkItemEnqueue(WDFWORKITEM WorkItem) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfWorkItemEnqueue);
  deferred_t *d = use(WorkItem, WDFRT_KIND_WORKITEM, __func__, site);
  if (d && !d->pending)
    push(d);
}

WDFOBJECT WdfWorkItemGetParentObject(WDFWORKITEM WorkItem) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  return parent_of(use(WorkItem, WDFRT_KIND_WORKITEM, __func__, site));
}

static void run(deferred_t *d);

VOID WdfWorkItemFlush(WDFWORKITEM WorkItem) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  deferred_t *d = use(WorkItem, WDFRT_KIND_WORKITEM, __func__, site);
  if (d && cancel(d))
    run(d);
}

/* --- running ----------------------------------------------------------------------- */

static wdfrt_int_role_t role_of(const deferred_t *d) {
  switch (d->kind) {
  case DEFERRED_DPC:
    return WDFRT_ROLE_EVT_WDF_DPC;
  case DEFERRED_TIMER:
    return WDFRT_ROLE_EVT_WDF_TIMER;
  default:
    return WDFRT_ROLE_EVT_WDF_WORKITEM;
  }
}

static void run(deferred_t *d) {
  wdfrt_int_frame_t frame;
  wdfrt_int_role_t role = role_of(d);
  unsigned caller_irql = wdfrt_current_irql();
  void *handle = WDFRT_HANDLE(&d->base);
  if (!d->callback)
    return;
  /* Only a timer's own passive execution level narrows its role. */
  wdfrt_int_callback_begin_at(&frame, role, d->callback,
                              wdfrt_int_role_irql(role, d->passive), &d->base);
  switch (d->kind) {
  case DEFERRED_DPC:
    ((PFN_WDF_DPC)d->callback)((WDFDPC)handle);
    break;
  case DEFERRED_TIMER:
    ((PFN_WDF_TIMER)d->callback)((WDFTIMER)handle);
    break;
  default:
    ((PFN_WDF_WORKITEM)d->callback)((WDFWORKITEM)handle);
    break;
  }
  wdfrt_int_callback_end(&frame);
  wdfrt_int_irql_set(caller_irql);
}

static void rearm(wdfrt_int_object_t *object, void *arg) {
  (void)arg;
  if (object->kind != WDFRT_KIND_TIMER)
    return;
  deferred_t *d = (deferred_t *)object;
  if (d->rearm && !d->pending && object->state == WDFRT_ALIVE)
    push(d);
  d->rearm = 0;
}

void wdfrt_int_deferred_rearm(void) { wdfrt_int_handle_each(rearm, NULL); }

/* --- the world outside the driver --------------------------------------- */

#define MAX_SCHEDULED 64

typedef struct scheduled {
  void (*function)(void *argument);
  void *argument;
} scheduled_t;

static scheduled_t scheduled[MAX_SCHEDULED];
static size_t scheduled_count;

int wdfrt_schedule(void (*function)(void *argument), void *argument) {
  if (scheduled_count == MAX_SCHEDULED)
    return -1;
  scheduled[scheduled_count++] = (scheduled_t){function, argument};
  return 0;
}

/* Runs what was scheduled before this round, at DISPATCH_LEVEL as a bus
   driver's completion would; what it schedules waits for the next round. */
static unsigned run_scheduled(void) {
  size_t count = scheduled_count;
  scheduled_t now[MAX_SCHEDULED];
  for (size_t i = 0; i < count; ++i)
    now[i] = scheduled[i];
  scheduled_count = 0;
  unsigned caller_irql = wdfrt_current_irql();
  for (size_t i = 0; i < count; ++i) {
    wdfrt_int_irql_set(DISPATCH_LEVEL);
    now[i].function(now[i].argument);
  }
  wdfrt_int_irql_set(caller_irql);
  return (unsigned)count;
}

unsigned wdfrt_int_deferred_run(void) {
  unsigned ran = wdfrt_int_interrupts_run_deferred();
  ran += run_scheduled();
  size_t count = 0;
  for (deferred_t *d = pending_head; d; d = d->next_pending)
    ++count;
  /* This round is what is pending now; what it enqueues waits for the
     next one.  Each is taken from the head, as the list may change. */
  while (count-- > 0 && pending_head) {
    deferred_t *d = pending_head;
    cancel(d);
    /* Keep it alive across its callback: it may delete itself. */
    wdfrt_int_object_reference(&d->base);
    run(d);
    if (d->kind == DEFERRED_TIMER && d->period)
      d->rearm = 1; /* a periodic timer fires again at the next step */
    wdfrt_int_site_t nowhere = {NULL, 0};
    wdfrt_int_object_dereference(&d->base, nowhere);
    ++ran;
  }
  return ran;
}
