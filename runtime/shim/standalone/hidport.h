/* hidport.h (wdfcheck shim stand-in) - the HID minidriver interface of the
 * WDK, which mingw-w64 does not ship.  Searched after mingw-w64, so a real
 * hidport.h wins.  Written from the documented declarations.
 *
 * mingw-w64's ddk/hidclass.h gives IOCTL_HID_GET_DEVICE_DESCRIPTOR & co.
 * placeholder values ("FIXME: these values are wrong!"); the minidriver
 * IOCTLs are redefined here with the WDK's HID_CTL_CODE numbering, so a
 * switch over them has distinct, documented cases. */
#ifndef WDFCHECK_SHIM_HIDPORT_H
#define WDFCHECK_SHIM_HIDPORT_H

#include <hidclass.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _HID_MINIDRIVER_REGISTRATION {
  ULONG Revision;
  PDRIVER_OBJECT DriverObject;
  PUNICODE_STRING RegistryPath;
  ULONG DeviceExtensionSize;
  BOOLEAN DevicesArePolled;
  UCHAR Reserved[3];
} HID_MINIDRIVER_REGISTRATION, *PHID_MINIDRIVER_REGISTRATION;

#define HID_REVISION 0x00000001

typedef struct _HID_DEVICE_EXTENSION {
  PDEVICE_OBJECT PhysicalDeviceObject;
  PDEVICE_OBJECT NextDeviceObject;
  PVOID MiniDeviceExtension;
} HID_DEVICE_EXTENSION, *PHID_DEVICE_EXTENSION;

typedef struct _HID_DEVICE_ATTRIBUTES {
  ULONG Size;
  USHORT VendorID;
  USHORT ProductID;
  USHORT VersionNumber;
  USHORT Reserved[11];
} HID_DEVICE_ATTRIBUTES, *PHID_DEVICE_ATTRIBUTES;

#include <pshpack1.h>
typedef struct _HID_DESCRIPTOR {
  UCHAR bLength;
  UCHAR bDescriptorType;
  USHORT bcdHID;
  UCHAR bCountry;
  UCHAR bNumDescriptors;
  struct _HID_DESCRIPTOR_DESC_LIST {
    UCHAR bReportType;
    USHORT wReportLength;
  } DescriptorList[1];
} HID_DESCRIPTOR, *PHID_DESCRIPTOR;
#include <poppack.h>

typedef VOID (*HID_SEND_IDLE_CALLBACK)(_In_ PVOID Context);

typedef struct _HID_SUBMIT_IDLE_NOTIFICATION_CALLBACK_INFO {
  HID_SEND_IDLE_CALLBACK IdleCallback;
  PVOID IdleContext;
} HID_SUBMIT_IDLE_NOTIFICATION_CALLBACK_INFO,
    *PHID_SUBMIT_IDLE_NOTIFICATION_CALLBACK_INFO;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS HidRegisterMinidriver(
    _In_ PHID_MINIDRIVER_REGISTRATION MinidriverRegistration);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS HidNotifyPresence(_In_ PDEVICE_OBJECT DeviceObject,
                           _In_ BOOLEAN IsPresent);

/* The minidriver IOCTLs, numbered as the WDK numbers them. */
#ifndef HID_CTL_CODE
#define HID_CTL_CODE(id)                                                        \
  CTL_CODE(FILE_DEVICE_KEYBOARD, (id), METHOD_NEITHER, FILE_ANY_ACCESS)
#endif
#undef IOCTL_HID_GET_DEVICE_DESCRIPTOR
#undef IOCTL_HID_GET_REPORT_DESCRIPTOR
#undef IOCTL_HID_READ_REPORT
#undef IOCTL_HID_WRITE_REPORT
#undef IOCTL_HID_GET_STRING
#undef IOCTL_HID_ACTIVATE_DEVICE
#undef IOCTL_HID_DEACTIVATE_DEVICE
#undef IOCTL_HID_GET_DEVICE_ATTRIBUTES
#undef IOCTL_HID_SEND_IDLE_NOTIFICATION_REQUEST
#define IOCTL_HID_GET_DEVICE_DESCRIPTOR HID_CTL_CODE(0)
#define IOCTL_HID_GET_REPORT_DESCRIPTOR HID_CTL_CODE(1)
#define IOCTL_HID_READ_REPORT HID_CTL_CODE(2)
#define IOCTL_HID_WRITE_REPORT HID_CTL_CODE(3)
#define IOCTL_HID_GET_STRING HID_CTL_CODE(4)
#define IOCTL_HID_ACTIVATE_DEVICE HID_CTL_CODE(7)
#define IOCTL_HID_DEACTIVATE_DEVICE HID_CTL_CODE(8)
#define IOCTL_HID_GET_DEVICE_ATTRIBUTES HID_CTL_CODE(9)
#define IOCTL_HID_SEND_IDLE_NOTIFICATION_REQUEST HID_CTL_CODE(10)

#ifndef HID_STRING_ID_IMANUFACTURER
#define HID_STRING_ID_IMANUFACTURER 14
#define HID_STRING_ID_IPRODUCT 15
#define HID_STRING_ID_ISERIALNUMBER 16
#endif

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_SHIM_HIDPORT_H */
