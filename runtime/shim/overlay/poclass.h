/* poclass.h (wdfcheck shim overlay) - mingw-w64 has two poclass.h: a
 * stale ddk/poclass.h (no BATTERY_STATUS, no thermal interface; with it
 * batclass.h does not compile) and the current include/poclass.h.  The
 * WDK has one, the current one.  The "ddk/../" spelling finds
 * include/poclass.h from the mingw include directory only, and the
 * stale header's guard keeps it out.  Then the thermal cooling pieces of
 * the WDK's poclass.h that mingw lacks. */
#ifndef __POCLASS_H
#define __POCLASS_H
#endif
#include <ddk/../poclass.h>

#ifndef WDFCHECK_SHIM_POCLASS_H
#define WDFCHECK_SHIM_POCLASS_H

#ifdef __cplusplus
extern "C" {
#endif

extern const GUID GUID_DEVINTERFACE_THERMAL_COOLING;
extern const GUID GUID_DEVINTERFACE_THERMAL_MANAGER;

/* The function types of THERMAL_COOLING_INTERFACE's callbacks (mingw has
   only the pointer types PDEVICE_ACTIVE/PASSIVE_COOLING). */
typedef _Function_class_(DEVICE_ACTIVE_COOLING)
VOID DEVICE_ACTIVE_COOLING(_Inout_opt_ PVOID Context, _In_ BOOLEAN Engaged);

typedef _Function_class_(DEVICE_PASSIVE_COOLING)
VOID DEVICE_PASSIVE_COOLING(_Inout_opt_ PVOID Context, _In_ ULONG Percentage);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_SHIM_POCLASS_H */
