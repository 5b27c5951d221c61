/*
 * wdfrt_ntddk_sites.h - the driver's call sites, for the wdfcheck runtime.
 *
 * Included by ntddk.h only when WDFCHECK_RUNTIME is defined nonzero (the
 * runtime's CMake helper and tests define it; static analysis never does).
 * Each kernel routine the runtime implements becomes a macro
 *
 *     #define KeLowerIrql (wdfrt_int_at(__FILE__, __LINE__), KeLowerIrql)
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
void wdfrt_int_at(const char *file, int line);
void *wdfrt_int_RtlCopyMemory(void *Destination, const void *Source,
                           size_t Length);
void *wdfrt_int_RtlMoveMemory(void *Destination, const void *Source,
                           size_t Length);
void *wdfrt_int_RtlFillMemory(void *Destination, size_t Length, int Fill);
void *wdfrt_int_RtlZeroMemory(void *Destination, size_t Length);
#ifdef __cplusplus
}
#endif

#undef RtlCopyMemory
#undef RtlMoveMemory
#undef RtlFillMemory
#undef RtlZeroMemory
#define RtlCopyMemory (wdfrt_int_at(__FILE__, __LINE__), wdfrt_int_RtlCopyMemory)
#define RtlMoveMemory (wdfrt_int_at(__FILE__, __LINE__), wdfrt_int_RtlMoveMemory)
#define RtlFillMemory (wdfrt_int_at(__FILE__, __LINE__), wdfrt_int_RtlFillMemory)
#define RtlZeroMemory (wdfrt_int_at(__FILE__, __LINE__), wdfrt_int_RtlZeroMemory)

/* On amd64 the WDK shape makes KeRaiseIrql and KeAcquireSpinLock macros
   over KfRaiseIrql and KeAcquireSpinLockRaiseToDpc, which carry the site. */
#if !WDFCHECK_SHAPE_IS_WDK
#define KeRaiseIrql (wdfrt_int_at(__FILE__, __LINE__), KeRaiseIrql)
#define KeAcquireSpinLock (wdfrt_int_at(__FILE__, __LINE__), KeAcquireSpinLock)
#endif

#define RtlInitUnicodeString (wdfrt_int_at(__FILE__, __LINE__), RtlInitUnicodeString)
#define RtlCopyUnicodeString (wdfrt_int_at(__FILE__, __LINE__), RtlCopyUnicodeString)
#define KeGetCurrentIrql (wdfrt_int_at(__FILE__, __LINE__), KeGetCurrentIrql)
#define KeLowerIrql (wdfrt_int_at(__FILE__, __LINE__), KeLowerIrql)
#define KfRaiseIrql (wdfrt_int_at(__FILE__, __LINE__), KfRaiseIrql)
#define KeRaiseIrqlToDpcLevel (wdfrt_int_at(__FILE__, __LINE__), KeRaiseIrqlToDpcLevel)
#define KeInitializeSpinLock (wdfrt_int_at(__FILE__, __LINE__), KeInitializeSpinLock)
#define KeAcquireSpinLockRaiseToDpc (wdfrt_int_at(__FILE__, __LINE__), KeAcquireSpinLockRaiseToDpc)
#define KeReleaseSpinLock (wdfrt_int_at(__FILE__, __LINE__), KeReleaseSpinLock)
#define KeAcquireSpinLockAtDpcLevel (wdfrt_int_at(__FILE__, __LINE__), KeAcquireSpinLockAtDpcLevel)
#define KeReleaseSpinLockFromDpcLevel (wdfrt_int_at(__FILE__, __LINE__), KeReleaseSpinLockFromDpcLevel)
#define KeAcquireInStackQueuedSpinLock (wdfrt_int_at(__FILE__, __LINE__), KeAcquireInStackQueuedSpinLock)
#define KeReleaseInStackQueuedSpinLock (wdfrt_int_at(__FILE__, __LINE__), KeReleaseInStackQueuedSpinLock)
#define KeInitializeEvent (wdfrt_int_at(__FILE__, __LINE__), KeInitializeEvent)
#define KeSetEvent (wdfrt_int_at(__FILE__, __LINE__), KeSetEvent)
#define KeClearEvent (wdfrt_int_at(__FILE__, __LINE__), KeClearEvent)
#define KeReadStateEvent (wdfrt_int_at(__FILE__, __LINE__), KeReadStateEvent)
#define KeWaitForSingleObject (wdfrt_int_at(__FILE__, __LINE__), KeWaitForSingleObject)
#define KeDelayExecutionThread (wdfrt_int_at(__FILE__, __LINE__), KeDelayExecutionThread)
#define KeStallExecutionProcessor (wdfrt_int_at(__FILE__, __LINE__), KeStallExecutionProcessor)
#define ExInitializeFastMutex (wdfrt_int_at(__FILE__, __LINE__), ExInitializeFastMutex)
#define ExAcquireFastMutex (wdfrt_int_at(__FILE__, __LINE__), ExAcquireFastMutex)
#define ExReleaseFastMutex (wdfrt_int_at(__FILE__, __LINE__), ExReleaseFastMutex)
#define ExTryToAcquireFastMutex (wdfrt_int_at(__FILE__, __LINE__), ExTryToAcquireFastMutex)
#define ExAllocatePoolWithTag (wdfrt_int_at(__FILE__, __LINE__), ExAllocatePoolWithTag)
#define ExAllocatePool (wdfrt_int_at(__FILE__, __LINE__), ExAllocatePool)
#define ExAllocatePool2 (wdfrt_int_at(__FILE__, __LINE__), ExAllocatePool2)
#define ExAllocatePool3 (wdfrt_int_at(__FILE__, __LINE__), ExAllocatePool3)
#define ExFreePoolWithTag (wdfrt_int_at(__FILE__, __LINE__), ExFreePoolWithTag)
#define ExFreePool (wdfrt_int_at(__FILE__, __LINE__), ExFreePool)
#define RtlCompareMemory (wdfrt_int_at(__FILE__, __LINE__), RtlCompareMemory)
#define RtlSecureZeroMemory (wdfrt_int_at(__FILE__, __LINE__), RtlSecureZeroMemory)
#define ProbeForRead (wdfrt_int_at(__FILE__, __LINE__), ProbeForRead)
#define ProbeForWrite (wdfrt_int_at(__FILE__, __LINE__), ProbeForWrite)
#define DbgPrint (wdfrt_int_at(__FILE__, __LINE__), DbgPrint)
#define DbgPrintEx (wdfrt_int_at(__FILE__, __LINE__), DbgPrintEx)
#define DbgBreakPoint (wdfrt_int_at(__FILE__, __LINE__), DbgBreakPoint)
#define KeQueryInterruptTime (wdfrt_int_at(__FILE__, __LINE__), KeQueryInterruptTime)
#define KeQuerySystemTimePrecise (wdfrt_int_at(__FILE__, __LINE__), KeQuerySystemTimePrecise)
#define MmMapIoSpaceEx (wdfrt_int_at(__FILE__, __LINE__), MmMapIoSpaceEx)
#define MmUnmapIoSpace (wdfrt_int_at(__FILE__, __LINE__), MmUnmapIoSpace)
#define READ_REGISTER_ULONG (wdfrt_int_at(__FILE__, __LINE__), READ_REGISTER_ULONG)
#define WRITE_REGISTER_ULONG (wdfrt_int_at(__FILE__, __LINE__), WRITE_REGISTER_ULONG)
#define READ_REGISTER_USHORT (wdfrt_int_at(__FILE__, __LINE__), READ_REGISTER_USHORT)
#define WRITE_REGISTER_USHORT (wdfrt_int_at(__FILE__, __LINE__), WRITE_REGISTER_USHORT)
#define IofCompleteRequest (wdfrt_int_at(__FILE__, __LINE__), IofCompleteRequest)

#endif /* WDFCHECK_WDFRT_NTDDK_SITES_H */
