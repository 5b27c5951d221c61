/*
 * device.cpp - DriverEntry and the Device class of the XForm driver.
 *
 * The Device object lives in the WDFDEVICE's context: constructed with
 * placement new in EvtDeviceAdd, destroyed in the context cleanup callback.
 */
#include "xform.h"

DECLARE_CONST_UNICODE_STRING(XformDeviceName, L"\\Device\\XForm");
DECLARE_CONST_UNICODE_STRING(XformLinkName, L"\\DosDevices\\XForm");

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject,
                                PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, xform::Device::EvtDeviceAdd);
    config.DriverPoolTag = xform::kDeviceTag;
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}

namespace xform {

Device *Device::FromHandle(WDFOBJECT handle)
{
    return XformGetDevice(handle);
}

NTSTATUS Device::EvtDeviceAdd(WDFDRIVER driver, PWDFDEVICE_INIT deviceInit)
{
    UNREFERENCED_PARAMETER(driver);

    WdfDeviceInitSetIoType(deviceInit, WdfDeviceIoBuffered);
    WdfDeviceInitSetDeviceType(deviceInit, FILE_DEVICE_XFORM);
    NTSTATUS status = WdfDeviceInitAssignName(deviceInit, &XformDeviceName);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, XFORM_DEVICE);
    attributes.EvtCleanupCallback = Device::EvtCleanup;

    WDFDEVICE handle;
    status = WdfDeviceCreate(&deviceInit, &attributes, &handle);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    /* The context is zeroed memory of the right size: build the object in
       it.  From here on, EvtCleanup destroys it, whatever happens next. */
    Device *device = new (XformGetDevice(handle)) Device();
    status = device->Initialize(handle);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = WdfDeviceCreateSymbolicLink(handle, &XformLinkName);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return Queue::Create(*device);
}

NTSTATUS Device::Initialize(WDFDEVICE device)
{
    m_device = device;

    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    NTSTATUS status = WdfSpinLockCreate(&attributes, &m_dataLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = m_keys.Initialize(device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    /* Transformed bytes wait here until read; the device owns the buffer
       (and the wrapper deletes it first, in EvtCleanup). */
    status = m_pending.Create(device, NonPagedPoolNx, kPendingTag,
                              kPendingCapacity);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlZeroMemory(m_pending.Buffer(), m_pending.Size());
    m_pendingBytes = 0;
    return STATUS_SUCCESS;
}

/* The WDFDEVICE is going away: run the C++ destructors (which delete the
   memory objects the wrappers own) before the context memory is freed. */
VOID Device::EvtCleanup(WDFOBJECT object)
{
    Device *device = FromHandle(object);

    device->m_keys.Destroy();
    device->~Device();
}

} // namespace xform
