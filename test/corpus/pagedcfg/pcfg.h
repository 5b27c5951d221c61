/*
 * pcfg.h - private definitions of the PolicyCfg driver.
 *
 * Most of the driver runs at PASSIVE_LEVEL: its management queue is
 * created with WdfExecutionLevelPassive, so policies, names and the audit
 * log can live in paged pool and be guarded by a wait lock.  Only the
 * check path (IOCTL_PCFG_CHECK) is latency-sensitive; it has a queue of its
 * own at the default (dispatch) level and reads a small non-paged verdict
 * cache under a spin lock.
 */
#ifndef PCFG_H
#define PCFG_H

#include <ntddk.h>
#include <wdf.h>

#include "pcfg_public.h"

#define PCFG_TAG 'gfCP'
#define PCFG_ENTRY_TAG 'efCP'
#define PCFG_BLOB_TAG 'bfCP'
#define PCFG_AUDIT_TAG 'afCP'
#define PCFG_SCRATCH_TAG 'sfCP'
#define PCFG_NAME_TAG 'nfCP'

#define PCFG_CACHE_SLOTS 32
#define PCFG_AUDIT_SEGMENT (8 * 1024)
#define PCFG_AUDIT_MAX_SEGMENTS 8
#define PCFG_HEARTBEAT_MS 10000
#define PCFG_COMPACT_DELAY_MS 2000
#define PCFG_HISTORY_SLOTS 16

/* One loaded policy.  Paged: only touched at PASSIVE_LEVEL with the store
   lock held. */
typedef struct _PCFG_POLICY {
    LIST_ENTRY Link;
    ULONG Id;
    ULONG Flags;
    ULONG Version;
    ULONG RuleCount;
    ULONG NameLength;
    ULONG64 LoadTime;
    WDFMEMORY Blob;          /* header, name, rules; parent: the device */
    PCHAR Name;              /* inside Blob */
    PPCFG_RULE Rules;        /* inside Blob */
} PCFG_POLICY, *PPCFG_POLICY;

/* Verdict cache for the check path: non-paged, spin lock. */
typedef struct _PCFG_CACHE_SLOT {
    ULONG PolicyId;
    ULONG Operation;
    ULONG Verdict;
    ULONG Valid;
} PCFG_CACHE_SLOT;

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;

    WDFQUEUE ManagementQueue;    /* default queue, passive */
    WDFQUEUE CheckQueue;         /* dispatch: IOCTL_PCFG_CHECK */
    WDFQUEUE ChangeQueue;        /* manual: IOCTL_PCFG_WAIT_CHANGE */

    WDFWAITLOCK StoreLock;       /* PolicyList, PolicyCount, Generation */
    LIST_ENTRY PolicyList;
    ULONG PolicyCount;
    ULONG Generation;

    WDFSPINLOCK CacheLock;
    PCFG_CACHE_SLOT Cache[PCFG_CACHE_SLOTS];

    /* Audit log: text segments in paged pool, guarded by AuditLock. */
    WDFWAITLOCK AuditLock;
    WDFMEMORY AuditSegments[PCFG_AUDIT_MAX_SEGMENTS];
    ULONG AuditSegmentCount;
    ULONG AuditUsed;             /* bytes used in the last segment */
    ULONG AuditBytes;

    WDFTIMER HeartbeatTimer;     /* DISPATCH_LEVEL */
    WDFTIMER CompactTimer;       /* PASSIVE_LEVEL, one-shot */

    volatile LONG Checks;
    volatile LONG CacheHits;
    ULONG Heartbeats;
    ULONG LastHeartbeatPolicies;
    PULONG HeartbeatHistory;     /* policies at the last PCFG_HISTORY_SLOTS
                                    heartbeats, paged pool */
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, PcfgGetDeviceContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD PcfgEvtDeviceAdd;
EVT_WDF_OBJECT_CONTEXT_CLEANUP PcfgEvtDeviceCleanup;

EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL PcfgEvtManagementControl;
EVT_WDF_IO_QUEUE_IO_WRITE PcfgEvtManagementWrite;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL PcfgEvtCheckControl;
EVT_WDF_IO_QUEUE_IO_WRITE PcfgEvtWriteForward;
EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE PcfgEvtChangeCanceled;
EVT_WDF_TIMER PcfgEvtHeartbeat;
EVT_WDF_TIMER PcfgEvtCompact;

NTSTATUS PcfgQueueInitialize(_In_ PDEVICE_CONTEXT DeviceContext);

/* store.c - PASSIVE_LEVEL, StoreLock held by the caller where noted. */
_IRQL_requires_(PASSIVE_LEVEL)
PPCFG_POLICY PcfgFindPolicy(_In_ PDEVICE_CONTEXT DeviceContext, _In_ ULONG Id);
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS PcfgSetPolicy(_In_ PDEVICE_CONTEXT DeviceContext,
                       _In_ WDFREQUEST Request, _In_ size_t InputLength);
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS PcfgDeletePolicy(_In_ PDEVICE_CONTEXT DeviceContext, _In_ ULONG Id);
_IRQL_requires_(PASSIVE_LEVEL)
VOID PcfgDeleteAllPolicies(_In_ PDEVICE_CONTEXT DeviceContext);
_IRQL_requires_(PASSIVE_LEVEL)
VOID PcfgPolicyChanged(_In_ PDEVICE_CONTEXT DeviceContext);

/* audit.c */
NTSTATUS PcfgAuditInitialize(_In_ PDEVICE_CONTEXT DeviceContext);
_IRQL_requires_(PASSIVE_LEVEL)
VOID PcfgAudit(_In_ PDEVICE_CONTEXT DeviceContext, _In_z_ PCSTR Event,
               _In_reads_bytes_(SubjectLength) const CHAR *Subject,
               _In_ ULONG SubjectLength, _In_ ULONG Value);
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS PcfgReadAudit(_In_ PDEVICE_CONTEXT DeviceContext,
                       _In_ WDFREQUEST Request, _Out_ size_t *Information);

/* fastpath.c */
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID PcfgCacheInvalidate(_In_ PDEVICE_CONTEXT DeviceContext);
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS PcfgHistoryInitialize(_In_ PDEVICE_CONTEXT DeviceContext);

/* Lower-cases and trims a subject name into a new pool buffer, which the
   caller frees with ExFreePoolWithTag(..., PCFG_NAME_TAG). */
NTSTATUS PcfgCanonicalizeName(_In_reads_bytes_(Length) const CHAR *Name,
                              _In_ ULONG Length, _Outptr_ PCHAR *Canonical,
                              _Out_ PULONG CanonicalLength);

#endif /* PCFG_H */
