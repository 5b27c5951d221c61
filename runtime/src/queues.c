/*
 * queues.c - I/O queues: WdfIoQueueCreate, presenting requests, manual
 * retrieval.
 *
 * A queue presents its waiting requests to the callback for their type
 * (EvtIoRead, EvtIoWrite, EvtIoDeviceControl, EvtIoInternalDeviceControl,
 * else EvtIoDefault; with none the framework fails the request with
 * STATUS_INVALID_DEVICE_REQUEST).  It calls them at DISPATCH_LEVEL -- the
 * highest level the framework may use -- unless the queue's execution
 * level, or its device's or driver's, is passive, or the scenario asks for
 * PASSIVE_LEVEL.  A sequential queue presents one request at a time; a
 * parallel one all it has; a manual one none (the driver retrieves them).
 */
#include "wdfrt_internal.h"

struct _wdfrt_queue {
  _wdfrt_object_t base;
  WDF_IO_QUEUE_CONFIG config;
  _wdfrt_device_t *device;
  _wdfrt_request_t *head, *tail; /* waiting */
  unsigned presented;            /* presented and not yet completed */
  int stopped;
  _wdfrt_queue_t *next;
};

static _wdfrt_queue_t *queues;

_wdfrt_device_t *_wdfrt_queue_device(_wdfrt_queue_t *queue) {
  return queue->device;
}

_wdfrt_queue_t *_wdfrt_device_queue(_wdfrt_device_t *device, unsigned index) {
  for (_wdfrt_queue_t *queue = queues; queue; queue = queue->next)
    if (queue->device == device && --index == 0)
      return queue;
  return NULL;
}

static void forget_queue(_wdfrt_object_t *object) {
  _wdfrt_queue_t *queue = (_wdfrt_queue_t *)object;
  for (_wdfrt_queue_t **q = &queues; *q; q = &(*q)->next)
    if (*q == queue) {
      *q = queue->next;
      break;
    }
  if (_wdfrt_device_default_queue(queue->device) == queue)
    _wdfrt_device_set_default_queue(queue->device, NULL);
}

NTSTATUS WdfIoQueueCreate(WDFDEVICE Device, PWDF_IO_QUEUE_CONFIG Config,
                          PWDF_OBJECT_ATTRIBUTES QueueAttributes,
                          WDFQUEUE *Queue) {
  _wdfrt_site_t site = _wdfrt_enter(WDF_DDI_WdfIoQueueCreate);
  _wdfrt_object_t *device_object = _wdfrt_use(
      Device, WDFRT_KIND_BIT(WDFRT_KIND_DEVICE), __func__, site, 0);
  if (!device_object)
    return STATUS_INVALID_HANDLE;
  _wdfrt_device_t *device = (_wdfrt_device_t *)device_object;
  if (!_wdfrt_check_out(__func__, Config, "Config", site))
    return STATUS_INVALID_PARAMETER;
  if (Config->Size != sizeof *Config)
    return STATUS_INFO_LENGTH_MISMATCH;
  if (Config->DispatchType <= WdfIoQueueDispatchInvalid ||
      Config->DispatchType >= WdfIoQueueDispatchMax)
    return STATUS_INVALID_PARAMETER;
  if (Config->DefaultQueue && _wdfrt_device_default_queue(device)) {
    _wdfrt_fault(site, "a second default queue for the device");
    return STATUS_WDF_BUSY;
  }
  _wdfrt_object_t *object;
  NTSTATUS status = _wdfrt_object_create(
      WDFRT_KIND_QUEUE, sizeof(_wdfrt_queue_t), QueueAttributes, device_object,
      WDF_DDI_WdfIoQueueCreate, __func__, site, &object);
  if (!NT_SUCCESS(status)) {
    _wdfrt_failed_create(__func__, status, site, Queue, NULL);
    return status;
  }
  _wdfrt_queue_t *queue = (_wdfrt_queue_t *)object;
  queue->config = *Config;
  queue->device = device;
  object->on_destroy = forget_queue;
  object->passive_callbacks = 1; /* queue cleanup runs at PASSIVE_LEVEL */
  if (Config->DefaultQueue) {
    object->no_delete = 1;
    _wdfrt_device_set_default_queue(device, queue);
  }
  _wdfrt_queue_t **tail = &queues;
  while (*tail)
    tail = &(*tail)->next;
  *tail = queue;
  if (Queue)
    *Queue = (WDFQUEUE)WDFRT_HANDLE(object);
  return STATUS_SUCCESS;
}

static _wdfrt_queue_t *use_queue(WDFQUEUE handle, const char *ddi,
                                 _wdfrt_site_t site) {
  return (_wdfrt_queue_t *)_wdfrt_use(
      handle, WDFRT_KIND_BIT(WDFRT_KIND_QUEUE), ddi, site, 0);
}

WDFDEVICE WdfIoQueueGetDevice(WDFQUEUE Queue) {
  _wdfrt_site_t site = _wdfrt_take_site();
  _wdfrt_queue_t *queue = use_queue(Queue, __func__, site);
  return queue ? (WDFDEVICE)WDFRT_HANDLE(_wdfrt_device_object(queue->device))
               : NULL;
}

void _wdfrt_queue_add(_wdfrt_queue_t *queue, _wdfrt_request_t *request) {
  request->queue = queue;
  request->state = WDFRT_REQ_QUEUED;
  request->queue_next = NULL;
  if (queue->tail)
    queue->tail->queue_next = request;
  else
    queue->head = request;
  queue->tail = request;
}

static _wdfrt_request_t *take_head(_wdfrt_queue_t *queue) {
  _wdfrt_request_t *request = queue->head;
  if (!request)
    return NULL;
  queue->head = request->queue_next;
  if (!queue->head)
    queue->tail = NULL;
  request->queue_next = NULL;
  return request;
}

void _wdfrt_queue_remove(_wdfrt_request_t *request) {
  _wdfrt_queue_t *queue = request->queue;
  if (!queue || request->state != WDFRT_REQ_QUEUED)
    return;
  _wdfrt_request_t **link = &queue->head, *previous = NULL;
  while (*link && *link != request) {
    previous = *link;
    link = &(*link)->queue_next;
  }
  if (!*link)
    return;
  *link = request->queue_next;
  if (queue->tail == request)
    queue->tail = previous;
  request->queue_next = NULL;
}

void _wdfrt_queue_request_done(_wdfrt_queue_t *queue) {
  if (queue && queue->presented)
    --queue->presented;
}

NTSTATUS WdfIoQueueRetrieveNextRequest(WDFQUEUE Queue, WDFREQUEST *OutRequest) {
  _wdfrt_site_t site = _wdfrt_take_site();
  _wdfrt_queue_t *queue = use_queue(Queue, __func__, site);
  if (!queue)
    return STATUS_INVALID_HANDLE;
  if (!_wdfrt_check_out(__func__, OutRequest, "OutRequest", site))
    return STATUS_INVALID_PARAMETER;
  *OutRequest = NULL;
  _wdfrt_request_t *request = take_head(queue);
  if (!request)
    return STATUS_NO_MORE_ENTRIES;
  request->state = WDFRT_REQ_PRESENTED;
  ++queue->presented;
  *OutRequest = (WDFREQUEST)WDFRT_HANDLE(&request->base);
  return STATUS_SUCCESS;
}

VOID WdfIoQueueStart(WDFQUEUE Queue) {
  _wdfrt_site_t site = _wdfrt_take_site();
  _wdfrt_queue_t *queue = use_queue(Queue, __func__, site);
  if (queue)
    queue->stopped = 0;
}

static void purge(_wdfrt_queue_t *queue) {
  _wdfrt_request_t *request;
  while ((request = take_head(queue)) != NULL)
    _wdfrt_request_complete_by_framework(request, STATUS_CANCELLED);
}

VOID WdfIoQueuePurgeSynchronously(WDFQUEUE Queue) {
  _wdfrt_site_t site = _wdfrt_enter(WDF_DDI_WdfIoQueuePurgeSynchronously);
  _wdfrt_queue_t *queue = use_queue(Queue, __func__, site);
  if (queue)
    purge(queue);
}

void _wdfrt_queues_purge(void) {
  for (_wdfrt_queue_t *queue = queues; queue; queue = queue->next)
    purge(queue);
}

/* --- presenting ----------------------------------------------------------------- */

static int may_present(const _wdfrt_queue_t *queue) {
  if (queue->stopped || !queue->head)
    return 0;
  switch (queue->config.DispatchType) {
  case WdfIoQueueDispatchSequential:
    return queue->presented == 0;
  case WdfIoQueueDispatchParallel:
    return queue->presented < queue->config.Settings.Parallel
                                  .NumberOfPresentedRequests;
  default:
    return 0; /* manual: the driver retrieves */
  }
}

unsigned _wdfrt_queues_dispatch(void) {
  unsigned presented = 0;
  for (_wdfrt_queue_t *queue = queues; queue; queue = queue->next)
    while (may_present(queue)) {
      _wdfrt_queue_present(queue, take_head(queue));
      ++presented;
    }
  return presented;
}

/* The callback for a request, with its role; NULL when there is none. */
static const void *callback_for(const _wdfrt_queue_t *queue,
                                const _wdfrt_request_t *request,
                                _wdfrt_role_t *role) {
  const WDF_IO_QUEUE_CONFIG *c = &queue->config;
  const void *specific = NULL;
  switch (request->spec.type) {
  case WDFRT_REQUEST_READ:
    specific = (const void *)c->EvtIoRead;
    *role = WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_READ;
    break;
  case WDFRT_REQUEST_WRITE:
    specific = (const void *)c->EvtIoWrite;
    *role = WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_WRITE;
    break;
  case WDFRT_REQUEST_IOCTL:
    specific = (const void *)c->EvtIoDeviceControl;
    *role = WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL;
    break;
  case WDFRT_REQUEST_INTERNAL_IOCTL:
    specific = (const void *)c->EvtIoInternalDeviceControl;
    *role = WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL;
    break;
  }
  if (specific)
    return specific;
  *role = WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_DEFAULT;
  return (const void *)c->EvtIoDefault;
}

static void call(const _wdfrt_queue_t *queue, _wdfrt_request_t *request,
                 _wdfrt_role_t role) {
  const WDF_IO_QUEUE_CONFIG *c = &queue->config;
  WDFQUEUE q = (WDFQUEUE)WDFRT_HANDLE(&queue->base);
  WDFREQUEST r = (WDFREQUEST)WDFRT_HANDLE(&request->base);
  const wdfrt_request_spec_t *s = &request->spec;
  switch (role) {
  case WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_READ:
    c->EvtIoRead(q, r, s->output_length);
    break;
  case WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_WRITE:
    c->EvtIoWrite(q, r, s->input_length);
    break;
  case WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL:
    c->EvtIoDeviceControl(q, r, s->output_length, s->input_length, s->ioctl);
    break;
  case WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL:
    c->EvtIoInternalDeviceControl(q, r, s->output_length, s->input_length,
                                  s->ioctl);
    break;
  default:
    c->EvtIoDefault(q, r);
    break;
  }
}

void _wdfrt_queue_present(_wdfrt_queue_t *queue, _wdfrt_request_t *request) {
  _wdfrt_role_t role;
  const void *callback = callback_for(queue, request, &role);
  request->state = WDFRT_REQ_PRESENTED;
  ++queue->presented;
  if (!callback) {
    _wdfrt_request_complete_by_framework(request,
                                         STATUS_INVALID_DEVICE_REQUEST);
    return;
  }
  _wdfrt_frame_t frame;
  unsigned irql = _wdfrt_role_irql(role, _wdfrt_is_passive(&queue->base));
  _wdfrt_callback_begin(&frame, role, callback, irql, (_wdfrt_object_t *)queue);
  call(queue, request, role);
  _wdfrt_callback_end(&frame);
}

/* EvtIoStop for the requests the driver holds at unload. */
void _wdfrt_queue_stop_request(_wdfrt_queue_t *queue,
                               _wdfrt_request_t *request) {
  if (!queue || !queue->config.EvtIoStop)
    return;
  _wdfrt_frame_t frame;
  unsigned irql = _wdfrt_role_irql(WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_STOP,
                                   _wdfrt_is_passive(&queue->base));
  _wdfrt_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_STOP,
                        (const void *)queue->config.EvtIoStop, irql,
                        (_wdfrt_object_t *)queue);
  queue->config.EvtIoStop((WDFQUEUE)WDFRT_HANDLE(&queue->base),
                          (WDFREQUEST)WDFRT_HANDLE(&request->base),
                          WdfRequestStopActionPurge);
  _wdfrt_callback_end(&frame);
}
