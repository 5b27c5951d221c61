/* usbdlib.h (wdfcheck shim overlay) - mingw-w64's ddk/usbdlib.h, then the
 * USBD handle API of Windows 8 (USBD_CreateHandle & co.), which the WDK's
 * usbdlib.h declares and mingw-w64 10 does not.  The capability GUIDs are
 * declared, not defined: their values are not needed to check a driver. */
#include_next <usbdlib.h>

#ifndef WDFCHECK_SHIM_USBDLIB_H
#define WDFCHECK_SHIM_USBDLIB_H

#ifdef __cplusplus
extern "C" {
#endif

DECLARE_HANDLE(USBD_HANDLE);

#define USBD_CLIENT_CONTRACT_VERSION_INVALID 0xFFFFFFFF
#define USBD_CLIENT_CONTRACT_VERSION_602 0x602
#ifndef USBD_INTERFACE_VERSION_602
#define USBD_INTERFACE_VERSION_602 0x602
#endif

extern const GUID GUID_USB_CAPABILITY_CHAINED_MDLS;
extern const GUID GUID_USB_CAPABILITY_SELECTIVE_SUSPEND;
extern const GUID GUID_USB_CAPABILITY_FUNCTION_SUSPEND;
extern const GUID GUID_USB_CAPABILITY_DEVICE_CONNECTION_HIGH_SPEED_COMPATIBLE;
extern const GUID GUID_USB_CAPABILITY_DEVICE_CONNECTION_SUPER_SPEED_COMPATIBLE;
extern const GUID GUID_USB_CAPABILITY_STATIC_STREAMS;
extern const GUID GUID_USB_CAPABILITY_TIME_SYNC;
extern const GUID GUID_USB_CAPABILITY_DEVICE_TYPE;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS USBD_CreateHandle(_In_ PDEVICE_OBJECT DeviceObject,
                           _In_ PDEVICE_OBJECT TargetDeviceObject,
                           _In_ ULONG USBDClientContractVersion,
                           _In_ ULONG PoolTag, _Out_ USBD_HANDLE *USBDHandle);

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID USBD_CloseHandle(_In_ USBD_HANDLE USBDHandle);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS USBD_QueryUsbCapability(
    _In_ USBD_HANDLE USBDHandle, _In_ const GUID *CapabilityType,
    _In_ ULONG OutputBufferLength,
    _Inout_updates_bytes_opt_(OutputBufferLength) PUCHAR OutputBuffer,
    _Out_opt_ PULONG ResultLength);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS USBD_UrbAllocate(_In_ USBD_HANDLE USBDHandle, _Out_ PURB *Urb);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID USBD_UrbFree(_In_ USBD_HANDLE USBDHandle, _In_ PURB Urb);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS USBD_IsochUrbAllocate(_In_ USBD_HANDLE USBDHandle,
                               _In_ ULONG NumberOfIsochPackets,
                               _Out_ PURB *Urb);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS USBD_SelectConfigUrbAllocateAndBuild(
    _In_ USBD_HANDLE USBDHandle,
    _In_ PUSB_CONFIGURATION_DESCRIPTOR ConfigurationDescriptor,
    _In_ PUSBD_INTERFACE_LIST_ENTRY InterfaceList, _Out_ PURB *Urb);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS USBD_SelectInterfaceUrbAllocateAndBuild(
    _In_ USBD_HANDLE USBDHandle,
    _In_ USBD_CONFIGURATION_HANDLE ConfigurationHandle,
    _In_ PUSBD_INTERFACE_LIST_ENTRY InterfaceListEntry, _Out_ PURB *Urb);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS USBD_AssignUrbToIoStackLocation(_In_ USBD_HANDLE USBDHandle,
                                         _In_ PIO_STACK_LOCATION IoStackLocation,
                                         _In_ PURB Urb);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_SHIM_USBDLIB_H */
