/*
 * interrupts.c - WDFINTERRUPT: the ISR at DIRQL, its DPC and work item,
 * the interrupt lock.
 *
 * The harness raises an interrupt on request (the scenario's `interrupt`
 * step): each interrupt object's EvtInterruptIsr runs at DIRQL (one level
 * above DISPATCH_LEVEL in the model, as in rules/); what it queued with
 * WdfInterruptQueueDpcForIsr runs next at DISPATCH_LEVEL, and
 * WdfInterruptQueueWorkItemForIsr at PASSIVE_LEVEL.  WdfInterruptAcquireLock
 * raises to DIRQL like the interrupt spin lock.
 */
#include "wdfrt_internal.h"

typedef struct interrupt {
  _wdfrt_object_t base;
  WDF_INTERRUPT_CONFIG config;
  _wdfrt_device_t *device;
  int dpc_pending, workitem_pending;
  struct interrupt *next;
} interrupt_t;

static interrupt_t *interrupts;

static void forget(_wdfrt_object_t *object) {
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
  _wdfrt_site_t site = _wdfrt_enter(WDF_DDI_WdfInterruptCreate);
  _wdfrt_object_t *device = _wdfrt_use(
      Device, WDFRT_KIND_BIT(WDFRT_KIND_DEVICE), __func__, site, 0);
  if (!device)
    return STATUS_INVALID_HANDLE;
  if (!_wdfrt_check_out(__func__, Configuration, "Configuration", site) ||
      !_wdfrt_check_out(__func__, Interrupt, "Interrupt", site))
    return STATUS_INVALID_PARAMETER;
  _wdfrt_object_t *object;
  NTSTATUS status = _wdfrt_object_create(
      WDFRT_KIND_INTERRUPT, sizeof(interrupt_t), Attributes, device,
      WDF_DDI_WdfInterruptCreate, __func__, site, &object);
  if (!NT_SUCCESS(status)) {
    _wdfrt_failed_create(__func__, status, site, Interrupt, NULL);
    return status;
  }
  interrupt_t *interrupt = (interrupt_t *)object;
  interrupt->config = *Configuration;
  interrupt->device = (_wdfrt_device_t *)device;
  object->no_delete = 1;
  object->on_destroy = forget;
  interrupt->next = interrupts;
  interrupts = interrupt;
  *Interrupt = (WDFINTERRUPT)WDFRT_HANDLE(object);
  return STATUS_SUCCESS;
}

static interrupt_t *use(WDFINTERRUPT handle, const char *ddi,
                        _wdfrt_site_t site) {
  return (interrupt_t *)_wdfrt_use(
      handle, WDFRT_KIND_BIT(WDFRT_KIND_INTERRUPT), ddi, site, 0);
}

BOOLEAN WdfInterruptQueueDpcForIsr(WDFINTERRUPT Interrupt) {
  _wdfrt_site_t site = _wdfrt_enter(WDF_DDI_WdfInterruptQueueDpcForIsr);
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  if (!interrupt || interrupt->dpc_pending)
    return FALSE;
  interrupt->dpc_pending = 1;
  return TRUE;
}

BOOLEAN WdfInterruptQueueWorkItemForIsr(WDFINTERRUPT Interrupt) {
  _wdfrt_site_t site = _wdfrt_take_site();
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  if (!interrupt || interrupt->workitem_pending)
    return FALSE;
  interrupt->workitem_pending = 1;
  return TRUE;
}

BOOLEAN WdfInterruptSynchronize(WDFINTERRUPT Interrupt,
                                PFN_WDF_INTERRUPT_SYNCHRONIZE Callback,
                                WDFCONTEXT Context) {
  _wdfrt_site_t site = _wdfrt_take_site();
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  if (!interrupt || !_wdfrt_check_out(__func__, Callback, "Callback", site))
    return FALSE;
  unsigned saved = _wdfrt_irql_raise_to(WDF_IRQL_DIRQL);
  BOOLEAN result = Callback(Interrupt, Context);
  _wdfrt_irql_set(saved);
  return result;
}

static void release_interrupt_lock(void *lock) { (void)lock; }

VOID WdfInterruptAcquireLock(WDFINTERRUPT Interrupt) {
  _wdfrt_site_t site = _wdfrt_enter(WDF_DDI_WdfInterruptAcquireLock);
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  if (!interrupt)
    return;
  unsigned saved = _wdfrt_irql_raise_to(WDF_IRQL_DIRQL);
  _wdfrt_lock_push(WDF_DDI_WdfInterruptAcquireLock, interrupt,
                   release_interrupt_lock, saved, WDF_IRQL_DIRQL, site);
}

VOID WdfInterruptReleaseLock(WDFINTERRUPT Interrupt) {
  _wdfrt_site_t site = _wdfrt_enter(WDF_DDI_WdfInterruptReleaseLock);
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  if (!interrupt)
    return;
  int saved = _wdfrt_lock_pop(interrupt);
  if (saved < 0) {
    _wdfrt_fault(site, "%s without WdfInterruptAcquireLock", __func__);
    return;
  }
  _wdfrt_irql_set((unsigned)saved);
}

WDFDEVICE WdfInterruptGetDevice(WDFINTERRUPT Interrupt) {
  _wdfrt_site_t site = _wdfrt_enter(WDF_DDI_WdfInterruptGetDevice);
  interrupt_t *interrupt = use(Interrupt, __func__, site);
  return interrupt ? (WDFDEVICE)WDFRT_HANDLE(
                         _wdfrt_device_object(interrupt->device))
                   : NULL;
}

void _wdfrt_interrupts_fire(void) {
  for (interrupt_t *i = interrupts; i; i = i->next) {
    if (!i->config.EvtInterruptIsr)
      continue;
    _wdfrt_frame_t frame;
    unsigned caller = wdfrt_current_irql();
    _wdfrt_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_INTERRUPT_ISR,
                          (const void *)i->config.EvtInterruptIsr,
                          WDF_IRQL_DIRQL, &i->base);
    i->config.EvtInterruptIsr((WDFINTERRUPT)WDFRT_HANDLE(&i->base), 0);
    _wdfrt_callback_end(&frame);
    _wdfrt_irql_set(caller);
  }
}

unsigned _wdfrt_interrupts_run_deferred(void) {
  unsigned ran = 0;
  for (interrupt_t *i = interrupts; i; i = i->next) {
    WDFINTERRUPT handle = (WDFINTERRUPT)WDFRT_HANDLE(&i->base);
    WDFOBJECT device = WDFRT_HANDLE(_wdfrt_device_object(i->device));
    _wdfrt_frame_t frame;
    unsigned caller = wdfrt_current_irql();
    if (i->dpc_pending && i->config.EvtInterruptDpc) {
      i->dpc_pending = 0;
      _wdfrt_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_INTERRUPT_DPC,
                            (const void *)i->config.EvtInterruptDpc,
                            DISPATCH_LEVEL, &i->base);
      i->config.EvtInterruptDpc(handle, device);
      _wdfrt_callback_end(&frame);
      ++ran;
    }
    if (i->workitem_pending && i->config.EvtInterruptWorkItem) {
      i->workitem_pending = 0;
      _wdfrt_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_INTERRUPT_WORKITEM,
                            (const void *)i->config.EvtInterruptWorkItem,
                            PASSIVE_LEVEL, &i->base);
      i->config.EvtInterruptWorkItem(handle, device);
      _wdfrt_callback_end(&frame);
      ++ran;
    }
    _wdfrt_irql_set(caller);
  }
  return ran;
}

void wdfrt_fire_interrupts(void) {
  _wdfrt_interrupts_fire();
  _wdfrt_settle();
}
