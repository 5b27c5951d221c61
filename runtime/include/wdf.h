/*
 * wdf.h -- wdfcheck model of the Kernel-Mode Driver Framework (KMDF) header.
 *
 * A subset of KMDF 1.33's public headers (wdf.h and the wdf*.h it pulls in):
 * the real handle types, enums, structures, callback role types, structure
 * initializers and DDI signatures, so KMDF driver sources compile unchanged
 * with clang or gcc on Linux (and with clang --target=x86_64-pc-windows-msvc).
 * Written for wdfcheck from the documented API; not derived from the WDK.
 *
 * Shape switch -- WDFCHECK_WDK_SHAPE (see also ntddk.h):
 *
 *   undefined or 0 ("plain"): every DDI is an ordinary prototype, e.g.
 *       NTSTATUS WdfMemoryCreate(PWDF_OBJECT_ATTRIBUTES Attributes, ...);
 *     and the wdfcheck runtime implements each one under that name.
 *
 *   1 ("WDK shape"): as in the real WDK, each DDI is a FORCEINLINE wrapper
 *     with the public name and signature that calls through a function
 *     table, passing the driver globals first:
 *
 *       typedef VOID (*WDFFUNC)(VOID);
 *       extern const WDFFUNC *WdfFunctions;
 *       extern PWDF_DRIVER_GLOBALS WdfDriverGlobals;
 *       typedef enum _WDFFUNCENUM { ...TableIndex..., WdfFunctionTableNumEntries } WDFFUNCENUM;
 *
 *       return ((PFN_WDFMEMORYCREATE)WdfFunctions[WdfMemoryCreateTableIndex])(
 *           WdfDriverGlobals, Attributes, PoolType, PoolTag, BufferSize,
 *           Memory, Buffer);
 *
 *     (The real WDK renames WdfFunctions to WdfFunctions_01033 with a macro
 *     and orders the table differently; this model keeps the plain name and
 *     its own order, which only the runtime that fills the table relies on.)
 *
 * Both shapes are written out per DDI, next to each other, with the same
 * parameter names.  SAL annotations (IRQL limits in particular) are written
 * where the WDK writes them; they expand to nothing (sal.h), but the
 * wdfcheck checkers read them from the source text.
 */
#ifndef WDFCHECK_WDF_H
#define WDFCHECK_WDF_H

#ifdef __clang__
#pragma clang system_header
#endif

#include "ntddk.h"

#ifndef WDF_EXTERN_C
#ifdef __cplusplus
#define WDF_EXTERN_C extern "C"
#define WDF_EXTERN_C_START extern "C" {
#define WDF_EXTERN_C_END }
#else
#define WDF_EXTERN_C
#define WDF_EXTERN_C_START
#define WDF_EXTERN_C_END
#endif
#endif

#ifndef WDFAPI
#define WDFAPI
#endif

/* The framework version this model follows. */
#ifndef KMDF_VERSION_MAJOR
#define KMDF_VERSION_MAJOR 1
#endif
#ifndef KMDF_VERSION_MINOR
#define KMDF_VERSION_MINOR 33
#endif

WDF_EXTERN_C_START

/* ------------------------------------------------------------------------ */
/* Handles                                                                   */
/* ------------------------------------------------------------------------ */

/* Each object type is a distinct pointer-to-incomplete-struct type (as with
   DECLARE_HANDLE), so mixing handle types is a compile error, while
   WDFOBJECT is a plain PVOID that every handle converts to implicitly, in C
   and in C++. */
typedef PVOID WDFOBJECT, *PWDFOBJECT;
typedef PVOID WDFCONTEXT;

DECLARE_HANDLE(WDFDRIVER);
DECLARE_HANDLE(WDFDEVICE);
DECLARE_HANDLE(WDFQUEUE);
DECLARE_HANDLE(WDFREQUEST);
DECLARE_HANDLE(WDFFILEOBJECT);
DECLARE_HANDLE(WDFMEMORY);
DECLARE_HANDLE(WDFLOOKASIDE);
DECLARE_HANDLE(WDFSPINLOCK);
DECLARE_HANDLE(WDFWAITLOCK);
DECLARE_HANDLE(WDFDPC);
DECLARE_HANDLE(WDFTIMER);
DECLARE_HANDLE(WDFWORKITEM);
DECLARE_HANDLE(WDFINTERRUPT);
DECLARE_HANDLE(WDFKEY);
DECLARE_HANDLE(WDFSTRING);
DECLARE_HANDLE(WDFCOLLECTION);
DECLARE_HANDLE(WDFIOTARGET);
DECLARE_HANDLE(WDFCMRESLIST);
DECLARE_HANDLE(WDFIORESLIST);

/* Device initialization data: opaque, owned by the framework until
   WdfDeviceCreate consumes it. */
typedef struct WDFDEVICE_INIT *PWDFDEVICE_INIT;

#define WDF_NO_OBJECT_ATTRIBUTES (NULL)
#define WDF_NO_EVENT_CALLBACK (NULL)
#define WDF_NO_HANDLE (NULL)
#define WDF_NO_CONTEXT (NULL)
#define WDF_NO_SEND_OPTIONS (NULL)

/* Config structures carry their own size, so the framework can tell which
   version of a structure a driver was built with. */
#define WDF_STRUCTURE_SIZE(_struct) ((ULONG)sizeof(_struct))

/* ------------------------------------------------------------------------ */
/* Framework status codes (wdfstatus.h)                                      */
/* ------------------------------------------------------------------------ */

#define STATUS_WDF_INTERNAL_ERROR ((NTSTATUS)0xC0200201L)
#define STATUS_WDF_PAUSED ((NTSTATUS)0xC0200203L)
#define STATUS_WDF_BUSY ((NTSTATUS)0xC0200204L)
#define STATUS_WDF_OBJECT_ATTRIBUTES_INVALID ((NTSTATUS)0xC0200209L)
#define STATUS_WDF_TOO_FRAGMENTED ((NTSTATUS)0xC020020AL)
#define STATUS_WDF_NO_CALLBACK ((NTSTATUS)0xC020020BL)
#define STATUS_WDF_INCOMPATIBLE_EXECUTION_LEVEL ((NTSTATUS)0xC020020CL)
#define STATUS_WDF_PARENT_ALREADY_ASSIGNED ((NTSTATUS)0xC020020DL)
#define STATUS_WDF_PARENT_IS_SELF ((NTSTATUS)0xC020020EL)
#define STATUS_WDF_PARENT_ASSIGNMENT_NOT_ALLOWED ((NTSTATUS)0xC020020FL)
#define STATUS_WDF_SYNCHRONIZATION_SCOPE_INVALID ((NTSTATUS)0xC0200210L)
#define STATUS_WDF_EXECUTION_LEVEL_INVALID ((NTSTATUS)0xC0200211L)
#define STATUS_WDF_PARENT_NOT_SPECIFIED ((NTSTATUS)0xC0200212L)

/* ------------------------------------------------------------------------ */
/* Common enums (wdftypes.h, wdfobject.h, wdfdevice.h, wdfio.h ...)          */
/* ------------------------------------------------------------------------ */

/* Three-valued settings: WdfUseDefault lets the framework choose. */
typedef enum _WDF_TRI_STATE {
    WdfFalse = FALSE,
    WdfTrue = TRUE,
    WdfUseDefault = 2
} WDF_TRI_STATE, *PWDF_TRI_STATE;

/* The highest IRQL at which the framework calls an object's callbacks.
   Passive makes queue callbacks run at PASSIVE_LEVEL (matters for WM001). */
typedef enum _WDF_EXECUTION_LEVEL {
    WdfExecutionLevelInvalid = 0x00,
    WdfExecutionLevelInheritFromParent,
    WdfExecutionLevelPassive,
    WdfExecutionLevelDispatch
} WDF_EXECUTION_LEVEL;

/* Which callbacks the framework serializes against each other. */
typedef enum _WDF_SYNCHRONIZATION_SCOPE {
    WdfSynchronizationScopeInvalid = 0x00,
    WdfSynchronizationScopeInheritFromParent,
    WdfSynchronizationScopeDevice,
    WdfSynchronizationScopeQueue,
    WdfSynchronizationScopeNone
} WDF_SYNCHRONIZATION_SCOPE;

typedef enum _WDF_IO_QUEUE_DISPATCH_TYPE {
    WdfIoQueueDispatchInvalid = 0,
    WdfIoQueueDispatchSequential,
    WdfIoQueueDispatchParallel,
    WdfIoQueueDispatchManual,
    WdfIoQueueDispatchMax
} WDF_IO_QUEUE_DISPATCH_TYPE;

/* How the I/O manager hands read/write buffers to the driver. */
typedef enum _WDF_DEVICE_IO_TYPE {
    WdfDeviceIoUndefined = 0,
    WdfDeviceIoNeither,
    WdfDeviceIoBuffered,
    WdfDeviceIoDirect,
    WdfDeviceIoBufferedOrDirect = 4,
    WdfDeviceIoMaximum
} WDF_DEVICE_IO_TYPE, *PWDF_DEVICE_IO_TYPE;

typedef enum _WDF_POWER_DEVICE_STATE {
    WdfPowerDeviceInvalid = 0,
    WdfPowerDeviceD0,
    WdfPowerDeviceD1,
    WdfPowerDeviceD2,
    WdfPowerDeviceD3,
    WdfPowerDeviceD3Final,
    WdfPowerDevicePrepareForHibernation,
    WdfPowerDeviceMaximum
} WDF_POWER_DEVICE_STATE, *PWDF_POWER_DEVICE_STATE;

typedef enum _WDF_SPECIAL_FILE_TYPE {
    WdfSpecialFileUndefined = 0,
    WdfSpecialFilePaging = 1,
    WdfSpecialFileHibernation,
    WdfSpecialFileDump,
    WdfSpecialFileBoot,
    WdfSpecialFileMax
} WDF_SPECIAL_FILE_TYPE, *PWDF_SPECIAL_FILE_TYPE;

/* A request's type is its IRP major function code. */
typedef enum _WDF_REQUEST_TYPE {
    WdfRequestTypeCreate = IRP_MJ_CREATE,
    WdfRequestTypeCreateNamedPipe = IRP_MJ_CREATE_NAMED_PIPE,
    WdfRequestTypeClose = IRP_MJ_CLOSE,
    WdfRequestTypeRead = IRP_MJ_READ,
    WdfRequestTypeWrite = IRP_MJ_WRITE,
    WdfRequestTypeQueryInformation = IRP_MJ_QUERY_INFORMATION,
    WdfRequestTypeSetInformation = IRP_MJ_SET_INFORMATION,
    WdfRequestTypeQueryEA = IRP_MJ_QUERY_EA,
    WdfRequestTypeSetEA = IRP_MJ_SET_EA,
    WdfRequestTypeFlushBuffers = IRP_MJ_FLUSH_BUFFERS,
    WdfRequestTypeQueryVolumeInformation = IRP_MJ_QUERY_VOLUME_INFORMATION,
    WdfRequestTypeSetVolumeInformation = IRP_MJ_SET_VOLUME_INFORMATION,
    WdfRequestTypeDirectoryControl = IRP_MJ_DIRECTORY_CONTROL,
    WdfRequestTypeFileSystemControl = IRP_MJ_FILE_SYSTEM_CONTROL,
    WdfRequestTypeDeviceControl = IRP_MJ_DEVICE_CONTROL,
    WdfRequestTypeDeviceControlInternal = IRP_MJ_INTERNAL_DEVICE_CONTROL,
    WdfRequestTypeShutdown = IRP_MJ_SHUTDOWN,
    WdfRequestTypeLockControl = IRP_MJ_LOCK_CONTROL,
    WdfRequestTypeCleanup = IRP_MJ_CLEANUP,
    WdfRequestTypeCreateMailSlot = IRP_MJ_CREATE_MAILSLOT,
    WdfRequestTypeQuerySecurity = IRP_MJ_QUERY_SECURITY,
    WdfRequestTypeSetSecurity = IRP_MJ_SET_SECURITY,
    WdfRequestTypePower = IRP_MJ_POWER,
    WdfRequestTypeSystemControl = IRP_MJ_SYSTEM_CONTROL,
    WdfRequestTypeDeviceChange = IRP_MJ_DEVICE_CHANGE,
    WdfRequestTypeQueryQuota = IRP_MJ_QUERY_QUOTA,
    WdfRequestTypeSetQuota = IRP_MJ_SET_QUOTA,
    WdfRequestTypePnp = IRP_MJ_PNP,
    WdfRequestTypeOther,
    WdfRequestTypeUsb,
    WdfRequestTypeNoFormat = 0xFF,
    WdfRequestTypeMax
} WDF_REQUEST_TYPE;

/* Flags passed to EvtIoStop. */
typedef enum _WDF_REQUEST_STOP_ACTION_FLAGS {
    WdfRequestStopActionInvalid = 0,
    WdfRequestStopActionSuspend = 0x01,
    WdfRequestStopActionPurge = 0x2,
    WdfRequestStopRequestCancelable = 0x10000000
} WDF_REQUEST_STOP_ACTION_FLAGS;

typedef enum _WDF_FILEOBJECT_CLASS {
    WdfFileObjectInvalid = 0,
    WdfFileObjectNotRequired = 1,
    WdfFileObjectWdfCanUseFsContext = 2,
    WdfFileObjectWdfCanUseFsContext2 = 3,
    WdfFileObjectWdfCannotUseFsContexts = 4,
    WdfFileObjectCanBeOptional = 0x80000000
} WDF_FILEOBJECT_CLASS, *PWDF_FILEOBJECT_CLASS;

typedef enum _WDF_DRIVER_INIT_FLAGS {
    WdfDriverInitNonPnpDriver = 0x00000001,
    WdfDriverInitNoDispatchOverride = 0x00000002,
    WdfVerifyOn = 0x00000004,
    WdfVerifierOn = 0x00000008,
    WdfDriverInitCompanion = 0x00000010
} WDF_DRIVER_INIT_FLAGS;

/* ------------------------------------------------------------------------ */
/* Object attributes and context types (wdfobject.h)                         */
/* ------------------------------------------------------------------------ */

/* Object cleanup/destroy callbacks: <= DISPATCH_LEVEL (PASSIVE for objects
   with passive callbacks, e.g. paged-pool memory). */
typedef _Function_class_(EVT_WDF_OBJECT_CONTEXT_CLEANUP)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_OBJECT_CONTEXT_CLEANUP(_In_ WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_CLEANUP *PFN_WDF_OBJECT_CONTEXT_CLEANUP;

typedef _Function_class_(EVT_WDF_OBJECT_CONTEXT_DESTROY)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_OBJECT_CONTEXT_DESTROY(_In_ WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_DESTROY *PFN_WDF_OBJECT_CONTEXT_DESTROY;

typedef const struct _WDF_OBJECT_CONTEXT_TYPE_INFO *PCWDF_OBJECT_CONTEXT_TYPE_INFO;

typedef PCWDF_OBJECT_CONTEXT_TYPE_INFO(WDFCHECK_CDECL *PFN_GET_UNIQUE_CONTEXT_TYPE)(VOID);

/* Describes a context type.  The framework identifies the type by the
   address in UniqueType, which must therefore be one object per program:
   the descriptor is emitted with DECLSPEC_SELECTANY (a weak symbol on ELF). */
typedef struct _WDF_OBJECT_CONTEXT_TYPE_INFO {
    ULONG Size;
    LPCSTR ContextName;
    size_t ContextSize;
    PCWDF_OBJECT_CONTEXT_TYPE_INFO UniqueType;
    PFN_GET_UNIQUE_CONTEXT_TYPE EvtDriverGetUniqueContextType;
} WDF_OBJECT_CONTEXT_TYPE_INFO, *PWDF_OBJECT_CONTEXT_TYPE_INFO;

/* Attributes of a new object.  ParentObject decides its lifetime: without
   one, memory objects are parented to the driver and live until unload
   (rule WM002). */
typedef struct _WDF_OBJECT_ATTRIBUTES {
    ULONG Size;
    PFN_WDF_OBJECT_CONTEXT_CLEANUP EvtCleanupCallback;
    PFN_WDF_OBJECT_CONTEXT_DESTROY EvtDestroyCallback;
    WDF_EXECUTION_LEVEL ExecutionLevel;
    WDF_SYNCHRONIZATION_SCOPE SynchronizationScope;
    WDFOBJECT ParentObject;
    size_t ContextSizeOverride;
    PCWDF_OBJECT_CONTEXT_TYPE_INFO ContextTypeInfo;
} WDF_OBJECT_ATTRIBUTES, *PWDF_OBJECT_ATTRIBUTES;

/* Zero, set Size, and inherit execution level and synchronization scope
   (zero would mean "Invalid" and make object creation fail). */
FORCEINLINE VOID WDF_OBJECT_ATTRIBUTES_INIT(_Out_ PWDF_OBJECT_ATTRIBUTES Attributes)
{
    RtlZeroMemory(Attributes, sizeof(WDF_OBJECT_ATTRIBUTES));
    Attributes->Size = WDF_STRUCTURE_SIZE(WDF_OBJECT_ATTRIBUTES);
    Attributes->ExecutionLevel = WdfExecutionLevelInheritFromParent;
    Attributes->SynchronizationScope = WdfSynchronizationScopeInheritFromParent;
}

/* Name of the descriptor object of a context type, and its address. */
#define WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) _WDF_##_contexttype##_TYPE_INFO
#define WDF_GET_CONTEXT_TYPE_INFO(_contexttype)                               \
    (&WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype))
/* Pointer-to-context typedef generated for each declared context type. */
#define WDF_TYPE_NAME_POINTER_TYPE(_contexttype) WDF_POINTER_TYPE_##_contexttype

#define WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype)     \
    (_attributes)->ContextTypeInfo = WDF_GET_CONTEXT_TYPE_INFO(_contexttype)->UniqueType

/* Two statements, as in the WDK: the caller supplies the final ';'. */
#define WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(_attributes, _contexttype)    \
    WDF_OBJECT_ATTRIBUTES_INIT(_attributes);                                  \
    WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype)

/* In C++ a namespace-scope const has internal linkage unless declared
   extern, and "extern" with an initializer draws a warning in C. */
#ifdef __cplusplus
#define WDFCHECK_EXTERN_CONST extern const
#else
#define WDFCHECK_EXTERN_CONST const
#endif

/* Defines the pointer typedef and the (one per program) type descriptor.
   The descriptor's UniqueType points at itself. */
#define WDF_DECLARE_TYPE_AND_GLOBALS(_contexttype, _UniqueType, _GetUniqueType) \
    typedef _contexttype *WDF_TYPE_NAME_POINTER_TYPE(_contexttype);           \
    WDF_EXTERN_C_START                                                        \
    DECLSPEC_SELECTANY WDFCHECK_EXTERN_CONST WDF_OBJECT_CONTEXT_TYPE_INFO     \
        WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) = {                          \
            sizeof(WDF_OBJECT_CONTEXT_TYPE_INFO), #_contexttype,              \
            sizeof(_contexttype), _UniqueType, _GetUniqueType};               \
    WDF_EXTERN_C_END

/* Defines the typed accessor: a FORCEINLINE call of
   WdfObjectGetTypedContextWorker with the type's descriptor. */
#define WDF_DECLARE_CASTING_FUNCTION(_contexttype, _castingfunction)          \
    WDF_EXTERN_C_START                                                        \
    __drv_aliasesMem FORCEINLINE WDF_TYPE_NAME_POINTER_TYPE(_contexttype)     \
        _castingfunction(_In_ WDFOBJECT Handle)                               \
    {                                                                         \
        return (WDF_TYPE_NAME_POINTER_TYPE(_contexttype))                     \
            WdfObjectGetTypedContextWorker(                                   \
                Handle, WDF_GET_CONTEXT_TYPE_INFO(_contexttype)->UniqueType); \
    }                                                                         \
    WDF_EXTERN_C_END

/* Use at file scope, with or without a trailing ';':
     WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DeviceGetContext)
   defines WDF_POINTER_TYPE_DEVICE_CONTEXT, _WDF_DEVICE_CONTEXT_TYPE_INFO and
   DEVICE_CONTEXT *DeviceGetContext(WDFOBJECT Handle). */
#define WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, _castingfunction)    \
    WDF_DECLARE_TYPE_AND_GLOBALS(_contexttype,                                \
                                 WDF_GET_CONTEXT_TYPE_INFO(_contexttype),     \
                                 NULL)                                        \
    WDF_DECLARE_CASTING_FUNCTION(_contexttype, _castingfunction)

/* Same, with the accessor named WdfObjectGet_<type>. */
#define WDF_DECLARE_CONTEXT_TYPE(_contexttype)                                \
    WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, WdfObjectGet_##_contexttype)

/* Untyped access: WdfObjectGetTypedContext(device, DEVICE_CONTEXT). */
#define WdfObjectGetTypedContext(handle, type)                                \
    ((type *)WdfObjectGetTypedContextWorker(                                  \
        (WDFOBJECT)(handle), WDF_GET_CONTEXT_TYPE_INFO(type)->UniqueType))

/* ------------------------------------------------------------------------ */
/* Driver globals and the function table (used by the WDK shape)             */
/* ------------------------------------------------------------------------ */

#define WDF_DRIVER_GLOBALS_NAME_LEN (32)

/* Per-driver data the framework hands to every DDI (the hidden first
   argument of the WDK-shape table entries). */
typedef struct _WDF_DRIVER_GLOBALS {
    WDFDRIVER Driver;
    ULONG DriverFlags;
    ULONG DriverTag;
    CHAR DriverName[WDF_DRIVER_GLOBALS_NAME_LEN];
    BOOLEAN DisplaceDriverUnload;
} WDF_DRIVER_GLOBALS, *PWDF_DRIVER_GLOBALS;

typedef VOID (*WDFFUNC)(VOID);

#if WDFCHECK_SHAPE_IS_WDK
/* Filled in by the framework (here: the wdfcheck runtime) before
   DriverEntry runs. */
extern const WDFFUNC *WdfFunctions;
extern PWDF_DRIVER_GLOBALS WdfDriverGlobals;

/* Index of each DDI in WdfFunctions (this model's own order). */
typedef enum _WDFFUNCENUM {
    WdfDriverCreateTableIndex = 0,
    WdfDriverGetRegistryPathTableIndex,
    WdfDeviceInitSetPnpPowerEventCallbacksTableIndex,
    WdfDeviceInitSetIoTypeTableIndex,
    WdfDeviceInitSetExclusiveTableIndex,
    WdfDeviceInitSetDeviceTypeTableIndex,
    WdfDeviceInitSetFileObjectConfigTableIndex,
    WdfDeviceInitSetRequestAttributesTableIndex,
    WdfDeviceInitSetIoInCallerContextCallbackTableIndex,
    WdfDeviceInitAssignNameTableIndex,
    WdfDeviceCreateTableIndex,
    WdfDeviceCreateDeviceInterfaceTableIndex,
    WdfDeviceCreateSymbolicLinkTableIndex,
    WdfDeviceGetDriverTableIndex,
    WdfDeviceGetDefaultQueueTableIndex,
    WdfDeviceWdmGetDeviceObjectTableIndex,
    WdfDeviceEnqueueRequestTableIndex,
    WdfFileObjectGetDeviceTableIndex,
    WdfIoQueueCreateTableIndex,
    WdfIoQueueGetDeviceTableIndex,
    WdfIoQueueRetrieveNextRequestTableIndex,
    WdfIoQueueStartTableIndex,
    WdfIoQueuePurgeSynchronouslyTableIndex,
    WdfRequestGetIoQueueTableIndex,
    WdfRequestGetParametersTableIndex,
    WdfRequestCompleteTableIndex,
    WdfRequestCompleteWithInformationTableIndex,
    WdfRequestCompleteWithPriorityBoostTableIndex,
    WdfRequestSetInformationTableIndex,
    WdfRequestGetInformationTableIndex,
    WdfRequestGetStatusTableIndex,
    WdfRequestRetrieveInputBufferTableIndex,
    WdfRequestRetrieveOutputBufferTableIndex,
    WdfRequestRetrieveInputMemoryTableIndex,
    WdfRequestRetrieveOutputMemoryTableIndex,
    WdfRequestRetrieveUnsafeUserInputBufferTableIndex,
    WdfRequestRetrieveUnsafeUserOutputBufferTableIndex,
    WdfRequestProbeAndLockUserBufferForReadTableIndex,
    WdfRequestProbeAndLockUserBufferForWriteTableIndex,
    WdfRequestMarkCancelableTableIndex,
    WdfRequestMarkCancelableExTableIndex,
    WdfRequestUnmarkCancelableTableIndex,
    WdfRequestIsCanceledTableIndex,
    WdfRequestGetFileObjectTableIndex,
    WdfRequestGetRequestorModeTableIndex,
    WdfRequestForwardToIoQueueTableIndex,
    WdfRequestSetCompletionRoutineTableIndex,
    WdfMemoryCreateTableIndex,
    WdfMemoryCreatePreallocatedTableIndex,
    WdfMemoryGetBufferTableIndex,
    WdfMemoryAssignBufferTableIndex,
    WdfMemoryCopyToBufferTableIndex,
    WdfMemoryCopyFromBufferTableIndex,
    WdfLookasideListCreateTableIndex,
    WdfMemoryCreateFromLookasideTableIndex,
    WdfObjectGetTypedContextWorkerTableIndex,
    WdfObjectAllocateContextTableIndex,
    WdfObjectContextGetObjectTableIndex,
    WdfObjectReferenceActualTableIndex,
    WdfObjectDereferenceActualTableIndex,
    WdfObjectCreateTableIndex,
    WdfObjectDeleteTableIndex,
    WdfSpinLockCreateTableIndex,
    WdfSpinLockAcquireTableIndex,
    WdfSpinLockReleaseTableIndex,
    WdfWaitLockCreateTableIndex,
    WdfWaitLockAcquireTableIndex,
    WdfWaitLockReleaseTableIndex,
    WdfDpcCreateTableIndex,
    WdfDpcEnqueueTableIndex,
    WdfDpcCancelTableIndex,
    WdfDpcGetParentObjectTableIndex,
    WdfTimerCreateTableIndex,
    WdfTimerStartTableIndex,
    WdfTimerStopTableIndex,
    WdfTimerGetParentObjectTableIndex,
    WdfWorkItemCreateTableIndex,
    WdfWorkItemEnqueueTableIndex,
    WdfWorkItemGetParentObjectTableIndex,
    WdfWorkItemFlushTableIndex,
    WdfInterruptCreateTableIndex,
    WdfInterruptQueueDpcForIsrTableIndex,
    WdfInterruptQueueWorkItemForIsrTableIndex,
    WdfInterruptSynchronizeTableIndex,
    WdfInterruptAcquireLockTableIndex,
    WdfInterruptReleaseLockTableIndex,
    WdfInterruptGetDeviceTableIndex,
    WdfFunctionTableNumEntries
} WDFFUNCENUM;
#endif

/* ------------------------------------------------------------------------ */
/* Driver callbacks and configuration (wdfdriver.h)                          */
/* ------------------------------------------------------------------------ */

typedef _Function_class_(EVT_WDF_DRIVER_DEVICE_ADD)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DRIVER_DEVICE_ADD(_In_ WDFDRIVER Driver,
                                         _Inout_ PWDFDEVICE_INIT DeviceInit);
typedef EVT_WDF_DRIVER_DEVICE_ADD *PFN_WDF_DRIVER_DEVICE_ADD;

typedef _Function_class_(EVT_WDF_DRIVER_UNLOAD)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_DRIVER_UNLOAD(_In_ WDFDRIVER Driver);
typedef EVT_WDF_DRIVER_UNLOAD *PFN_WDF_DRIVER_UNLOAD;

typedef struct _WDF_DRIVER_CONFIG {
    ULONG Size;
    PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd;
    PFN_WDF_DRIVER_UNLOAD EvtDriverUnload;
    ULONG DriverInitFlags;   /* WDF_DRIVER_INIT_FLAGS */
    ULONG DriverPoolTag;     /* default tag for framework allocations */
} WDF_DRIVER_CONFIG, *PWDF_DRIVER_CONFIG;

FORCEINLINE VOID WDF_DRIVER_CONFIG_INIT(
    _Out_ PWDF_DRIVER_CONFIG Config,
    _In_opt_ PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd)
{
    RtlZeroMemory(Config, sizeof(WDF_DRIVER_CONFIG));
    Config->Size = WDF_STRUCTURE_SIZE(WDF_DRIVER_CONFIG);
    Config->EvtDriverDeviceAdd = EvtDriverDeviceAdd;
}

/* ------------------------------------------------------------------------ */
/* File object callbacks (wdfdevice.h)                                       */
/* ------------------------------------------------------------------------ */

typedef _Function_class_(EVT_WDF_DEVICE_FILE_CREATE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_DEVICE_FILE_CREATE(_In_ WDFDEVICE Device,
                                      _In_ WDFREQUEST Request,
                                      _In_ WDFFILEOBJECT FileObject);
typedef EVT_WDF_DEVICE_FILE_CREATE *PFN_WDF_DEVICE_FILE_CREATE;

typedef _Function_class_(EVT_WDF_FILE_CLOSE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_FILE_CLOSE(_In_ WDFFILEOBJECT FileObject);
typedef EVT_WDF_FILE_CLOSE *PFN_WDF_FILE_CLOSE;

typedef _Function_class_(EVT_WDF_FILE_CLEANUP)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_FILE_CLEANUP(_In_ WDFFILEOBJECT FileObject);
typedef EVT_WDF_FILE_CLEANUP *PFN_WDF_FILE_CLEANUP;

typedef struct _WDF_FILEOBJECT_CONFIG {
    ULONG Size;
    PFN_WDF_DEVICE_FILE_CREATE EvtDeviceFileCreate;
    PFN_WDF_FILE_CLOSE EvtFileClose;
    PFN_WDF_FILE_CLEANUP EvtFileCleanup;
    WDF_TRI_STATE AutoForwardCleanupClose;
    WDF_FILEOBJECT_CLASS FileObjectClass;
} WDF_FILEOBJECT_CONFIG, *PWDF_FILEOBJECT_CONFIG;

FORCEINLINE VOID WDF_FILEOBJECT_CONFIG_INIT(
    _Out_ PWDF_FILEOBJECT_CONFIG FileEventCallbacks,
    _In_opt_ PFN_WDF_DEVICE_FILE_CREATE EvtDeviceFileCreate,
    _In_opt_ PFN_WDF_FILE_CLOSE EvtFileClose,
    _In_opt_ PFN_WDF_FILE_CLEANUP EvtFileCleanup)
{
    RtlZeroMemory(FileEventCallbacks, sizeof(WDF_FILEOBJECT_CONFIG));
    FileEventCallbacks->Size = WDF_STRUCTURE_SIZE(WDF_FILEOBJECT_CONFIG);
    FileEventCallbacks->EvtDeviceFileCreate = EvtDeviceFileCreate;
    FileEventCallbacks->EvtFileClose = EvtFileClose;
    FileEventCallbacks->EvtFileCleanup = EvtFileCleanup;
    FileEventCallbacks->FileObjectClass = WdfFileObjectWdfCannotUseFsContexts;
    FileEventCallbacks->AutoForwardCleanupClose = WdfUseDefault;
}

/* ------------------------------------------------------------------------ */
/* PnP and power callbacks (wdfdevice.h): all PASSIVE_LEVEL                  */
/* ------------------------------------------------------------------------ */

typedef _Function_class_(EVT_WDF_DEVICE_D0_ENTRY)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_D0_ENTRY(_In_ WDFDEVICE Device,
                                       _In_ WDF_POWER_DEVICE_STATE PreviousState);
typedef EVT_WDF_DEVICE_D0_ENTRY *PFN_WDF_DEVICE_D0_ENTRY;

typedef _Function_class_(EVT_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED(
    _In_ WDFDEVICE Device, _In_ WDF_POWER_DEVICE_STATE PreviousState);
typedef EVT_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED
    *PFN_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED;

typedef _Function_class_(EVT_WDF_DEVICE_D0_EXIT)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_D0_EXIT(_In_ WDFDEVICE Device,
                                      _In_ WDF_POWER_DEVICE_STATE TargetState);
typedef EVT_WDF_DEVICE_D0_EXIT *PFN_WDF_DEVICE_D0_EXIT;

typedef _Function_class_(EVT_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED(
    _In_ WDFDEVICE Device, _In_ WDF_POWER_DEVICE_STATE TargetState);
typedef EVT_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED
    *PFN_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED;

typedef _Function_class_(EVT_WDF_DEVICE_PREPARE_HARDWARE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_PREPARE_HARDWARE(
    _In_ WDFDEVICE Device, _In_ WDFCMRESLIST ResourcesRaw,
    _In_ WDFCMRESLIST ResourcesTranslated);
typedef EVT_WDF_DEVICE_PREPARE_HARDWARE *PFN_WDF_DEVICE_PREPARE_HARDWARE;

typedef _Function_class_(EVT_WDF_DEVICE_RELEASE_HARDWARE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_RELEASE_HARDWARE(
    _In_ WDFDEVICE Device, _In_ WDFCMRESLIST ResourcesTranslated);
typedef EVT_WDF_DEVICE_RELEASE_HARDWARE *PFN_WDF_DEVICE_RELEASE_HARDWARE;

typedef _Function_class_(EVT_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP(_In_ WDFDEVICE Device);
typedef EVT_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP *PFN_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP;

typedef _Function_class_(EVT_WDF_DEVICE_SELF_MANAGED_IO_FLUSH)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_DEVICE_SELF_MANAGED_IO_FLUSH(_In_ WDFDEVICE Device);
typedef EVT_WDF_DEVICE_SELF_MANAGED_IO_FLUSH *PFN_WDF_DEVICE_SELF_MANAGED_IO_FLUSH;

typedef _Function_class_(EVT_WDF_DEVICE_SELF_MANAGED_IO_INIT)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_SELF_MANAGED_IO_INIT(_In_ WDFDEVICE Device);
typedef EVT_WDF_DEVICE_SELF_MANAGED_IO_INIT *PFN_WDF_DEVICE_SELF_MANAGED_IO_INIT;

typedef _Function_class_(EVT_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND(_In_ WDFDEVICE Device);
typedef EVT_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND *PFN_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND;

typedef _Function_class_(EVT_WDF_DEVICE_SELF_MANAGED_IO_RESTART)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_SELF_MANAGED_IO_RESTART(_In_ WDFDEVICE Device);
typedef EVT_WDF_DEVICE_SELF_MANAGED_IO_RESTART *PFN_WDF_DEVICE_SELF_MANAGED_IO_RESTART;

typedef _Function_class_(EVT_WDF_DEVICE_SURPRISE_REMOVAL)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_DEVICE_SURPRISE_REMOVAL(_In_ WDFDEVICE Device);
typedef EVT_WDF_DEVICE_SURPRISE_REMOVAL *PFN_WDF_DEVICE_SURPRISE_REMOVAL;

typedef _Function_class_(EVT_WDF_DEVICE_QUERY_REMOVE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_QUERY_REMOVE(_In_ WDFDEVICE Device);
typedef EVT_WDF_DEVICE_QUERY_REMOVE *PFN_WDF_DEVICE_QUERY_REMOVE;

typedef _Function_class_(EVT_WDF_DEVICE_QUERY_STOP)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_QUERY_STOP(_In_ WDFDEVICE Device);
typedef EVT_WDF_DEVICE_QUERY_STOP *PFN_WDF_DEVICE_QUERY_STOP;

typedef _Function_class_(EVT_WDF_DEVICE_USAGE_NOTIFICATION)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_DEVICE_USAGE_NOTIFICATION(
    _In_ WDFDEVICE Device, _In_ WDF_SPECIAL_FILE_TYPE NotificationType,
    _In_ BOOLEAN IsInNotificationPath);
typedef EVT_WDF_DEVICE_USAGE_NOTIFICATION *PFN_WDF_DEVICE_USAGE_NOTIFICATION;

typedef _Function_class_(EVT_WDF_DEVICE_RELATIONS_QUERY)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_DEVICE_RELATIONS_QUERY(_In_ WDFDEVICE Device,
                                          _In_ DEVICE_RELATION_TYPE RelationType);
typedef EVT_WDF_DEVICE_RELATIONS_QUERY *PFN_WDF_DEVICE_RELATIONS_QUERY;

typedef _Function_class_(EVT_WDF_DEVICE_USAGE_NOTIFICATION_EX)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS NTAPI EVT_WDF_DEVICE_USAGE_NOTIFICATION_EX(
    _In_ WDFDEVICE Device, _In_ WDF_SPECIAL_FILE_TYPE NotificationType,
    _In_ BOOLEAN IsInNotificationPath);
typedef EVT_WDF_DEVICE_USAGE_NOTIFICATION_EX *PFN_WDF_DEVICE_USAGE_NOTIFICATION_EX;

typedef struct _WDF_PNPPOWER_EVENT_CALLBACKS {
    ULONG Size;
    PFN_WDF_DEVICE_D0_ENTRY EvtDeviceD0Entry;
    PFN_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED EvtDeviceD0EntryPostInterruptsEnabled;
    PFN_WDF_DEVICE_D0_EXIT EvtDeviceD0Exit;
    PFN_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED EvtDeviceD0ExitPreInterruptsDisabled;
    PFN_WDF_DEVICE_PREPARE_HARDWARE EvtDevicePrepareHardware;
    PFN_WDF_DEVICE_RELEASE_HARDWARE EvtDeviceReleaseHardware;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP EvtDeviceSelfManagedIoCleanup;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_FLUSH EvtDeviceSelfManagedIoFlush;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_INIT EvtDeviceSelfManagedIoInit;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND EvtDeviceSelfManagedIoSuspend;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_RESTART EvtDeviceSelfManagedIoRestart;
    PFN_WDF_DEVICE_SURPRISE_REMOVAL EvtDeviceSurpriseRemoval;
    PFN_WDF_DEVICE_QUERY_REMOVE EvtDeviceQueryRemove;
    PFN_WDF_DEVICE_QUERY_STOP EvtDeviceQueryStop;
    PFN_WDF_DEVICE_USAGE_NOTIFICATION EvtDeviceUsageNotification;
    PFN_WDF_DEVICE_RELATIONS_QUERY EvtDeviceRelationsQuery;
    PFN_WDF_DEVICE_USAGE_NOTIFICATION_EX EvtDeviceUsageNotificationEx;
} WDF_PNPPOWER_EVENT_CALLBACKS, *PWDF_PNPPOWER_EVENT_CALLBACKS;

FORCEINLINE VOID WDF_PNPPOWER_EVENT_CALLBACKS_INIT(
    _Out_ PWDF_PNPPOWER_EVENT_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(WDF_PNPPOWER_EVENT_CALLBACKS));
    Callbacks->Size = WDF_STRUCTURE_SIZE(WDF_PNPPOWER_EVENT_CALLBACKS);
}

/* ------------------------------------------------------------------------ */
/* I/O queue and request callbacks, queue configuration (wdfio.h)            */
/* ------------------------------------------------------------------------ */

/* Queue callbacks run at <= DISPATCH_LEVEL unless the queue (or its device
   or driver) asks for WdfExecutionLevelPassive. */
typedef _Function_class_(EVT_WDF_IO_QUEUE_IO_DEFAULT)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_IO_QUEUE_IO_DEFAULT(_In_ WDFQUEUE Queue,
                                       _In_ WDFREQUEST Request);
typedef EVT_WDF_IO_QUEUE_IO_DEFAULT *PFN_WDF_IO_QUEUE_IO_DEFAULT;

typedef _Function_class_(EVT_WDF_IO_QUEUE_IO_READ)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_IO_QUEUE_IO_READ(_In_ WDFQUEUE Queue,
                                    _In_ WDFREQUEST Request,
                                    _In_ size_t Length);
typedef EVT_WDF_IO_QUEUE_IO_READ *PFN_WDF_IO_QUEUE_IO_READ;

typedef _Function_class_(EVT_WDF_IO_QUEUE_IO_WRITE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_IO_QUEUE_IO_WRITE(_In_ WDFQUEUE Queue,
                                     _In_ WDFREQUEST Request,
                                     _In_ size_t Length);
typedef EVT_WDF_IO_QUEUE_IO_WRITE *PFN_WDF_IO_QUEUE_IO_WRITE;

typedef _Function_class_(EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL(_In_ WDFQUEUE Queue,
                                              _In_ WDFREQUEST Request,
                                              _In_ size_t OutputBufferLength,
                                              _In_ size_t InputBufferLength,
                                              _In_ ULONG IoControlCode);
typedef EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL *PFN_WDF_IO_QUEUE_IO_DEVICE_CONTROL;

typedef _Function_class_(EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL(
    _In_ WDFQUEUE Queue, _In_ WDFREQUEST Request,
    _In_ size_t OutputBufferLength, _In_ size_t InputBufferLength,
    _In_ ULONG IoControlCode);
typedef EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL
    *PFN_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL;

typedef _Function_class_(EVT_WDF_IO_QUEUE_IO_STOP)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_IO_QUEUE_IO_STOP(_In_ WDFQUEUE Queue,
                                    _In_ WDFREQUEST Request,
                                    _In_ ULONG ActionFlags);
typedef EVT_WDF_IO_QUEUE_IO_STOP *PFN_WDF_IO_QUEUE_IO_STOP;

typedef _Function_class_(EVT_WDF_IO_QUEUE_IO_RESUME)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_IO_QUEUE_IO_RESUME(_In_ WDFQUEUE Queue,
                                      _In_ WDFREQUEST Request);
typedef EVT_WDF_IO_QUEUE_IO_RESUME *PFN_WDF_IO_QUEUE_IO_RESUME;

typedef _Function_class_(EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE(_In_ WDFQUEUE Queue,
                                                 _In_ WDFREQUEST Request);
typedef EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE *PFN_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE;

/* Called in the requesting thread's context, before queuing. */
typedef _Function_class_(EVT_WDF_IO_IN_CALLER_CONTEXT)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_IO_IN_CALLER_CONTEXT(_In_ WDFDEVICE Device,
                                        _In_ WDFREQUEST Request);
typedef EVT_WDF_IO_IN_CALLER_CONTEXT *PFN_WDF_IO_IN_CALLER_CONTEXT;

typedef _Function_class_(EVT_WDF_REQUEST_CANCEL)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_REQUEST_CANCEL(_In_ WDFREQUEST Request);
typedef EVT_WDF_REQUEST_CANCEL *PFN_WDF_REQUEST_CANCEL;

/* What a completion routine learns about a request sent to an I/O target
   (reduced: the I/O-target DDIs are not modelled). */
typedef struct _WDF_REQUEST_COMPLETION_PARAMS {
    ULONG Size;
    WDF_REQUEST_TYPE Type;
    IO_STATUS_BLOCK IoStatus;
    union {
        struct {
            WDFMEMORY Buffer;
            size_t Length;
            size_t Offset;
        } Write;
        struct {
            WDFMEMORY Buffer;
            size_t Length;
            size_t Offset;
        } Read;
        struct {
            ULONG IoControlCode;
            struct {
                WDFMEMORY Buffer;
                size_t Offset;
            } Input;
            struct {
                WDFMEMORY Buffer;
                size_t Offset;
                size_t Length;
            } Output;
        } Ioctl;
        struct {
            PVOID Argument1;
            PVOID Argument2;
            PVOID Argument3;
            PVOID Argument4;
        } Others;
    } Parameters;
} WDF_REQUEST_COMPLETION_PARAMS, *PWDF_REQUEST_COMPLETION_PARAMS;

typedef _Function_class_(EVT_WDF_REQUEST_COMPLETION_ROUTINE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_REQUEST_COMPLETION_ROUTINE(
    _In_ WDFREQUEST Request, _In_ WDFIOTARGET Target,
    _In_ PWDF_REQUEST_COMPLETION_PARAMS Params, _In_ WDFCONTEXT Context);
typedef EVT_WDF_REQUEST_COMPLETION_ROUTINE *PFN_WDF_REQUEST_COMPLETION_ROUTINE;

typedef struct _WDF_IO_QUEUE_CONFIG {
    ULONG Size;
    WDF_IO_QUEUE_DISPATCH_TYPE DispatchType;
    WDF_TRI_STATE PowerManaged;
    BOOLEAN AllowZeroLengthRequests;
    BOOLEAN DefaultQueue;
    PFN_WDF_IO_QUEUE_IO_DEFAULT EvtIoDefault;
    PFN_WDF_IO_QUEUE_IO_READ EvtIoRead;
    PFN_WDF_IO_QUEUE_IO_WRITE EvtIoWrite;
    PFN_WDF_IO_QUEUE_IO_DEVICE_CONTROL EvtIoDeviceControl;
    PFN_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL EvtIoInternalDeviceControl;
    PFN_WDF_IO_QUEUE_IO_STOP EvtIoStop;
    PFN_WDF_IO_QUEUE_IO_RESUME EvtIoResume;
    PFN_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE EvtIoCanceledOnQueue;
    union {
        struct {
            ULONG NumberOfPresentedRequests;
        } Parallel;
    } Settings;
    WDFDRIVER Driver;
} WDF_IO_QUEUE_CONFIG, *PWDF_IO_QUEUE_CONFIG;

FORCEINLINE VOID WDF_IO_QUEUE_CONFIG_INIT(
    _Out_ PWDF_IO_QUEUE_CONFIG Config,
    _In_ WDF_IO_QUEUE_DISPATCH_TYPE DispatchType)
{
    RtlZeroMemory(Config, sizeof(WDF_IO_QUEUE_CONFIG));
    Config->Size = WDF_STRUCTURE_SIZE(WDF_IO_QUEUE_CONFIG);
    Config->PowerManaged = WdfUseDefault;
    Config->DispatchType = DispatchType;
    if (Config->DispatchType == WdfIoQueueDispatchParallel) {
        /* (ULONG)-1: no limit on requests presented at once. */
        Config->Settings.Parallel.NumberOfPresentedRequests = (ULONG)-1;
    }
}

FORCEINLINE VOID WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(
    _Out_ PWDF_IO_QUEUE_CONFIG Config,
    _In_ WDF_IO_QUEUE_DISPATCH_TYPE DispatchType)
{
    WDF_IO_QUEUE_CONFIG_INIT(Config, DispatchType);
    Config->DefaultQueue = TRUE;
}

/* ------------------------------------------------------------------------ */
/* Request parameters (wdfrequest.h)                                         */
/* ------------------------------------------------------------------------ */

typedef struct _WDF_REQUEST_PARAMETERS {
    USHORT Size;
    UCHAR MinorFunction;
    WDF_REQUEST_TYPE Type;
    union {
        struct {
            PVOID SecurityContext;
            ULONG Options;
            USHORT FileAttributes;
            USHORT ShareAccess;
            ULONG EaLength;
        } Create;
        struct {
            size_t Length;
            ULONG Key;
            LONGLONG DeviceOffset;
        } Read;
        struct {
            size_t Length;
            ULONG Key;
            LONGLONG DeviceOffset;
        } Write;
        struct {
            size_t OutputBufferLength;
            size_t InputBufferLength;
            ULONG IoControlCode;
            PVOID Type3InputBuffer;
        } DeviceIoControl;
        struct {
            PVOID Arg1;
            PVOID Arg2;
            ULONG Arg4;
            PVOID Arg3;
        } Others;
    } Parameters;
} WDF_REQUEST_PARAMETERS, *PWDF_REQUEST_PARAMETERS;

FORCEINLINE VOID WDF_REQUEST_PARAMETERS_INIT(_Out_ PWDF_REQUEST_PARAMETERS Parameters)
{
    RtlZeroMemory(Parameters, sizeof(WDF_REQUEST_PARAMETERS));
    Parameters->Size = (USHORT)sizeof(WDF_REQUEST_PARAMETERS);
}

/* ------------------------------------------------------------------------ */
/* Memory descriptors (wdfmemory.h)                                          */
/* ------------------------------------------------------------------------ */

/* A descriptor names the memory a DDI that sends a request reads or writes
   (WdfIoTargetSendIoctlSynchronously and the like): a driver buffer, an
   MDL, or a memory object with an optional window into it.  Filling one is
   a use of what it names (rule WM005): it exists only to be sent. */
typedef enum _WDF_MEMORY_DESCRIPTOR_TYPE {
    WdfMemoryDescriptorTypeInvalid = 0,
    WdfMemoryDescriptorTypeBuffer,
    WdfMemoryDescriptorTypeMdl,
    WdfMemoryDescriptorTypeHandle
} WDF_MEMORY_DESCRIPTOR_TYPE;

/* The part of a memory object's buffer to use: BufferLength bytes from
   BufferOffset. */
typedef struct _WDFMEMORY_OFFSET {
    size_t BufferOffset;
    size_t BufferLength;
} WDFMEMORY_OFFSET, *PWDFMEMORY_OFFSET;

typedef struct _WDF_MEMORY_DESCRIPTOR {
    WDF_MEMORY_DESCRIPTOR_TYPE Type;
    union {
        struct {
            PVOID Buffer;
            ULONG Length;
        } BufferType;
        struct {
            PMDL Mdl;
            ULONG BufferLength;
        } MdlType;
        struct {
            WDFMEMORY Memory;
            PWDFMEMORY_OFFSET Offsets;
        } HandleType;
    } u;
} WDF_MEMORY_DESCRIPTOR, *PWDF_MEMORY_DESCRIPTOR;

/* The initializers zero the descriptor and fill in one member of u. */
FORCEINLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(
    _Out_ PWDF_MEMORY_DESCRIPTOR Descriptor,
    _In_ PVOID Buffer,
    _In_ ULONG BufferLength)
{
    RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
    Descriptor->Type = WdfMemoryDescriptorTypeBuffer;
    Descriptor->u.BufferType.Buffer = Buffer;
    Descriptor->u.BufferType.Length = BufferLength;
}

FORCEINLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_MDL(
    _Out_ PWDF_MEMORY_DESCRIPTOR Descriptor,
    _In_ PMDL Mdl,
    _In_ ULONG BufferLength)
{
    RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
    Descriptor->Type = WdfMemoryDescriptorTypeMdl;
    Descriptor->u.MdlType.Mdl = Mdl;
    Descriptor->u.MdlType.BufferLength = BufferLength;
}

FORCEINLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(
    _Out_ PWDF_MEMORY_DESCRIPTOR Descriptor,
    _In_ WDFMEMORY Memory,
    _In_opt_ PWDFMEMORY_OFFSET Offsets)
{
    RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
    Descriptor->Type = WdfMemoryDescriptorTypeHandle;
    Descriptor->u.HandleType.Memory = Memory;
    Descriptor->u.HandleType.Offsets = Offsets;
}

/* ------------------------------------------------------------------------ */
/* DPCs, timers, work items (wdfdpc.h, wdftimer.h, wdfworkitem.h)            */
/* ------------------------------------------------------------------------ */

typedef _Function_class_(EVT_WDF_DPC)
_IRQL_requires_same_
_IRQL_requires_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_DPC(_In_ WDFDPC Dpc);
typedef EVT_WDF_DPC *PFN_WDF_DPC;

typedef struct _WDF_DPC_CONFIG {
    ULONG Size;
    PFN_WDF_DPC EvtDpcFunc;
    BOOLEAN AutomaticSerialization;
} WDF_DPC_CONFIG, *PWDF_DPC_CONFIG;

FORCEINLINE VOID WDF_DPC_CONFIG_INIT(_Out_ PWDF_DPC_CONFIG Config,
                                     _In_ PFN_WDF_DPC EvtDpcFunc)
{
    RtlZeroMemory(Config, sizeof(WDF_DPC_CONFIG));
    Config->Size = WDF_STRUCTURE_SIZE(WDF_DPC_CONFIG);
    Config->EvtDpcFunc = EvtDpcFunc;
    Config->AutomaticSerialization = TRUE;
}

/* Timer callbacks run at DISPATCH_LEVEL unless the timer's own attributes
   ask for WdfExecutionLevelPassive. */
typedef _Function_class_(EVT_WDF_TIMER)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_TIMER(_In_ WDFTIMER Timer);
typedef EVT_WDF_TIMER *PFN_WDF_TIMER;

#define TolerableDelayUnlimited ((ULONG)-1)

typedef struct _WDF_TIMER_CONFIG {
    ULONG Size;
    PFN_WDF_TIMER EvtTimerFunc;
    ULONG Period;   /* milliseconds; 0 = one-shot */
    BOOLEAN AutomaticSerialization;
    ULONG TolerableDelay;
    BOOLEAN UseHighResolutionTimer;
} WDF_TIMER_CONFIG, *PWDF_TIMER_CONFIG;

FORCEINLINE VOID WDF_TIMER_CONFIG_INIT(_Out_ PWDF_TIMER_CONFIG Config,
                                       _In_ PFN_WDF_TIMER EvtTimerFunc)
{
    RtlZeroMemory(Config, sizeof(WDF_TIMER_CONFIG));
    Config->Size = WDF_STRUCTURE_SIZE(WDF_TIMER_CONFIG);
    Config->EvtTimerFunc = EvtTimerFunc;
    Config->Period = 0;
    Config->AutomaticSerialization = TRUE;
    Config->TolerableDelay = 0;
}

FORCEINLINE VOID WDF_TIMER_CONFIG_INIT_PERIODIC(_Out_ PWDF_TIMER_CONFIG Config,
                                                _In_ PFN_WDF_TIMER EvtTimerFunc,
                                                _In_ LONG Period)
{
    RtlZeroMemory(Config, sizeof(WDF_TIMER_CONFIG));
    Config->Size = WDF_STRUCTURE_SIZE(WDF_TIMER_CONFIG);
    Config->EvtTimerFunc = EvtTimerFunc;
    Config->Period = (ULONG)Period;
    Config->AutomaticSerialization = TRUE;
    Config->TolerableDelay = 0;
}

typedef _Function_class_(EVT_WDF_WORKITEM)
_IRQL_requires_same_
_IRQL_requires_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_WORKITEM(_In_ WDFWORKITEM WorkItem);
typedef EVT_WDF_WORKITEM *PFN_WDF_WORKITEM;

typedef struct _WDF_WORKITEM_CONFIG {
    ULONG Size;
    PFN_WDF_WORKITEM EvtWorkItemFunc;
    BOOLEAN AutomaticSerialization;
} WDF_WORKITEM_CONFIG, *PWDF_WORKITEM_CONFIG;

FORCEINLINE VOID WDF_WORKITEM_CONFIG_INIT(_Out_ PWDF_WORKITEM_CONFIG Config,
                                          _In_ PFN_WDF_WORKITEM EvtWorkItemFunc)
{
    RtlZeroMemory(Config, sizeof(WDF_WORKITEM_CONFIG));
    Config->Size = WDF_STRUCTURE_SIZE(WDF_WORKITEM_CONFIG);
    Config->EvtWorkItemFunc = EvtWorkItemFunc;
    Config->AutomaticSerialization = TRUE;
}

/* Relative (negative) and absolute due times in 100-nanosecond units, for
   WdfTimerStart and WdfWaitLockAcquire. */
#define WDF_TIMEOUT_TO_SEC ((LONGLONG)1 * 10 * 1000 * 1000)
#define WDF_TIMEOUT_TO_MS ((LONGLONG)1 * 10 * 1000)
#define WDF_TIMEOUT_TO_US ((LONGLONG)1 * 10)

FORCEINLINE LONGLONG WDF_REL_TIMEOUT_IN_SEC(_In_ ULONGLONG Time)
{
    return -((LONGLONG)Time * WDF_TIMEOUT_TO_SEC);
}
FORCEINLINE LONGLONG WDF_ABS_TIMEOUT_IN_SEC(_In_ ULONGLONG Time)
{
    return (LONGLONG)Time * WDF_TIMEOUT_TO_SEC;
}
FORCEINLINE LONGLONG WDF_REL_TIMEOUT_IN_MS(_In_ ULONGLONG Time)
{
    return -((LONGLONG)Time * WDF_TIMEOUT_TO_MS);
}
FORCEINLINE LONGLONG WDF_ABS_TIMEOUT_IN_MS(_In_ ULONGLONG Time)
{
    return (LONGLONG)Time * WDF_TIMEOUT_TO_MS;
}
FORCEINLINE LONGLONG WDF_REL_TIMEOUT_IN_US(_In_ ULONGLONG Time)
{
    return -((LONGLONG)Time * WDF_TIMEOUT_TO_US);
}
FORCEINLINE LONGLONG WDF_ABS_TIMEOUT_IN_US(_In_ ULONGLONG Time)
{
    return (LONGLONG)Time * WDF_TIMEOUT_TO_US;
}

/* ------------------------------------------------------------------------ */
/* Interrupts (wdfinterrupt.h)                                               */
/* ------------------------------------------------------------------------ */

/* ISR, enable and disable run at the device's DIRQL (above DISPATCH_LEVEL),
   holding the interrupt spin lock.  (KMDF 1.11+ can also run them at
   PASSIVE_LEVEL with PassiveHandling; the model annotates the DIRQL case.) */
typedef _Function_class_(EVT_WDF_INTERRUPT_ISR)
_IRQL_requires_same_
_IRQL_requires_min_(DISPATCH_LEVEL + 1)
BOOLEAN NTAPI EVT_WDF_INTERRUPT_ISR(_In_ WDFINTERRUPT Interrupt,
                                    _In_ ULONG MessageID);
typedef EVT_WDF_INTERRUPT_ISR *PFN_WDF_INTERRUPT_ISR;

typedef _Function_class_(EVT_WDF_INTERRUPT_SYNCHRONIZE)
_IRQL_requires_same_
_IRQL_requires_min_(DISPATCH_LEVEL + 1)
BOOLEAN NTAPI EVT_WDF_INTERRUPT_SYNCHRONIZE(_In_ WDFINTERRUPT Interrupt,
                                            _In_ WDFCONTEXT Context);
typedef EVT_WDF_INTERRUPT_SYNCHRONIZE *PFN_WDF_INTERRUPT_SYNCHRONIZE;

typedef _Function_class_(EVT_WDF_INTERRUPT_DPC)
_IRQL_requires_same_
_IRQL_requires_(DISPATCH_LEVEL)
VOID NTAPI EVT_WDF_INTERRUPT_DPC(_In_ WDFINTERRUPT Interrupt,
                                 _In_ WDFOBJECT AssociatedObject);
typedef EVT_WDF_INTERRUPT_DPC *PFN_WDF_INTERRUPT_DPC;

typedef _Function_class_(EVT_WDF_INTERRUPT_WORKITEM)
_IRQL_requires_same_
_IRQL_requires_(PASSIVE_LEVEL)
VOID NTAPI EVT_WDF_INTERRUPT_WORKITEM(_In_ WDFINTERRUPT Interrupt,
                                      _In_ WDFOBJECT AssociatedObject);
typedef EVT_WDF_INTERRUPT_WORKITEM *PFN_WDF_INTERRUPT_WORKITEM;

typedef _Function_class_(EVT_WDF_INTERRUPT_ENABLE)
_IRQL_requires_same_
_IRQL_requires_min_(DISPATCH_LEVEL + 1)
NTSTATUS NTAPI EVT_WDF_INTERRUPT_ENABLE(_In_ WDFINTERRUPT Interrupt,
                                        _In_ WDFDEVICE AssociatedDevice);
typedef EVT_WDF_INTERRUPT_ENABLE *PFN_WDF_INTERRUPT_ENABLE;

typedef _Function_class_(EVT_WDF_INTERRUPT_DISABLE)
_IRQL_requires_same_
_IRQL_requires_min_(DISPATCH_LEVEL + 1)
NTSTATUS NTAPI EVT_WDF_INTERRUPT_DISABLE(_In_ WDFINTERRUPT Interrupt,
                                         _In_ WDFDEVICE AssociatedDevice);
typedef EVT_WDF_INTERRUPT_DISABLE *PFN_WDF_INTERRUPT_DISABLE;

typedef struct _WDF_INTERRUPT_CONFIG {
    ULONG Size;
    WDFSPINLOCK SpinLock;
    WDF_TRI_STATE ShareVector;
    BOOLEAN FloatingSave;
    BOOLEAN AutomaticSerialization;
    PFN_WDF_INTERRUPT_ISR EvtInterruptIsr;
    PFN_WDF_INTERRUPT_DPC EvtInterruptDpc;
    PFN_WDF_INTERRUPT_ENABLE EvtInterruptEnable;
    PFN_WDF_INTERRUPT_DISABLE EvtInterruptDisable;
    PFN_WDF_INTERRUPT_WORKITEM EvtInterruptWorkItem;
    PCM_PARTIAL_RESOURCE_DESCRIPTOR InterruptRaw;
    PCM_PARTIAL_RESOURCE_DESCRIPTOR InterruptTranslated;
    WDFWAITLOCK WaitLock;
    BOOLEAN PassiveHandling;
    WDF_TRI_STATE ReportInactiveOnPowerDown;
    BOOLEAN CanWakeDevice;
} WDF_INTERRUPT_CONFIG, *PWDF_INTERRUPT_CONFIG;

FORCEINLINE VOID WDF_INTERRUPT_CONFIG_INIT(
    _Out_ PWDF_INTERRUPT_CONFIG Configuration,
    _In_ PFN_WDF_INTERRUPT_ISR EvtInterruptIsr,
    _In_opt_ PFN_WDF_INTERRUPT_DPC EvtInterruptDpc)
{
    RtlZeroMemory(Configuration, sizeof(WDF_INTERRUPT_CONFIG));
    Configuration->Size = WDF_STRUCTURE_SIZE(WDF_INTERRUPT_CONFIG);
    Configuration->ShareVector = WdfUseDefault;
    Configuration->EvtInterruptIsr = EvtInterruptIsr;
    Configuration->EvtInterruptDpc = EvtInterruptDpc;
    Configuration->ReportInactiveOnPowerDown = WdfUseDefault;
}

/* ======================================================================== */
/* DDIs                                                                      */
/* ======================================================================== */

/* The driver's own WDFDRIVER: in the WDK an inline read of the globals. */
#if WDFCHECK_SHAPE_IS_WDK
FORCEINLINE WDFDRIVER WdfGetDriver(VOID)
{
    return WdfDriverGlobals->Driver;
}
#else
WDFAPI WDFDRIVER WdfGetDriver(VOID);
#endif

/* ---- Driver object (wdfdriver.h) ---- */

/* WdfDriverCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFDRIVERCREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PCUNICODE_STRING RegistryPath,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES DriverAttributes,
    _In_ PWDF_DRIVER_CONFIG DriverConfig,
    _Out_opt_ WDFDRIVER* Driver);

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE NTSTATUS WdfDriverCreate(
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PCUNICODE_STRING RegistryPath,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES DriverAttributes,
    _In_ PWDF_DRIVER_CONFIG DriverConfig,
    _Out_opt_ WDFDRIVER* Driver)
{
    return ((PFN_WDFDRIVERCREATE)WdfFunctions[WdfDriverCreateTableIndex])(
        WdfDriverGlobals, DriverObject, RegistryPath, DriverAttributes,
        DriverConfig, Driver);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS WdfDriverCreate(
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PCUNICODE_STRING RegistryPath,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES DriverAttributes,
    _In_ PWDF_DRIVER_CONFIG DriverConfig,
    _Out_opt_ WDFDRIVER* Driver);
#endif

/* WdfDriverGetRegistryPath */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI PWSTR (NTAPI *PFN_WDFDRIVERGETREGISTRYPATH)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDRIVER Driver);

_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE PWSTR WdfDriverGetRegistryPath(
    _In_ WDFDRIVER Driver)
{
    return ((PFN_WDFDRIVERGETREGISTRYPATH)WdfFunctions[WdfDriverGetRegistryPathTableIndex])(
        WdfDriverGlobals, Driver);
}
#else
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI PWSTR WdfDriverGetRegistryPath(
    _In_ WDFDRIVER Driver);
#endif

/* ---- Device object and device initialization (wdfdevice.h) ---- */

/* WdfDeviceInitSetPnpPowerEventCallbacks */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFDEVICEINITSETPNPPOWEREVENTCALLBACKS)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_PNPPOWER_EVENT_CALLBACKS PnpPowerEventCallbacks);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfDeviceInitSetPnpPowerEventCallbacks(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_PNPPOWER_EVENT_CALLBACKS PnpPowerEventCallbacks)
{
    ((PFN_WDFDEVICEINITSETPNPPOWEREVENTCALLBACKS)WdfFunctions[WdfDeviceInitSetPnpPowerEventCallbacksTableIndex])(
        WdfDriverGlobals, DeviceInit, PnpPowerEventCallbacks);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfDeviceInitSetPnpPowerEventCallbacks(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_PNPPOWER_EVENT_CALLBACKS PnpPowerEventCallbacks);
#endif

/* WdfDeviceInitSetIoType */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFDEVICEINITSETIOTYPE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ WDF_DEVICE_IO_TYPE IoType);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfDeviceInitSetIoType(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ WDF_DEVICE_IO_TYPE IoType)
{
    ((PFN_WDFDEVICEINITSETIOTYPE)WdfFunctions[WdfDeviceInitSetIoTypeTableIndex])(
        WdfDriverGlobals, DeviceInit, IoType);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfDeviceInitSetIoType(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ WDF_DEVICE_IO_TYPE IoType);
#endif

/* WdfDeviceInitSetExclusive */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFDEVICEINITSETEXCLUSIVE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ BOOLEAN IsExclusive);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfDeviceInitSetExclusive(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ BOOLEAN IsExclusive)
{
    ((PFN_WDFDEVICEINITSETEXCLUSIVE)WdfFunctions[WdfDeviceInitSetExclusiveTableIndex])(
        WdfDriverGlobals, DeviceInit, IsExclusive);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfDeviceInitSetExclusive(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ BOOLEAN IsExclusive);
#endif

/* WdfDeviceInitSetDeviceType */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFDEVICEINITSETDEVICETYPE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ DEVICE_TYPE DeviceType);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfDeviceInitSetDeviceType(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ DEVICE_TYPE DeviceType)
{
    ((PFN_WDFDEVICEINITSETDEVICETYPE)WdfFunctions[WdfDeviceInitSetDeviceTypeTableIndex])(
        WdfDriverGlobals, DeviceInit, DeviceType);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfDeviceInitSetDeviceType(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ DEVICE_TYPE DeviceType);
#endif

/* WdfDeviceInitSetFileObjectConfig */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFDEVICEINITSETFILEOBJECTCONFIG)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_FILEOBJECT_CONFIG FileObjectConfig,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES FileObjectAttributes);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfDeviceInitSetFileObjectConfig(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_FILEOBJECT_CONFIG FileObjectConfig,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES FileObjectAttributes)
{
    ((PFN_WDFDEVICEINITSETFILEOBJECTCONFIG)WdfFunctions[WdfDeviceInitSetFileObjectConfigTableIndex])(
        WdfDriverGlobals, DeviceInit, FileObjectConfig, FileObjectAttributes);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfDeviceInitSetFileObjectConfig(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_FILEOBJECT_CONFIG FileObjectConfig,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES FileObjectAttributes);
#endif

/* WdfDeviceInitSetRequestAttributes */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFDEVICEINITSETREQUESTATTRIBUTES)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_OBJECT_ATTRIBUTES RequestAttributes);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfDeviceInitSetRequestAttributes(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_OBJECT_ATTRIBUTES RequestAttributes)
{
    ((PFN_WDFDEVICEINITSETREQUESTATTRIBUTES)WdfFunctions[WdfDeviceInitSetRequestAttributesTableIndex])(
        WdfDriverGlobals, DeviceInit, RequestAttributes);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfDeviceInitSetRequestAttributes(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_OBJECT_ATTRIBUTES RequestAttributes);
#endif

/* WdfDeviceInitSetIoInCallerContextCallback */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFDEVICEINITSETIOINCALLERCONTEXTCALLBACK)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PFN_WDF_IO_IN_CALLER_CONTEXT EvtIoInCallerContext);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfDeviceInitSetIoInCallerContextCallback(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PFN_WDF_IO_IN_CALLER_CONTEXT EvtIoInCallerContext)
{
    ((PFN_WDFDEVICEINITSETIOINCALLERCONTEXTCALLBACK)WdfFunctions[WdfDeviceInitSetIoInCallerContextCallbackTableIndex])(
        WdfDriverGlobals, DeviceInit, EvtIoInCallerContext);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfDeviceInitSetIoInCallerContextCallback(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PFN_WDF_IO_IN_CALLER_CONTEXT EvtIoInCallerContext);
#endif

/* WdfDeviceInitAssignName */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFDEVICEINITASSIGNNAME)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_opt_ PCUNICODE_STRING DeviceName);

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE NTSTATUS WdfDeviceInitAssignName(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_opt_ PCUNICODE_STRING DeviceName)
{
    return ((PFN_WDFDEVICEINITASSIGNNAME)WdfFunctions[WdfDeviceInitAssignNameTableIndex])(
        WdfDriverGlobals, DeviceInit, DeviceName);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS WdfDeviceInitAssignName(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_opt_ PCUNICODE_STRING DeviceName);
#endif

/* WdfDeviceCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFDEVICECREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _Inout_ PWDFDEVICE_INIT* DeviceInit,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES DeviceAttributes,
    _Out_ WDFDEVICE* Device);

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE NTSTATUS WdfDeviceCreate(
    _Inout_ PWDFDEVICE_INIT* DeviceInit,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES DeviceAttributes,
    _Out_ WDFDEVICE* Device)
{
    return ((PFN_WDFDEVICECREATE)WdfFunctions[WdfDeviceCreateTableIndex])(
        WdfDriverGlobals, DeviceInit, DeviceAttributes, Device);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS WdfDeviceCreate(
    _Inout_ PWDFDEVICE_INIT* DeviceInit,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES DeviceAttributes,
    _Out_ WDFDEVICE* Device);
#endif

/* WdfDeviceCreateDeviceInterface */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFDEVICECREATEDEVICEINTERFACE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDEVICE Device,
    _In_ CONST GUID* InterfaceClassGUID,
    _In_opt_ PCUNICODE_STRING ReferenceString);

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE NTSTATUS WdfDeviceCreateDeviceInterface(
    _In_ WDFDEVICE Device,
    _In_ CONST GUID* InterfaceClassGUID,
    _In_opt_ PCUNICODE_STRING ReferenceString)
{
    return ((PFN_WDFDEVICECREATEDEVICEINTERFACE)WdfFunctions[WdfDeviceCreateDeviceInterfaceTableIndex])(
        WdfDriverGlobals, Device, InterfaceClassGUID, ReferenceString);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS WdfDeviceCreateDeviceInterface(
    _In_ WDFDEVICE Device,
    _In_ CONST GUID* InterfaceClassGUID,
    _In_opt_ PCUNICODE_STRING ReferenceString);
#endif

/* WdfDeviceCreateSymbolicLink */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFDEVICECREATESYMBOLICLINK)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDEVICE Device,
    _In_ PCUNICODE_STRING SymbolicLinkName);

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE NTSTATUS WdfDeviceCreateSymbolicLink(
    _In_ WDFDEVICE Device,
    _In_ PCUNICODE_STRING SymbolicLinkName)
{
    return ((PFN_WDFDEVICECREATESYMBOLICLINK)WdfFunctions[WdfDeviceCreateSymbolicLinkTableIndex])(
        WdfDriverGlobals, Device, SymbolicLinkName);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS WdfDeviceCreateSymbolicLink(
    _In_ WDFDEVICE Device,
    _In_ PCUNICODE_STRING SymbolicLinkName);
#endif

/* WdfDeviceGetDriver */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFDRIVER (NTAPI *PFN_WDFDEVICEGETDRIVER)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDEVICE Device);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE WDFDRIVER WdfDeviceGetDriver(
    _In_ WDFDEVICE Device)
{
    return ((PFN_WDFDEVICEGETDRIVER)WdfFunctions[WdfDeviceGetDriverTableIndex])(
        WdfDriverGlobals, Device);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFDRIVER WdfDeviceGetDriver(
    _In_ WDFDEVICE Device);
#endif

/* WdfDeviceGetDefaultQueue */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFQUEUE (NTAPI *PFN_WDFDEVICEGETDEFAULTQUEUE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDEVICE Device);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE WDFQUEUE WdfDeviceGetDefaultQueue(
    _In_ WDFDEVICE Device)
{
    return ((PFN_WDFDEVICEGETDEFAULTQUEUE)WdfFunctions[WdfDeviceGetDefaultQueueTableIndex])(
        WdfDriverGlobals, Device);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFQUEUE WdfDeviceGetDefaultQueue(
    _In_ WDFDEVICE Device);
#endif

/* WdfDeviceWdmGetDeviceObject */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI PDEVICE_OBJECT (NTAPI *PFN_WDFDEVICEWDMGETDEVICEOBJECT)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDEVICE Device);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE PDEVICE_OBJECT WdfDeviceWdmGetDeviceObject(
    _In_ WDFDEVICE Device)
{
    return ((PFN_WDFDEVICEWDMGETDEVICEOBJECT)WdfFunctions[WdfDeviceWdmGetDeviceObjectTableIndex])(
        WdfDriverGlobals, Device);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI PDEVICE_OBJECT WdfDeviceWdmGetDeviceObject(
    _In_ WDFDEVICE Device);
#endif

/* WdfDeviceEnqueueRequest */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFDEVICEENQUEUEREQUEST)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDEVICE Device,
    _In_ WDFREQUEST Request);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfDeviceEnqueueRequest(
    _In_ WDFDEVICE Device,
    _In_ WDFREQUEST Request)
{
    return ((PFN_WDFDEVICEENQUEUEREQUEST)WdfFunctions[WdfDeviceEnqueueRequestTableIndex])(
        WdfDriverGlobals, Device, Request);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfDeviceEnqueueRequest(
    _In_ WDFDEVICE Device,
    _In_ WDFREQUEST Request);
#endif

/* WdfFileObjectGetDevice */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFDEVICE (NTAPI *PFN_WDFFILEOBJECTGETDEVICE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFFILEOBJECT FileObject);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE WDFDEVICE WdfFileObjectGetDevice(
    _In_ WDFFILEOBJECT FileObject)
{
    return ((PFN_WDFFILEOBJECTGETDEVICE)WdfFunctions[WdfFileObjectGetDeviceTableIndex])(
        WdfDriverGlobals, FileObject);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFDEVICE WdfFileObjectGetDevice(
    _In_ WDFFILEOBJECT FileObject);
#endif

/* ---- I/O queues (wdfio.h) ---- */

/* WdfIoQueueCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFIOQUEUECREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDEVICE Device,
    _In_ PWDF_IO_QUEUE_CONFIG Config,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES QueueAttributes,
    _Out_opt_ WDFQUEUE* Queue);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfIoQueueCreate(
    _In_ WDFDEVICE Device,
    _In_ PWDF_IO_QUEUE_CONFIG Config,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES QueueAttributes,
    _Out_opt_ WDFQUEUE* Queue)
{
    return ((PFN_WDFIOQUEUECREATE)WdfFunctions[WdfIoQueueCreateTableIndex])(
        WdfDriverGlobals, Device, Config, QueueAttributes, Queue);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfIoQueueCreate(
    _In_ WDFDEVICE Device,
    _In_ PWDF_IO_QUEUE_CONFIG Config,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES QueueAttributes,
    _Out_opt_ WDFQUEUE* Queue);
#endif

/* WdfIoQueueGetDevice */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFDEVICE (NTAPI *PFN_WDFIOQUEUEGETDEVICE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFQUEUE Queue);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE WDFDEVICE WdfIoQueueGetDevice(
    _In_ WDFQUEUE Queue)
{
    return ((PFN_WDFIOQUEUEGETDEVICE)WdfFunctions[WdfIoQueueGetDeviceTableIndex])(
        WdfDriverGlobals, Queue);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFDEVICE WdfIoQueueGetDevice(
    _In_ WDFQUEUE Queue);
#endif

/* WdfIoQueueRetrieveNextRequest */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFIOQUEUERETRIEVENEXTREQUEST)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFQUEUE Queue,
    _Out_ WDFREQUEST* OutRequest);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfIoQueueRetrieveNextRequest(
    _In_ WDFQUEUE Queue,
    _Out_ WDFREQUEST* OutRequest)
{
    return ((PFN_WDFIOQUEUERETRIEVENEXTREQUEST)WdfFunctions[WdfIoQueueRetrieveNextRequestTableIndex])(
        WdfDriverGlobals, Queue, OutRequest);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfIoQueueRetrieveNextRequest(
    _In_ WDFQUEUE Queue,
    _Out_ WDFREQUEST* OutRequest);
#endif

/* WdfIoQueueStart */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFIOQUEUESTART)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFQUEUE Queue);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfIoQueueStart(
    _In_ WDFQUEUE Queue)
{
    ((PFN_WDFIOQUEUESTART)WdfFunctions[WdfIoQueueStartTableIndex])(
        WdfDriverGlobals, Queue);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfIoQueueStart(
    _In_ WDFQUEUE Queue);
#endif

/* WdfIoQueuePurgeSynchronously */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFIOQUEUEPURGESYNCHRONOUSLY)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFQUEUE Queue);

_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE VOID WdfIoQueuePurgeSynchronously(
    _In_ WDFQUEUE Queue)
{
    ((PFN_WDFIOQUEUEPURGESYNCHRONOUSLY)WdfFunctions[WdfIoQueuePurgeSynchronouslyTableIndex])(
        WdfDriverGlobals, Queue);
}
#else
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI VOID WdfIoQueuePurgeSynchronously(
    _In_ WDFQUEUE Queue);
#endif

/* ---- Requests (wdfrequest.h) ---- */

/* WdfRequestGetIoQueue */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFQUEUE (NTAPI *PFN_WDFREQUESTGETIOQUEUE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE WDFQUEUE WdfRequestGetIoQueue(
    _In_ WDFREQUEST Request)
{
    return ((PFN_WDFREQUESTGETIOQUEUE)WdfFunctions[WdfRequestGetIoQueueTableIndex])(
        WdfDriverGlobals, Request);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFQUEUE WdfRequestGetIoQueue(
    _In_ WDFREQUEST Request);
#endif

/* WdfRequestGetParameters */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFREQUESTGETPARAMETERS)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _Out_ PWDF_REQUEST_PARAMETERS Parameters);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfRequestGetParameters(
    _In_ WDFREQUEST Request,
    _Out_ PWDF_REQUEST_PARAMETERS Parameters)
{
    ((PFN_WDFREQUESTGETPARAMETERS)WdfFunctions[WdfRequestGetParametersTableIndex])(
        WdfDriverGlobals, Request, Parameters);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfRequestGetParameters(
    _In_ WDFREQUEST Request,
    _Out_ PWDF_REQUEST_PARAMETERS Parameters);
#endif

/* WdfRequestComplete */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFREQUESTCOMPLETE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfRequestComplete(
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status)
{
    ((PFN_WDFREQUESTCOMPLETE)WdfFunctions[WdfRequestCompleteTableIndex])(
        WdfDriverGlobals, Request, Status);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfRequestComplete(
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status);
#endif

/* WdfRequestCompleteWithInformation */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFREQUESTCOMPLETEWITHINFORMATION)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status,
    _In_ ULONG_PTR Information);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfRequestCompleteWithInformation(
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status,
    _In_ ULONG_PTR Information)
{
    ((PFN_WDFREQUESTCOMPLETEWITHINFORMATION)WdfFunctions[WdfRequestCompleteWithInformationTableIndex])(
        WdfDriverGlobals, Request, Status, Information);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfRequestCompleteWithInformation(
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status,
    _In_ ULONG_PTR Information);
#endif

/* WdfRequestCompleteWithPriorityBoost */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFREQUESTCOMPLETEWITHPRIORITYBOOST)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status,
    _In_ CCHAR PriorityBoost);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfRequestCompleteWithPriorityBoost(
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status,
    _In_ CCHAR PriorityBoost)
{
    ((PFN_WDFREQUESTCOMPLETEWITHPRIORITYBOOST)WdfFunctions[WdfRequestCompleteWithPriorityBoostTableIndex])(
        WdfDriverGlobals, Request, Status, PriorityBoost);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfRequestCompleteWithPriorityBoost(
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status,
    _In_ CCHAR PriorityBoost);
#endif

/* WdfRequestSetInformation */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFREQUESTSETINFORMATION)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ ULONG_PTR Information);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfRequestSetInformation(
    _In_ WDFREQUEST Request,
    _In_ ULONG_PTR Information)
{
    ((PFN_WDFREQUESTSETINFORMATION)WdfFunctions[WdfRequestSetInformationTableIndex])(
        WdfDriverGlobals, Request, Information);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfRequestSetInformation(
    _In_ WDFREQUEST Request,
    _In_ ULONG_PTR Information);
#endif

/* WdfRequestGetInformation */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI ULONG_PTR (NTAPI *PFN_WDFREQUESTGETINFORMATION)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE ULONG_PTR WdfRequestGetInformation(
    _In_ WDFREQUEST Request)
{
    return ((PFN_WDFREQUESTGETINFORMATION)WdfFunctions[WdfRequestGetInformationTableIndex])(
        WdfDriverGlobals, Request);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI ULONG_PTR WdfRequestGetInformation(
    _In_ WDFREQUEST Request);
#endif

/* WdfRequestGetStatus */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTGETSTATUS)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfRequestGetStatus(
    _In_ WDFREQUEST Request)
{
    return ((PFN_WDFREQUESTGETSTATUS)WdfFunctions[WdfRequestGetStatusTableIndex])(
        WdfDriverGlobals, Request);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfRequestGetStatus(
    _In_ WDFREQUEST Request);
#endif

/* WdfRequestRetrieveInputBuffer */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTRETRIEVEINPUTBUFFER)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredSize,
    _Outptr_result_bytebuffer_(*Length) PVOID* Buffer,
    _Out_opt_ size_t* Length);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfRequestRetrieveInputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredSize,
    _Outptr_result_bytebuffer_(*Length) PVOID* Buffer,
    _Out_opt_ size_t* Length)
{
    return ((PFN_WDFREQUESTRETRIEVEINPUTBUFFER)WdfFunctions[WdfRequestRetrieveInputBufferTableIndex])(
        WdfDriverGlobals, Request, MinimumRequiredSize, Buffer, Length);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfRequestRetrieveInputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredSize,
    _Outptr_result_bytebuffer_(*Length) PVOID* Buffer,
    _Out_opt_ size_t* Length);
#endif

/* WdfRequestRetrieveOutputBuffer */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTRETRIEVEOUTPUTBUFFER)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredSize,
    _Outptr_result_bytebuffer_(*Length) PVOID* Buffer,
    _Out_opt_ size_t* Length);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfRequestRetrieveOutputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredSize,
    _Outptr_result_bytebuffer_(*Length) PVOID* Buffer,
    _Out_opt_ size_t* Length)
{
    return ((PFN_WDFREQUESTRETRIEVEOUTPUTBUFFER)WdfFunctions[WdfRequestRetrieveOutputBufferTableIndex])(
        WdfDriverGlobals, Request, MinimumRequiredSize, Buffer, Length);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfRequestRetrieveOutputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredSize,
    _Outptr_result_bytebuffer_(*Length) PVOID* Buffer,
    _Out_opt_ size_t* Length);
#endif

/* WdfRequestRetrieveInputMemory */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTRETRIEVEINPUTMEMORY)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _Out_ WDFMEMORY* Memory);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfRequestRetrieveInputMemory(
    _In_ WDFREQUEST Request,
    _Out_ WDFMEMORY* Memory)
{
    return ((PFN_WDFREQUESTRETRIEVEINPUTMEMORY)WdfFunctions[WdfRequestRetrieveInputMemoryTableIndex])(
        WdfDriverGlobals, Request, Memory);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfRequestRetrieveInputMemory(
    _In_ WDFREQUEST Request,
    _Out_ WDFMEMORY* Memory);
#endif

/* WdfRequestRetrieveOutputMemory */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTRETRIEVEOUTPUTMEMORY)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _Out_ WDFMEMORY* Memory);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfRequestRetrieveOutputMemory(
    _In_ WDFREQUEST Request,
    _Out_ WDFMEMORY* Memory)
{
    return ((PFN_WDFREQUESTRETRIEVEOUTPUTMEMORY)WdfFunctions[WdfRequestRetrieveOutputMemoryTableIndex])(
        WdfDriverGlobals, Request, Memory);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfRequestRetrieveOutputMemory(
    _In_ WDFREQUEST Request,
    _Out_ WDFMEMORY* Memory);
#endif

/* WdfRequestRetrieveUnsafeUserInputBuffer */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTRETRIEVEUNSAFEUSERINPUTBUFFER)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredLength,
    _Outptr_result_bytebuffer_maybenull_(*Length) PVOID* InputBuffer,
    _Out_opt_ size_t* Length);

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE NTSTATUS WdfRequestRetrieveUnsafeUserInputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredLength,
    _Outptr_result_bytebuffer_maybenull_(*Length) PVOID* InputBuffer,
    _Out_opt_ size_t* Length)
{
    return ((PFN_WDFREQUESTRETRIEVEUNSAFEUSERINPUTBUFFER)WdfFunctions[WdfRequestRetrieveUnsafeUserInputBufferTableIndex])(
        WdfDriverGlobals, Request, MinimumRequiredLength, InputBuffer,
        Length);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS WdfRequestRetrieveUnsafeUserInputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredLength,
    _Outptr_result_bytebuffer_maybenull_(*Length) PVOID* InputBuffer,
    _Out_opt_ size_t* Length);
#endif

/* WdfRequestRetrieveUnsafeUserOutputBuffer */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTRETRIEVEUNSAFEUSEROUTPUTBUFFER)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredLength,
    _Outptr_result_bytebuffer_maybenull_(*Length) PVOID* OutputBuffer,
    _Out_opt_ size_t* Length);

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE NTSTATUS WdfRequestRetrieveUnsafeUserOutputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredLength,
    _Outptr_result_bytebuffer_maybenull_(*Length) PVOID* OutputBuffer,
    _Out_opt_ size_t* Length)
{
    return ((PFN_WDFREQUESTRETRIEVEUNSAFEUSEROUTPUTBUFFER)WdfFunctions[WdfRequestRetrieveUnsafeUserOutputBufferTableIndex])(
        WdfDriverGlobals, Request, MinimumRequiredLength, OutputBuffer,
        Length);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS WdfRequestRetrieveUnsafeUserOutputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredLength,
    _Outptr_result_bytebuffer_maybenull_(*Length) PVOID* OutputBuffer,
    _Out_opt_ size_t* Length);
#endif

/* WdfRequestProbeAndLockUserBufferForRead */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTPROBEANDLOCKUSERBUFFERFORREAD)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ size_t Length,
    _Out_ WDFMEMORY* MemoryObject);

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE NTSTATUS WdfRequestProbeAndLockUserBufferForRead(
    _In_ WDFREQUEST Request,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ size_t Length,
    _Out_ WDFMEMORY* MemoryObject)
{
    return ((PFN_WDFREQUESTPROBEANDLOCKUSERBUFFERFORREAD)WdfFunctions[WdfRequestProbeAndLockUserBufferForReadTableIndex])(
        WdfDriverGlobals, Request, Buffer, Length, MemoryObject);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS WdfRequestProbeAndLockUserBufferForRead(
    _In_ WDFREQUEST Request,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ size_t Length,
    _Out_ WDFMEMORY* MemoryObject);
#endif

/* WdfRequestProbeAndLockUserBufferForWrite */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTPROBEANDLOCKUSERBUFFERFORWRITE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ size_t Length,
    _Out_ WDFMEMORY* MemoryObject);

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE NTSTATUS WdfRequestProbeAndLockUserBufferForWrite(
    _In_ WDFREQUEST Request,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ size_t Length,
    _Out_ WDFMEMORY* MemoryObject)
{
    return ((PFN_WDFREQUESTPROBEANDLOCKUSERBUFFERFORWRITE)WdfFunctions[WdfRequestProbeAndLockUserBufferForWriteTableIndex])(
        WdfDriverGlobals, Request, Buffer, Length, MemoryObject);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI NTSTATUS WdfRequestProbeAndLockUserBufferForWrite(
    _In_ WDFREQUEST Request,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ size_t Length,
    _Out_ WDFMEMORY* MemoryObject);
#endif

/* WdfRequestMarkCancelable */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFREQUESTMARKCANCELABLE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_REQUEST_CANCEL EvtRequestCancel);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfRequestMarkCancelable(
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_REQUEST_CANCEL EvtRequestCancel)
{
    ((PFN_WDFREQUESTMARKCANCELABLE)WdfFunctions[WdfRequestMarkCancelableTableIndex])(
        WdfDriverGlobals, Request, EvtRequestCancel);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfRequestMarkCancelable(
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_REQUEST_CANCEL EvtRequestCancel);
#endif

/* WdfRequestMarkCancelableEx */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTMARKCANCELABLEEX)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_REQUEST_CANCEL EvtRequestCancel);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfRequestMarkCancelableEx(
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_REQUEST_CANCEL EvtRequestCancel)
{
    return ((PFN_WDFREQUESTMARKCANCELABLEEX)WdfFunctions[WdfRequestMarkCancelableExTableIndex])(
        WdfDriverGlobals, Request, EvtRequestCancel);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfRequestMarkCancelableEx(
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_REQUEST_CANCEL EvtRequestCancel);
#endif

/* WdfRequestUnmarkCancelable */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTUNMARKCANCELABLE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfRequestUnmarkCancelable(
    _In_ WDFREQUEST Request)
{
    return ((PFN_WDFREQUESTUNMARKCANCELABLE)WdfFunctions[WdfRequestUnmarkCancelableTableIndex])(
        WdfDriverGlobals, Request);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfRequestUnmarkCancelable(
    _In_ WDFREQUEST Request);
#endif

/* WdfRequestIsCanceled */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI BOOLEAN (NTAPI *PFN_WDFREQUESTISCANCELED)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE BOOLEAN WdfRequestIsCanceled(
    _In_ WDFREQUEST Request)
{
    return ((PFN_WDFREQUESTISCANCELED)WdfFunctions[WdfRequestIsCanceledTableIndex])(
        WdfDriverGlobals, Request);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI BOOLEAN WdfRequestIsCanceled(
    _In_ WDFREQUEST Request);
#endif

/* WdfRequestGetFileObject */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFFILEOBJECT (NTAPI *PFN_WDFREQUESTGETFILEOBJECT)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE WDFFILEOBJECT WdfRequestGetFileObject(
    _In_ WDFREQUEST Request)
{
    return ((PFN_WDFREQUESTGETFILEOBJECT)WdfFunctions[WdfRequestGetFileObjectTableIndex])(
        WdfDriverGlobals, Request);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFFILEOBJECT WdfRequestGetFileObject(
    _In_ WDFREQUEST Request);
#endif

/* WdfRequestGetRequestorMode */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI KPROCESSOR_MODE (NTAPI *PFN_WDFREQUESTGETREQUESTORMODE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE KPROCESSOR_MODE WdfRequestGetRequestorMode(
    _In_ WDFREQUEST Request)
{
    return ((PFN_WDFREQUESTGETREQUESTORMODE)WdfFunctions[WdfRequestGetRequestorModeTableIndex])(
        WdfDriverGlobals, Request);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI KPROCESSOR_MODE WdfRequestGetRequestorMode(
    _In_ WDFREQUEST Request);
#endif

/* WdfRequestForwardToIoQueue */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFREQUESTFORWARDTOIOQUEUE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_ WDFQUEUE DestinationQueue);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfRequestForwardToIoQueue(
    _In_ WDFREQUEST Request,
    _In_ WDFQUEUE DestinationQueue)
{
    return ((PFN_WDFREQUESTFORWARDTOIOQUEUE)WdfFunctions[WdfRequestForwardToIoQueueTableIndex])(
        WdfDriverGlobals, Request, DestinationQueue);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfRequestForwardToIoQueue(
    _In_ WDFREQUEST Request,
    _In_ WDFQUEUE DestinationQueue);
#endif

/* WdfRequestSetCompletionRoutine */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFREQUESTSETCOMPLETIONROUTINE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFREQUEST Request,
    _In_opt_ PFN_WDF_REQUEST_COMPLETION_ROUTINE CompletionRoutine,
    _In_opt_ __drv_aliasesMem WDFCONTEXT CompletionContext);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfRequestSetCompletionRoutine(
    _In_ WDFREQUEST Request,
    _In_opt_ PFN_WDF_REQUEST_COMPLETION_ROUTINE CompletionRoutine,
    _In_opt_ __drv_aliasesMem WDFCONTEXT CompletionContext)
{
    ((PFN_WDFREQUESTSETCOMPLETIONROUTINE)WdfFunctions[WdfRequestSetCompletionRoutineTableIndex])(
        WdfDriverGlobals, Request, CompletionRoutine, CompletionContext);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfRequestSetCompletionRoutine(
    _In_ WDFREQUEST Request,
    _In_opt_ PFN_WDF_REQUEST_COMPLETION_ROUTINE CompletionRoutine,
    _In_opt_ __drv_aliasesMem WDFCONTEXT CompletionContext);
#endif

/* ---- Memory objects and lookaside lists (wdfmemory.h) ---- */

/* WdfMemoryCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_When_(PoolType == 1 || PoolType == 257, _IRQL_requires_max_(APC_LEVEL))
_When_(PoolType == 0 || PoolType == 512, _IRQL_requires_max_(DISPATCH_LEVEL))
WDFAPI NTSTATUS (NTAPI *PFN_WDFMEMORYCREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _In_ _Strict_type_match_ POOL_TYPE PoolType,
    _In_opt_ ULONG PoolTag,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize,
    _Out_ WDFMEMORY* Memory,
    _Outptr_opt_result_bytebuffer_(BufferSize) PVOID* Buffer);

_Must_inspect_result_
_When_(PoolType == 1 || PoolType == 257, _IRQL_requires_max_(APC_LEVEL))
_When_(PoolType == 0 || PoolType == 512, _IRQL_requires_max_(DISPATCH_LEVEL))
FORCEINLINE NTSTATUS WdfMemoryCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _In_ _Strict_type_match_ POOL_TYPE PoolType,
    _In_opt_ ULONG PoolTag,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize,
    _Out_ WDFMEMORY* Memory,
    _Outptr_opt_result_bytebuffer_(BufferSize) PVOID* Buffer)
{
    return ((PFN_WDFMEMORYCREATE)WdfFunctions[WdfMemoryCreateTableIndex])(
        WdfDriverGlobals, Attributes, PoolType, PoolTag, BufferSize, Memory,
        Buffer);
}
#else
_Must_inspect_result_
_When_(PoolType == 1 || PoolType == 257, _IRQL_requires_max_(APC_LEVEL))
_When_(PoolType == 0 || PoolType == 512, _IRQL_requires_max_(DISPATCH_LEVEL))
WDFAPI NTSTATUS WdfMemoryCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _In_ _Strict_type_match_ POOL_TYPE PoolType,
    _In_opt_ ULONG PoolTag,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize,
    _Out_ WDFMEMORY* Memory,
    _Outptr_opt_result_bytebuffer_(BufferSize) PVOID* Buffer);
#endif

/* WdfMemoryCreatePreallocated */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFMEMORYCREATEPREALLOCATED)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _In_ __drv_aliasesMem PVOID Buffer,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize,
    _Out_ WDFMEMORY* Memory);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfMemoryCreatePreallocated(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _In_ __drv_aliasesMem PVOID Buffer,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize,
    _Out_ WDFMEMORY* Memory)
{
    return ((PFN_WDFMEMORYCREATEPREALLOCATED)WdfFunctions[WdfMemoryCreatePreallocatedTableIndex])(
        WdfDriverGlobals, Attributes, Buffer, BufferSize, Memory);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfMemoryCreatePreallocated(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _In_ __drv_aliasesMem PVOID Buffer,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize,
    _Out_ WDFMEMORY* Memory);
#endif

/* WdfMemoryGetBuffer */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI PVOID (NTAPI *PFN_WDFMEMORYGETBUFFER)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFMEMORY Memory,
    _Out_opt_ size_t* BufferSize);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE PVOID WdfMemoryGetBuffer(
    _In_ WDFMEMORY Memory,
    _Out_opt_ size_t* BufferSize)
{
    return ((PFN_WDFMEMORYGETBUFFER)WdfFunctions[WdfMemoryGetBufferTableIndex])(
        WdfDriverGlobals, Memory, BufferSize);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI PVOID WdfMemoryGetBuffer(
    _In_ WDFMEMORY Memory,
    _Out_opt_ size_t* BufferSize);
#endif

/* WdfMemoryAssignBuffer */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFMEMORYASSIGNBUFFER)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFMEMORY Memory,
    _Pre_notnull_ _Pre_writable_byte_size_(BufferSize) PVOID Buffer,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfMemoryAssignBuffer(
    _In_ WDFMEMORY Memory,
    _Pre_notnull_ _Pre_writable_byte_size_(BufferSize) PVOID Buffer,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize)
{
    return ((PFN_WDFMEMORYASSIGNBUFFER)WdfFunctions[WdfMemoryAssignBufferTableIndex])(
        WdfDriverGlobals, Memory, Buffer, BufferSize);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfMemoryAssignBuffer(
    _In_ WDFMEMORY Memory,
    _Pre_notnull_ _Pre_writable_byte_size_(BufferSize) PVOID Buffer,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize);
#endif

/* WdfMemoryCopyToBuffer */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFMEMORYCOPYTOBUFFER)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFMEMORY SourceMemory,
    _In_ size_t SourceOffset,
    _Out_writes_bytes_(NumBytesToCopyTo) PVOID Buffer,
    _In_ _When_(NumBytesToCopyTo == 0, __drv_reportError(NumBytesToCopyTo cannot be zero)) size_t NumBytesToCopyTo);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfMemoryCopyToBuffer(
    _In_ WDFMEMORY SourceMemory,
    _In_ size_t SourceOffset,
    _Out_writes_bytes_(NumBytesToCopyTo) PVOID Buffer,
    _In_ _When_(NumBytesToCopyTo == 0, __drv_reportError(NumBytesToCopyTo cannot be zero)) size_t NumBytesToCopyTo)
{
    return ((PFN_WDFMEMORYCOPYTOBUFFER)WdfFunctions[WdfMemoryCopyToBufferTableIndex])(
        WdfDriverGlobals, SourceMemory, SourceOffset, Buffer,
        NumBytesToCopyTo);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfMemoryCopyToBuffer(
    _In_ WDFMEMORY SourceMemory,
    _In_ size_t SourceOffset,
    _Out_writes_bytes_(NumBytesToCopyTo) PVOID Buffer,
    _In_ _When_(NumBytesToCopyTo == 0, __drv_reportError(NumBytesToCopyTo cannot be zero)) size_t NumBytesToCopyTo);
#endif

/* WdfMemoryCopyFromBuffer */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFMEMORYCOPYFROMBUFFER)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFMEMORY DestinationMemory,
    _In_ size_t DestinationOffset,
    _In_ PVOID Buffer,
    _In_ _When_(NumBytesToCopyFrom == 0, __drv_reportError(NumBytesToCopyFrom cannot be zero)) size_t NumBytesToCopyFrom);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfMemoryCopyFromBuffer(
    _In_ WDFMEMORY DestinationMemory,
    _In_ size_t DestinationOffset,
    _In_ PVOID Buffer,
    _In_ _When_(NumBytesToCopyFrom == 0, __drv_reportError(NumBytesToCopyFrom cannot be zero)) size_t NumBytesToCopyFrom)
{
    return ((PFN_WDFMEMORYCOPYFROMBUFFER)WdfFunctions[WdfMemoryCopyFromBufferTableIndex])(
        WdfDriverGlobals, DestinationMemory, DestinationOffset, Buffer,
        NumBytesToCopyFrom);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfMemoryCopyFromBuffer(
    _In_ WDFMEMORY DestinationMemory,
    _In_ size_t DestinationOffset,
    _In_ PVOID Buffer,
    _In_ _When_(NumBytesToCopyFrom == 0, __drv_reportError(NumBytesToCopyFrom cannot be zero)) size_t NumBytesToCopyFrom);
#endif

/* WdfLookasideListCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_When_(PoolType == 1 || PoolType == 257, _IRQL_requires_max_(APC_LEVEL))
_When_(PoolType == 0 || PoolType == 512, _IRQL_requires_max_(DISPATCH_LEVEL))
WDFAPI NTSTATUS (NTAPI *PFN_WDFLOOKASIDELISTCREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES LookasideAttributes,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize,
    _In_ _Strict_type_match_ POOL_TYPE PoolType,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES MemoryAttributes,
    _In_opt_ ULONG PoolTag,
    _Out_ WDFLOOKASIDE* Lookaside);

_Must_inspect_result_
_When_(PoolType == 1 || PoolType == 257, _IRQL_requires_max_(APC_LEVEL))
_When_(PoolType == 0 || PoolType == 512, _IRQL_requires_max_(DISPATCH_LEVEL))
FORCEINLINE NTSTATUS WdfLookasideListCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES LookasideAttributes,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize,
    _In_ _Strict_type_match_ POOL_TYPE PoolType,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES MemoryAttributes,
    _In_opt_ ULONG PoolTag,
    _Out_ WDFLOOKASIDE* Lookaside)
{
    return ((PFN_WDFLOOKASIDELISTCREATE)WdfFunctions[WdfLookasideListCreateTableIndex])(
        WdfDriverGlobals, LookasideAttributes, BufferSize, PoolType,
        MemoryAttributes, PoolTag, Lookaside);
}
#else
_Must_inspect_result_
_When_(PoolType == 1 || PoolType == 257, _IRQL_requires_max_(APC_LEVEL))
_When_(PoolType == 0 || PoolType == 512, _IRQL_requires_max_(DISPATCH_LEVEL))
WDFAPI NTSTATUS WdfLookasideListCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES LookasideAttributes,
    _In_ _When_(BufferSize == 0, __drv_reportError(BufferSize cannot be zero)) size_t BufferSize,
    _In_ _Strict_type_match_ POOL_TYPE PoolType,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES MemoryAttributes,
    _In_opt_ ULONG PoolTag,
    _Out_ WDFLOOKASIDE* Lookaside);
#endif

/* WdfMemoryCreateFromLookaside */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFMEMORYCREATEFROMLOOKASIDE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFLOOKASIDE Lookaside,
    _Out_ WDFMEMORY* Memory);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfMemoryCreateFromLookaside(
    _In_ WDFLOOKASIDE Lookaside,
    _Out_ WDFMEMORY* Memory)
{
    return ((PFN_WDFMEMORYCREATEFROMLOOKASIDE)WdfFunctions[WdfMemoryCreateFromLookasideTableIndex])(
        WdfDriverGlobals, Lookaside, Memory);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfMemoryCreateFromLookaside(
    _In_ WDFLOOKASIDE Lookaside,
    _Out_ WDFMEMORY* Memory);
#endif

/* ---- Generic objects: lifetime, references, contexts (wdfobject.h) ---- */

/* WdfObjectGetTypedContextWorker */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL+1)
WDFAPI PVOID (FASTCALL *PFN_WDFOBJECTGETTYPEDCONTEXTWORKER)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFOBJECT Handle,
    _In_ PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo);

_IRQL_requires_max_(DISPATCH_LEVEL+1)
FORCEINLINE PVOID WdfObjectGetTypedContextWorker(
    _In_ WDFOBJECT Handle,
    _In_ PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo)
{
    return ((PFN_WDFOBJECTGETTYPEDCONTEXTWORKER)WdfFunctions[WdfObjectGetTypedContextWorkerTableIndex])(
        WdfDriverGlobals, Handle, TypeInfo);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL+1)
WDFAPI PVOID FASTCALL WdfObjectGetTypedContextWorker(
    _In_ WDFOBJECT Handle,
    _In_ PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo);
#endif

/* WdfObjectAllocateContext */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFOBJECTALLOCATECONTEXT)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFOBJECT Handle,
    _In_ PWDF_OBJECT_ATTRIBUTES ContextAttributes,
    _Outptr_opt_ PVOID* Context);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfObjectAllocateContext(
    _In_ WDFOBJECT Handle,
    _In_ PWDF_OBJECT_ATTRIBUTES ContextAttributes,
    _Outptr_opt_ PVOID* Context)
{
    return ((PFN_WDFOBJECTALLOCATECONTEXT)WdfFunctions[WdfObjectAllocateContextTableIndex])(
        WdfDriverGlobals, Handle, ContextAttributes, Context);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfObjectAllocateContext(
    _In_ WDFOBJECT Handle,
    _In_ PWDF_OBJECT_ATTRIBUTES ContextAttributes,
    _Outptr_opt_ PVOID* Context);
#endif

/* WdfObjectContextGetObject */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL+1)
WDFAPI WDFOBJECT (FASTCALL *PFN_WDFOBJECTCONTEXTGETOBJECT)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PVOID ContextPointer);

_IRQL_requires_max_(DISPATCH_LEVEL+1)
FORCEINLINE WDFOBJECT WdfObjectContextGetObject(
    _In_ PVOID ContextPointer)
{
    return ((PFN_WDFOBJECTCONTEXTGETOBJECT)WdfFunctions[WdfObjectContextGetObjectTableIndex])(
        WdfDriverGlobals, ContextPointer);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL+1)
WDFAPI WDFOBJECT FASTCALL WdfObjectContextGetObject(
    _In_ PVOID ContextPointer);
#endif

/* WdfObjectReferenceActual */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFOBJECTREFERENCEACTUAL)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFOBJECT Handle,
    _In_opt_ PVOID Tag,
    _In_ LONG Line,
    _In_z_ PCCH File);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfObjectReferenceActual(
    _In_ WDFOBJECT Handle,
    _In_opt_ PVOID Tag,
    _In_ LONG Line,
    _In_z_ PCCH File)
{
    ((PFN_WDFOBJECTREFERENCEACTUAL)WdfFunctions[WdfObjectReferenceActualTableIndex])(
        WdfDriverGlobals, Handle, Tag, Line, File);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfObjectReferenceActual(
    _In_ WDFOBJECT Handle,
    _In_opt_ PVOID Tag,
    _In_ LONG Line,
    _In_z_ PCCH File);
#endif

/* WdfObjectDereferenceActual */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFOBJECTDEREFERENCEACTUAL)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFOBJECT Handle,
    _In_opt_ PVOID Tag,
    _In_ LONG Line,
    _In_z_ PCCH File);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfObjectDereferenceActual(
    _In_ WDFOBJECT Handle,
    _In_opt_ PVOID Tag,
    _In_ LONG Line,
    _In_z_ PCCH File)
{
    ((PFN_WDFOBJECTDEREFERENCEACTUAL)WdfFunctions[WdfObjectDereferenceActualTableIndex])(
        WdfDriverGlobals, Handle, Tag, Line, File);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfObjectDereferenceActual(
    _In_ WDFOBJECT Handle,
    _In_opt_ PVOID Tag,
    _In_ LONG Line,
    _In_z_ PCCH File);
#endif

/* WdfObjectCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFOBJECTCREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFOBJECT* Object);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfObjectCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFOBJECT* Object)
{
    return ((PFN_WDFOBJECTCREATE)WdfFunctions[WdfObjectCreateTableIndex])(
        WdfDriverGlobals, Attributes, Object);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfObjectCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFOBJECT* Object);
#endif

/* WdfObjectDelete */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFOBJECTDELETE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFOBJECT Object);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfObjectDelete(
    _In_ WDFOBJECT Object)
{
    ((PFN_WDFOBJECTDELETE)WdfFunctions[WdfObjectDeleteTableIndex])(
        WdfDriverGlobals, Object);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfObjectDelete(
    _In_ WDFOBJECT Object);
#endif

/* ---- Locks (wdfsync.h) ---- */

/* WdfSpinLockCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFSPINLOCKCREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES SpinLockAttributes,
    _Out_ WDFSPINLOCK* SpinLock);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfSpinLockCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES SpinLockAttributes,
    _Out_ WDFSPINLOCK* SpinLock)
{
    return ((PFN_WDFSPINLOCKCREATE)WdfFunctions[WdfSpinLockCreateTableIndex])(
        WdfDriverGlobals, SpinLockAttributes, SpinLock);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfSpinLockCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES SpinLockAttributes,
    _Out_ WDFSPINLOCK* SpinLock);
#endif

/* WdfSpinLockAcquire */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFSPINLOCKACQUIRE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ _Requires_lock_not_held_(_Curr_) _Acquires_lock_(_Curr_) _IRQL_saves_ WDFSPINLOCK SpinLock);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfSpinLockAcquire(
    _In_ _Requires_lock_not_held_(_Curr_) _Acquires_lock_(_Curr_) _IRQL_saves_ WDFSPINLOCK SpinLock)
{
    ((PFN_WDFSPINLOCKACQUIRE)WdfFunctions[WdfSpinLockAcquireTableIndex])(
        WdfDriverGlobals, SpinLock);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
WDFAPI VOID WdfSpinLockAcquire(
    _In_ _Requires_lock_not_held_(_Curr_) _Acquires_lock_(_Curr_) _IRQL_saves_ WDFSPINLOCK SpinLock);
#endif

/* WdfSpinLockRelease */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_min_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFSPINLOCKRELEASE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) _IRQL_restores_ WDFSPINLOCK SpinLock);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_min_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfSpinLockRelease(
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) _IRQL_restores_ WDFSPINLOCK SpinLock)
{
    ((PFN_WDFSPINLOCKRELEASE)WdfFunctions[WdfSpinLockReleaseTableIndex])(
        WdfDriverGlobals, SpinLock);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_min_(DISPATCH_LEVEL)
WDFAPI VOID WdfSpinLockRelease(
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) _IRQL_restores_ WDFSPINLOCK SpinLock);
#endif

/* WdfWaitLockCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFWAITLOCKCREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES LockAttributes,
    _Out_ WDFWAITLOCK* Lock);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfWaitLockCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES LockAttributes,
    _Out_ WDFWAITLOCK* Lock)
{
    return ((PFN_WDFWAITLOCKCREATE)WdfFunctions[WdfWaitLockCreateTableIndex])(
        WdfDriverGlobals, LockAttributes, Lock);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfWaitLockCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES LockAttributes,
    _Out_ WDFWAITLOCK* Lock);
#endif

/* WdfWaitLockAcquire */
#if WDFCHECK_SHAPE_IS_WDK
typedef _When_(Timeout == NULL, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Timeout != NULL && *Timeout == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_(Timeout != NULL && *Timeout != 0, _IRQL_requires_max_(PASSIVE_LEVEL))
_Always_(_When_(Timeout == NULL, _Acquires_lock_(Lock)))
_When_(Timeout != NULL && return == STATUS_SUCCESS, _Acquires_lock_(Lock))
_When_(Timeout != NULL, _Must_inspect_result_)
WDFAPI NTSTATUS (NTAPI *PFN_WDFWAITLOCKACQUIRE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ _Requires_lock_not_held_(_Curr_) WDFWAITLOCK Lock,
    _In_opt_ PLONGLONG Timeout);

_When_(Timeout == NULL, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Timeout != NULL && *Timeout == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_(Timeout != NULL && *Timeout != 0, _IRQL_requires_max_(PASSIVE_LEVEL))
_Always_(_When_(Timeout == NULL, _Acquires_lock_(Lock)))
_When_(Timeout != NULL && return == STATUS_SUCCESS, _Acquires_lock_(Lock))
_When_(Timeout != NULL, _Must_inspect_result_)
FORCEINLINE NTSTATUS WdfWaitLockAcquire(
    _In_ _Requires_lock_not_held_(_Curr_) WDFWAITLOCK Lock,
    _In_opt_ PLONGLONG Timeout)
{
    return ((PFN_WDFWAITLOCKACQUIRE)WdfFunctions[WdfWaitLockAcquireTableIndex])(
        WdfDriverGlobals, Lock, Timeout);
}
#else
_When_(Timeout == NULL, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Timeout != NULL && *Timeout == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_(Timeout != NULL && *Timeout != 0, _IRQL_requires_max_(PASSIVE_LEVEL))
_Always_(_When_(Timeout == NULL, _Acquires_lock_(Lock)))
_When_(Timeout != NULL && return == STATUS_SUCCESS, _Acquires_lock_(Lock))
_When_(Timeout != NULL, _Must_inspect_result_)
WDFAPI NTSTATUS WdfWaitLockAcquire(
    _In_ _Requires_lock_not_held_(_Curr_) WDFWAITLOCK Lock,
    _In_opt_ PLONGLONG Timeout);
#endif

/* WdfWaitLockRelease */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFWAITLOCKRELEASE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) WDFWAITLOCK Lock);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfWaitLockRelease(
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) WDFWAITLOCK Lock)
{
    ((PFN_WDFWAITLOCKRELEASE)WdfFunctions[WdfWaitLockReleaseTableIndex])(
        WdfDriverGlobals, Lock);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfWaitLockRelease(
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) WDFWAITLOCK Lock);
#endif

/* ---- DPCs (wdfdpc.h) ---- */

/* WdfDpcCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFDPCCREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDF_DPC_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFDPC* Dpc);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfDpcCreate(
    _In_ PWDF_DPC_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFDPC* Dpc)
{
    return ((PFN_WDFDPCCREATE)WdfFunctions[WdfDpcCreateTableIndex])(
        WdfDriverGlobals, Config, Attributes, Dpc);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfDpcCreate(
    _In_ PWDF_DPC_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFDPC* Dpc);
#endif

/* WdfDpcEnqueue */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(HIGH_LEVEL)
WDFAPI BOOLEAN (NTAPI *PFN_WDFDPCENQUEUE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDPC Dpc);

_IRQL_requires_max_(HIGH_LEVEL)
FORCEINLINE BOOLEAN WdfDpcEnqueue(
    _In_ WDFDPC Dpc)
{
    return ((PFN_WDFDPCENQUEUE)WdfFunctions[WdfDpcEnqueueTableIndex])(
        WdfDriverGlobals, Dpc);
}
#else
_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI BOOLEAN WdfDpcEnqueue(
    _In_ WDFDPC Dpc);
#endif

/* WdfDpcCancel */
#if WDFCHECK_SHAPE_IS_WDK
typedef _When_(Wait == __true, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Wait == __false, _IRQL_requires_max_(HIGH_LEVEL))
WDFAPI BOOLEAN (NTAPI *PFN_WDFDPCCANCEL)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDPC Dpc,
    _In_ BOOLEAN Wait);

_When_(Wait == __true, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Wait == __false, _IRQL_requires_max_(HIGH_LEVEL))
FORCEINLINE BOOLEAN WdfDpcCancel(
    _In_ WDFDPC Dpc,
    _In_ BOOLEAN Wait)
{
    return ((PFN_WDFDPCCANCEL)WdfFunctions[WdfDpcCancelTableIndex])(
        WdfDriverGlobals, Dpc, Wait);
}
#else
_When_(Wait == __true, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Wait == __false, _IRQL_requires_max_(HIGH_LEVEL))
WDFAPI BOOLEAN WdfDpcCancel(
    _In_ WDFDPC Dpc,
    _In_ BOOLEAN Wait);
#endif

/* WdfDpcGetParentObject */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(HIGH_LEVEL)
WDFAPI WDFOBJECT (NTAPI *PFN_WDFDPCGETPARENTOBJECT)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDPC Dpc);

_IRQL_requires_max_(HIGH_LEVEL)
FORCEINLINE WDFOBJECT WdfDpcGetParentObject(
    _In_ WDFDPC Dpc)
{
    return ((PFN_WDFDPCGETPARENTOBJECT)WdfFunctions[WdfDpcGetParentObjectTableIndex])(
        WdfDriverGlobals, Dpc);
}
#else
_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI WDFOBJECT WdfDpcGetParentObject(
    _In_ WDFDPC Dpc);
#endif

/* ---- Timers (wdftimer.h) ---- */

/* WdfTimerCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFTIMERCREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDF_TIMER_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFTIMER* Timer);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfTimerCreate(
    _In_ PWDF_TIMER_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFTIMER* Timer)
{
    return ((PFN_WDFTIMERCREATE)WdfFunctions[WdfTimerCreateTableIndex])(
        WdfDriverGlobals, Config, Attributes, Timer);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfTimerCreate(
    _In_ PWDF_TIMER_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFTIMER* Timer);
#endif

/* WdfTimerStart */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI BOOLEAN (NTAPI *PFN_WDFTIMERSTART)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFTIMER Timer,
    _In_ LONGLONG DueTime);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE BOOLEAN WdfTimerStart(
    _In_ WDFTIMER Timer,
    _In_ LONGLONG DueTime)
{
    return ((PFN_WDFTIMERSTART)WdfFunctions[WdfTimerStartTableIndex])(
        WdfDriverGlobals, Timer, DueTime);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI BOOLEAN WdfTimerStart(
    _In_ WDFTIMER Timer,
    _In_ LONGLONG DueTime);
#endif

/* WdfTimerStop */
#if WDFCHECK_SHAPE_IS_WDK
typedef _When_(Wait == __true, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Wait == __false, _IRQL_requires_max_(DISPATCH_LEVEL))
WDFAPI BOOLEAN (NTAPI *PFN_WDFTIMERSTOP)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFTIMER Timer,
    _In_ BOOLEAN Wait);

_When_(Wait == __true, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Wait == __false, _IRQL_requires_max_(DISPATCH_LEVEL))
FORCEINLINE BOOLEAN WdfTimerStop(
    _In_ WDFTIMER Timer,
    _In_ BOOLEAN Wait)
{
    return ((PFN_WDFTIMERSTOP)WdfFunctions[WdfTimerStopTableIndex])(
        WdfDriverGlobals, Timer, Wait);
}
#else
_When_(Wait == __true, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Wait == __false, _IRQL_requires_max_(DISPATCH_LEVEL))
WDFAPI BOOLEAN WdfTimerStop(
    _In_ WDFTIMER Timer,
    _In_ BOOLEAN Wait);
#endif

/* WdfTimerGetParentObject */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFOBJECT (NTAPI *PFN_WDFTIMERGETPARENTOBJECT)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFTIMER Timer);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE WDFOBJECT WdfTimerGetParentObject(
    _In_ WDFTIMER Timer)
{
    return ((PFN_WDFTIMERGETPARENTOBJECT)WdfFunctions[WdfTimerGetParentObjectTableIndex])(
        WdfDriverGlobals, Timer);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFOBJECT WdfTimerGetParentObject(
    _In_ WDFTIMER Timer);
#endif

/* ---- Work items (wdfworkitem.h) ---- */

/* WdfWorkItemCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFWORKITEMCREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ PWDF_WORKITEM_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFWORKITEM* WorkItem);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfWorkItemCreate(
    _In_ PWDF_WORKITEM_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFWORKITEM* WorkItem)
{
    return ((PFN_WDFWORKITEMCREATE)WdfFunctions[WdfWorkItemCreateTableIndex])(
        WdfDriverGlobals, Config, Attributes, WorkItem);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfWorkItemCreate(
    _In_ PWDF_WORKITEM_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFWORKITEM* WorkItem);
#endif

/* WdfWorkItemEnqueue */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFWORKITEMENQUEUE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFWORKITEM WorkItem);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID WdfWorkItemEnqueue(
    _In_ WDFWORKITEM WorkItem)
{
    ((PFN_WDFWORKITEMENQUEUE)WdfFunctions[WdfWorkItemEnqueueTableIndex])(
        WdfDriverGlobals, WorkItem);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI VOID WdfWorkItemEnqueue(
    _In_ WDFWORKITEM WorkItem);
#endif

/* WdfWorkItemGetParentObject */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFOBJECT (NTAPI *PFN_WDFWORKITEMGETPARENTOBJECT)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFWORKITEM WorkItem);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE WDFOBJECT WdfWorkItemGetParentObject(
    _In_ WDFWORKITEM WorkItem)
{
    return ((PFN_WDFWORKITEMGETPARENTOBJECT)WdfFunctions[WdfWorkItemGetParentObjectTableIndex])(
        WdfDriverGlobals, WorkItem);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI WDFOBJECT WdfWorkItemGetParentObject(
    _In_ WDFWORKITEM WorkItem);
#endif

/* WdfWorkItemFlush */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI VOID (NTAPI *PFN_WDFWORKITEMFLUSH)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFWORKITEM WorkItem);

_IRQL_requires_max_(PASSIVE_LEVEL)
FORCEINLINE VOID WdfWorkItemFlush(
    _In_ WDFWORKITEM WorkItem)
{
    ((PFN_WDFWORKITEMFLUSH)WdfFunctions[WdfWorkItemFlushTableIndex])(
        WdfDriverGlobals, WorkItem);
}
#else
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI VOID WdfWorkItemFlush(
    _In_ WDFWORKITEM WorkItem);
#endif

/* ---- Interrupts (wdfinterrupt.h) ---- */

/* WdfInterruptCreate */
#if WDFCHECK_SHAPE_IS_WDK
typedef _Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS (NTAPI *PFN_WDFINTERRUPTCREATE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFDEVICE Device,
    _In_ PWDF_INTERRUPT_CONFIG Configuration,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFINTERRUPT* Interrupt);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE NTSTATUS WdfInterruptCreate(
    _In_ WDFDEVICE Device,
    _In_ PWDF_INTERRUPT_CONFIG Configuration,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFINTERRUPT* Interrupt)
{
    return ((PFN_WDFINTERRUPTCREATE)WdfFunctions[WdfInterruptCreateTableIndex])(
        WdfDriverGlobals, Device, Configuration, Attributes, Interrupt);
}
#else
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI NTSTATUS WdfInterruptCreate(
    _In_ WDFDEVICE Device,
    _In_ PWDF_INTERRUPT_CONFIG Configuration,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFINTERRUPT* Interrupt);
#endif

/* WdfInterruptQueueDpcForIsr */
#if WDFCHECK_SHAPE_IS_WDK
typedef WDFAPI BOOLEAN (NTAPI *PFN_WDFINTERRUPTQUEUEDPCFORISR)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFINTERRUPT Interrupt);

FORCEINLINE BOOLEAN WdfInterruptQueueDpcForIsr(
    _In_ WDFINTERRUPT Interrupt)
{
    return ((PFN_WDFINTERRUPTQUEUEDPCFORISR)WdfFunctions[WdfInterruptQueueDpcForIsrTableIndex])(
        WdfDriverGlobals, Interrupt);
}
#else
WDFAPI BOOLEAN WdfInterruptQueueDpcForIsr(
    _In_ WDFINTERRUPT Interrupt);
#endif

/* WdfInterruptQueueWorkItemForIsr */
#if WDFCHECK_SHAPE_IS_WDK
typedef WDFAPI BOOLEAN (NTAPI *PFN_WDFINTERRUPTQUEUEWORKITEMFORISR)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFINTERRUPT Interrupt);

FORCEINLINE BOOLEAN WdfInterruptQueueWorkItemForIsr(
    _In_ WDFINTERRUPT Interrupt)
{
    return ((PFN_WDFINTERRUPTQUEUEWORKITEMFORISR)WdfFunctions[WdfInterruptQueueWorkItemForIsrTableIndex])(
        WdfDriverGlobals, Interrupt);
}
#else
WDFAPI BOOLEAN WdfInterruptQueueWorkItemForIsr(
    _In_ WDFINTERRUPT Interrupt);
#endif

/* WdfInterruptSynchronize */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI BOOLEAN (NTAPI *PFN_WDFINTERRUPTSYNCHRONIZE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFINTERRUPT Interrupt,
    _In_ PFN_WDF_INTERRUPT_SYNCHRONIZE Callback,
    _In_ WDFCONTEXT Context);

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE BOOLEAN WdfInterruptSynchronize(
    _In_ WDFINTERRUPT Interrupt,
    _In_ PFN_WDF_INTERRUPT_SYNCHRONIZE Callback,
    _In_ WDFCONTEXT Context)
{
    return ((PFN_WDFINTERRUPTSYNCHRONIZE)WdfFunctions[WdfInterruptSynchronizeTableIndex])(
        WdfDriverGlobals, Interrupt, Callback, Context);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI BOOLEAN WdfInterruptSynchronize(
    _In_ WDFINTERRUPT Interrupt,
    _In_ PFN_WDF_INTERRUPT_SYNCHRONIZE Callback,
    _In_ WDFCONTEXT Context);
#endif

/* WdfInterruptAcquireLock */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL + 1)
WDFAPI VOID (NTAPI *PFN_WDFINTERRUPTACQUIRELOCK)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ _Requires_lock_not_held_(_Curr_) _Acquires_lock_(_Curr_) WDFINTERRUPT Interrupt);

_IRQL_requires_max_(DISPATCH_LEVEL + 1)
FORCEINLINE VOID WdfInterruptAcquireLock(
    _In_ _Requires_lock_not_held_(_Curr_) _Acquires_lock_(_Curr_) WDFINTERRUPT Interrupt)
{
    ((PFN_WDFINTERRUPTACQUIRELOCK)WdfFunctions[WdfInterruptAcquireLockTableIndex])(
        WdfDriverGlobals, Interrupt);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL + 1)
WDFAPI VOID WdfInterruptAcquireLock(
    _In_ _Requires_lock_not_held_(_Curr_) _Acquires_lock_(_Curr_) WDFINTERRUPT Interrupt);
#endif

/* WdfInterruptReleaseLock */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(DISPATCH_LEVEL + 1)
WDFAPI VOID (NTAPI *PFN_WDFINTERRUPTRELEASELOCK)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) WDFINTERRUPT Interrupt);

_IRQL_requires_max_(DISPATCH_LEVEL + 1)
FORCEINLINE VOID WdfInterruptReleaseLock(
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) WDFINTERRUPT Interrupt)
{
    ((PFN_WDFINTERRUPTRELEASELOCK)WdfFunctions[WdfInterruptReleaseLockTableIndex])(
        WdfDriverGlobals, Interrupt);
}
#else
_IRQL_requires_max_(DISPATCH_LEVEL + 1)
WDFAPI VOID WdfInterruptReleaseLock(
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) WDFINTERRUPT Interrupt);
#endif

/* WdfInterruptGetDevice */
#if WDFCHECK_SHAPE_IS_WDK
typedef _IRQL_requires_max_(HIGH_LEVEL)
WDFAPI WDFDEVICE (NTAPI *PFN_WDFINTERRUPTGETDEVICE)(
    _In_ PWDF_DRIVER_GLOBALS DriverGlobals,
    _In_ WDFINTERRUPT Interrupt);

_IRQL_requires_max_(HIGH_LEVEL)
FORCEINLINE WDFDEVICE WdfInterruptGetDevice(
    _In_ WDFINTERRUPT Interrupt)
{
    return ((PFN_WDFINTERRUPTGETDEVICE)WdfFunctions[WdfInterruptGetDeviceTableIndex])(
        WdfDriverGlobals, Interrupt);
}
#else
_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI WDFDEVICE WdfInterruptGetDevice(
    _In_ WDFINTERRUPT Interrupt);
#endif

/* Reference counting with the caller's file and line, for the verifier's
   handle tracking. */
#define WdfObjectReference(Handle) WdfObjectReferenceWithTag(Handle, NULL)
#define WdfObjectReferenceWithTag(Handle, Tag)                                \
    WdfObjectReferenceActual(Handle, Tag, __LINE__, __FILE__)
#define WdfObjectDereference(Handle) WdfObjectDereferenceWithTag(Handle, NULL)
#define WdfObjectDereferenceWithTag(Handle, Tag)                              \
    WdfObjectDereferenceActual(Handle, Tag, __LINE__, __FILE__)

WDF_EXTERN_C_END

/* Built for the wdfcheck runtime: every routine records the driver's call
   site (file:line) for the runtime's reports.  Nothing changes otherwise. */
#if defined(WDFCHECK_RUNTIME) && WDFCHECK_RUNTIME
#include "wdfrt_wdf_sites.h"
#endif

#endif /* WDFCHECK_WDF_H */
