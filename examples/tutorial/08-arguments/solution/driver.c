/*
 * Tutorial chapter 8: pool type and pool tag.
 *
 * A tiny KMDF driver. When its device is added it creates a 512-byte
 * scratch buffer that lives as long as the device, and keeps the handle in
 * the device's context.
 *
 * There is one mistake in this file. Run
 *     build/bin/wdfcheck examples/tutorial/08-arguments/driver.c --
 * and read docs/tutorial/08-arguments.md.
 */
#include <ntddk.h>
#include <wdf.h>

#define TUT_POOL_TAG    'buTT'  /* shows as "TTub" in !pool and poolmon */
#define TUT_SCRATCH_SIZE 512

typedef struct _TUT_DEVICE_CONTEXT {
    WDFMEMORY Scratch;
} TUT_DEVICE_CONTEXT, *PTUT_DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(TUT_DEVICE_CONTEXT, TutGetDeviceContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD TutEvtDeviceAdd;

NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, TutEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath,
                           WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}

NTSTATUS
TutEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    PTUT_DEVICE_CONTEXT context;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, TUT_DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    context = TutGetDeviceContext(device);

    /* The scratch buffer lives as long as the device: make it its child. */
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, TUT_POOL_TAG,
                             TUT_SCRATCH_SIZE, &context->Scratch, NULL);
    return status;
}
