#include "ctx.h"

EVT_WDF_DRIVER_DEVICE_ADD EvtDeviceAdd;
NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDFDEVICE device;
  DEVICE_CONTEXT *devCtx;
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
  if (!NT_SUCCESS(status))
    return status;
  devCtx = GetDeviceContext(device);
  devCtx->Table = ExAllocatePool2(POOL_FLAG_PAGED, 256, 'lbaT');
  devCtx->Scratch = ExAllocatePool2(POOL_FLAG_NON_PAGED, 256, 'lbaT');
  return STATUS_SUCCESS;
}
