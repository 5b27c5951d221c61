/* wdm.h (wdfcheck shim overlay) - mingw-w64's ddk/wdm.h, then the pieces
 * of the WDK's wdm.h that mingw-w64 10 lacks and KMDF drivers use.
 *
 * Each declaration is written from its documented signature (Microsoft
 * Learn, WDK DDI reference); nothing is defined that the WDK declares only.
 * The IRQL annotations are the documented ones, so wdfcheck's IRQL model
 * reads them from this text as it would from the WDK's.
 */
#include_next <wdm.h>

#ifndef WDFCHECK_SHIM_WDM_H
#define WDFCHECK_SHIM_WDM_H

#include <driverspecs.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Pool allocation with flags (Windows 10 2004) ---------------------
 * ExAllocatePool2/3 replace ExAllocatePoolWithTag; they zero the memory
 * unless POOL_FLAG_UNINITIALIZED.  The flag values are the documented
 * ones (POOL_FLAGS), plain literals so a checker can read them. */
typedef ULONG64 POOL_FLAGS;

#define POOL_FLAG_REQUIRED_START 0x0000000000000001ULL
#define POOL_FLAG_USE_QUOTA 0x0000000000000001ULL
#define POOL_FLAG_UNINITIALIZED 0x0000000000000002ULL
#define POOL_FLAG_SESSION 0x0000000000000004ULL
#define POOL_FLAG_CACHE_ALIGNED 0x0000000000000008ULL
#define POOL_FLAG_RESERVED1 0x0000000000000010ULL
#define POOL_FLAG_RAISE_ON_FAILURE 0x0000000000000020ULL
#define POOL_FLAG_NON_PAGED 0x0000000000000040ULL
#define POOL_FLAG_NON_PAGED_EXECUTE 0x0000000000000080ULL
#define POOL_FLAG_PAGED 0x0000000000000100ULL
#define POOL_FLAG_RESERVED2 0x0000000000000200ULL
#define POOL_FLAG_RESERVED3 0x0000000000000400ULL
#define POOL_FLAG_REQUIRED_END 0x0000000080000000ULL
#define POOL_FLAG_OPTIONAL_START 0x0000000100000000ULL
#define POOL_FLAG_SPECIAL_POOL 0x0000000100000000ULL
#define POOL_FLAG_OPTIONAL_END 0x8000000000000000ULL

typedef enum _POOL_EXTENDED_PARAMETER_TYPE {
  PoolExtendedParameterInvalidType = 0,
  PoolExtendedParameterPriority,
  PoolExtendedParameterSecurePool,
  PoolExtendedParameterNumaNode,
  PoolExtendedParameterMax
} POOL_EXTENDED_PARAMETER_TYPE, *PPOOL_EXTENDED_PARAMETER_TYPE;

#define POOL_EXTENDED_PARAMETER_TYPE_BITS 8
#define POOL_EXTENDED_PARAMETER_REQUIRED_FIELD_BITS 1
#define POOL_EXTENDED_PARAMETER_RESERVED_BITS                                   \
  (64 - POOL_EXTENDED_PARAMETER_TYPE_BITS -                                     \
   POOL_EXTENDED_PARAMETER_REQUIRED_FIELD_BITS)

#define SECURE_POOL_FLAGS_NONE 0x0
#define SECURE_POOL_FLAGS_FREEABLE 0x1
#define SECURE_POOL_FLAGS_MODIFIABLE 0x2

typedef struct _POOL_EXTENDED_PARAMS_SECURE_POOL {
  HANDLE SecurePoolHandle;
  PVOID Buffer;
  ULONG_PTR Cookie;
  ULONG SecurePoolFlags;
} POOL_EXTENDED_PARAMS_SECURE_POOL;

typedef ULONG POOL_NODE_REQUIREMENT;
#define POOL_NODE_REQUIREMENT_ANY ((POOL_NODE_REQUIREMENT)0x7FFFFFFF)

typedef struct _POOL_EXTENDED_PARAMETER {
  struct {
    ULONG64 Type : POOL_EXTENDED_PARAMETER_TYPE_BITS;
    ULONG64 Optional : POOL_EXTENDED_PARAMETER_REQUIRED_FIELD_BITS;
    ULONG64 Reserved : POOL_EXTENDED_PARAMETER_RESERVED_BITS;
  };
  union {
    ULONG64 Reserved2;
    PVOID Reserved3;
    EX_POOL_PRIORITY Priority;
    POOL_EXTENDED_PARAMS_SECURE_POOL *SecurePoolParams;
    POOL_NODE_REQUIREMENT PreferredNode;
  };
} POOL_EXTENDED_PARAMETER, *PPOOL_EXTENDED_PARAMETER;
typedef CONST POOL_EXTENDED_PARAMETER *PCPOOL_EXTENDED_PARAMETER;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI ExAllocatePool2(_In_ POOL_FLAGS Flags,
                                        _In_ SIZE_T NumberOfBytes,
                                        _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI ExAllocatePool3(
    _In_ POOL_FLAGS Flags, _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag,
    _In_reads_opt_(ExtendedParametersCount)
        PCPOOL_EXTENDED_PARAMETER ExtendedParameters,
    _In_ ULONG ExtendedParametersCount);

/* The WDK makes these FORCEINLINE wrappers (over ExAllocatePool2 when the
 * running kernel has it); declared here, so an analyzer models them by
 * name instead of reading a wrapper body that is not the WDK's. */
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID NTAPI ExAllocatePoolZero(_In_ POOL_TYPE PoolType,
                               _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag);
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID NTAPI ExAllocatePoolUninitialized(_In_ POOL_TYPE PoolType,
                                        _In_ SIZE_T NumberOfBytes,
                                        _In_ ULONG Tag);
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID NTAPI ExAllocatePoolQuotaZero(_In_ POOL_TYPE PoolType,
                                    _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag);
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID NTAPI ExAllocatePoolQuotaUninitialized(_In_ POOL_TYPE PoolType,
                                             _In_ SIZE_T NumberOfBytes,
                                             _In_ ULONG Tag);
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID NTAPI ExAllocatePoolPriorityZero(_In_ POOL_TYPE PoolType,
                                       _In_ SIZE_T NumberOfBytes,
                                       _In_ ULONG Tag,
                                       _In_ EX_POOL_PRIORITY Priority);
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID NTAPI ExAllocatePoolPriorityUninitialized(_In_ POOL_TYPE PoolType,
                                                _In_ SIZE_T NumberOfBytes,
                                                _In_ ULONG Tag,
                                                _In_ EX_POOL_PRIORITY Priority);

/* ---- NX pool opt-in ----------------------------------------------------
 * A driver that defines POOL_NX_OPTIN=1 calls
 * ExInitializeDriverRuntime(DrvRtPoolNxOptIn) in DriverEntry; the WDK
 * makes it a FORCEINLINE function over ExDefaultNonPagedPoolType.
 * mingw-w64 has no remapping of NonPagedPool: here the function is only
 * declared, and NonPagedPool stays the enumerator (what wdfcheck's
 * WM-rules call "macro defined, constant enum"). */
#define DrvRtPoolNxOptIn 0x00000001
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID ExInitializeDriverRuntime(_In_ ULONG RuntimeFlags);

/* FIELD_OFFSET as an unsigned value (winnt.h/wdm.h in the WDK). */
#ifndef UFIELD_OFFSET
#define UFIELD_OFFSET(type, field) ((ULONG)(LONG_PTR) & (((type *)0)->field))
#endif

/* ---- Runtime power management framework (PoFx, Windows 8) ------------
 * mingw-w64 has POHANDLE, PO_FX_VERSION (V2), the component structs and
 * the component/power-control callback types; the device registration
 * part below is what it lacks. */
#ifndef PO_FX_VERSION_V3
#define PO_FX_VERSION_V3 0x00000003
#endif

#define PO_FX_UNKNOWN_POWER 0xFFFFFFFF
#define PO_FX_UNKNOWN_TIME 0xFFFFFFFFFFFFFFFFULL

#define PO_FX_FLAG_BLOCKING 0x1
#define PO_FX_FLAG_ASYNC_ONLY 0x2

#define PO_FX_DEVICE_FLAG_RESERVED_1 0x0000000000000001ULL
#define PO_FX_DEVICE_FLAG_DFX_CHILDREN_OPTIONAL 0x0000000000000002ULL
#define PO_FX_DEVICE_FLAG_DISABLE_FAST_RESUME 0x0000000000000004ULL

typedef _Function_class_(PO_FX_DEVICE_POWER_REQUIRED_CALLBACK)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID PO_FX_DEVICE_POWER_REQUIRED_CALLBACK(_In_ PVOID Context);
typedef PO_FX_DEVICE_POWER_REQUIRED_CALLBACK
    *PPO_FX_DEVICE_POWER_REQUIRED_CALLBACK;

typedef _Function_class_(PO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID PO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK(_In_ PVOID Context);
typedef PO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK
    *PPO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK;

typedef _Function_class_(PO_FX_POWER_CONTROL_CALLBACK)
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS PO_FX_POWER_CONTROL_CALLBACK(
    _In_ PVOID DeviceContext, _In_ LPCGUID PowerControlCode,
    _In_reads_bytes_opt_(InBufferSize) PVOID InBuffer,
    _In_ SIZE_T InBufferSize,
    _Out_writes_bytes_opt_(OutBufferSize) PVOID OutBuffer,
    _In_ SIZE_T OutBufferSize, _Out_opt_ PSIZE_T BytesReturned);
typedef PO_FX_POWER_CONTROL_CALLBACK *PPO_FX_POWER_CONTROL_CALLBACK;

typedef _Function_class_(PO_FX_COMPONENT_CRITICAL_TRANSITION_CALLBACK)
_IRQL_requires_max_(HIGH_LEVEL)
VOID PO_FX_COMPONENT_CRITICAL_TRANSITION_CALLBACK(_In_ PVOID Context,
                                                  _In_ ULONG Component,
                                                  _In_ BOOLEAN Active);
typedef PO_FX_COMPONENT_CRITICAL_TRANSITION_CALLBACK
    *PPO_FX_COMPONENT_CRITICAL_TRANSITION_CALLBACK;

typedef _Function_class_(PO_FX_DIRECTED_POWER_DOWN_CALLBACK)
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID PO_FX_DIRECTED_POWER_DOWN_CALLBACK(_In_ PVOID Context, _In_ ULONG Flags);
typedef PO_FX_DIRECTED_POWER_DOWN_CALLBACK *PPO_FX_DIRECTED_POWER_DOWN_CALLBACK;

typedef _Function_class_(PO_FX_DIRECTED_POWER_UP_CALLBACK)
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID PO_FX_DIRECTED_POWER_UP_CALLBACK(_In_ PVOID Context, _In_ ULONG Flags);
typedef PO_FX_DIRECTED_POWER_UP_CALLBACK *PPO_FX_DIRECTED_POWER_UP_CALLBACK;

typedef struct _PO_FX_DEVICE_V1 {
  ULONG Version;
  ULONG ComponentCount;
  PPO_FX_COMPONENT_ACTIVE_CONDITION_CALLBACK ComponentActiveConditionCallback;
  PPO_FX_COMPONENT_IDLE_CONDITION_CALLBACK ComponentIdleConditionCallback;
  PPO_FX_COMPONENT_IDLE_STATE_CALLBACK ComponentIdleStateCallback;
  PPO_FX_DEVICE_POWER_REQUIRED_CALLBACK DevicePowerRequiredCallback;
  PPO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK DevicePowerNotRequiredCallback;
  PPO_FX_POWER_CONTROL_CALLBACK PowerControlCallback;
  PVOID DeviceContext;
  PO_FX_COMPONENT_V1 Components[ANYSIZE_ARRAY];
} PO_FX_DEVICE_V1, *PPO_FX_DEVICE_V1;

typedef struct _PO_FX_DEVICE_V2 {
  ULONG Version;
  ULONGLONG Flags;
  PPO_FX_COMPONENT_ACTIVE_CONDITION_CALLBACK ComponentActiveConditionCallback;
  PPO_FX_COMPONENT_IDLE_CONDITION_CALLBACK ComponentIdleConditionCallback;
  PPO_FX_COMPONENT_IDLE_STATE_CALLBACK ComponentIdleStateCallback;
  PPO_FX_DEVICE_POWER_REQUIRED_CALLBACK DevicePowerRequiredCallback;
  PPO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK DevicePowerNotRequiredCallback;
  PPO_FX_POWER_CONTROL_CALLBACK PowerControlCallback;
  PVOID DeviceContext;
  ULONG ComponentCount;
  PO_FX_COMPONENT_V2 Components[ANYSIZE_ARRAY];
} PO_FX_DEVICE_V2, *PPO_FX_DEVICE_V2;

typedef struct _PO_FX_DEVICE_V3 {
  ULONG Version;
  ULONGLONG Flags;
  PPO_FX_COMPONENT_ACTIVE_CONDITION_CALLBACK ComponentActiveConditionCallback;
  PPO_FX_COMPONENT_IDLE_CONDITION_CALLBACK ComponentIdleConditionCallback;
  PPO_FX_COMPONENT_IDLE_STATE_CALLBACK ComponentIdleStateCallback;
  PPO_FX_DEVICE_POWER_REQUIRED_CALLBACK DevicePowerRequiredCallback;
  PPO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK DevicePowerNotRequiredCallback;
  PPO_FX_POWER_CONTROL_CALLBACK PowerControlCallback;
  PPO_FX_DIRECTED_POWER_DOWN_CALLBACK DirectedPowerDownCallback;
  PPO_FX_DIRECTED_POWER_UP_CALLBACK DirectedPowerUpCallback;
  PVOID DeviceContext;
  ULONG ComponentCount;
  PO_FX_COMPONENT_V2 Components[ANYSIZE_ARRAY];
} PO_FX_DEVICE_V3, *PPO_FX_DEVICE_V3;

/* The same version as mingw's PO_FX_COMPONENT. */
#if PO_FX_VERSION == PO_FX_VERSION_V1
typedef PO_FX_DEVICE_V1 PO_FX_DEVICE, *PPO_FX_DEVICE;
#else
typedef PO_FX_DEVICE_V2 PO_FX_DEVICE, *PPO_FX_DEVICE;
#endif

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS PoFxRegisterDevice(_In_ PDEVICE_OBJECT Pdo,
                                        _In_ PPO_FX_DEVICE Device,
                                        _Out_ POHANDLE *Handle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxStartDevicePowerManagement(_In_ POHANDLE Handle);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI VOID PoFxUnregisterDevice(_In_ POHANDLE Handle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxActivateComponent(_In_ POHANDLE Handle,
                                       _In_ ULONG Component, _In_ ULONG Flags);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxIdleComponent(_In_ POHANDLE Handle, _In_ ULONG Component,
                                   _In_ ULONG Flags);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxCompleteIdleCondition(_In_ POHANDLE Handle,
                                           _In_ ULONG Component);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxCompleteIdleState(_In_ POHANDLE Handle,
                                       _In_ ULONG Component);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxCompleteDevicePowerNotRequired(_In_ POHANDLE Handle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxReportDevicePoweredOn(_In_ POHANDLE Handle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxSetDeviceIdleTimeout(_In_ POHANDLE Handle,
                                          _In_ ULONGLONG IdleTimeout);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxSetComponentLatency(_In_ POHANDLE Handle,
                                         _In_ ULONG Component,
                                         _In_ ULONGLONG Latency);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxSetComponentResidency(_In_ POHANDLE Handle,
                                           _In_ ULONG Component,
                                           _In_ ULONGLONG Residency);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID PoFxSetComponentWake(_In_ POHANDLE Handle,
                                      _In_ ULONG Component,
                                      _In_ BOOLEAN WakeHint);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS PoFxPowerControl(
    _In_ POHANDLE Handle, _In_ LPCGUID PowerControlCode,
    _In_reads_bytes_opt_(InBufferSize) PVOID InBuffer,
    _In_ SIZE_T InBufferSize,
    _Out_writes_bytes_opt_(OutBufferSize) PVOID OutBuffer,
    _In_ SIZE_T OutBufferSize, _Out_opt_ PSIZE_T BytesReturned);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_SHIM_WDM_H */
