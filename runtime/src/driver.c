/*
 * driver.c - WdfDriverCreate and the driver's life: load and unload.
 *
 * The harness plays the I/O manager and PnP: DriverEntry at PASSIVE_LEVEL,
 * EvtDriverDeviceAdd with a fresh WDFDEVICE_INIT, the devices' start
 * callbacks, then requests (objects made from then on are "made during
 * I/O", which the leak check counts), then unload: open handles are
 * closed (EvtFileCleanup, EvtFileClose), what is still queued is
 * cancelled, the devices stop and are deleted, EvtDriverUnload runs and the
 * driver's object tree is deleted (every cleanup callback runs).
 */
#include "wdfrt_internal.h"

/* The globals the WDK shape passes to every DDI (wdk_table.c). */
WDF_DRIVER_GLOBALS wdfrt_int_driver_globals;

static enum { PHASE_NONE, PHASE_INIT, PHASE_IO, PHASE_UNLOAD } phase;
static wdfrt_int_object_t *driver;
static WDF_DRIVER_CONFIG config;
static DRIVER_OBJECT driver_object;
static WCHAR registry_text[] =
    L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\wdfrt";
static UNICODE_STRING registry_path = {sizeof registry_text - sizeof(WCHAR),
                                       sizeof registry_text, registry_text};

wdfrt_int_object_t *wdfrt_int_driver_object(void) { return driver; }

int wdfrt_int_in_io(void) { return phase == PHASE_IO; }

static void forget_driver(wdfrt_int_object_t *object) {
  (void)object;
  driver = NULL;
  wdfrt_int_driver_globals.Driver = NULL;
}

NTSTATUS WdfDriverCreate(PDRIVER_OBJECT DriverObject,
                         PCUNICODE_STRING RegistryPath,
                         PWDF_OBJECT_ATTRIBUTES DriverAttributes,
                         PWDF_DRIVER_CONFIG DriverConfig, WDFDRIVER *Driver) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfDriverCreate);
  (void)DriverObject;
  (void)RegistryPath;
  if (!wdfrt_int_check_out(__func__, DriverConfig, "DriverConfig", site))
    return STATUS_INVALID_PARAMETER;
  if (DriverConfig->Size != sizeof(WDF_DRIVER_CONFIG))
    return STATUS_INFO_LENGTH_MISMATCH;
  if (driver) {
    wdfrt_int_fault(site, "WdfDriverCreate called twice");
    return STATUS_INVALID_DEVICE_STATE;
  }
  wdfrt_int_object_t *object;
  NTSTATUS status = wdfrt_int_object_create_or_fail(
      WDFRT_KIND_DRIVER, sizeof *object, DriverAttributes, NULL,
      WDF_DDI_WdfDriverCreate, site, Driver, &object);
  if (!NT_SUCCESS(status))
    return status;
  object->no_delete = 1;
  object->on_destroy = forget_driver;
  driver = object;
  config = *DriverConfig;
  wdfrt_int_driver_globals.Driver = (WDFDRIVER)WDFRT_HANDLE(object);
  wdfrt_int_driver_globals.DriverTag = config.DriverPoolTag;
  if (Driver)
    *Driver = (WDFDRIVER)WDFRT_HANDLE(object);
  return STATUS_SUCCESS;
}

WDFDRIVER WdfGetDriver(VOID) {
  (void)wdfrt_int_take_site();
  return driver ? (WDFDRIVER)WDFRT_HANDLE(driver) : NULL;
}

PWSTR WdfDriverGetRegistryPath(WDFDRIVER Driver) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (!wdfrt_int_use(Driver, WDFRT_KIND_BIT(WDFRT_KIND_DRIVER), __func__, site,
                     0))
    return NULL;
  return registry_text;
}

static NTSTATUS add_device(void) {
  PWDFDEVICE_INIT init = wdfrt_int_device_init_new();
  if (!init)
    return STATUS_INSUFFICIENT_RESOURCES;
  wdfrt_int_frame_t frame;
  wdfrt_int_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_DRIVER_DEVICE_ADD,
                           (const void *)config.EvtDriverDeviceAdd, NULL);
  NTSTATUS status =
      config.EvtDriverDeviceAdd((WDFDRIVER)WDFRT_HANDLE(driver), init);
  wdfrt_int_callback_end(&frame);
  wdfrt_int_device_init_free(init);
  return status;
}

static void teardown(int call_unload);

int32_t wdfrt_driver_load(wdfrt_driver_entry_t *driver_entry) {
  phase = PHASE_INIT;
  wdfrt_int_irql_set(PASSIVE_LEVEL);
  /* Read the symbol table now, not when a report needs a callback's name. */
  (void)wdfrt_int_symbol_name((const void *)driver_entry);
  driver_object.Type = 4;
  driver_object.Size = (CSHORT)sizeof driver_object;
  wdfrt_int_frame_t frame;
  wdfrt_int_callback_begin(&frame, WDFRT_ROLE_DRIVER_INITIALIZE,
                           (const void *)driver_entry, NULL);
  NTSTATUS status = driver_entry(&driver_object, &registry_path);
  wdfrt_int_callback_end(&frame);
  if (NT_SUCCESS(status) && driver && config.EvtDriverDeviceAdd &&
      !(config.DriverInitFlags & WdfDriverInitNonPnpDriver))
    status = add_device();
  if (!NT_SUCCESS(status)) {
    teardown(0); /* a failed DriverEntry gets no EvtDriverUnload */
    return status;
  }
  for (wdfrt_int_device_t *d = wdfrt_int_first_device(); d;
       d = wdfrt_int_next_device(d))
    wdfrt_int_device_start(d);
  phase = PHASE_IO;
  return STATUS_SUCCESS;
}

static void teardown(int call_unload) {
  wdfrt_int_site_t nowhere = {NULL, 0};
  phase = PHASE_UNLOAD;
  wdfrt_int_irql_set(PASSIVE_LEVEL);
  /* The handles are closed before the device goes: EvtFileCleanup now,
     EvtFileClose once their requests are done (in wdfrt_int_settle). */
  wdfrt_int_files_cleanup_all();
  wdfrt_int_queues_purge();
  wdfrt_int_requests_reclaim();
  wdfrt_int_settle();
  wdfrt_int_files_close_all();
  for (wdfrt_int_device_t *d = wdfrt_int_first_device(); d;
       d = wdfrt_int_next_device(d))
    wdfrt_int_device_stop(d);
  wdfrt_int_settle();
  wdfrt_int_device_t *d;
  while ((d = wdfrt_int_first_device()) != NULL)
    wdfrt_int_object_delete(wdfrt_int_device_object(d), WDFRT_GONE_UNLOADED,
                            nowhere);
  if (driver && call_unload && config.EvtDriverUnload) {
    wdfrt_int_frame_t frame;
    wdfrt_int_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_DRIVER_UNLOAD,
                             (const void *)config.EvtDriverUnload, NULL);
    config.EvtDriverUnload((WDFDRIVER)WDFRT_HANDLE(driver));
    wdfrt_int_callback_end(&frame);
  }
  if (driver)
    wdfrt_int_object_delete(driver, WDFRT_GONE_UNLOADED, nowhere);
  phase = PHASE_NONE;
}

void wdfrt_driver_unload(void) { teardown(1); }
