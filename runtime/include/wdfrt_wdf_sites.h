/*
 * wdfrt_wdf_sites.h - the driver's call sites of the WDF DDIs, for the
 * wdfcheck runtime.
 *
 * Included by wdf.h only when WDFCHECK_RUNTIME is defined nonzero, after
 * every declaration: each DDI name becomes a macro that records __FILE__
 * and __LINE__ before the call (in the WDK shape, before its FORCEINLINE
 * wrapper runs), so the runtime reports the driver's own line.  See
 * wdfrt_ntddk_sites.h for why the macros are object-like.
 * WdfObjectReferenceActual and WdfObjectDereferenceActual are left alone:
 * the WdfObjectReference macros already pass the caller's file and line.
 */
#ifndef WDFCHECK_WDFRT_WDF_SITES_H
#define WDFCHECK_WDFRT_WDF_SITES_H

#include "wdfrt_ntddk_sites.h"

/* In the WDK shape WdfGetDriver is an inline read of the driver globals. */
#if !WDFCHECK_SHAPE_IS_WDK
#define WdfGetDriver (_wdfrt_at(__FILE__, __LINE__), WdfGetDriver)
#endif
#define WdfDriverCreate (_wdfrt_at(__FILE__, __LINE__), WdfDriverCreate)
#define WdfDriverGetRegistryPath (_wdfrt_at(__FILE__, __LINE__), WdfDriverGetRegistryPath)
#define WdfDeviceInitSetPnpPowerEventCallbacks (_wdfrt_at(__FILE__, __LINE__), WdfDeviceInitSetPnpPowerEventCallbacks)
#define WdfDeviceInitSetIoType (_wdfrt_at(__FILE__, __LINE__), WdfDeviceInitSetIoType)
#define WdfDeviceInitSetExclusive (_wdfrt_at(__FILE__, __LINE__), WdfDeviceInitSetExclusive)
#define WdfDeviceInitSetDeviceType (_wdfrt_at(__FILE__, __LINE__), WdfDeviceInitSetDeviceType)
#define WdfDeviceInitSetFileObjectConfig (_wdfrt_at(__FILE__, __LINE__), WdfDeviceInitSetFileObjectConfig)
#define WdfDeviceInitSetRequestAttributes (_wdfrt_at(__FILE__, __LINE__), WdfDeviceInitSetRequestAttributes)
#define WdfDeviceInitSetIoInCallerContextCallback (_wdfrt_at(__FILE__, __LINE__), WdfDeviceInitSetIoInCallerContextCallback)
#define WdfDeviceInitAssignName (_wdfrt_at(__FILE__, __LINE__), WdfDeviceInitAssignName)
#define WdfDeviceCreate (_wdfrt_at(__FILE__, __LINE__), WdfDeviceCreate)
#define WdfDeviceCreateDeviceInterface (_wdfrt_at(__FILE__, __LINE__), WdfDeviceCreateDeviceInterface)
#define WdfDeviceCreateSymbolicLink (_wdfrt_at(__FILE__, __LINE__), WdfDeviceCreateSymbolicLink)
#define WdfDeviceGetDriver (_wdfrt_at(__FILE__, __LINE__), WdfDeviceGetDriver)
#define WdfDeviceGetDefaultQueue (_wdfrt_at(__FILE__, __LINE__), WdfDeviceGetDefaultQueue)
#define WdfDeviceWdmGetDeviceObject (_wdfrt_at(__FILE__, __LINE__), WdfDeviceWdmGetDeviceObject)
#define WdfDeviceEnqueueRequest (_wdfrt_at(__FILE__, __LINE__), WdfDeviceEnqueueRequest)
#define WdfFileObjectGetDevice (_wdfrt_at(__FILE__, __LINE__), WdfFileObjectGetDevice)
#define WdfIoQueueCreate (_wdfrt_at(__FILE__, __LINE__), WdfIoQueueCreate)
#define WdfIoQueueGetDevice (_wdfrt_at(__FILE__, __LINE__), WdfIoQueueGetDevice)
#define WdfIoQueueRetrieveNextRequest (_wdfrt_at(__FILE__, __LINE__), WdfIoQueueRetrieveNextRequest)
#define WdfIoQueueStart (_wdfrt_at(__FILE__, __LINE__), WdfIoQueueStart)
#define WdfIoQueuePurgeSynchronously (_wdfrt_at(__FILE__, __LINE__), WdfIoQueuePurgeSynchronously)
#define WdfRequestGetIoQueue (_wdfrt_at(__FILE__, __LINE__), WdfRequestGetIoQueue)
#define WdfRequestGetParameters (_wdfrt_at(__FILE__, __LINE__), WdfRequestGetParameters)
#define WdfRequestComplete (_wdfrt_at(__FILE__, __LINE__), WdfRequestComplete)
#define WdfRequestCompleteWithInformation (_wdfrt_at(__FILE__, __LINE__), WdfRequestCompleteWithInformation)
#define WdfRequestCompleteWithPriorityBoost (_wdfrt_at(__FILE__, __LINE__), WdfRequestCompleteWithPriorityBoost)
#define WdfRequestSetInformation (_wdfrt_at(__FILE__, __LINE__), WdfRequestSetInformation)
#define WdfRequestGetInformation (_wdfrt_at(__FILE__, __LINE__), WdfRequestGetInformation)
#define WdfRequestGetStatus (_wdfrt_at(__FILE__, __LINE__), WdfRequestGetStatus)
#define WdfRequestRetrieveInputBuffer (_wdfrt_at(__FILE__, __LINE__), WdfRequestRetrieveInputBuffer)
#define WdfRequestRetrieveOutputBuffer (_wdfrt_at(__FILE__, __LINE__), WdfRequestRetrieveOutputBuffer)
#define WdfRequestRetrieveInputMemory (_wdfrt_at(__FILE__, __LINE__), WdfRequestRetrieveInputMemory)
#define WdfRequestRetrieveOutputMemory (_wdfrt_at(__FILE__, __LINE__), WdfRequestRetrieveOutputMemory)
#define WdfRequestRetrieveUnsafeUserInputBuffer (_wdfrt_at(__FILE__, __LINE__), WdfRequestRetrieveUnsafeUserInputBuffer)
#define WdfRequestRetrieveUnsafeUserOutputBuffer (_wdfrt_at(__FILE__, __LINE__), WdfRequestRetrieveUnsafeUserOutputBuffer)
#define WdfRequestProbeAndLockUserBufferForRead (_wdfrt_at(__FILE__, __LINE__), WdfRequestProbeAndLockUserBufferForRead)
#define WdfRequestProbeAndLockUserBufferForWrite (_wdfrt_at(__FILE__, __LINE__), WdfRequestProbeAndLockUserBufferForWrite)
#define WdfRequestMarkCancelable (_wdfrt_at(__FILE__, __LINE__), WdfRequestMarkCancelable)
#define WdfRequestMarkCancelableEx (_wdfrt_at(__FILE__, __LINE__), WdfRequestMarkCancelableEx)
#define WdfRequestUnmarkCancelable (_wdfrt_at(__FILE__, __LINE__), WdfRequestUnmarkCancelable)
#define WdfRequestIsCanceled (_wdfrt_at(__FILE__, __LINE__), WdfRequestIsCanceled)
#define WdfRequestGetFileObject (_wdfrt_at(__FILE__, __LINE__), WdfRequestGetFileObject)
#define WdfRequestGetRequestorMode (_wdfrt_at(__FILE__, __LINE__), WdfRequestGetRequestorMode)
#define WdfRequestForwardToIoQueue (_wdfrt_at(__FILE__, __LINE__), WdfRequestForwardToIoQueue)
#define WdfRequestSetCompletionRoutine (_wdfrt_at(__FILE__, __LINE__), WdfRequestSetCompletionRoutine)
#define WdfMemoryCreate (_wdfrt_at(__FILE__, __LINE__), WdfMemoryCreate)
#define WdfMemoryCreatePreallocated (_wdfrt_at(__FILE__, __LINE__), WdfMemoryCreatePreallocated)
#define WdfMemoryGetBuffer (_wdfrt_at(__FILE__, __LINE__), WdfMemoryGetBuffer)
#define WdfMemoryAssignBuffer (_wdfrt_at(__FILE__, __LINE__), WdfMemoryAssignBuffer)
#define WdfMemoryCopyToBuffer (_wdfrt_at(__FILE__, __LINE__), WdfMemoryCopyToBuffer)
#define WdfMemoryCopyFromBuffer (_wdfrt_at(__FILE__, __LINE__), WdfMemoryCopyFromBuffer)
#define WdfLookasideListCreate (_wdfrt_at(__FILE__, __LINE__), WdfLookasideListCreate)
#define WdfMemoryCreateFromLookaside (_wdfrt_at(__FILE__, __LINE__), WdfMemoryCreateFromLookaside)
#define WdfObjectGetTypedContextWorker (_wdfrt_at(__FILE__, __LINE__), WdfObjectGetTypedContextWorker)
#define WdfObjectAllocateContext (_wdfrt_at(__FILE__, __LINE__), WdfObjectAllocateContext)
#define WdfObjectContextGetObject (_wdfrt_at(__FILE__, __LINE__), WdfObjectContextGetObject)
#define WdfObjectCreate (_wdfrt_at(__FILE__, __LINE__), WdfObjectCreate)
#define WdfObjectDelete (_wdfrt_at(__FILE__, __LINE__), WdfObjectDelete)
#define WdfSpinLockCreate (_wdfrt_at(__FILE__, __LINE__), WdfSpinLockCreate)
#define WdfSpinLockAcquire (_wdfrt_at(__FILE__, __LINE__), WdfSpinLockAcquire)
#define WdfSpinLockRelease (_wdfrt_at(__FILE__, __LINE__), WdfSpinLockRelease)
#define WdfWaitLockCreate (_wdfrt_at(__FILE__, __LINE__), WdfWaitLockCreate)
#define WdfWaitLockAcquire (_wdfrt_at(__FILE__, __LINE__), WdfWaitLockAcquire)
#define WdfWaitLockRelease (_wdfrt_at(__FILE__, __LINE__), WdfWaitLockRelease)
#define WdfDpcCreate (_wdfrt_at(__FILE__, __LINE__), WdfDpcCreate)
#define WdfDpcEnqueue (_wdfrt_at(__FILE__, __LINE__), WdfDpcEnqueue)
#define WdfDpcCancel (_wdfrt_at(__FILE__, __LINE__), WdfDpcCancel)
#define WdfDpcGetParentObject (_wdfrt_at(__FILE__, __LINE__), WdfDpcGetParentObject)
#define WdfTimerCreate (_wdfrt_at(__FILE__, __LINE__), WdfTimerCreate)
#define WdfTimerStart (_wdfrt_at(__FILE__, __LINE__), WdfTimerStart)
#define WdfTimerStop (_wdfrt_at(__FILE__, __LINE__), WdfTimerStop)
#define WdfTimerGetParentObject (_wdfrt_at(__FILE__, __LINE__), WdfTimerGetParentObject)
#define WdfWorkItemCreate (_wdfrt_at(__FILE__, __LINE__), WdfWorkItemCreate)
#define WdfWorkItemEnqueue (_wdfrt_at(__FILE__, __LINE__), WdfWorkItemEnqueue)
#define WdfWorkItemGetParentObject (_wdfrt_at(__FILE__, __LINE__), WdfWorkItemGetParentObject)
#define WdfWorkItemFlush (_wdfrt_at(__FILE__, __LINE__), WdfWorkItemFlush)
#define WdfInterruptCreate (_wdfrt_at(__FILE__, __LINE__), WdfInterruptCreate)
#define WdfInterruptQueueDpcForIsr (_wdfrt_at(__FILE__, __LINE__), WdfInterruptQueueDpcForIsr)
#define WdfInterruptQueueWorkItemForIsr (_wdfrt_at(__FILE__, __LINE__), WdfInterruptQueueWorkItemForIsr)
#define WdfInterruptSynchronize (_wdfrt_at(__FILE__, __LINE__), WdfInterruptSynchronize)
#define WdfInterruptAcquireLock (_wdfrt_at(__FILE__, __LINE__), WdfInterruptAcquireLock)
#define WdfInterruptReleaseLock (_wdfrt_at(__FILE__, __LINE__), WdfInterruptReleaseLock)
#define WdfInterruptGetDevice (_wdfrt_at(__FILE__, __LINE__), WdfInterruptGetDevice)

#endif /* WDFCHECK_WDFRT_WDF_SITES_H */
