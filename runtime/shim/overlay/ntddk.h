/* ntddk.h (wdfcheck shim overlay) - mingw-w64's ddk/ntddk.h, then what the
 * WDK's ntddk.h has and mingw-w64 10 lacks: the boot-driver callbacks of
 * Early Launch Anti-Malware drivers (Windows 8).  Written from the
 * documented declarations (IoRegisterBootDriverCallback, BDCB_*). */
#include_next <ntddk.h>

#ifndef WDFCHECK_SHIM_NTDDK_H
#define WDFCHECK_SHIM_NTDDK_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum _BDCB_CALLBACK_TYPE {
  BdCbStatusUpdate,
  BdCbInitializeImage
} BDCB_CALLBACK_TYPE, *PBDCB_CALLBACK_TYPE;

typedef enum _BDCB_CLASSIFICATION {
  BdCbClassificationUnknownImage,
  BdCbClassificationKnownGoodImage,
  BdCbClassificationKnownBadImage,
  BdCbClassificationKnownBadImageBootCritical,
  BdCbClassificationEnd
} BDCB_CLASSIFICATION, *PBDCB_CLASSIFICATION;

typedef enum _BDCB_STATUS_UPDATE_TYPE {
  BdCbStatusPrepareForDependencyLoad,
  BdCbStatusPrepareForDriverLoad,
  BdCbStatusPrepareForUnload
} BDCB_STATUS_UPDATE_TYPE, *PBDCB_STATUS_UPDATE_TYPE;

typedef struct _BDCB_STATUS_UPDATE_CONTEXT {
  BDCB_STATUS_UPDATE_TYPE StatusType;
} BDCB_STATUS_UPDATE_CONTEXT, *PBDCB_STATUS_UPDATE_CONTEXT;

#define BDCB_IMAGEFLAGS_FAILED_CODE_INTEGRITY (1UL << 0)

typedef struct _BDCB_IMAGE_INFORMATION {
  BDCB_CLASSIFICATION Classification;
  ULONG ImageFlags;
  UNICODE_STRING ImageName;
  UNICODE_STRING RegistryPath;
  UNICODE_STRING CertificatePublisher;
  UNICODE_STRING CertificateIssuer;
  PVOID ImageHash;
  PVOID CertificateThumbprint;
  ULONG ImageHashAlgorithm;
  ULONG ThumbprintHashAlgorithm;
  ULONG ImageHashLength;
  ULONG CertificateThumbprintLength;
} BDCB_IMAGE_INFORMATION, *PBDCB_IMAGE_INFORMATION;

typedef _IRQL_requires_same_ _Function_class_(BOOT_DRIVER_CALLBACK_FUNCTION)
VOID BOOT_DRIVER_CALLBACK_FUNCTION(
    _In_opt_ PVOID CallbackContext, _In_ BDCB_CALLBACK_TYPE Classification,
    _Inout_ PBDCB_IMAGE_INFORMATION ImageInformation);
typedef BOOT_DRIVER_CALLBACK_FUNCTION *PBOOT_DRIVER_CALLBACK_FUNCTION;

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI PVOID IoRegisterBootDriverCallback(
    _In_ PBOOT_DRIVER_CALLBACK_FUNCTION CallbackFunction,
    _In_opt_ PVOID CallbackContext);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID IoUnregisterBootDriverCallback(_In_ PVOID CallbackHandle);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_SHIM_NTDDK_H */
