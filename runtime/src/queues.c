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

struct wdfrt_int_queue {
  wdfrt_int_object_t base;
  WDF_IO_QUEUE_CONFIG config;
  wdfrt_int_device_t *device;
  wdfrt_int_request_t *head, *tail; /* waiting */
  unsigned presented;            /* presented and not yet completed */
  int stopped;
  wdfrt_int_queue_t *next;
};

static wdfrt_int_queue_t *queues;

wdfrt_int_device_t *wdfrt_int_queue_device(wdfrt_int_queue_t *queue) {
  return queue->device;
}

wdfrt_int_queue_t *wdfrt_int_device_queue(wdfrt_int_device_t *device,
                                          unsigned index) {
  for (wdfrt_int_queue_t *queue = queues; queue; queue = queue->next)
    if (queue->device == device && --index == 0)
      return queue;
  return NULL;
}

static void forget_queue(wdfrt_int_object_t *object) {
  wdfrt_int_queue_t *queue = (wdfrt_int_queue_t *)object;
  for (wdfrt_int_queue_t **q = &queues; *q; q = &(*q)->next)
    if (*q == queue) {
      *q = queue->next;
      break;
    }
  if (wdfrt_int_device_default_queue(queue->device) == queue)
    wdfrt_int_device_set_default_queue(queue->device, NULL);
}

NTSTATUS WdfIoQueueCreate(WDFDEVICE Device, PWDF_IO_QUEUE_CONFIG Config,
                          PWDF_OBJECT_ATTRIBUTES QueueAttributes,
                          WDFQUEUE *Queue) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfIoQueueCreate);
  wdfrt_int_object_t *device_object = wdfrt_int_use(
      Device, WDFRT_KIND_BIT(WDFRT_KIND_DEVICE), __func__, site, 0);
  if (!device_object)
    return STATUS_INVALID_HANDLE;
  wdfrt_int_device_t *device = (wdfrt_int_device_t *)device_object;
  if (!wdfrt_int_check_out(__func__, Config, "Config", site))
    return STATUS_INVALID_PARAMETER;
  if (Config->Size != sizeof *Config)
    return STATUS_INFO_LENGTH_MISMATCH;
  if (Config->DispatchType <= WdfIoQueueDispatchInvalid ||
      Config->DispatchType >= WdfIoQueueDispatchMax)
    return STATUS_INVALID_PARAMETER;
  if (Config->DefaultQueue && wdfrt_int_device_default_queue(device)) {
    wdfrt_int_fault(site, "a second default queue for the device");
    return STATUS_WDF_BUSY;
  }
  wdfrt_int_object_t *object;
  NTSTATUS status = wdfrt_int_object_create_or_fail(
      WDFRT_KIND_QUEUE, sizeof(wdfrt_int_queue_t), QueueAttributes,
      device_object, WDF_DDI_WdfIoQueueCreate, site, Queue, &object);
  if (!NT_SUCCESS(status))
    return status;
  wdfrt_int_queue_t *queue = (wdfrt_int_queue_t *)object;
  queue->config = *Config;
  queue->device = device;
  object->on_destroy = forget_queue;
  if (Config->DefaultQueue) {
    object->no_delete = 1;
    wdfrt_int_device_set_default_queue(device, queue);
  }
  wdfrt_int_queue_t **tail = &queues;
  while (*tail)
    tail = &(*tail)->next;
  *tail = queue;
  if (Queue)
    *Queue = (WDFQUEUE)WDFRT_HANDLE(object);
  return STATUS_SUCCESS;
}

static wdfrt_int_queue_t *use_queue(WDFQUEUE handle, const char *ddi,
                                    wdfrt_int_site_t site) {
  return (wdfrt_int_queue_t *)wdfrt_int_use(
      handle, WDFRT_KIND_BIT(WDFRT_KIND_QUEUE), ddi, site, 0);
}

WDFDEVICE WdfIoQueueGetDevice(WDFQUEUE Queue) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_queue_t *queue = use_queue(Queue, __func__, site);
  return queue ? (WDFDEVICE)WDFRT_HANDLE(wdfrt_int_device_object(queue->device))
               : NULL;
}

void wdfrt_int_queue_add(wdfrt_int_queue_t *queue,
                         wdfrt_int_request_t *request) {
  request->queue = queue;
  request->state = WDFRT_REQ_QUEUED;
  request->queue_next = NULL;
  if (queue->tail)
    queue->tail->queue_next = request;
  else
    queue->head = request;
  queue->tail = request;
}

static wdfrt_int_request_t *take_head(wdfrt_int_queue_t *queue) {
  wdfrt_int_request_t *request = queue->head;
  if (!request)
    return NULL;
  queue->head = request->queue_next;
  if (!queue->head)
    queue->tail = NULL;
  request->queue_next = NULL;
  return request;
}

void wdfrt_int_queue_remove(wdfrt_int_request_t *request) {
  wdfrt_int_queue_t *queue = request->queue;
  if (!queue || request->state != WDFRT_REQ_QUEUED)
    return;
  wdfrt_int_request_t **link = &queue->head, *previous = NULL;
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

void wdfrt_int_queue_request_done(wdfrt_int_queue_t *queue) {
  if (queue && queue->presented)
    --queue->presented;
}

NTSTATUS WdfIoQueueRetrieveNextRequest(WDFQUEUE Queue, WDFREQUEST *OutRequest) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_queue_t *queue = use_queue(Queue, __func__, site);
  if (!queue)
    return STATUS_INVALID_HANDLE;
  if (!wdfrt_int_check_out(__func__, OutRequest, "OutRequest", site))
    return STATUS_INVALID_PARAMETER;
  *OutRequest = NULL;
  wdfrt_int_request_t *request = take_head(queue);
  if (!request)
    return STATUS_NO_MORE_ENTRIES;
  request->state = WDFRT_REQ_PRESENTED;
  ++queue->presented;
  *OutRequest = (WDFREQUEST)WDFRT_HANDLE(&request->base);
  return STATUS_SUCCESS;
}

VOID WdfIoQueueStart(WDFQUEUE Queue) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_queue_t *queue = use_queue(Queue, __func__, site);
  if (queue)
    queue->stopped = 0;
}

static void purge(wdfrt_int_queue_t *queue) {
  wdfrt_int_request_t *request;
  while ((request = take_head(queue)) != NULL)
    wdfrt_int_request_complete_by_framework(request, STATUS_CANCELLED);
}

VOID WdfIoQueuePurgeSynchronously(WDFQUEUE Queue) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfIoQueuePurgeSynchronously);
  wdfrt_int_queue_t *queue = use_queue(Queue, __func__, site);
  if (queue)
    purge(queue);
}

void wdfrt_int_queues_purge(void) {
  for (wdfrt_int_queue_t *queue = queues; queue; queue = queue->next)
    purge(queue);
}

/* --- presenting ----------------------------------------------------------------- */

static int may_present(const wdfrt_int_queue_t *queue) {
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

unsigned wdfrt_int_queues_dispatch(void) {
  unsigned presented = 0;
  for (wdfrt_int_queue_t *queue = queues; queue; queue = queue->next)
    while (may_present(queue)) {
      wdfrt_int_queue_present(queue, take_head(queue));
      ++presented;
    }
  return presented;
}

/* The callback for a request, with its role; NULL when there is none. */
static const void *callback_for(const wdfrt_int_queue_t *queue,
                                const wdfrt_int_request_t *request,
                                wdfrt_int_role_t *role) {
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

static void call(const wdfrt_int_queue_t *queue, wdfrt_int_request_t *request,
                 wdfrt_int_role_t role) {
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

void wdfrt_int_queue_present(wdfrt_int_queue_t *queue,
                             wdfrt_int_request_t *request) {
  wdfrt_int_role_t role;
  const void *callback = callback_for(queue, request, &role);
  request->state = WDFRT_REQ_PRESENTED;
  ++queue->presented;
  if (!callback) {
    wdfrt_int_request_complete_by_framework(request,
                                            STATUS_INVALID_DEVICE_REQUEST);
    return;
  }
  wdfrt_int_frame_t frame;
  unsigned irql = wdfrt_int_role_irql(role, wdfrt_int_is_passive(&queue->base));
  wdfrt_int_callback_begin_at(&frame, role, callback, irql,
                              (wdfrt_int_object_t *)queue);
  call(queue, request, role);
  wdfrt_int_callback_end(&frame);
}

/* EvtIoStop for the requests the driver holds at unload. */
void wdfrt_int_queue_stop_request(wdfrt_int_queue_t *queue,
                                  wdfrt_int_request_t *request) {
  if (!queue || !queue->config.EvtIoStop)
    return;
  wdfrt_int_frame_t frame;
  unsigned irql = wdfrt_int_role_irql(WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_STOP,
                                      wdfrt_int_is_passive(&queue->base));
  wdfrt_int_callback_begin_at(&frame, WDFRT_ROLE_EVT_WDF_IO_QUEUE_IO_STOP,
                              (const void *)queue->config.EvtIoStop, irql,
                              (wdfrt_int_object_t *)queue);
  queue->config.EvtIoStop((WDFQUEUE)WDFRT_HANDLE(&queue->base),
                          (WDFREQUEST)WDFRT_HANDLE(&request->base),
                          WdfRequestStopActionPurge);
  wdfrt_int_callback_end(&frame);
}
