/*
 * files.c - file objects: what a handle to the device is to the driver.
 *
 * As KMDF does it: opening a handle (IRP_MJ_CREATE) makes a WDFFILEOBJECT,
 * a child of the device with the attributes given to
 * WdfDeviceInitSetFileObjectConfig (its context zeroed), and calls
 * EvtDeviceFileCreate(Device, Request, FileObject) at PASSIVE_LEVEL with a
 * create request the driver must complete.  Completed with an error, the
 * open fails and the file object is deleted (no EvtFileCleanup, no
 * EvtFileClose).  Without EvtDeviceFileCreate the framework completes the
 * create with success itself.
 *
 * Closing the handle: EvtFileCleanup (IRP_MJ_CLEANUP) at once, at
 * PASSIVE_LEVEL; from then on no new request carries the file.
 * EvtFileClose (IRP_MJ_CLOSE) comes when no request carries it any more --
 * the I/O manager holds the FILE_OBJECT for each request until completion
 * -- also at PASSIVE_LEVEL, and then the framework deletes the file object
 * (its cleanup callbacks run, its children are deleted).  The file object
 * is the framework's: WdfObjectDelete on it is refused.
 *
 * The harness opens and closes handles of the first device; the most
 * recently opened handle still open is the one requests are sent on.
 */
#include "wdfrt_internal.h"

struct wdfrt_int_file {
  wdfrt_int_object_t base;
  wdfrt_int_device_t *device;
  unsigned requests; /* requests carrying it, not yet completed */
  int cleaned_up;    /* EvtFileCleanup ran: waits for EvtFileClose */
  wdfrt_int_file_t *next;
};

/* Files not yet closed, the most recently opened first. */
static wdfrt_int_file_t *files;

wdfrt_int_object_t *wdfrt_int_file_object(wdfrt_int_file_t *file) {
  return &file->base;
}

wdfrt_int_file_t *wdfrt_int_file_current(void) {
  for (wdfrt_int_file_t *f = files; f; f = f->next)
    if (!f->cleaned_up)
      return f;
  return NULL;
}

void wdfrt_int_file_hold(wdfrt_int_file_t *file) { ++file->requests; }

void wdfrt_int_file_release(wdfrt_int_file_t *file) {
  if (file->requests)
    --file->requests;
}

static void unlink_file(wdfrt_int_file_t *file) {
  for (wdfrt_int_file_t **f = &files; *f; f = &(*f)->next)
    if (*f == file) {
      *f = file->next;
      return;
    }
}

/* The file object is gone (closed, a failed open, or its device deleted):
   the list must not keep it. */
static void forget_file(wdfrt_int_object_t *object) {
  unlink_file((wdfrt_int_file_t *)object);
}

static WDFFILEOBJECT handle_of(wdfrt_int_file_t *file) {
  return (WDFFILEOBJECT)WDFRT_HANDLE(&file->base);
}

/* EvtFileCleanup and EvtFileClose have this type. */
typedef VOID file_fn(WDFFILEOBJECT);

/* A file callback at PASSIVE_LEVEL, as the I/O manager sends cleanup and
   close; the caller's IRQL is put back after. */
static void call_file(wdfrt_int_file_t *file, wdfrt_int_role_t role,
                      file_fn *function) {
  if (!function)
    return;
  unsigned irql = wdfrt_current_irql();
  wdfrt_int_frame_t frame;
  wdfrt_int_callback_begin(&frame, role, (const void *)function, &file->base);
  function(handle_of(file));
  wdfrt_int_callback_end(&frame);
  wdfrt_int_irql_set(irql);
}

/* The framework deletes the file object at PASSIVE_LEVEL. */
static void delete_file(wdfrt_int_file_t *file) {
  wdfrt_int_site_t nowhere = {NULL, 0};
  unsigned irql = wdfrt_current_irql();
  unlink_file(file);
  wdfrt_int_irql_set(PASSIVE_LEVEL);
  wdfrt_int_object_delete(&file->base, WDFRT_GONE_DELETED, nowhere);
  wdfrt_int_irql_set(irql);
}

/* --- open ---------------------------------------------------------------- */

static wdfrt_int_file_t *new_file(wdfrt_int_device_t *device) {
  wdfrt_int_site_t nowhere = {NULL, 0};
  wdfrt_int_object_t *object;
  if (!NT_SUCCESS(wdfrt_int_object_create(
          WDFRT_KIND_FILEOBJECT, sizeof(wdfrt_int_file_t),
          wdfrt_int_device_file_attributes(device),
          wdfrt_int_device_object(device), WDF_DDI_COUNT, "the framework",
          nowhere, &object)))
    return NULL;
  wdfrt_int_file_t *file = (wdfrt_int_file_t *)object;
  file->device = device;
  object->no_delete = 1;
  object->on_destroy = forget_file;
  file->next = files;
  files = file;
  return file;
}

/* Runs EvtDeviceFileCreate with the create request; returns its status. */
static NTSTATUS create(wdfrt_int_file_t *file) {
  wdfrt_int_site_t nowhere = {NULL, 0};
  PFN_WDF_DEVICE_FILE_CREATE callback =
      wdfrt_int_device_file_config(file->device)->EvtDeviceFileCreate;
  wdfrt_completion_t done;
  wdfrt_int_request_t *request =
      wdfrt_int_request_new_create(file->device, file, &done);
  if (!request)
    return STATUS_INSUFFICIENT_RESOURCES;
  if (!callback) {
    wdfrt_int_request_complete_by_framework(request, STATUS_SUCCESS);
    return STATUS_SUCCESS;
  }
  wdfrt_int_frame_t frame;
  wdfrt_int_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_DEVICE_FILE_CREATE,
                           (const void *)callback, &file->base);
  callback((WDFDEVICE)WDFRT_HANDLE(wdfrt_int_device_object(file->device)),
           (WDFREQUEST)WDFRT_HANDLE(&request->base), handle_of(file));
  wdfrt_int_callback_end(&frame);
  wdfrt_int_settle(); /* the driver may complete it from deferred work */
  if (!done.completed) {
    /* One thread drives the model: nothing else could complete it now. */
    wdfrt_int_fault(nowhere, "EvtDeviceFileCreate left the create request "
                             "pending and nothing completed it: the open would "
                             "wait forever");
    wdfrt_int_request_complete_by_framework(request, STATUS_CANCELLED);
    return STATUS_CANCELLED;
  }
  return done.status; /* the request is gone: completion deleted it */
}

int wdfrt_file_open(int32_t *status) {
  wdfrt_int_device_t *device = wdfrt_int_first_device();
  *status = STATUS_INVALID_DEVICE_STATE;
  if (!device)
    return -1;
  wdfrt_int_faults_reset();
  wdfrt_int_file_t *file = new_file(device);
  if (!file) {
    *status = STATUS_INSUFFICIENT_RESOURCES;
    return 0;
  }
  *status = create(file);
  if (!NT_SUCCESS(*status))
    delete_file(file);
  return 0;
}

/* --- close --------------------------------------------------------------- */

static void cleanup(wdfrt_int_file_t *file) {
  file->cleaned_up = 1;
  call_file(file, WDFRT_ROLE_EVT_WDF_FILE_CLEANUP,
            wdfrt_int_device_file_config(file->device)->EvtFileCleanup);
}

static void close_file(wdfrt_int_file_t *file) {
  call_file(file, WDFRT_ROLE_EVT_WDF_FILE_CLOSE,
            wdfrt_int_device_file_config(file->device)->EvtFileClose);
  delete_file(file);
}

unsigned wdfrt_int_files_close_due(void) {
  unsigned closed = 0;
  for (wdfrt_int_file_t *f = files; f;) {
    wdfrt_int_file_t *next = f->next;
    if (f->cleaned_up && f->requests == 0) {
      close_file(f);
      ++closed;
      next = files; /* the callbacks may have changed the list */
    }
    f = next;
  }
  return closed;
}

int wdfrt_file_close(void) {
  wdfrt_int_file_t *file = wdfrt_int_file_current();
  if (!file)
    return -1;
  wdfrt_int_faults_reset();
  cleanup(file);
  wdfrt_int_settle(); /* and EvtFileClose once no request carries the file */
  return 0;
}

void wdfrt_int_files_cleanup_all(void) {
  wdfrt_int_file_t *file;
  while ((file = wdfrt_int_file_current()) != NULL)
    cleanup(file);
}

void wdfrt_int_files_close_all(void) {
  while (files) {
    if (!files->cleaned_up)
      cleanup(files);
    close_file(files);
  }
}

WDFDEVICE WdfFileObjectGetDevice(WDFFILEOBJECT FileObject) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_file_t *file = (wdfrt_int_file_t *)wdfrt_int_use(
      FileObject, WDFRT_KIND_BIT(WDFRT_KIND_FILEOBJECT), __func__, site, 0);
  if (!file)
    return NULL;
  return (WDFDEVICE)WDFRT_HANDLE(wdfrt_int_device_object(file->device));
}
