/*
 * driver.c - DriverEntry, device creation and hardware setup of the
 * UsbStream driver.
 */
#include "usbstream.h"

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, UsbStreamEvtDeviceAdd);
    config.DriverPoolTag = USBSTREAM_TAG;
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}

/* Packets are allocated at DISPATCH_LEVEL by the reader callback, so the
   list is non-paged.  Memory objects from it have the device as parent, so
   that none survives the device even if one is forgotten. */
static NTSTATUS UsbStreamCreatePacketLookaside(PDEVICE_CONTEXT DeviceContext)
{
    WDF_OBJECT_ATTRIBUTES lookasideAttributes;
    WDF_OBJECT_ATTRIBUTES memoryAttributes;

    WDF_OBJECT_ATTRIBUTES_INIT(&lookasideAttributes);
    lookasideAttributes.ParentObject = DeviceContext->Device;
    WDF_OBJECT_ATTRIBUTES_INIT(&memoryAttributes);
    memoryAttributes.ParentObject = DeviceContext->Device;

    return WdfLookasideListCreate(&lookasideAttributes, sizeof(USBSTREAM_PACKET),
                                  NonPagedPool, &memoryAttributes,
                                  USBSTREAM_PACKET_TAG,
                                  &DeviceContext->PacketLookaside);
}

static NTSTATUS UsbStreamCreateRecoveryWorkItem(PDEVICE_CONTEXT DeviceContext)
{
    WDF_WORKITEM_CONFIG workItemConfig;
    WDF_OBJECT_ATTRIBUTES attributes;

    WDF_WORKITEM_CONFIG_INIT(&workItemConfig, UsbStreamEvtRecoveryWorkItem);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = DeviceContext->Device;
    return WdfWorkItemCreate(&workItemConfig, &attributes,
                             &DeviceContext->RecoveryWorkItem);
}

NTSTATUS UsbStreamEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_PNPPOWER_EVENT_CALLBACKS pnpPowerCallbacks;
    WDF_OBJECT_ATTRIBUTES attributes;
    PDEVICE_CONTEXT deviceContext;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnpPowerCallbacks);
    pnpPowerCallbacks.EvtDevicePrepareHardware = UsbStreamEvtPrepareHardware;
    pnpPowerCallbacks.EvtDeviceReleaseHardware = UsbStreamEvtReleaseHardware;
    pnpPowerCallbacks.EvtDeviceD0Entry = UsbStreamEvtD0Entry;
    pnpPowerCallbacks.EvtDeviceD0Exit = UsbStreamEvtD0Exit;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnpPowerCallbacks);

    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, WRITE_CONTEXT);
    WdfDeviceInitSetRequestAttributes(DeviceInit, &attributes);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    attributes.EvtCleanupCallback = UsbStreamEvtDeviceCleanup;
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    deviceContext = UsbStreamGetDeviceContext(device);
    RtlZeroMemory(deviceContext, sizeof(*deviceContext));
    deviceContext->Device = device;
    KeInitializeSpinLock(&deviceContext->PacketLock);
    InitializeListHead(&deviceContext->PacketList);
    KeInitializeSpinLock(&deviceContext->ErrorLock);
    InitializeListHead(&deviceContext->ErrorList);

    status = UsbStreamCreatePacketLookaside(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = UsbStreamCreateRecoveryWorkItem(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    return UsbStreamQueueInitialize(device);
}

/* The device is being deleted: drop the queued packets and error records.
   (Packet memory would go with the device anyway; this returns it to the
   lookaside list right away.) */
VOID UsbStreamEvtDeviceCleanup(WDFOBJECT Device)
{
    PDEVICE_CONTEXT deviceContext = UsbStreamGetDeviceContext(Device);
    PLIST_ENTRY entry;
    KIRQL oldIrql;

    UsbStreamFlushPackets(deviceContext);

    KeAcquireSpinLock(&deviceContext->ErrorLock, &oldIrql);
    while (!IsListEmpty(&deviceContext->ErrorList)) {
        entry = RemoveHeadList(&deviceContext->ErrorList);
        ExFreePoolWithTag(CONTAINING_RECORD(entry, USBSTREAM_ERROR_RECORD, Link),
                          USBSTREAM_ERROR_TAG);
    }
    KeReleaseSpinLock(&deviceContext->ErrorLock, oldIrql);
}

/* ------------------------------------------------------------------------ */
/* Hardware                                                                  */
/* ------------------------------------------------------------------------ */

/* Reads the 18-byte device descriptor over the control pipe. */
static NTSTATUS UsbStreamReadDeviceDescriptor(PDEVICE_CONTEXT DeviceContext)
{
    USBLINK_SETUP_PACKET setup;
    WDFMEMORY descriptorMemory;
    PUCHAR descriptor;
    ULONG transferred = 0;
    NTSTATUS status;

    /* A transfer buffer of its own: usblink may DMA into it. */
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                             USBSTREAM_DESCRIPTOR_TAG,
                             sizeof(DeviceContext->DeviceDescriptor),
                             &descriptorMemory, (PVOID *)&descriptor);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlZeroMemory(descriptor, sizeof(DeviceContext->DeviceDescriptor));

    RtlZeroMemory(&setup, sizeof(setup));
    setup.RequestType = USBLINK_DIR_IN | USBLINK_TYPE_STANDARD;
    setup.Request = USBLINK_REQUEST_GET_DESCRIPTOR;
    setup.Value = (USHORT)(USBLINK_DESCRIPTOR_DEVICE << 8);
    setup.Index = 0;
    setup.Length = (USHORT)sizeof(DeviceContext->DeviceDescriptor);

    status = UsbLinkControlTransfer(DeviceContext->Link, &setup, descriptor,
                                    sizeof(DeviceContext->DeviceDescriptor),
                                    &transferred);
    if (!NT_SUCCESS(status)) {
        KdPrint(("usbstream: GET_DESCRIPTOR failed %08x\n", (ULONG)status));
        return status;
    }

    if (transferred == sizeof(DeviceContext->DeviceDescriptor)) {
        RtlCopyMemory(DeviceContext->DeviceDescriptor, descriptor,
                      sizeof(DeviceContext->DeviceDescriptor));
        DeviceContext->DescriptorValid = TRUE;
    }
    WdfObjectDelete(descriptorMemory);
    return STATUS_SUCCESS;
}

NTSTATUS UsbStreamEvtPrepareHardware(WDFDEVICE Device, WDFCMRESLIST ResourcesRaw,
                                     WDFCMRESLIST ResourcesTranslated)
{
    PDEVICE_CONTEXT deviceContext = UsbStreamGetDeviceContext(Device);
    USBLINK_READER_CONFIG readerConfig;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(ResourcesRaw);
    UNREFERENCED_PARAMETER(ResourcesTranslated);

    status = UsbLinkOpen(Device, &deviceContext->Link);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = UsbStreamReadDeviceDescriptor(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = UsbLinkGetPipe(deviceContext->Link, UsbLinkPipeBulkIn,
                            &deviceContext->BulkIn, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = UsbLinkGetPipe(deviceContext->Link, UsbLinkPipeBulkOut,
                            &deviceContext->BulkOut,
                            &deviceContext->OutMaxPacketSize);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    if (deviceContext->OutMaxPacketSize == 0) {
        deviceContext->OutMaxPacketSize = 64;
    }

    USBLINK_READER_CONFIG_INIT(&readerConfig, UsbStreamEvtReaderComplete,
                               deviceContext, USBSTREAM_TRANSFER_SIZE);
    readerConfig.EvtReaderFailed = UsbStreamEvtReaderFailed;
    readerConfig.NumPendingReads = 3;
    return UsbLinkConfigContinuousReader(deviceContext->BulkIn, &readerConfig);
}

NTSTATUS UsbStreamEvtReleaseHardware(WDFDEVICE Device,
                                     WDFCMRESLIST ResourcesTranslated)
{
    PDEVICE_CONTEXT deviceContext = UsbStreamGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(ResourcesTranslated);

    if (deviceContext->Link != NULL) {
        UsbLinkClose(deviceContext->Link);
        deviceContext->Link = NULL;
        deviceContext->BulkIn = NULL;
        deviceContext->BulkOut = NULL;
    }
    return STATUS_SUCCESS;
}

NTSTATUS UsbStreamEvtD0Entry(WDFDEVICE Device, WDF_POWER_DEVICE_STATE PreviousState)
{
    PDEVICE_CONTEXT deviceContext = UsbStreamGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(PreviousState);
    return UsbLinkReaderStart(deviceContext->BulkIn);
}

NTSTATUS UsbStreamEvtD0Exit(WDFDEVICE Device, WDF_POWER_DEVICE_STATE TargetState)
{
    PDEVICE_CONTEXT deviceContext = UsbStreamGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(TargetState);
    /* Waits for the reads in flight: no reader callback runs after this. */
    UsbLinkReaderStop(deviceContext->BulkIn);
    return STATUS_SUCCESS;
}

/* The reader gave up on an error: keep the packets received so far, let
   usblink reset the pipe and restart. */
BOOLEAN UsbStreamEvtReaderFailed(PVOID Context, NTSTATUS Status)
{
    PDEVICE_CONTEXT deviceContext = (PDEVICE_CONTEXT)Context;

    UsbStreamTrace(deviceContext, "reader failed", (ULONG)Status);
    return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Trace                                                                     */
/* ------------------------------------------------------------------------ */

/* One line per event, to the debugger.  The line is built in a pool
   buffer: pageable when the caller runs low enough to touch it. */
VOID UsbStreamTrace(PDEVICE_CONTEXT DeviceContext, PCSTR Event, ULONG Value)
{
    PCHAR line;
    POOL_FLAGS flags;
    ULONG i;

    UNREFERENCED_PARAMETER(DeviceContext);

    if (KeGetCurrentIrql() <= APC_LEVEL) {
        flags = POOL_FLAG_PAGED;
    } else {
        flags = POOL_FLAG_NON_PAGED;
    }
    line = (PCHAR)ExAllocatePool2(flags, 64, USBSTREAM_TRACE_TAG);
    if (line == NULL) {
        return;
    }
    for (i = 0; i < 47 && Event[i] != '\0'; i++) {
        line[i] = Event[i];
    }
    line[i] = '\0';
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_TRACE_LEVEL, "usbstream: %s %08x\n",
               line, Value);
    ExFreePoolWithTag(line, USBSTREAM_TRACE_TAG);
}
