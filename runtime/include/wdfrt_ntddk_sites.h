/*
 * wdfrt_ntddk_sites.h - the driver's call sites, for the wdfcheck runtime.
 *
 * Included by ntddk.h only when WDFCHECK_RUNTIME is defined nonzero (the
 * runtime's CMake helper and tests define it; static analysis never does).
 * Each kernel routine the runtime implements becomes a macro
 *
 *     #define KeLowerIrql (_wdfrt_at(__FILE__, __LINE__), KeLowerIrql)
 *
 * so a call records the driver's file and line first and the runtime's
 * reports point at the driver's own line, while the driver's source stays
 * unchanged.  The macros are object-like on purpose: __LINE__ is then the
 * line of the routine's name, where the call starts, with every compiler
 * (in a function-like macro clang gives the line of the closing
 * parenthesis).  The comma expression still calls the routine, and in C++
 * still names it.  RtlCopyMemory, RtlMoveMemory, RtlFillMemory and
 * RtlZeroMemory become calls of the runtime, which checks what reaches a
 * request's output buffer.
 */
#ifndef WDFCHECK_WDFRT_NTDDK_SITES_H
#define WDFCHECK_WDFRT_NTDDK_SITES_H

#ifdef __cplusplus
extern "C" {
#endif
void _wdfrt_at(const char *file, int line);
void *_wdfrt_RtlCopyMemory(void *Destination, const void *Source,
                           size_t Length);
void *_wdfrt_RtlMoveMemory(void *Destination, const void *Source,
                           size_t Length);
void *_wdfrt_RtlFillMemory(void *Destination, size_t Length, int Fill);
void *_wdfrt_RtlZeroMemory(void *Destination, size_t Length);
#ifdef __cplusplus
}
#endif

#undef RtlCopyMemory
#undef RtlMoveMemory
#undef RtlFillMemory
#undef RtlZeroMemory
#define RtlCopyMemory (_wdfrt_at(__FILE__, __LINE__), _wdfrt_RtlCopyMemory)
#define RtlMoveMemory (_wdfrt_at(__FILE__, __LINE__), _wdfrt_RtlMoveMemory)
#define RtlFillMemory (_wdfrt_at(__FILE__, __LINE__), _wdfrt_RtlFillMemory)
#define RtlZeroMemory (_wdfrt_at(__FILE__, __LINE__), _wdfrt_RtlZeroMemory)

/* On amd64 the WDK shape makes KeRaiseIrql and KeAcquireSpinLock macros
   over KfRaiseIrql and KeAcquireSpinLockRaiseToDpc, which carry the site. */
#if !WDFCHECK_SHAPE_IS_WDK
#define KeRaiseIrql (_wdfrt_at(__FILE__, __LINE__), KeRaiseIrql)
#define KeAcquireSpinLock (_wdfrt_at(__FILE__, __LINE__), KeAcquireSpinLock)
#endif

#define RtlInitUnicodeString (_wdfrt_at(__FILE__, __LINE__), RtlInitUnicodeString)
#define RtlCopyUnicodeString (_wdfrt_at(__FILE__, __LINE__), RtlCopyUnicodeString)
#define KeGetCurrentIrql (_wdfrt_at(__FILE__, __LINE__), KeGetCurrentIrql)
#define KeLowerIrql (_wdfrt_at(__FILE__, __LINE__), KeLowerIrql)
#define KfRaiseIrql (_wdfrt_at(__FILE__, __LINE__), KfRaiseIrql)
#define KeRaiseIrqlToDpcLevel (_wdfrt_at(__FILE__, __LINE__), KeRaiseIrqlToDpcLevel)
#define KeInitializeSpinLock (_wdfrt_at(__FILE__, __LINE__), KeInitializeSpinLock)
#define KeAcquireSpinLockRaiseToDpc (_wdfrt_at(__FILE__, __LINE__), KeAcquireSpinLockRaiseToDpc)
#define KeReleaseSpinLock (_wdfrt_at(__FILE__, __LINE__), KeReleaseSpinLock)
#define KeAcquireSpinLockAtDpcLevel (_wdfrt_at(__FILE__, __LINE__), KeAcquireSpinLockAtDpcLevel)
#define KeReleaseSpinLockFromDpcLevel (_wdfrt_at(__FILE__, __LINE__), KeReleaseSpinLockFromDpcLevel)
#define KeAcquireInStackQueuedSpinLock (_wdfrt_at(__FILE__, __LINE__), KeAcquireInStackQueuedSpinLock)
#define KeReleaseInStackQueuedSpinLock (_wdfrt_at(__FILE__, __LINE__), KeReleaseInStackQueuedSpinLock)
#define KeInitializeEvent (_wdfrt_at(__FILE__, __LINE__), KeInitializeEvent)
#define KeSetEvent (_wdfrt_at(__FILE__, __LINE__), KeSetEvent)
#define KeClearEvent (_wdfrt_at(__FILE__, __LINE__), KeClearEvent)
#define KeReadStateEvent (_wdfrt_at(__FILE__, __LINE__), KeReadStateEvent)
#define KeWaitForSingleObject (_wdfrt_at(__FILE__, __LINE__), KeWaitForSingleObject)
#define KeDelayExecutionThread (_wdfrt_at(__FILE__, __LINE__), KeDelayExecutionThread)
#define KeStallExecutionProcessor (_wdfrt_at(__FILE__, __LINE__), KeStallExecutionProcessor)
#define ExInitializeFastMutex (_wdfrt_at(__FILE__, __LINE__), ExInitializeFastMutex)
#define ExAcquireFastMutex (_wdfrt_at(__FILE__, __LINE__), ExAcquireFastMutex)
#define ExReleaseFastMutex (_wdfrt_at(__FILE__, __LINE__), ExReleaseFastMutex)
#define ExTryToAcquireFastMutex (_wdfrt_at(__FILE__, __LINE__), ExTryToAcquireFastMutex)
#define ExAllocatePoolWithTag (_wdfrt_at(__FILE__, __LINE__), ExAllocatePoolWithTag)
#define ExAllocatePool (_wdfrt_at(__FILE__, __LINE__), ExAllocatePool)
#define ExAllocatePool2 (_wdfrt_at(__FILE__, __LINE__), ExAllocatePool2)
#define ExAllocatePool3 (_wdfrt_at(__FILE__, __LINE__), ExAllocatePool3)
#define ExFreePoolWithTag (_wdfrt_at(__FILE__, __LINE__), ExFreePoolWithTag)
#define ExFreePool (_wdfrt_at(__FILE__, __LINE__), ExFreePool)
#define RtlCompareMemory (_wdfrt_at(__FILE__, __LINE__), RtlCompareMemory)
#define RtlSecureZeroMemory (_wdfrt_at(__FILE__, __LINE__), RtlSecureZeroMemory)
#define ProbeForRead (_wdfrt_at(__FILE__, __LINE__), ProbeForRead)
#define ProbeForWrite (_wdfrt_at(__FILE__, __LINE__), ProbeForWrite)
#define DbgPrint (_wdfrt_at(__FILE__, __LINE__), DbgPrint)
#define DbgPrintEx (_wdfrt_at(__FILE__, __LINE__), DbgPrintEx)
#define DbgBreakPoint (_wdfrt_at(__FILE__, __LINE__), DbgBreakPoint)
#define KeQueryInterruptTime (_wdfrt_at(__FILE__, __LINE__), KeQueryInterruptTime)
#define KeQuerySystemTimePrecise (_wdfrt_at(__FILE__, __LINE__), KeQuerySystemTimePrecise)
#define MmMapIoSpaceEx (_wdfrt_at(__FILE__, __LINE__), MmMapIoSpaceEx)
#define MmUnmapIoSpace (_wdfrt_at(__FILE__, __LINE__), MmUnmapIoSpace)
#define READ_REGISTER_ULONG (_wdfrt_at(__FILE__, __LINE__), READ_REGISTER_ULONG)
#define WRITE_REGISTER_ULONG (_wdfrt_at(__FILE__, __LINE__), WRITE_REGISTER_ULONG)
#define READ_REGISTER_USHORT (_wdfrt_at(__FILE__, __LINE__), READ_REGISTER_USHORT)
#define WRITE_REGISTER_USHORT (_wdfrt_at(__FILE__, __LINE__), WRITE_REGISTER_USHORT)
#define IofCompleteRequest (_wdfrt_at(__FILE__, __LINE__), IofCompleteRequest)

#endif /* WDFCHECK_WDFRT_NTDDK_SITES_H */
