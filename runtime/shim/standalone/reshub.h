/* reshub.h (wdfcheck shim stand-in) - the resource hub path of a
 * connection ID (SPB, GPIO peripherals), which mingw-w64 does not ship.
 * Searched after mingw-w64.  RESOURCE_HUB_CREATE_PATH_FROM_ID is inline
 * in the WDK; declared only here. */
#ifndef WDFCHECK_SHIM_RESHUB_H
#define WDFCHECK_SHIM_RESHUB_H

#ifdef __cplusplus
extern "C" {
#endif

#define RESOURCE_HUB_DEVICE_NAME L"\\Device\\RESOURCE_HUB"
/* "\Device\RESOURCE_HUB\" and 16 hexadecimal digits. */
#define RESOURCE_HUB_PATH_CHARS (sizeof(RESOURCE_HUB_DEVICE_NAME) / sizeof(WCHAR) + 16 + 1)
#define RESOURCE_HUB_PATH_SIZE (RESOURCE_HUB_PATH_CHARS * sizeof(WCHAR))

NTSTATUS RESOURCE_HUB_CREATE_PATH_FROM_ID(_Out_ PUNICODE_STRING DevicePath,
                                          _In_ ULONG IdLowPart,
                                          _In_ ULONG IdHighPart);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_SHIM_RESHUB_H */
