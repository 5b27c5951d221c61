/*
 * device.c - WDFDEVICE_INIT, WdfDeviceCreate and the device DDIs.
 *
 * The model keeps what the I/O path needs from device initialisation: the
 * I/O type (buffered unless set), the request attributes (every request
 * then carries that context), the in-caller-context callback and the PnP
 * callbacks the harness calls at start (EvtDevicePrepareHardware,
 * EvtDeviceD0Entry) and at stop (EvtDeviceD0Exit,
 * EvtDeviceReleaseHardware), all at PASSIVE_LEVEL, and the file object
 * configuration (files.c makes the file objects).  Names, interfaces and
 * symbolic links are accepted and ignored.
 */
#include <stdlib.h>

#include "wdfrt_internal.h"

struct WDFDEVICE_INIT {
  WDF_PNPPOWER_EVENT_CALLBACKS pnp;
  WDF_DEVICE_IO_TYPE io_type;
  int has_request_attributes;
  WDF_OBJECT_ATTRIBUTES request_attributes;
  PFN_WDF_IO_IN_CALLER_CONTEXT in_caller_context;
  WDF_FILEOBJECT_CONFIG file_config;
  int has_file_attributes;
  WDF_OBJECT_ATTRIBUTES file_attributes;
  int consumed;
};

struct wdfrt_int_device {
  wdfrt_int_object_t base;
  struct WDFDEVICE_INIT init;
  DEVICE_OBJECT wdm;
  wdfrt_int_queue_t *default_queue;
  wdfrt_int_device_t *next;
  int started;
};

static wdfrt_int_device_t *devices;

PWDFDEVICE_INIT wdfrt_int_device_init_new(void) {
  PWDFDEVICE_INIT init = calloc(1, sizeof *init);
  if (init)
    init->io_type = WdfDeviceIoBuffered;
  return init;
}

void wdfrt_int_device_init_free(PWDFDEVICE_INIT init) { free(init); }

wdfrt_int_device_t *wdfrt_int_first_device(void) { return devices; }

wdfrt_int_device_t *wdfrt_int_next_device(wdfrt_int_device_t *device) {
  return device->next;
}

wdfrt_int_object_t *wdfrt_int_device_object(wdfrt_int_device_t *device) {
  return &device->base;
}

wdfrt_int_queue_t *wdfrt_int_device_default_queue(wdfrt_int_device_t *device) {
  return device->default_queue;
}

void wdfrt_int_device_set_default_queue(wdfrt_int_device_t *device,
                                        wdfrt_int_queue_t *queue) {
  device->default_queue = queue;
}

PFN_WDF_IO_IN_CALLER_CONTEXT
wdfrt_int_device_in_caller_context(wdfrt_int_device_t *device) {
  return device->init.in_caller_context;
}

WDF_DEVICE_IO_TYPE wdfrt_int_device_io_type(wdfrt_int_device_t *device) {
  return device->init.io_type;
}

PWDF_OBJECT_ATTRIBUTES
wdfrt_int_device_request_attributes(wdfrt_int_device_t *device) {
  return device->init.has_request_attributes ? &device->init.request_attributes
                                             : NULL;
}

const WDF_FILEOBJECT_CONFIG *
wdfrt_int_device_file_config(wdfrt_int_device_t *device) {
  return &device->init.file_config;
}

PWDF_OBJECT_ATTRIBUTES
wdfrt_int_device_file_attributes(wdfrt_int_device_t *device) {
  return device->init.has_file_attributes ? &device->init.file_attributes
                                          : NULL;
}

/* --- WDFDEVICE_INIT ------------------------------------------------------------ */

static int usable(PWDFDEVICE_INIT init, const char *ddi,
                  wdfrt_int_site_t site) {
  if (!wdfrt_int_check_out(ddi, init, "DeviceInit", site))
    return 0;
  if (init->consumed) {
    wdfrt_int_fault(site, "%s after WdfDeviceCreate consumed the DeviceInit",
                    ddi);
    return 0;
  }
  return 1;
}

VOID WdfDeviceInitSetPnpPowerEventCallbacks(
    PWDFDEVICE_INIT DeviceInit,
    PWDF_PNPPOWER_EVENT_CALLBACKS PnpPowerEventCallbacks) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (usable(DeviceInit, __func__, site) && PnpPowerEventCallbacks)
    DeviceInit->pnp = *PnpPowerEventCallbacks;
}

VOID WdfDeviceInitSetIoType(PWDFDEVICE_INIT DeviceInit,
                            WDF_DEVICE_IO_TYPE IoType) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (usable(DeviceInit, __func__, site))
    DeviceInit->io_type = IoType;
}

VOID WdfDeviceInitSetExclusive(PWDFDEVICE_INIT DeviceInit,
                               BOOLEAN IsExclusive) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  (void)IsExclusive;
  (void)usable(DeviceInit, __func__, site);
}

VOID WdfDeviceInitSetDeviceType(PWDFDEVICE_INIT DeviceInit,
                                DEVICE_TYPE DeviceType) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  (void)DeviceType;
  (void)usable(DeviceInit, __func__, site);
}

VOID WdfDeviceInitSetFileObjectConfig(
    PWDFDEVICE_INIT DeviceInit, PWDF_FILEOBJECT_CONFIG FileObjectConfig,
    PWDF_OBJECT_ATTRIBUTES FileObjectAttributes) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (!usable(DeviceInit, __func__, site) ||
      !wdfrt_int_check_out(__func__, FileObjectConfig, "FileObjectConfig",
                           site))
    return;
  /* KMDF ignores a configuration it cannot use (a verifier break). */
  if (FileObjectConfig->Size != sizeof *FileObjectConfig) {
    wdfrt_int_fault(site,
                    "%s gets a WDF_FILEOBJECT_CONFIG of size %lu, not "
                    "%zu: KMDF ignores it",
                    __func__, (unsigned long)FileObjectConfig->Size,
                    sizeof *FileObjectConfig);
    return;
  }
  /* The file object's parent is the device: the framework takes no other. */
  if (FileObjectAttributes && FileObjectAttributes->ParentObject) {
    wdfrt_int_fault(site,
                    "%s gets file object attributes with a ParentObject: "
                    "KMDF ignores them (the parent is the device)",
                    __func__);
    return;
  }
  if (!NT_SUCCESS(wdfrt_int_attributes_validate(FileObjectAttributes, 1))) {
    wdfrt_int_fault(site,
                    "%s gets invalid file object attributes: KMDF ignores "
                    "them",
                    __func__);
    return;
  }
  DeviceInit->file_config = *FileObjectConfig;
  DeviceInit->has_file_attributes = FileObjectAttributes != NULL;
  if (FileObjectAttributes)
    DeviceInit->file_attributes = *FileObjectAttributes;
}

VOID WdfDeviceInitSetRequestAttributes(PWDFDEVICE_INIT DeviceInit,
                                       PWDF_OBJECT_ATTRIBUTES RequestAttributes) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (!usable(DeviceInit, __func__, site) || !RequestAttributes)
    return;
  DeviceInit->has_request_attributes = 1;
  DeviceInit->request_attributes = *RequestAttributes;
  DeviceInit->request_attributes.ParentObject = NULL;
}

VOID WdfDeviceInitSetIoInCallerContextCallback(
    PWDFDEVICE_INIT DeviceInit,
    PFN_WDF_IO_IN_CALLER_CONTEXT EvtIoInCallerContext) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (usable(DeviceInit, __func__, site))
    DeviceInit->in_caller_context = EvtIoInCallerContext;
}

NTSTATUS WdfDeviceInitAssignName(PWDFDEVICE_INIT DeviceInit,
                                 PCUNICODE_STRING DeviceName) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  (void)DeviceName;
  return usable(DeviceInit, __func__, site) ? STATUS_SUCCESS
                                            : STATUS_INVALID_PARAMETER;
}

/* --- WDFDEVICE ------------------------------------------------------------------ */

static void forget_device(wdfrt_int_object_t *object) {
  for (wdfrt_int_device_t **d = &devices; *d; d = &(*d)->next)
    if (&(*d)->base == object) {
      *d = (*d)->next;
      return;
    }
}

NTSTATUS WdfDeviceCreate(PWDFDEVICE_INIT *DeviceInit,
                         PWDF_OBJECT_ATTRIBUTES DeviceAttributes,
                         WDFDEVICE *Device) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfDeviceCreate);
  if (!wdfrt_int_check_out(__func__, DeviceInit, "DeviceInit", site) ||
      !wdfrt_int_check_out(__func__, Device, "Device", site) ||
      !usable(*DeviceInit, __func__, site))
    return STATUS_INVALID_PARAMETER;
  wdfrt_int_object_t *object;
  NTSTATUS status = wdfrt_int_object_create_or_fail(
      WDFRT_KIND_DEVICE, sizeof(wdfrt_int_device_t), DeviceAttributes,
      wdfrt_int_driver_object(), WDF_DDI_WdfDeviceCreate, site, Device,
      &object);
  if (!NT_SUCCESS(status))
    return status;
  wdfrt_int_device_t *device = (wdfrt_int_device_t *)object;
  object->no_delete = 1;
  object->on_destroy = forget_device;
  device->init = **DeviceInit;
  device->wdm.Type = 3;
  device->wdm.Size = (USHORT)sizeof device->wdm;
  (*DeviceInit)->consumed = 1;
  *DeviceInit = NULL;
  wdfrt_int_device_t **tail = &devices;
  while (*tail)
    tail = &(*tail)->next;
  *tail = device;
  *Device = (WDFDEVICE)WDFRT_HANDLE(object);
  return STATUS_SUCCESS;
}

static wdfrt_int_device_t *use_device(WDFDEVICE handle, const char *ddi,
                                      wdfrt_int_site_t site) {
  return (wdfrt_int_device_t *)wdfrt_int_use(
      handle, WDFRT_KIND_BIT(WDFRT_KIND_DEVICE), ddi, site, 0);
}

NTSTATUS WdfDeviceCreateDeviceInterface(WDFDEVICE Device,
                                        const GUID *InterfaceClassGUID,
                                        PCUNICODE_STRING ReferenceString) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  (void)InterfaceClassGUID;
  (void)ReferenceString;
  return use_device(Device, __func__, site) ? STATUS_SUCCESS
                                            : STATUS_INVALID_HANDLE;
}

NTSTATUS WdfDeviceCreateSymbolicLink(WDFDEVICE Device,
                                     PCUNICODE_STRING SymbolicLinkName) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  (void)SymbolicLinkName;
  return use_device(Device, __func__, site) ? STATUS_SUCCESS
                                            : STATUS_INVALID_HANDLE;
}

WDFDRIVER WdfDeviceGetDriver(WDFDEVICE Device) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_object_t *driver = wdfrt_int_driver_object();
  if (!use_device(Device, __func__, site) || !driver)
    return NULL;
  return (WDFDRIVER)WDFRT_HANDLE(driver);
}

WDFQUEUE WdfDeviceGetDefaultQueue(WDFDEVICE Device) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_device_t *device = use_device(Device, __func__, site);
  if (!device || !device->default_queue)
    return NULL;
  return (WDFQUEUE)WDFRT_HANDLE((wdfrt_int_object_t *)device->default_queue);
}

PDEVICE_OBJECT WdfDeviceWdmGetDeviceObject(WDFDEVICE Device) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_device_t *device = use_device(Device, __func__, site);
  return device ? &device->wdm : NULL;
}

NTSTATUS WdfDeviceEnqueueRequest(WDFDEVICE Device, WDFREQUEST Request) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_device_t *device = use_device(Device, __func__, site);
  wdfrt_int_request_t *request = wdfrt_int_request_from(wdfrt_int_use(
      Request, WDFRT_KIND_BIT(WDFRT_KIND_REQUEST), __func__, site, 0));
  if (!device || !request)
    return STATUS_INVALID_HANDLE;
  if (!device->default_queue)
    return STATUS_INVALID_DEVICE_STATE;
  wdfrt_int_queue_add(device->default_queue, request);
  return STATUS_SUCCESS;
}

/* --- PnP ------------------------------------------------------------------------ */

typedef NTSTATUS power_fn(WDFDEVICE, WDF_POWER_DEVICE_STATE);
typedef NTSTATUS hardware_fn(WDFDEVICE, WDFCMRESLIST, WDFCMRESLIST);

static void call_power(wdfrt_int_device_t *device, wdfrt_int_role_t role,
                       power_fn *function) {
  if (!function)
    return;
  wdfrt_int_frame_t frame;
  wdfrt_int_callback_begin(&frame, role, (const void *)function, &device->base);
  function((WDFDEVICE)WDFRT_HANDLE(&device->base), WdfPowerDeviceD3Final);
  wdfrt_int_callback_end(&frame);
}

void wdfrt_int_device_start(wdfrt_int_device_t *device) {
  WDF_PNPPOWER_EVENT_CALLBACKS *pnp = &device->init.pnp;
  if (pnp->EvtDevicePrepareHardware) {
    wdfrt_int_frame_t frame;
    wdfrt_int_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_DEVICE_PREPARE_HARDWARE,
                             (const void *)pnp->EvtDevicePrepareHardware,
                             &device->base);
    pnp->EvtDevicePrepareHardware((WDFDEVICE)WDFRT_HANDLE(&device->base),
                                  NULL, NULL);
    wdfrt_int_callback_end(&frame);
  }
  call_power(device, WDFRT_ROLE_EVT_WDF_DEVICE_D0_ENTRY, pnp->EvtDeviceD0Entry);
  device->started = 1;
}

void wdfrt_int_device_stop(wdfrt_int_device_t *device) {
  WDF_PNPPOWER_EVENT_CALLBACKS *pnp = &device->init.pnp;
  if (!device->started)
    return;
  device->started = 0;
  call_power(device, WDFRT_ROLE_EVT_WDF_DEVICE_D0_EXIT, pnp->EvtDeviceD0Exit);
  if (pnp->EvtDeviceReleaseHardware) {
    wdfrt_int_frame_t frame;
    wdfrt_int_callback_begin(&frame, WDFRT_ROLE_EVT_WDF_DEVICE_RELEASE_HARDWARE,
                             (const void *)pnp->EvtDeviceReleaseHardware,
                             &device->base);
    pnp->EvtDeviceReleaseHardware((WDFDEVICE)WDFRT_HANDLE(&device->base), NULL);
    wdfrt_int_callback_end(&frame);
  }
}
