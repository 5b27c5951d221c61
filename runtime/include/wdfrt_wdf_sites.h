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
#define WdfGetDriver (wdfrt_int_at(__FILE__, __LINE__), WdfGetDriver)
#endif
#define WdfDriverCreate (wdfrt_int_at(__FILE__, __LINE__), WdfDriverCreate)
#define WdfDriverGetRegistryPath (wdfrt_int_at(__FILE__, __LINE__), WdfDriverGetRegistryPath)
#define WdfDeviceInitSetPnpPowerEventCallbacks (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceInitSetPnpPowerEventCallbacks)
#define WdfDeviceInitSetIoType (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceInitSetIoType)
#define WdfDeviceInitSetExclusive (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceInitSetExclusive)
#define WdfDeviceInitSetDeviceType (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceInitSetDeviceType)
#define WdfDeviceInitSetFileObjectConfig (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceInitSetFileObjectConfig)
#define WdfDeviceInitSetRequestAttributes (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceInitSetRequestAttributes)
#define WdfDeviceInitSetIoInCallerContextCallback (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceInitSetIoInCallerContextCallback)
#define WdfDeviceInitAssignName (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceInitAssignName)
#define WdfDeviceCreate (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceCreate)
#define WdfDeviceCreateDeviceInterface (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceCreateDeviceInterface)
#define WdfDeviceCreateSymbolicLink (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceCreateSymbolicLink)
#define WdfDeviceGetDriver (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceGetDriver)
#define WdfDeviceGetDefaultQueue (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceGetDefaultQueue)
#define WdfDeviceWdmGetDeviceObject (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceWdmGetDeviceObject)
#define WdfDeviceEnqueueRequest (wdfrt_int_at(__FILE__, __LINE__), WdfDeviceEnqueueRequest)
#define WdfFileObjectGetDevice (wdfrt_int_at(__FILE__, __LINE__), WdfFileObjectGetDevice)
#define WdfIoQueueCreate (wdfrt_int_at(__FILE__, __LINE__), WdfIoQueueCreate)
#define WdfIoQueueGetDevice (wdfrt_int_at(__FILE__, __LINE__), WdfIoQueueGetDevice)
#define WdfIoQueueRetrieveNextRequest (wdfrt_int_at(__FILE__, __LINE__), WdfIoQueueRetrieveNextRequest)
#define WdfIoQueueStart (wdfrt_int_at(__FILE__, __LINE__), WdfIoQueueStart)
#define WdfIoQueuePurgeSynchronously (wdfrt_int_at(__FILE__, __LINE__), WdfIoQueuePurgeSynchronously)
#define WdfRequestGetIoQueue (wdfrt_int_at(__FILE__, __LINE__), WdfRequestGetIoQueue)
#define WdfRequestGetParameters (wdfrt_int_at(__FILE__, __LINE__), WdfRequestGetParameters)
#define WdfRequestComplete (wdfrt_int_at(__FILE__, __LINE__), WdfRequestComplete)
#define WdfRequestCompleteWithInformation (wdfrt_int_at(__FILE__, __LINE__), WdfRequestCompleteWithInformation)
#define WdfRequestCompleteWithPriorityBoost (wdfrt_int_at(__FILE__, __LINE__), WdfRequestCompleteWithPriorityBoost)
#define WdfRequestSetInformation (wdfrt_int_at(__FILE__, __LINE__), WdfRequestSetInformation)
#define WdfRequestGetInformation (wdfrt_int_at(__FILE__, __LINE__), WdfRequestGetInformation)
#define WdfRequestGetStatus (wdfrt_int_at(__FILE__, __LINE__), WdfRequestGetStatus)
#define WdfRequestRetrieveInputBuffer (wdfrt_int_at(__FILE__, __LINE__), WdfRequestRetrieveInputBuffer)
#define WdfRequestRetrieveOutputBuffer (wdfrt_int_at(__FILE__, __LINE__), WdfRequestRetrieveOutputBuffer)
#define WdfRequestRetrieveInputMemory (wdfrt_int_at(__FILE__, __LINE__), WdfRequestRetrieveInputMemory)
#define WdfRequestRetrieveOutputMemory (wdfrt_int_at(__FILE__, __LINE__), WdfRequestRetrieveOutputMemory)
#define WdfRequestRetrieveUnsafeUserInputBuffer (wdfrt_int_at(__FILE__, __LINE__), WdfRequestRetrieveUnsafeUserInputBuffer)
#define WdfRequestRetrieveUnsafeUserOutputBuffer (wdfrt_int_at(__FILE__, __LINE__), WdfRequestRetrieveUnsafeUserOutputBuffer)
#define WdfRequestProbeAndLockUserBufferForRead (wdfrt_int_at(__FILE__, __LINE__), WdfRequestProbeAndLockUserBufferForRead)
#define WdfRequestProbeAndLockUserBufferForWrite (wdfrt_int_at(__FILE__, __LINE__), WdfRequestProbeAndLockUserBufferForWrite)
#define WdfRequestMarkCancelable (wdfrt_int_at(__FILE__, __LINE__), WdfRequestMarkCancelable)
#define WdfRequestMarkCancelableEx (wdfrt_int_at(__FILE__, __LINE__), WdfRequestMarkCancelableEx)
#define WdfRequestUnmarkCancelable (wdfrt_int_at(__FILE__, __LINE__), WdfRequestUnmarkCancelable)
#define WdfRequestIsCanceled (wdfrt_int_at(__FILE__, __LINE__), WdfRequestIsCanceled)
#define WdfRequestGetFileObject (wdfrt_int_at(__FILE__, __LINE__), WdfRequestGetFileObject)
#define WdfRequestGetRequestorMode (wdfrt_int_at(__FILE__, __LINE__), WdfRequestGetRequestorMode)
#define WdfRequestForwardToIoQueue (wdfrt_int_at(__FILE__, __LINE__), WdfRequestForwardToIoQueue)
#define WdfRequestSetCompletionRoutine (wdfrt_int_at(__FILE__, __LINE__), WdfRequestSetCompletionRoutine)
#define WdfMemoryCreate (wdfrt_int_at(__FILE__, __LINE__), WdfMemoryCreate)
#define WdfMemoryCreatePreallocated (wdfrt_int_at(__FILE__, __LINE__), WdfMemoryCreatePreallocated)
#define WdfMemoryGetBuffer (wdfrt_int_at(__FILE__, __LINE__), WdfMemoryGetBuffer)
#define WdfMemoryAssignBuffer (wdfrt_int_at(__FILE__, __LINE__), WdfMemoryAssignBuffer)
#define WdfMemoryCopyToBuffer (wdfrt_int_at(__FILE__, __LINE__), WdfMemoryCopyToBuffer)
#define WdfMemoryCopyFromBuffer (wdfrt_int_at(__FILE__, __LINE__), WdfMemoryCopyFromBuffer)
#define WdfLookasideListCreate (wdfrt_int_at(__FILE__, __LINE__), WdfLookasideListCreate)
#define WdfMemoryCreateFromLookaside (wdfrt_int_at(__FILE__, __LINE__), WdfMemoryCreateFromLookaside)
#define WdfObjectGetTypedContextWorker (wdfrt_int_at(__FILE__, __LINE__), WdfObjectGetTypedContextWorker)
#define WdfObjectAllocateContext (wdfrt_int_at(__FILE__, __LINE__), WdfObjectAllocateContext)
#define WdfObjectContextGetObject (wdfrt_int_at(__FILE__, __LINE__), WdfObjectContextGetObject)
#define WdfObjectCreate (wdfrt_int_at(__FILE__, __LINE__), WdfObjectCreate)
#define WdfObjectDelete (wdfrt_int_at(__FILE__, __LINE__), WdfObjectDelete)
#define WdfSpinLockCreate (wdfrt_int_at(__FILE__, __LINE__), WdfSpinLockCreate)
#define WdfSpinLockAcquire (wdfrt_int_at(__FILE__, __LINE__), WdfSpinLockAcquire)
#define WdfSpinLockRelease (wdfrt_int_at(__FILE__, __LINE__), WdfSpinLockRelease)
#define WdfWaitLockCreate (wdfrt_int_at(__FILE__, __LINE__), WdfWaitLockCreate)
#define WdfWaitLockAcquire (wdfrt_int_at(__FILE__, __LINE__), WdfWaitLockAcquire)
#define WdfWaitLockRelease (wdfrt_int_at(__FILE__, __LINE__), WdfWaitLockRelease)
#define WdfDpcCreate (wdfrt_int_at(__FILE__, __LINE__), WdfDpcCreate)
#define WdfDpcEnqueue (wdfrt_int_at(__FILE__, __LINE__), WdfDpcEnqueue)
#define WdfDpcCancel (wdfrt_int_at(__FILE__, __LINE__), WdfDpcCancel)
#define WdfDpcGetParentObject (wdfrt_int_at(__FILE__, __LINE__), WdfDpcGetParentObject)
#define WdfTimerCreate (wdfrt_int_at(__FILE__, __LINE__), WdfTimerCreate)
#define WdfTimerStart (wdfrt_int_at(__FILE__, __LINE__), WdfTimerStart)
#define WdfTimerStop (wdfrt_int_at(__FILE__, __LINE__), WdfTimerStop)
#define WdfTimerGetParentObject (wdfrt_int_at(__FILE__, __LINE__), WdfTimerGetParentObject)
#define WdfWorkItemCreate (wdfrt_int_at(__FILE__, __LINE__), WdfWorkItemCreate)
#define WdfWorkItemEnqueue (wdfrt_int_at(__FILE__, __LINE__), WdfWorkItemEnqueue)
#define WdfWorkItemGetParentObject (wdfrt_int_at(__FILE__, __LINE__), WdfWorkItemGetParentObject)
#define WdfWorkItemFlush (wdfrt_int_at(__FILE__, __LINE__), WdfWorkItemFlush)
#define WdfInterruptCreate (wdfrt_int_at(__FILE__, __LINE__), WdfInterruptCreate)
#define WdfInterruptQueueDpcForIsr (wdfrt_int_at(__FILE__, __LINE__), WdfInterruptQueueDpcForIsr)
#define WdfInterruptQueueWorkItemForIsr (wdfrt_int_at(__FILE__, __LINE__), WdfInterruptQueueWorkItemForIsr)
#define WdfInterruptSynchronize (wdfrt_int_at(__FILE__, __LINE__), WdfInterruptSynchronize)
#define WdfInterruptAcquireLock (wdfrt_int_at(__FILE__, __LINE__), WdfInterruptAcquireLock)
#define WdfInterruptReleaseLock (wdfrt_int_at(__FILE__, __LINE__), WdfInterruptReleaseLock)
#define WdfInterruptGetDevice (wdfrt_int_at(__FILE__, __LINE__), WdfInterruptGetDevice)

/* Filling a memory descriptor uses the memory it names (WM005, WM009): the
   runtime checks the handle or buffer, then fills the descriptor as the
   header's FORCEINLINE function does.  An MDL is not modelled. */
#ifdef __cplusplus
extern "C" {
#endif
VOID wdfrt_int_WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(
    PWDF_MEMORY_DESCRIPTOR Descriptor, WDFMEMORY Memory,
    PWDFMEMORY_OFFSET Offsets);
VOID wdfrt_int_WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(
    PWDF_MEMORY_DESCRIPTOR Descriptor, PVOID Buffer, ULONG BufferLength);
#ifdef __cplusplus
}
#endif
#define WDF_MEMORY_DESCRIPTOR_INIT_HANDLE (wdfrt_int_at(__FILE__, __LINE__), wdfrt_int_WDF_MEMORY_DESCRIPTOR_INIT_HANDLE)
#define WDF_MEMORY_DESCRIPTOR_INIT_BUFFER (wdfrt_int_at(__FILE__, __LINE__), wdfrt_int_WDF_MEMORY_DESCRIPTOR_INIT_BUFFER)

#endif /* WDFCHECK_WDFRT_WDF_SITES_H */
