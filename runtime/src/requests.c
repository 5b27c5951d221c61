/*
 * requests.c - requests: how the harness makes them, the WdfRequest* DDIs,
 * and completion.
 *
 * Buffers follow the I/O manager and KMDF's request buffers: a write's input
 * buffer holds the caller's bytes; a read's output buffer starts never
 * written; a METHOD_BUFFERED IOCTL has one system buffer, max(input,
 * output) bytes, with the input copied in and the rest never written, seen
 * as input and as output at the same address; METHOD_IN_DIRECT and
 * METHOD_OUT_DIRECT have separate buffers (IN_DIRECT's second one is data
 * going to the device, read-only); METHOD_NEITHER buffers are reachable
 * only from EvtIoInCallerContext.  A zero-length buffer cannot be
 * retrieved (STATUS_BUFFER_TOO_SMALL).
 *
 * Completion is a sink: the bytes the completion reports (Information) of
 * the output buffer must have been written (WM003, with the spans that were
 * not).  Then the request, its memory objects and its children are
 * deleted: every handle and buffer retrieved from it is stale from now on
 * (WM005 when used).
 *
 * A request carries the file object of the handle it was sent on (files.c)
 * and holds it until completion; a create request (EvtDeviceFileCreate)
 * has no buffers.
 */
#include "wdfrt_internal.h"

static wdfrt_int_request_t *all_requests;
static unsigned target_queue;

void wdfrt_set_target_queue(unsigned index) { target_queue = index; }

wdfrt_int_request_t *wdfrt_int_request_from(wdfrt_int_object_t *object) {
  return object && object->kind == WDFRT_KIND_REQUEST
             ? (wdfrt_int_request_t *)object
             : NULL;
}

static void link_request(wdfrt_int_request_t *r) {
  r->all_prev = NULL;
  r->all_next = all_requests;
  if (all_requests)
    all_requests->all_prev = r;
  all_requests = r;
}

static void unlink_request(wdfrt_int_request_t *r) {
  if (r->all_prev)
    r->all_prev->all_next = r->all_next;
  else if (all_requests == r)
    all_requests = r->all_next;
  if (r->all_next)
    r->all_next->all_prev = r->all_prev;
  r->all_prev = r->all_next = NULL;
}

static void request_destroy(wdfrt_int_object_t *object) {
  wdfrt_int_request_t *r = (wdfrt_int_request_t *)object;
  unlink_request(r);
  wdfrt_int_queue_remove(r);
  if (r->out && r->out != r->in)
    wdfrt_int_buffer_free(r->out, object->gone, object->deleted_at);
  wdfrt_int_buffer_free(r->in, object->gone, object->deleted_at);
}

/* --- making requests ---------------------------------------------------------- */

static wdfrt_int_buffer_t *make_buffer(wdfrt_int_request_t *r, size_t size,
                                       wdfrt_int_buffer_role_t role) {
  wdfrt_int_site_t nowhere = {NULL, 0};
  wdfrt_int_buffer_t *b = wdfrt_int_buffer_new(size, 0, role, nowhere);
  if (b)
    b->request = r;
  return b;
}

/* The caller's bytes, repeated; a counting pattern when none are given. */
static void fill_input(wdfrt_int_buffer_t *b, size_t length,
                       const wdfrt_request_spec_t *spec) {
  for (size_t i = 0; i < length && i < b->size; ++i)
    b->data[i] = spec->input && spec->input_size
                     ? spec->input[i % spec->input_size]
                     : (unsigned char)i;
  wdfrt_int_uninit_note_written(b->data, length < b->size ? length : b->size);
}

static int build_buffers(wdfrt_int_request_t *r) {
  const wdfrt_request_spec_t *s = &r->spec;
  switch (s->type) {
  case WDFRT_REQUEST_READ:
    r->out = make_buffer(r, s->output_length, WDFRT_BUFFER_REQUEST_OUT);
    return r->out != NULL;
  case WDFRT_REQUEST_WRITE:
    r->in = make_buffer(r, s->input_length, WDFRT_BUFFER_REQUEST_IN);
    if (r->in)
      fill_input(r->in, s->input_length, s);
    return r->in != NULL;
  case WDFRT_REQUEST_IOCTL:
  case WDFRT_REQUEST_INTERNAL_IOCTL:
    break;
  }
  if (r->method == METHOD_BUFFERED) {
    size_t size = s->input_length > s->output_length ? s->input_length
                                                     : s->output_length;
    r->in = r->out = make_buffer(r, size,
                                 s->output_length ? WDFRT_BUFFER_REQUEST_OUT
                                                  : WDFRT_BUFFER_REQUEST_IN);
    if (r->in)
      fill_input(r->in, s->input_length, s);
    return r->in != NULL;
  }
  r->in = make_buffer(r, s->input_length, WDFRT_BUFFER_REQUEST_IN);
  /* METHOD_IN_DIRECT's output buffer carries data to the device. */
  int to_device = r->method == METHOD_IN_DIRECT;
  r->out = make_buffer(r, s->output_length,
                       to_device ? WDFRT_BUFFER_REQUEST_IN
                                 : WDFRT_BUFFER_REQUEST_OUT);
  if (r->in)
    fill_input(r->in, s->input_length, s);
  if (r->out && to_device)
    fill_input(r->out, s->output_length, s);
  return r->in && r->out;
}

void wdfrt_int_settle(void) {
  /* In this order: the queues present what waits, then the deferred work
     runs, then the closes that came due (one statement each, as C leaves
     the order of a sum's operands open). */
  for (int round = 0; round < 1000; ++round) {
    unsigned ran = wdfrt_int_queues_dispatch();
    ran += wdfrt_int_deferred_run();
    ran += wdfrt_int_files_close_due();
    if (ran == 0)
      return;
  }
}

static void deliver(wdfrt_int_request_t *r) {
  PFN_WDF_IO_IN_CALLER_CONTEXT in_caller =
      wdfrt_int_device_in_caller_context(r->device);
  if (in_caller) {
    wdfrt_int_frame_t frame;
    r->state = WDFRT_REQ_PRESENTED;
    wdfrt_int_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_IO_IN_CALLER_CONTEXT,
                             (const void *)in_caller, NULL);
    in_caller((WDFDEVICE)WDFRT_HANDLE(wdfrt_int_device_object(r->device)),
              (WDFREQUEST)WDFRT_HANDLE(&r->base));
    wdfrt_int_callback_end(&frame);
    return;
  }
  wdfrt_int_queue_t *queue =
      target_queue ? wdfrt_int_device_queue(r->device, target_queue)
                   : wdfrt_int_device_default_queue(r->device);
  if (!queue) {
    wdfrt_int_site_t nowhere = {NULL, 0};
    wdfrt_int_fault(nowhere, "the driver has no %s to take the request",
                    target_queue ? "such queue" : "default queue");
    wdfrt_int_request_complete_by_framework(r, STATUS_INVALID_DEVICE_REQUEST);
    return;
  }
  wdfrt_int_queue_add(queue, r);
}

/* The framework's request object, with the device's request attributes;
   NULL when it cannot be made. */
static wdfrt_int_request_t *new_request(wdfrt_int_device_t *device) {
  wdfrt_int_site_t nowhere = {NULL, 0};
  wdfrt_int_object_t *object;
  if (!NT_SUCCESS(wdfrt_int_object_create(
          WDFRT_KIND_REQUEST, sizeof(wdfrt_int_request_t),
          wdfrt_int_device_request_attributes(device), NULL, WDF_DDI_COUNT,
          "the framework", nowhere, &object)))
    return NULL;
  wdfrt_int_request_t *r = (wdfrt_int_request_t *)object;
  object->on_destroy = request_destroy;
  r->device = device;
  return r;
}

static void carry_file(wdfrt_int_request_t *r, wdfrt_int_file_t *file) {
  r->file = file;
  if (file)
    wdfrt_int_file_hold(file);
}

wdfrt_int_request_t *wdfrt_int_request_new_create(wdfrt_int_device_t *device,
                                                  wdfrt_int_file_t *file,
                                                  wdfrt_completion_t *result) {
  wdfrt_int_request_t *r = new_request(device);
  if (!r)
    return NULL;
  r->create = 1;
  r->mode = UserMode;
  r->state = WDFRT_REQ_PRESENTED; /* given to EvtDeviceFileCreate */
  link_request(r);
  carry_file(r, file);
  *result = (wdfrt_completion_t){0, 0, 0};
  r->result = result;
  return r;
}

int wdfrt_submit(const wdfrt_request_spec_t *spec, wdfrt_completion_t *result) {
  wdfrt_int_site_t nowhere = {NULL, 0};
  wdfrt_int_device_t *device = wdfrt_int_first_device();
  result->completed = 0;
  result->status = 0;
  result->information = 0;
  if (!device)
    return -1;
  wdfrt_int_faults_reset();
  wdfrt_int_deferred_rearm();
  wdfrt_int_request_t *r = new_request(device);
  if (!r)
    return -1;
  wdfrt_int_object_t *object = &r->base;
  r->spec = *spec;
  r->method = spec->type == WDFRT_REQUEST_IOCTL ||
                      spec->type == WDFRT_REQUEST_INTERNAL_IOCTL
                  ? METHOD_FROM_CTL_CODE(spec->ioctl)
                  : METHOD_BUFFERED;
  /* Internal IOCTLs come from kernel-mode drivers and are buffered. */
  if (spec->type == WDFRT_REQUEST_INTERNAL_IOCTL)
    r->method = METHOD_BUFFERED;
  r->mode = spec->type == WDFRT_REQUEST_INTERNAL_IOCTL ? KernelMode : UserMode;
  link_request(r);
  if (!build_buffers(r)) {
    wdfrt_int_object_delete(object, WDFRT_GONE_COMPLETED, nowhere);
    return -1;
  }
  carry_file(r, wdfrt_int_file_current());
  r->result = result;
  deliver(r);
  wdfrt_int_settle();
  if (!result->completed)
    r->result = NULL; /* still held by the driver: r is alive */
  return 0;
}

/* --- completion ----------------------------------------------------------------- */

/* WM003 at completion: the Information bytes of the output buffer. */
static void check_output(wdfrt_int_request_t *r, NTSTATUS status,
                         ULONG_PTR information, const char *ddi,
                         wdfrt_int_site_t site) {
  enum { MAX_SPANS = 8 };
  /* Only buffered I/O copies the system buffer back to the caller, as many
     bytes as Information says.  A direct or METHOD_NEITHER output buffer is
     the caller's own memory: bytes the driver did not write there are the
     caller's, and kernel bytes reach it only through a copy, checked at
     the copy. */
  if (!r->out || r->out->role != WDFRT_BUFFER_REQUEST_OUT || NT_ERROR(status) ||
      information == 0 || r->method != METHOD_BUFFERED)
    return;
  size_t length = r->spec.output_length;
  size_t checked = information < length ? information : length;
  wdfrt_int_range_t ranges[MAX_SPANS];
  char spans[200] = "";
  size_t count =
      wdfrt_int_uninit_find(r->out->data, checked, ranges, MAX_SPANS);
  if (count)
    wdfrt_int_format_ranges(ranges, count < MAX_SPANS ? count : MAX_SPANS,
                            count, spans, sizeof spans);
  if (count && information > length)
    wdfrt_int_report_at(WDF_RULE_WM003, site,
                        "%s returns %llu bytes (Information) of a %zu-byte "
                        "output buffer: %s were never written, the rest lies "
                        "beyond it; both disclose kernel memory",
                        ddi, (unsigned long long)information, length, spans);
  else if (count)
    wdfrt_int_report_at(WDF_RULE_WM003, site,
                        "%s returns %llu bytes of the output buffer "
                        "(Information): %s of them were never written and "
                        "disclose kernel memory",
                        ddi, (unsigned long long)information, spans);
  else if (information > length)
    wdfrt_int_report_at(WDF_RULE_WM003, site,
                        "%s returns %llu bytes (Information) of a %zu-byte "
                        "output buffer: the bytes beyond it were never written "
                        "and disclose kernel memory",
                        ddi, (unsigned long long)information, length);
  if (count)
    wdfrt_int_uninit_mark_reported(r->out->data, checked);
}

static void finish(wdfrt_int_request_t *r, NTSTATUS status,
                   ULONG_PTR information, wdfrt_int_site_t site) {
  r->state = WDFRT_REQ_COMPLETED;
  r->status = status;
  r->information = information;
  if (r->result) {
    r->result->completed = 1;
    r->result->status = status;
    r->result->information = information;
  }
  wdfrt_int_queue_request_done(r->queue);
  unlink_request(r);
  /* The I/O manager drops its reference on the file at completion. */
  if (r->file)
    wdfrt_int_file_release(r->file);
  r->file = NULL;
  wdfrt_int_object_delete(&r->base, WDFRT_GONE_COMPLETED, site);
}

void wdfrt_int_request_complete_by_framework(wdfrt_int_request_t *request,
                                             NTSTATUS status) {
  wdfrt_int_site_t nowhere = {NULL, 0};
  finish(request, status, 0, nowhere);
}

static wdfrt_int_request_t *use_request(WDFREQUEST handle, const char *ddi,
                                        wdfrt_int_site_t site) {
  return wdfrt_int_request_from(
      wdfrt_int_use(handle, WDFRT_KIND_BIT(WDFRT_KIND_REQUEST), ddi, site, 0));
}

/* The driver must own the request: presented to it, not waiting. */
static wdfrt_int_request_t *owned_request(WDFREQUEST handle, const char *ddi,
                                          wdfrt_int_site_t site) {
  wdfrt_int_request_t *r = use_request(handle, ddi, site);
  if (r && r->state != WDFRT_REQ_PRESENTED) {
    wdfrt_int_fault(site,
                    "%s on a request the driver does not own (it waits "
                    "in a queue)",
                    ddi);
    return NULL;
  }
  return r;
}

static void complete(WDFREQUEST Request, NTSTATUS Status, ULONG_PTR Information,
                     int has_information, const char *ddi,
                     wdfrt_int_site_t site) {
  wdfrt_int_request_t *r = owned_request(Request, ddi, site);
  if (!r)
    return;
  if (has_information)
    r->information = Information;
  check_output(r, Status, r->information, ddi, site);
  finish(r, Status, r->information, site);
}

VOID WdfRequestComplete(WDFREQUEST Request, NTSTATUS Status) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfRequestComplete);
  complete(Request, Status, 0, 0, __func__, site);
}

VOID WdfRequestCompleteWithInformation(WDFREQUEST Request, NTSTATUS Status,
                                       ULONG_PTR Information) {
  wdfrt_int_site_t site =
      wdfrt_int_enter(WDF_DDI_WdfRequestCompleteWithInformation);
  complete(Request, Status, Information, 1, __func__, site);
}

VOID WdfRequestCompleteWithPriorityBoost(WDFREQUEST Request, NTSTATUS Status,
                                         CCHAR PriorityBoost) {
  wdfrt_int_site_t site =
      wdfrt_int_enter(WDF_DDI_WdfRequestCompleteWithPriorityBoost);
  (void)PriorityBoost;
  complete(Request, Status, 0, 0, __func__, site);
}

void wdfrt_int_requests_reclaim(void) {
  wdfrt_int_site_t nowhere = {NULL, 0};
  for (wdfrt_int_request_t *r = all_requests; r;) {
    if (r->state != WDFRT_REQ_PRESENTED) {
      r = r->all_next;
      continue;
    }
    uint64_t handle = r->base.handle;
    wdfrt_int_object_t *alive;
    wdfrt_int_queue_stop_request(r->queue, r);
    if (wdfrt_int_handle_resolve((void *)(uintptr_t)handle, &alive, NULL) ==
            WDFRT_HANDLE_VALID &&
        r->cancel) {
      wdfrt_int_frame_t frame;
      PFN_WDF_REQUEST_CANCEL cancel = r->cancel;
      r->canceled = 1;
      r->cancel = NULL;
      wdfrt_int_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_REQUEST_CANCEL,
                               (const void *)cancel, NULL);
      cancel((WDFREQUEST)(uintptr_t)handle);
      wdfrt_int_callback_end(&frame);
    }
    if (wdfrt_int_handle_resolve((void *)(uintptr_t)handle, &alive, NULL) ==
        WDFRT_HANDLE_VALID) {
      wdfrt_int_fault(nowhere, "a request the driver took was never completed: "
                               "unload would wait for it forever");
      finish(r, STATUS_CANCELLED, 0, nowhere);
    }
    r = all_requests; /* the list changed under us: start over */
  }
}

/* Is p inside the output buffer of a request not yet completed? */
wdfrt_int_request_t *wdfrt_int_request_output_of(const void *p, size_t n) {
  wdfrt_int_buffer_t *b = wdfrt_int_buffer_find(p, n);
  if (!b || b->freed || b->role != WDFRT_BUFFER_REQUEST_OUT || !b->request)
    return NULL;
  return b->request;
}

/* --- buffers and memory --------------------------------------------------------- */

typedef struct view {
  void *data;
  size_t length;
  wdfrt_int_buffer_t *buffer;
  int read_only;
} view_t;

/* Neither-I/O buffers are user addresses: only EvtIoInCallerContext may
   touch them, through the unsafe DDIs. */
static int neither_io(const wdfrt_int_request_t *r) {
  if (r->spec.type == WDFRT_REQUEST_IOCTL)
    return r->method == METHOD_NEITHER && r->mode == UserMode;
  if (r->spec.type == WDFRT_REQUEST_INTERNAL_IOCTL)
    return 0;
  return wdfrt_int_device_io_type(r->device) == WdfDeviceIoNeither;
}

/* The view of `length` bytes of buffer b; a zero-length buffer cannot be
   retrieved. */
static NTSTATUS view_of(wdfrt_int_buffer_t *b, size_t length, int read_only,
                        view_t *v) {
  v->buffer = b;
  v->data = b->data;
  v->length = length;
  v->read_only = read_only;
  return length ? STATUS_SUCCESS : STATUS_BUFFER_TOO_SMALL;
}

/* A create request has no buffers. */
static NTSTATUS input_view(const wdfrt_int_request_t *r, view_t *v) {
  if (r->create || r->spec.type == WDFRT_REQUEST_READ || neither_io(r))
    return STATUS_INVALID_DEVICE_REQUEST;
  int read_only = r->spec.type == WDFRT_REQUEST_WRITE ||
                  r->method == METHOD_IN_DIRECT ||
                  r->method == METHOD_OUT_DIRECT;
  return view_of(r->in, r->spec.input_length, read_only, v);
}

static NTSTATUS output_view(const wdfrt_int_request_t *r, view_t *v) {
  if (r->create || r->spec.type == WDFRT_REQUEST_WRITE || neither_io(r))
    return STATUS_INVALID_DEVICE_REQUEST;
  /* METHOD_IN_DIRECT's second buffer carries data to the device. */
  int read_only =
      r->method == METHOD_IN_DIRECT && r->spec.type != WDFRT_REQUEST_READ;
  return view_of(r->out, r->spec.output_length, read_only, v);
}

typedef NTSTATUS view_fn(const wdfrt_int_request_t *, view_t *);

/* How every retrieval from a request starts, in the framework's order: the
   DDI `row` is entered (its IRQL checked, its call site put in *site), the
   request is checked (reported unless the driver owns it), then the
   pointer argument `what` (WM007 when NULL).  Returns the status the
   retrieval fails with, or STATUS_SUCCESS with *request set. */
static NTSTATUS begin_retrieval(enum wdf_ddi_id row, WDFREQUEST Request,
                                const void *pointer, const char *what,
                                wdfrt_int_site_t *site,
                                wdfrt_int_request_t **request) {
  const char *ddi = wdfrt_ddi_name(row);
  *site = wdfrt_int_enter(row);
  *request = owned_request(Request, ddi, *site);
  if (!wdfrt_int_check_out(ddi, pointer, what, *site))
    return STATUS_INVALID_PARAMETER;
  return *request ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
}

/* A buffer retrieval's start: begin_retrieval for the Buffer out-pointer;
   once it is known good, both out-parameters are cleared, whatever else
   fails. */
static NTSTATUS begin_buffer_retrieval(enum wdf_ddi_id row, WDFREQUEST Request,
                                       PVOID *Buffer, size_t *Length,
                                       wdfrt_int_site_t *site,
                                       wdfrt_int_request_t **request) {
  NTSTATUS status =
      begin_retrieval(row, Request, Buffer, "Buffer", site, request);
  if (Buffer) {
    *Buffer = NULL;
    if (Length)
      *Length = 0;
  }
  return status;
}

/* A buffer retrieval's end: the buffer and its length handed out. */
static NTSTATUS hand_out_buffer(void *data, size_t length, PVOID *Buffer,
                                size_t *Length) {
  *Buffer = data;
  if (Length)
    *Length = length;
  return STATUS_SUCCESS;
}

static NTSTATUS retrieve_buffer(enum wdf_ddi_id row, WDFREQUEST Request,
                                size_t Minimum, PVOID *Buffer, size_t *Length,
                                view_fn *view) {
  wdfrt_int_site_t site;
  wdfrt_int_request_t *r;
  NTSTATUS status =
      begin_buffer_retrieval(row, Request, Buffer, Length, &site, &r);
  if (!NT_SUCCESS(status))
    return status;
  view_t v;
  status = view(r, &v);
  if (NT_SUCCESS(status) && v.length < Minimum)
    status = STATUS_BUFFER_TOO_SMALL;
  if (!NT_SUCCESS(status))
    return wdfrt_int_failed_create(wdfrt_ddi_name(row), status, site, NULL,
                                   Buffer);
  return hand_out_buffer(v.data, v.length, Buffer, Length);
}

NTSTATUS WdfRequestRetrieveInputBuffer(WDFREQUEST Request,
                                       size_t MinimumRequiredSize,
                                       PVOID *Buffer, size_t *Length) {
  return retrieve_buffer(WDF_DDI_WdfRequestRetrieveInputBuffer, Request,
                         MinimumRequiredSize, Buffer, Length, input_view);
}

NTSTATUS WdfRequestRetrieveOutputBuffer(WDFREQUEST Request,
                                        size_t MinimumRequiredSize,
                                        PVOID *Buffer, size_t *Length) {
  return retrieve_buffer(WDF_DDI_WdfRequestRetrieveOutputBuffer, Request,
                         MinimumRequiredSize, Buffer, Length, output_view);
}

static NTSTATUS retrieve_memory(enum wdf_ddi_id row, WDFREQUEST Request,
                                WDFMEMORY *Memory, int output) {
  wdfrt_int_site_t site;
  wdfrt_int_request_t *r;
  NTSTATUS status = begin_retrieval(row, Request, Memory, "Memory", &site, &r);
  if (!NT_SUCCESS(status))
    return status;
  view_t v;
  status = output ? output_view(r, &v) : input_view(r, &v);
  if (!NT_SUCCESS(status)) /* *Memory is not written on failure */
    return wdfrt_int_failed_create(wdfrt_ddi_name(row), status, site, Memory,
                                   NULL);
  wdfrt_int_memory_t **slot = output ? &r->out_memory : &r->in_memory;
  /* Buffered IOCTLs share one buffer: one memory object per direction. */
  if (!*slot)
    *slot = wdfrt_int_memory_for_request(r, v.data, v.length, v.buffer,
                                         v.read_only, site);
  if (!*slot)
    return STATUS_INSUFFICIENT_RESOURCES;
  *Memory = (WDFMEMORY)WDFRT_HANDLE(&(*slot)->base);
  return STATUS_SUCCESS;
}

NTSTATUS WdfRequestRetrieveInputMemory(WDFREQUEST Request, WDFMEMORY *Memory) {
  return retrieve_memory(WDF_DDI_WdfRequestRetrieveInputMemory, Request, Memory,
                         0);
}

NTSTATUS WdfRequestRetrieveOutputMemory(WDFREQUEST Request, WDFMEMORY *Memory) {
  return retrieve_memory(WDF_DDI_WdfRequestRetrieveOutputMemory, Request,
                         Memory, 1);
}

/* The user buffers of a METHOD_NEITHER request, from EvtIoInCallerContext
   only (they are the requesting process's addresses). */
static NTSTATUS retrieve_unsafe(enum wdf_ddi_id row, WDFREQUEST Request,
                                size_t Minimum, PVOID *Buffer, size_t *Length,
                                int output) {
  wdfrt_int_site_t site;
  wdfrt_int_request_t *r;
  NTSTATUS status =
      begin_buffer_retrieval(row, Request, Buffer, Length, &site, &r);
  if (!NT_SUCCESS(status))
    return status;
  wdfrt_int_frame_t *frame = wdfrt_int_callback_current();
  if (!frame || frame->role != WDFRT_ROLE_EVT_WDF_IO_IN_CALLER_CONTEXT ||
      r->create || !neither_io(r) ||
      (output ? r->spec.type == WDFRT_REQUEST_WRITE
              : r->spec.type == WDFRT_REQUEST_READ))
    return STATUS_INVALID_DEVICE_REQUEST;
  wdfrt_int_buffer_t *b = output ? r->out : r->in;
  size_t length = output ? r->spec.output_length : r->spec.input_length;
  if (length == 0 || length < Minimum)
    return STATUS_BUFFER_TOO_SMALL;
  return hand_out_buffer(b->data, length, Buffer, Length);
}

NTSTATUS WdfRequestRetrieveUnsafeUserInputBuffer(WDFREQUEST Request,
                                                 size_t MinimumRequiredLength,
                                                 PVOID *InputBuffer,
                                                 size_t *Length) {
  return retrieve_unsafe(WDF_DDI_WdfRequestRetrieveUnsafeUserInputBuffer,
                         Request, MinimumRequiredLength, InputBuffer, Length,
                         0);
}

NTSTATUS WdfRequestRetrieveUnsafeUserOutputBuffer(WDFREQUEST Request,
                                                  size_t MinimumRequiredLength,
                                                  PVOID *OutputBuffer,
                                                  size_t *Length) {
  return retrieve_unsafe(WDF_DDI_WdfRequestRetrieveUnsafeUserOutputBuffer,
                         Request, MinimumRequiredLength, OutputBuffer, Length,
                         1);
}

static NTSTATUS probe_and_lock(enum wdf_ddi_id row, WDFREQUEST Request,
                               PVOID Buffer, size_t Length,
                               WDFMEMORY *MemoryObject, int read_only) {
  const char *ddi = wdfrt_ddi_name(row);
  wdfrt_int_site_t site;
  wdfrt_int_request_t *r;
  NTSTATUS status = begin_retrieval(row, Request, Buffer, "Buffer", &site, &r);
  /* The out-pointer is checked before the request's own status. */
  if (status != STATUS_INVALID_PARAMETER &&
      !wdfrt_int_check_out(ddi, MemoryObject, "MemoryObject", site))
    status = STATUS_INVALID_PARAMETER;
  if (!NT_SUCCESS(status))
    return status;
  if (!wdfrt_int_check_size(
          ddi, Length, "Length",
          "the framework fails it with STATUS_INVALID_PARAMETER", site))
    return STATUS_INVALID_PARAMETER;
  wdfrt_int_memory_t *memory =
      wdfrt_int_memory_for_request(r, Buffer, Length, NULL, read_only, site);
  if (!memory)
    return STATUS_INSUFFICIENT_RESOURCES;
  *MemoryObject = (WDFMEMORY)WDFRT_HANDLE(&memory->base);
  return STATUS_SUCCESS;
}

NTSTATUS WdfRequestProbeAndLockUserBufferForRead(WDFREQUEST Request,
                                                 PVOID Buffer, size_t Length,
                                                 WDFMEMORY *MemoryObject) {
  return probe_and_lock(WDF_DDI_WdfRequestProbeAndLockUserBufferForRead,
                        Request, Buffer, Length, MemoryObject, 1);
}

NTSTATUS WdfRequestProbeAndLockUserBufferForWrite(WDFREQUEST Request,
                                                  PVOID Buffer, size_t Length,
                                                  WDFMEMORY *MemoryObject) {
  return probe_and_lock(WDF_DDI_WdfRequestProbeAndLockUserBufferForWrite,
                        Request, Buffer, Length, MemoryObject, 0);
}

/* --- the rest of WdfRequest* ---------------------------------------------------- */

WDFQUEUE WdfRequestGetIoQueue(WDFREQUEST Request) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = use_request(Request, __func__, site);
  if (!r || !r->queue)
    return NULL;
  return (WDFQUEUE)WDFRT_HANDLE((wdfrt_int_object_t *)r->queue);
}

VOID WdfRequestGetParameters(WDFREQUEST Request,
                             PWDF_REQUEST_PARAMETERS Parameters) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = use_request(Request, __func__, site);
  if (!r || !wdfrt_int_check_out(__func__, Parameters, "Parameters", site))
    return;
  const wdfrt_request_spec_t *s = &r->spec;
  WDF_REQUEST_PARAMETERS_INIT(Parameters);
  if (r->create) {
    Parameters->Type = WdfRequestTypeCreate;
    return;
  }
  switch (s->type) {
  case WDFRT_REQUEST_READ:
    Parameters->Type = WdfRequestTypeRead;
    Parameters->Parameters.Read.Length = s->output_length;
    break;
  case WDFRT_REQUEST_WRITE:
    Parameters->Type = WdfRequestTypeWrite;
    Parameters->Parameters.Write.Length = s->input_length;
    break;
  case WDFRT_REQUEST_IOCTL:
  case WDFRT_REQUEST_INTERNAL_IOCTL:
    Parameters->Type = s->type == WDFRT_REQUEST_IOCTL
                           ? WdfRequestTypeDeviceControl
                           : WdfRequestTypeDeviceControlInternal;
    Parameters->Parameters.DeviceIoControl.OutputBufferLength = s->output_length;
    Parameters->Parameters.DeviceIoControl.InputBufferLength = s->input_length;
    Parameters->Parameters.DeviceIoControl.IoControlCode = s->ioctl;
    if (r->method == METHOD_NEITHER)
      Parameters->Parameters.DeviceIoControl.Type3InputBuffer = r->in->data;
    break;
  }
}

VOID WdfRequestSetInformation(WDFREQUEST Request, ULONG_PTR Information) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = owned_request(Request, __func__, site);
  if (r)
    r->information = Information;
}

ULONG_PTR WdfRequestGetInformation(WDFREQUEST Request) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = use_request(Request, __func__, site);
  return r ? r->information : 0;
}

NTSTATUS WdfRequestGetStatus(WDFREQUEST Request) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = use_request(Request, __func__, site);
  return r ? STATUS_PENDING : STATUS_INVALID_HANDLE;
}

VOID WdfRequestMarkCancelable(WDFREQUEST Request,
                              PFN_WDF_REQUEST_CANCEL EvtRequestCancel) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfRequestMarkCancelable);
  wdfrt_int_request_t *r = owned_request(Request, __func__, site);
  if (r)
    r->cancel = EvtRequestCancel;
}

/* The cancel routine of a request the driver owns, unless it was canceled
   already (then the framework runs no routine: the driver completes it). */
static NTSTATUS set_cancel_routine(WDFREQUEST Request,
                                   PFN_WDF_REQUEST_CANCEL routine,
                                   const char *ddi) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = owned_request(Request, ddi, site);
  if (!r)
    return STATUS_INVALID_HANDLE;
  if (r->canceled)
    return STATUS_CANCELLED;
  r->cancel = routine;
  return STATUS_SUCCESS;
}

NTSTATUS WdfRequestMarkCancelableEx(WDFREQUEST Request,
                                    PFN_WDF_REQUEST_CANCEL EvtRequestCancel) {
  return set_cancel_routine(Request, EvtRequestCancel, __func__);
}

NTSTATUS WdfRequestUnmarkCancelable(WDFREQUEST Request) {
  return set_cancel_routine(Request, NULL, __func__);
}

BOOLEAN WdfRequestIsCanceled(WDFREQUEST Request) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = use_request(Request, __func__, site);
  return r && r->canceled;
}

WDFFILEOBJECT WdfRequestGetFileObject(WDFREQUEST Request) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = use_request(Request, __func__, site);
  if (!r || !r->file)
    return NULL; /* sent on no handle */
  return (WDFFILEOBJECT)WDFRT_HANDLE(wdfrt_int_file_object(r->file));
}

KPROCESSOR_MODE WdfRequestGetRequestorMode(WDFREQUEST Request) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = use_request(Request, __func__, site);
  return r ? r->mode : UserMode;
}

NTSTATUS WdfRequestForwardToIoQueue(WDFREQUEST Request,
                                    WDFQUEUE DestinationQueue) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = owned_request(Request, __func__, site);
  wdfrt_int_queue_t *queue = (wdfrt_int_queue_t *)wdfrt_int_use(
      DestinationQueue, WDFRT_KIND_BIT(WDFRT_KIND_QUEUE), __func__, site, 0);
  if (!r || !queue)
    return STATUS_INVALID_HANDLE;
  if (queue == r->queue)
    return STATUS_INVALID_DEVICE_REQUEST;
  wdfrt_int_queue_request_done(r->queue);
  wdfrt_int_queue_add(queue, r);
  return STATUS_SUCCESS;
}

VOID WdfRequestSetCompletionRoutine(
    WDFREQUEST Request, PFN_WDF_REQUEST_COMPLETION_ROUTINE CompletionRoutine,
    WDFCONTEXT CompletionContext) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_request_t *r = use_request(Request, __func__, site);
  if (!r)
    return;
  r->completion = CompletionRoutine;
  r->completion_context = CompletionContext;
}

/* The I/O target's side: the request comes back to the driver, which gets
   it in its completion routine and completes it there (or should). */
int wdfrt_complete_sent_request(void *request, int32_t status,
                                uint64_t information) {
  /* The caller is a test's model, not the driver: a bad handle is the
     model's mistake, a fault, not a finding against the driver. */
  wdfrt_int_site_t nowhere = {NULL, 0};
  wdfrt_int_object_t *object;
  wdfrt_int_tombstone_t tombstone;
  wdfrt_int_request_t *r = NULL;
  if (wdfrt_int_handle_resolve(request, &object, &tombstone) ==
      WDFRT_HANDLE_VALID)
    r = wdfrt_int_request_from(object);
  if (!r || r->state == WDFRT_REQ_COMPLETED) {
    wdfrt_int_fault(nowhere,
                    "%s: %p is no request the driver sent (given back "
                    "twice, or completed)",
                    __func__, request);
    return -1;
  }
  PFN_WDF_REQUEST_COMPLETION_ROUTINE routine = r->completion;
  if (!routine) {
    wdfrt_int_request_complete_by_framework(r, status);
    return 0;
  }
  r->completion = NULL;
  WDF_REQUEST_COMPLETION_PARAMS params = {0};
  params.Size = sizeof(params);
  params.Type = (WDF_REQUEST_TYPE)0;
  params.IoStatus.Status = status;
  params.IoStatus.Information = (ULONG_PTR)information;
  wdfrt_int_frame_t frame;
  unsigned irql = wdfrt_current_irql();
  wdfrt_int_callback_begin_at(&frame,
                              WDFRT_ROLE_EVT_WDF_REQUEST_COMPLETION_ROUTINE,
                              (const void *)routine, irql, &r->base);
  routine((WDFREQUEST)request, NULL, &params, r->completion_context);
  wdfrt_int_callback_end(&frame);
  wdfrt_int_irql_set(irql);
  return 0;
}
