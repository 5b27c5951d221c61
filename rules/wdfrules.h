/*
 * wdfrules.h - the shared vocabulary of the rule tables, for C and C++.
 *
 * The .def files in this directory hold the data; this header gives names to
 * the values their columns use, so the checker library (C++) and the runtime
 * model (C) read the tables the same way.  It depends on nothing.
 */
#ifndef WDFCHECK_RULES_WDFRULES_H
#define WDFCHECK_RULES_WDFRULES_H

/* IRQL levels as the tables write them.  DIRQL is one abstract level above
 * DISPATCH_LEVEL (SAL's DISPATCH_LEVEL+1); HIGH means "any level". */
enum wdf_irql {
  WDF_IRQL_PASSIVE = 0,
  WDF_IRQL_APC = 1,
  WDF_IRQL_DISPATCH = 2,
  WDF_IRQL_DIRQL = 3,
  WDF_IRQL_HIGH = 15,
  WDF_IRQL_NONE = -1, /* no such limit */
  WDF_IRQL_SAME = -2  /* ddis.def's CheckedMaxIrql: MaxIrql is checked */
};

/* The maximum IRQL the checkers and the runtime enforce for a ddis.def row:
   its CheckedMaxIrql, or its documented MaxIrql when that says SAME. */
#define WDF_IRQL_CHECKED(MaxIrql, CheckedMaxIrql)                              \
  (WDF_IRQL_##CheckedMaxIrql == WDF_IRQL_SAME ? WDF_IRQL_##MaxIrql             \
                                              : WDF_IRQL_##CheckedMaxIrql)

/* What narrows a callback role's levels for one registration; see roles.def. */
enum wdf_narrowing {
  WDF_NARROW_NONE,
  WDF_NARROW_QUEUE,  /* the queue's execution level / synchronization scope */
  WDF_NARROW_TIMER,  /* the timer's own execution level */
  WDF_NARROW_OBJECT, /* the object the callback belongs to */
  WDF_NARROW_INTERRUPT /* the interrupt's PassiveHandling */
};

/* When a WDF_ROLE_OBJECT row applies, and the levels it gives a callback. */
enum wdf_object_when { WDF_OBJECT_ALWAYS, WDF_OBJECT_PAGED };
enum wdf_object_level { WDF_OBJECT_LEVEL_PASSIVE, WDF_OBJECT_LEVEL_ROLE };

/* A rule's severity; note is SARIF's level for a finding that is advice
   (a marking), not a defect. */
enum wdf_severity { WDF_SEV_note, WDF_SEV_warning, WDF_SEV_error };

/* The shared model a rule reads; see rules.def. */
enum wdf_model { WDF_MODEL_NONE, WDF_MODEL_IRQL, WDF_MODEL_MEMORY };

/* What a DDI does; see ddis.def. */
enum wdf_family {
  WDF_FAMILY_MEMORY_CREATE,     /* creates a WDFMEMORY */
  WDF_FAMILY_LOOKASIDE_CREATE,  /* creates a WDFLOOKASIDE */
  WDF_FAMILY_MEMORY_ACCESS,     /* reads or changes a WDFMEMORY */
  WDF_FAMILY_MEMORY_COPY_OUT,   /* copies from a WDFMEMORY to a buffer */
  WDF_FAMILY_MEMORY_COPY_IN,    /* copies from a buffer into a WDFMEMORY */
  WDF_FAMILY_OBJECT_DELETE,
  WDF_FAMILY_OBJECT_REFERENCE,
  WDF_FAMILY_REQUEST_MEMORY,    /* request input memory (framework-owned) */
  WDF_FAMILY_REQUEST_OUT_MEMORY,/* request output memory: untrusted sink */
  WDF_FAMILY_REQUEST_BUFFER,    /* request input buffer */
  WDF_FAMILY_REQUEST_OUT_BUFFER,/* request output buffer: untrusted sink */
  WDF_FAMILY_REQUEST_COMPLETE,
  WDF_FAMILY_POOL_ALLOC,
  WDF_FAMILY_POOL_FREE,
  WDF_FAMILY_IRQL,              /* reads or changes the IRQL */
  WDF_FAMILY_ATTRIBUTES_INIT,   /* WDF_OBJECT_ATTRIBUTES_INIT */
  WDF_FAMILY_MEMORY_DESCRIBE,   /* puts memory in a WDF_MEMORY_DESCRIPTOR:
                                   uses its handle or buffer argument */
  WDF_FAMILY_POOL_SETUP,        /* takes a pool type or tag for memory it
                                   allocates later or hands back in an
                                   object (kernel lookaside lists,
                                   WdfDeviceAllocAndQueryProperty) */
  WDF_FAMILY_KERNEL,            /* a kernel DDI known for its IRQL limits */
  WDF_FAMILY_OTHER
};

/* The kind of object a DDI creates from its attributes; see ddis.def. */
enum wdf_creates {
  WDF_CREATES_NONE,
  WDF_CREATES_MEMORY,
  WDF_CREATES_LOOKASIDE,
  WDF_CREATES_DRIVER,
  WDF_CREATES_DEVICE,
  WDF_CREATES_QUEUE,
  WDF_CREATES_DPC,
  WDF_CREATES_TIMER,
  WDF_CREATES_WORKITEM,
  WDF_CREATES_INTERRUPT,
  WDF_CREATES_SPINLOCK,
  WDF_CREATES_WAITLOCK,
  WDF_CREATES_GENERAL   /* WdfObjectCreate: a general object */
};

/* What a DDI's pool argument holds. */
enum wdf_pool_kind {
  WDF_POOL_NONE,
  WDF_POOL_TYPE,      /* a POOL_TYPE value */
  WDF_POOL_FLAGS,     /* POOL_FLAGS bits (ExAllocatePool2/3) */
  WDF_POOL_LOOKASIDE, /* the pool type of the lookaside list argument */
  WDF_POOL_NX_FLAGS   /* a non-paged list's Flags: POOL_NX_ALLOCATION or not */
};

/* Rule IDs in catalog order. */
enum wdf_rule_id {
#define WDF_RULE(Id, Checker, Severity, Title, Summary, Sdv, Prefast, Codeql, \
                 Model)                                                        \
  WDF_RULE_##Id,
#include "rules.def"
  WDF_RULE_COUNT
};

/* DDIs in table order. */
enum wdf_ddi_id {
#define WDF_DDI(Name, Params, Family, MinIrql, MaxIrql, PagedMaxIrql, PoolArg, \
                PoolKind, TagArg, SizeArg, AttrArg, HandleArg, OutArg,        \
                OutBufArg, BufArg, CheckedMaxIrql, MinimumArg,                \
                LengthArg, SizeOutArg, ConfigArg, Creates)                    \
  WDF_DDI_##Name,
#include "ddis.def"
  WDF_DDI_COUNT
};

/* Copy and fill calls; see copies.def. */
enum wdf_copy_kind {
  WDF_COPY_PTR_TO_PTR,
  WDF_COPY_FILL,
  WDF_COPY_MEMORY_TO_PTR,
  WDF_COPY_PTR_TO_MEMORY
};

/* Pool-type arithmetic shared by the checker and the runtime.  Paged types
 * have bit 0 set (PagedPool 1, PagedPoolCacheAligned 5, the session variants
 * 33 and 37); non-executable non-paged types have the NX bit 512.  The
 * framework's own paged test ignores POOL_COLD_ALLOCATION (0x100). */
#define WDF_POOL_NX_BIT 512u
#define WDF_POOL_FLAG_PAGED 0x100u
#define WDF_POOL_FLAG_UNINITIALIZED 0x2u
#define WDF_POOL_FLAG_NON_PAGED_EXECUTE 0x80u

static inline int wdf_pool_type_is_paged(unsigned long long pool_type) {
  return (pool_type & 1u) != 0;
}

static inline int wdf_pool_type_is_executable(unsigned long long pool_type) {
  return !wdf_pool_type_is_paged(pool_type) && (pool_type & WDF_POOL_NX_BIT) == 0;
}

/* A pool tag is four ASCII characters; returns the first byte (from the
 * least significant) above 0x7F, or -1. */
static inline int wdf_pool_tag_bad_byte(unsigned long long tag) {
  int i;
  for (i = 0; i < 4; ++i) {
    unsigned byte = (unsigned)(tag >> (8 * i)) & 0xFFu;
    if (byte > 0x7Fu)
      return (int)byte;
  }
  return -1;
}

/* Whether a pool tag is one the system uses for allocations that carry none:
 * ' kdD' ("Ddk ", untagged ExAllocatePool), ' mdW' ("Wdm "), 'enoN'
 * ("None", the tag the WDK's ExAllocatePool macro passes) and 'none'.
 * Memory under them cannot be traced to the driver in !pool or poolmon. */
static inline int wdf_pool_tag_is_default(unsigned long long tag) {
  unsigned long long t = tag & 0xFFFFFFFFull;
  return t == 0x206B6444ull || t == 0x206D6457ull || t == 0x656E6F4Eull ||
         t == 0x6E6F6E65ull;
}

#endif /* WDFCHECK_RULES_WDFRULES_H */
