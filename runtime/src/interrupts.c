/*
 * interrupts.c - WDFINTERRUPT: the ISR at DIRQL, its DPC and work item,
 * the interrupt lock.
 *
 * The harness raises an interrupt on request (the scenario's `interrupt`
 * step): each interrupt object's EvtInterruptIsr runs at DIRQL (one level
 * above DISPATCH_LEVEL in the model, as in rules/); what it queued with
 * WdfInterruptQueueDpcForIsr runs next at DISPATCH_LEVEL, and
 * WdfInterruptQueueWorkItemForIsr at PASSIVE_LEVEL.  WdfInterruptAcquireLock
 * raises to DIRQL like the interrupt spin lock (rules/irql.def), and
 * WdfInterruptSynchronize runs its callback holding that lock.
 */
#include "wdfrt_internal.h"

typedef struct interrupt {
  wdfrt_int_object_t base;
  WDF_INTERRUPT_CONFIG config;
  wdfrt_int_device_t *device;
  int dpc_pending, workitem_pending;
  struct interrupt *next;
} interrupt_t;

static interrupt_t *interrupts;

static void forget(wdfrt_int_object_t *object) {
  for (interrupt_t **i = &interrupts; *i; i = &(*i)->next)
    if (&(*i)->base == object) {
      *i = (*i)->next;
      return;
    }
}

NTSTATUS WdfInterruptCreate(WDFDEVICE Device,
                            PWDF_INTERRUPT_CONFIG Configuration,
                            PWDF_OBJECT_ATTRIBUTES Attributes,
                            WDFINTERRUPT *Interrupt) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfInterruptCreate);
  wdfrt_int_object_t *device = wdfrt_int_use(
      Device, WDFRT_KIND_BIT(WDFRT_KIND_DEVICE), __func__, site, 0);
  if (!device)
    return STATUS_INVALID_HANDLE;
  if (!wdfrt_int_check_out(__func__, Configuration, "Configuration", site) ||
      !wdfrt_int_check_out(__func__, Interrupt, "Interrupt", site))
    return STATUS_INVALID_PARAMETER;
  wdfrt_int_object_t *object;
  NTSTATUS status = wdfrt_int_object_create_or_fail(
      WDFRT_KIND_INTERRUPT, sizeof(interrupt_t), Attributes, device,
      WDF_DDI_WdfInterruptCreate, site, Interrupt, &object);
  if (!NT_SUCCESS(status))
    return status;
  interrupt_t *interrupt = (interrupt_t *)object;
  interrupt->config = *Configuration;
  interrupt->device = (wdfrt_int_device_t *)device;
  object->no_delete = 1;
  object->on_destroy = forget;
  interrupt->next = interrupts;
  interrupts = interrupt;
  *Interrupt = (WDFINTERRUPT)WDFRT_HANDLE(object);
  return STATUS_SUCCESS;
}

static interrupt_t *use(WDFINTERRUPT handle, const char *ddi,
                        wdfrt_int_site_t site) {
  return (interrupt_t *)wdfrt_int_use(
      handle, WDFRT_KIND_BIT(WDFRT_KIND_INTERRUPT), ddi, site, 0);
}

BOOLEAN WdfInterruptQueueDpcForIsr(WDFINTERRUPT Interrupt) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfInterruptQueueDpcForIsr);
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  if (!interrupt || interrupt->dpc_pending)
    return FALSE;
  interrupt->dpc_pending = 1;
  return TRUE;
}

BOOLEAN WdfInterruptQueueWorkItemForIsr(WDFINTERRUPT Interrupt) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  if (!interrupt || interrupt->workitem_pending)
    return FALSE;
  interrupt->workitem_pending = 1;
  return TRUE;
}

BOOLEAN WdfInterruptSynchronize(WDFINTERRUPT Interrupt,
                                PFN_WDF_INTERRUPT_SYNCHRONIZE Callback,
                                WDFCONTEXT Context) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  if (!interrupt || !wdfrt_int_check_out(__func__, Callback, "Callback", site))
    return FALSE;
  /* Holding the interrupt lock: at the level WdfInterruptAcquireLock sets. */
  unsigned saved = wdfrt_int_irql_raise_to(
      wdfrt_int_irql_op_level(WDF_DDI_WdfInterruptAcquireLock));
  BOOLEAN result = Callback(Interrupt, Context);
  wdfrt_int_irql_set(saved);
  return result;
}

static void release_interrupt_lock(void *lock) { (void)lock; }

VOID WdfInterruptAcquireLock(WDFINTERRUPT Interrupt) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfInterruptAcquireLock);
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  if (!interrupt)
    return;
  wdfrt_int_lock_acquire(WDF_DDI_WdfInterruptAcquireLock, interrupt,
                         release_interrupt_lock, site);
}

VOID WdfInterruptReleaseLock(WDFINTERRUPT Interrupt) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfInterruptReleaseLock);
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  if (!interrupt)
    return;
  int saved = wdfrt_int_lock_pop(interrupt);
  if (saved < 0) {
    wdfrt_int_fault(site, "%s without WdfInterruptAcquireLock", __func__);
    return;
  }
  wdfrt_int_irql_set((unsigned)saved);
}

WDFDEVICE WdfInterruptGetDevice(WDFINTERRUPT Interrupt) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfInterruptGetDevice);
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  return interrupt ? (WDFDEVICE)WDFRT_HANDLE(
                         wdfrt_int_device_object(interrupt->device))
                   : NULL;
}

void wdfrt_int_interrupts_fire(void) {
  for (interrupt_t *i = interrupts; i; i = i->next) {
    if (!i->config.EvtInterruptIsr)
      continue;
    wdfrt_int_frame_t frame;
    unsigned caller = wdfrt_current_irql();
    wdfrt_int_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_INTERRUPT_ISR,
                             (const void *)i->config.EvtInterruptIsr, &i->base);
    i->config.EvtInterruptIsr((WDFINTERRUPT)WDFRT_HANDLE(&i->base), 0);
    wdfrt_int_callback_end(&frame);
    wdfrt_int_irql_set(caller);
  }
}

unsigned wdfrt_int_interrupts_run_deferred(void) {
  unsigned ran = 0;
  for (interrupt_t *i = interrupts; i; i = i->next) {
    WDFINTERRUPT handle = (WDFINTERRUPT)WDFRT_HANDLE(&i->base);
    WDFOBJECT device = WDFRT_HANDLE(wdfrt_int_device_object(i->device));
    wdfrt_int_frame_t frame;
    unsigned caller = wdfrt_current_irql();
    if (i->dpc_pending && i->config.EvtInterruptDpc) {
      i->dpc_pending = 0;
      wdfrt_int_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_INTERRUPT_DPC,
                               (const void *)i->config.EvtInterruptDpc,
                               &i->base);
      i->config.EvtInterruptDpc(handle, device);
      wdfrt_int_callback_end(&frame);
      ++ran;
    }
    if (i->workitem_pending && i->config.EvtInterruptWorkItem) {
      i->workitem_pending = 0;
      wdfrt_int_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_INTERRUPT_WORKITEM,
                               (const void *)i->config.EvtInterruptWorkItem,
                               &i->base);
      i->config.EvtInterruptWorkItem(handle, device);
      wdfrt_int_callback_end(&frame);
      ++ran;
    }
    wdfrt_int_irql_set(caller);
  }
  return ran;
}

void wdfrt_fire_interrupts(void) {
  wdfrt_int_interrupts_fire();
  wdfrt_int_settle();
}
