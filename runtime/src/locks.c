/*
 * locks.c - spin locks, queued spin locks, fast mutexes, WDF spin and wait
 * locks.
 *
 * What matters to the rules is the IRQL each one sets, read from
 * rules/irql.def (a spin lock raises to DISPATCH_LEVEL, a fast mutex to
 * APC_LEVEL; a wait lock has no row and changes nothing), and the IRQL it
 * gives back on release.  The thread
 * keeps a stack of the locks it holds, with where each was taken, so a
 * callback that returns holding one is reported with that place (WM008)
 * and the lock is let go.  Taking a lock that is already held would
 * deadlock on one processor: that is a fault, and the model goes on.
 */
#include "wdfrt_internal.h"

#define MAX_HELD 64

typedef struct held_lock {
  enum wdf_ddi_id ddi;
  void *lock;
  wdfrt_int_lock_release_fn *release;
  unsigned saved_irql, raises_to;
  wdfrt_int_site_t site;
} held_lock_t;

static _Thread_local held_lock_t held[MAX_HELD];
static _Thread_local size_t held_count;

static void push(enum wdf_ddi_id ddi, void *lock,
                 wdfrt_int_lock_release_fn *release, unsigned saved_irql,
                 unsigned raises_to, wdfrt_int_site_t site) {
  if (held_count < MAX_HELD)
    held[held_count] =
        (held_lock_t){ddi, lock, release, saved_irql, raises_to, site};
  ++held_count;
}

int wdfrt_int_lock_pop(void *lock) {
  size_t top = held_count < MAX_HELD ? held_count : MAX_HELD;
  for (size_t i = top; i-- > 0;) {
    if (held[i].lock != lock)
      continue;
    int saved = (int)held[i].saved_irql;
    for (size_t j = i; j + 1 < top; ++j)
      held[j] = held[j + 1];
    --held_count;
    return saved;
  }
  return -1;
}

size_t wdfrt_int_locks_held(void) { return held_count; }

void wdfrt_int_lock_info(size_t i, enum wdf_ddi_id *ddi, wdfrt_int_site_t *site,
                         unsigned *raises_to) {
  if (i >= MAX_HELD || i >= held_count) {
    *ddi = WDF_DDI_COUNT;
    site->file = NULL;
    site->line = 0;
    *raises_to = 0;
    return;
  }
  *ddi = held[i].ddi;
  *site = held[i].site;
  *raises_to = held[i].raises_to;
}

unsigned wdfrt_int_locks_drop_to(size_t depth, unsigned fallback_irql) {
  unsigned irql = fallback_irql;
  while (held_count > depth) {
    size_t top = held_count - 1;
    if (top < MAX_HELD) {
      irql = held[top].saved_irql;
      if (held[top].release)
        held[top].release(held[top].lock);
    }
    held_count = top;
  }
  return irql;
}

void wdfrt_int_locks_reset(void) { held_count = 0; }

unsigned wdfrt_int_irql_raise_to(unsigned level) {
  unsigned old = wdfrt_current_irql();
  if (old < level)
    wdfrt_int_irql_set(level);
  return old;
}

unsigned wdfrt_int_lock_acquire(enum wdf_ddi_id ddi, void *lock,
                                wdfrt_int_lock_release_fn *release,
                                wdfrt_int_site_t site) {
  unsigned level = wdfrt_int_irql_op_level(ddi);
  unsigned saved = wdfrt_int_irql_raise_to(level);
  push(ddi, lock, release, saved, level, site);
  return saved;
}

/* Gives back the IRQL a lock saved; lowering above the current level is
   the bug check of KeLowerIrql (WM008). */
static void restore(const char *name, int saved, wdfrt_int_site_t site) {
  unsigned now = wdfrt_current_irql();
  if (saved < 0)
    return;
  if ((unsigned)saved > now) {
    wdfrt_int_report_at(
        WDF_RULE_WM008, site,
        "%s restores %s while at %s: lowering to a higher level "
        "is bug check 0x9 (IRQL_NOT_GREATER_OR_EQUAL)",
        name, wdfrt_int_irql_name((unsigned)saved), wdfrt_int_irql_name(now));
    return;
  }
  wdfrt_int_irql_set((unsigned)saved);
}

static void not_held(const char *name, wdfrt_int_site_t site) {
  wdfrt_int_fault(site, "%s releases a lock this thread does not hold", name);
}

/* --- KSPIN_LOCK -------------------------------------------------------------- */

static void release_kspin(void *lock) { *(PKSPIN_LOCK)lock = 0; }

static int take_kspin(PKSPIN_LOCK lock, const char *name,
                      wdfrt_int_site_t site) {
  if (!wdfrt_int_check_out(name, lock, "SpinLock", site))
    return 0;
  if (*lock)
    wdfrt_int_fault(site, "%s on a spin lock already held: a deadlock", name);
  *lock = 1;
  return 1;
}

VOID NTAPI KeInitializeSpinLock(PKSPIN_LOCK SpinLock) {
  (void)wdfrt_int_take_site();
  *SpinLock = 0;
}

KIRQL NTAPI KeAcquireSpinLockRaiseToDpc(PKSPIN_LOCK SpinLock) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_KeAcquireSpinLockRaiseToDpc);
  if (!take_kspin(SpinLock, __func__, site))
    return (KIRQL)wdfrt_current_irql();
  return (KIRQL)wdfrt_int_lock_acquire(WDF_DDI_KeAcquireSpinLockRaiseToDpc,
                                       SpinLock, release_kspin, site);
}

VOID NTAPI KeAcquireSpinLock(PKSPIN_LOCK SpinLock, PKIRQL OldIrql) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_KeAcquireSpinLock);
  if (!wdfrt_int_check_out(__func__, OldIrql, "OldIrql", site) ||
      !take_kspin(SpinLock, __func__, site))
    return;
  *OldIrql = (KIRQL)wdfrt_int_lock_acquire(WDF_DDI_KeAcquireSpinLock, SpinLock,
                                           release_kspin, site);
}

VOID NTAPI KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_KeReleaseSpinLock);
  if (wdfrt_int_lock_pop(SpinLock) < 0)
    not_held(__func__, site);
  if (SpinLock)
    *SpinLock = 0;
  restore(__func__, NewIrql, site);
}

VOID NTAPI KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_KeAcquireSpinLockAtDpcLevel);
  if (!take_kspin(SpinLock, __func__, site))
    return;
  /* Held at the level of a spin lock, KeAcquireSpinLock's, which its
     caller is at already: it raises nothing itself. */
  push(WDF_DDI_KeAcquireSpinLockAtDpcLevel, SpinLock, release_kspin,
       wdfrt_current_irql(), wdfrt_int_irql_op_level(WDF_DDI_KeAcquireSpinLock),
       site);
}

VOID NTAPI KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock) {
  wdfrt_int_site_t site =
      wdfrt_int_enter(WDF_DDI_KeReleaseSpinLockFromDpcLevel);
  if (wdfrt_int_lock_pop(SpinLock) < 0)
    not_held(__func__, site);
  if (SpinLock)
    *SpinLock = 0;
}

VOID FASTCALL KeAcquireInStackQueuedSpinLock(PKSPIN_LOCK SpinLock,
                                             PKLOCK_QUEUE_HANDLE LockHandle) {
  wdfrt_int_site_t site =
      wdfrt_int_enter(WDF_DDI_KeAcquireInStackQueuedSpinLock);
  if (!wdfrt_int_check_out(__func__, LockHandle, "LockHandle", site) ||
      !take_kspin(SpinLock, __func__, site))
    return;
  LockHandle->OldIrql = (KIRQL)wdfrt_int_lock_acquire(
      WDF_DDI_KeAcquireInStackQueuedSpinLock, SpinLock, release_kspin, site);
  LockHandle->LockQueue.Lock = SpinLock;
  LockHandle->LockQueue.Next = NULL;
}

VOID FASTCALL KeReleaseInStackQueuedSpinLock(PKLOCK_QUEUE_HANDLE LockHandle) {
  wdfrt_int_site_t site =
      wdfrt_int_enter(WDF_DDI_KeReleaseInStackQueuedSpinLock);
  if (!wdfrt_int_check_out(__func__, LockHandle, "LockHandle", site))
    return;
  PKSPIN_LOCK lock = LockHandle->LockQueue.Lock;
  if (wdfrt_int_lock_pop(lock) < 0) {
    not_held(__func__, site);
    return;
  }
  *lock = 0;
  restore(__func__, LockHandle->OldIrql, site);
}

/* --- FAST_MUTEX -------------------------------------------------------------- */

static void release_mutex(void *lock) { ((PFAST_MUTEX)lock)->Count = 1; }

VOID NTAPI ExInitializeFastMutex(PFAST_MUTEX FastMutex) {
  (void)wdfrt_int_take_site();
  FastMutex->Count = 1;
  FastMutex->Owner = NULL;
  FastMutex->Contention = 0;
  FastMutex->OldIrql = PASSIVE_LEVEL;
}

/* ExTryToAcquireFastMutex has no row of its own: it takes the mutex as
   ExAcquireFastMutex does, and is held under that name. */
static void take_mutex(PFAST_MUTEX mutex, wdfrt_int_site_t site) {
  mutex->OldIrql = (KIRQL)wdfrt_int_lock_acquire(WDF_DDI_ExAcquireFastMutex,
                                                 mutex, release_mutex, site);
  mutex->Count = 0;
}

VOID FASTCALL ExAcquireFastMutex(PFAST_MUTEX FastMutex) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_ExAcquireFastMutex);
  if (!wdfrt_int_check_out(__func__, FastMutex, "FastMutex", site))
    return;
  if (FastMutex->Count == 0)
    wdfrt_int_fault(site, "%s on a fast mutex already held: a deadlock",
                    __func__);
  take_mutex(FastMutex, site);
}

BOOLEAN FASTCALL ExTryToAcquireFastMutex(PFAST_MUTEX FastMutex) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (FastMutex->Count == 0)
    return FALSE;
  take_mutex(FastMutex, site);
  return TRUE;
}

VOID FASTCALL ExReleaseFastMutex(PFAST_MUTEX FastMutex) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_ExReleaseFastMutex);
  if (wdfrt_int_lock_pop(FastMutex) < 0) {
    not_held(__func__, site);
    return;
  }
  FastMutex->Count = 1;
  restore(__func__, (int)FastMutex->OldIrql, site);
}

/* --- WDFSPINLOCK and WDFWAITLOCK --------------------------------------------- */

typedef struct lock_object {
  wdfrt_int_object_t base;
  int held;
  unsigned saved_irql;
} lock_object_t;

static void release_object(void *lock) { ((lock_object_t *)lock)->held = 0; }

static NTSTATUS create_lock(wdfrt_int_kind_t kind, enum wdf_ddi_id row,
                            const char *name, PWDF_OBJECT_ATTRIBUTES attributes,
                            void **out, wdfrt_int_site_t site) {
  if (!wdfrt_int_check_out(name, out, "the out-handle", site))
    return STATUS_INVALID_PARAMETER;
  *out = NULL;
  wdfrt_int_object_t *object;
  NTSTATUS status = wdfrt_int_object_create_or_fail(
      kind, sizeof(lock_object_t), attributes, wdfrt_int_driver_object(), row,
      site, out, &object);
  if (NT_SUCCESS(status))
    *out = WDFRT_HANDLE(object);
  return status;
}

NTSTATUS WdfSpinLockCreate(PWDF_OBJECT_ATTRIBUTES SpinLockAttributes,
                           WDFSPINLOCK *SpinLock) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfSpinLockCreate);
  return create_lock(WDFRT_KIND_SPINLOCK, WDF_DDI_WdfSpinLockCreate, __func__,
                     SpinLockAttributes, (void **)SpinLock, site);
}

static lock_object_t *use_lock(void *handle, wdfrt_int_kind_t kind,
                               const char *name, wdfrt_int_site_t site) {
  return (lock_object_t *)wdfrt_int_use(handle, WDFRT_KIND_BIT(kind), name,
                                        site, 0);
}

VOID WdfSpinLockAcquire(WDFSPINLOCK SpinLock) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfSpinLockAcquire);
  lock_object_t *lock = use_lock(SpinLock, WDFRT_KIND_SPINLOCK, __func__, site);
  if (!lock)
    return;
  if (lock->held)
    wdfrt_int_fault(site, "%s on a WDFSPINLOCK already held: a deadlock",
                    __func__);
  lock->held = 1;
  lock->saved_irql = wdfrt_int_lock_acquire(WDF_DDI_WdfSpinLockAcquire, lock,
                                            release_object, site);
}

VOID WdfSpinLockRelease(WDFSPINLOCK SpinLock) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfSpinLockRelease);
  lock_object_t *lock = use_lock(SpinLock, WDFRT_KIND_SPINLOCK, __func__, site);
  if (!lock)
    return;
  int saved = wdfrt_int_lock_pop(lock);
  if (saved < 0) {
    not_held(__func__, site);
    return;
  }
  lock->held = 0;
  restore(__func__, saved, site);
}

NTSTATUS WdfWaitLockCreate(PWDF_OBJECT_ATTRIBUTES LockAttributes,
                           WDFWAITLOCK *Lock) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfWaitLockCreate);
  return create_lock(WDFRT_KIND_WAITLOCK, WDF_DDI_WdfWaitLockCreate, __func__,
                     LockAttributes, (void **)Lock, site);
}

NTSTATUS WdfWaitLockAcquire(WDFWAITLOCK Lock, PLONGLONG Timeout) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  int zero = Timeout && *Timeout == 0;
  wdfrt_int_check_irql(
      WDF_DDI_WdfWaitLockAcquire, WDFRT_POOL_NONE,
      zero ? wdfrt_int_zero_timeout_max_irql(WDF_DDI_WdfWaitLockAcquire) : -1,
      site);
  lock_object_t *lock = use_lock(Lock, WDFRT_KIND_WAITLOCK, __func__, site);
  if (!lock)
    return STATUS_INVALID_HANDLE;
  if (lock->held) {
    if (Timeout)
      return STATUS_TIMEOUT;
    wdfrt_int_fault(site, "%s waits forever on a WDFWAITLOCK already held",
                    __func__);
  }
  lock->held = 1;
  wdfrt_int_lock_acquire(WDF_DDI_WdfWaitLockAcquire, lock, release_object,
                         site);
  return STATUS_SUCCESS;
}

VOID WdfWaitLockRelease(WDFWAITLOCK Lock) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfWaitLockRelease);
  lock_object_t *lock = use_lock(Lock, WDFRT_KIND_WAITLOCK, __func__, site);
  if (!lock)
    return;
  if (wdfrt_int_lock_pop(lock) < 0) {
    not_held(__func__, site);
    return;
  }
  lock->held = 0;
}
