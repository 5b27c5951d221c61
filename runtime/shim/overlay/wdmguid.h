/* wdmguid.h (wdfcheck shim overlay) - mingw-w64's ddk/wdmguid.h, then the
 * thermal cooling interface GUID (Windows 8) it lacks; declared, its value
 * is not needed to check a driver. */
#include_next <wdmguid.h>

#ifndef WDFCHECK_SHIM_WDMGUID_H
#define WDFCHECK_SHIM_WDMGUID_H
#ifdef __cplusplus
extern "C" {
#endif
extern const GUID GUID_THERMAL_COOLING_INTERFACE;
#ifdef __cplusplus
}
#endif
#endif /* WDFCHECK_SHIM_WDMGUID_H */
