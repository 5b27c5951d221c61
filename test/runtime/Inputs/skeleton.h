/*
 * skeleton.h - DriverEntry and EvtDriverDeviceAdd for the runtime's test
 * drivers: one device (with DEVICE_CONTEXT when the test defines
 * SKELETON_CONTEXT) and a default sequential queue whose callbacks the test
 * sets in ConfigureQueue.  Include it after those definitions.
 */
#ifndef SKELETON_H
#define SKELETON_H

#include <ntddk.h>
#include <wdf.h>

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config);

static NTSTATUS SkeletonDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_IO_QUEUE_CONFIG config;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFDEVICE device;
  UNREFERENCED_PARAMETER(Driver);
#ifdef SKELETON_CONTEXT
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, SKELETON_CONTEXT);
#else
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
#endif
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
  if (!NT_SUCCESS(status))
    return status;
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchSequential);
  ConfigureQueue(&config);
  return WdfIoQueueCreate(device, &config, WDF_NO_OBJECT_ATTRIBUTES,
                          WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  WDF_DRIVER_CONFIG_INIT(&config, SkeletonDeviceAdd);
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                         &config, WDF_NO_HANDLE);
}

#endif
