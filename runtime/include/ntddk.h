/*
 * ntddk.h -- wdfcheck model of the Windows kernel-mode DDK header.
 *
 * A subset of the Windows Driver Kit's ntddk.h/wdm.h: the real names, types,
 * enum values, status codes and function signatures that KMDF drivers use,
 * so driver sources compile unchanged with clang or gcc on Linux (and with
 * clang --target=x86_64-pc-windows-msvc).  Written for wdfcheck from the
 * documented API; not derived from the WDK headers.  Structure layouts are
 * only as faithful as the model needs: fields drivers touch keep their WDK
 * names, opaque kernel objects are reduced.
 *
 * Functions declared here are implemented by the wdfcheck runtime
 * (runtime/); FORCEINLINE helpers are complete here.
 *
 * Shape switch (shared with wdf.h):
 *   WDFCHECK_WDK_SHAPE undefined or 0  -- "plain" shape: every routine is an
 *       ordinary prototype, implemented by the runtime under the same name.
 *   WDFCHECK_WDK_SHAPE 1               -- "WDK" shape: where the amd64 WDK
 *       uses macros (KeRaiseIrql, KeAcquireSpinLock) this header does too,
 *       and wdf.h routes every WDF DDI through the WdfFunctions table.
 *
 * Pool NX opt-in, as in the WDK:
 *   POOL_NX_OPTIN_AUTO nonzero -- NonPagedPool means NonPagedPoolNx.
 *   POOL_NX_OPTIN nonzero      -- NonPagedPool means the variable
 *       ExDefaultNonPagedPoolType, which ExInitializeDriverRuntime() sets.
 *   WDFCHECK_MINGW_NX nonzero  -- as mingw-w64's DDK headers: neither form
 *       remaps NonPagedPool (tests of the checker's opt-in reading).
 */
#ifndef WDFCHECK_NTDDK_H
#define WDFCHECK_NTDDK_H

#ifdef __clang__
#pragma clang system_header
#endif

/* Pool tags are written as four-character constants ('gaTm').  clang
   accepts them silently; gcc warns (-Wmultichar, on by default), which would
   break every driver built with -Werror, so the warning is switched off for
   the translation unit, as the Windows compilers never issue it. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmultichar"
#endif

#include "sal.h"
#include <stddef.h> /* size_t, NULL, offsetof, wchar_t: the compiler's own */

/* ------------------------------------------------------------------------ */
/* Shape switch                                                              */
/* ------------------------------------------------------------------------ */

#if defined(WDFCHECK_WDK_SHAPE) && WDFCHECK_WDK_SHAPE
#define WDFCHECK_SHAPE_IS_WDK 1
#else
#define WDFCHECK_SHAPE_IS_WDK 0
#endif

/* ------------------------------------------------------------------------ */
/* Linkage, calling conventions and decoration macros                        */
/* ------------------------------------------------------------------------ */

#ifndef EXTERN_C
#ifdef __cplusplus
#define EXTERN_C extern "C"
#define EXTERN_C_START extern "C" {
#define EXTERN_C_END }
#else
#define EXTERN_C extern
#define EXTERN_C_START
#define EXTERN_C_END
#endif
#endif

/* The kernel uses __stdcall only on 32-bit x86; every other ABI has a single
   calling convention, so the macros are empty there (and on Linux). */
#if defined(_MSC_VER) && defined(_M_IX86)
#define NTAPI __stdcall
#define FASTCALL __fastcall
#else
#define NTAPI
#define FASTCALL
#endif

/* __cdecl exists only for Windows targets. */
#if defined(_MSC_VER) || defined(_WIN32)
#define WDFCHECK_CDECL __cdecl
#else
#define WDFCHECK_CDECL
#endif

#ifndef NTSYSAPI
#define NTSYSAPI
#endif
#ifndef NTKERNELAPI
#define NTKERNELAPI
#endif
#ifndef NTHALAPI
#define NTHALAPI
#endif

/* FORCEINLINE: every helper defined in these headers uses it.  For gcc and
   clang (including clang in MSVC mode) it is a static always_inline function,
   so including a header in many translation units never defines a symbol. */
#ifndef FORCEINLINE
#if defined(__GNUC__) || defined(__clang__)
#define FORCEINLINE static __inline __attribute__((always_inline))
#elif defined(_MSC_VER) && !defined(__cplusplus)
#define FORCEINLINE static __forceinline
#elif defined(_MSC_VER)
#define FORCEINLINE __forceinline
#else
#define FORCEINLINE static inline
#endif
#endif

/* One definition across translation units, like __declspec(selectany):
   used for WDF context type descriptors and DEFINE_GUID with INITGUID. */
#ifndef DECLSPEC_SELECTANY
#if defined(_MSC_VER) && !defined(__clang__)
#define DECLSPEC_SELECTANY __declspec(selectany)
#elif defined(_WIN32)
#define DECLSPEC_SELECTANY __attribute__((selectany))
#else
#define DECLSPEC_SELECTANY __attribute__((weak))
#endif
#endif

/* Parameter decorations of the pre-SAL era: they carry no meaning. */
#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif
#ifndef CONST
#define CONST const
#endif

#define UNREFERENCED_PARAMETER(P) ((void)(P))
#define DBG_UNREFERENCED_PARAMETER(P) ((void)(P))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(V) ((void)(V))

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Basic types                                                               */
/* ------------------------------------------------------------------------ */

/* ULONG and LONG are 32-bit on Windows (LLP64).  On an LP64 Linux host
   "long" is 64-bit, so there they are spelled with int; under MSVC and for
   Windows targets they stay "long", so the types are the WDK's exactly. */
#ifndef VOID
#define VOID void
#endif

#if defined(_MSC_VER) || defined(_WIN32)
typedef long LONG;
typedef unsigned long ULONG;
#else
typedef int LONG;
typedef unsigned int ULONG;
#endif
typedef char CHAR;
typedef short SHORT;

typedef void *PVOID;
typedef void *HANDLE;
typedef HANDLE *PHANDLE;
typedef PVOID *PPVOID;

typedef unsigned char UCHAR;
typedef unsigned short USHORT;
typedef int INT;
typedef unsigned int UINT;
typedef long long LONGLONG;
typedef unsigned long long ULONGLONG;
typedef CHAR CCHAR;
typedef SHORT CSHORT;

typedef CHAR *PCHAR, *PCH, *PSTR, *LPSTR;
typedef const CHAR *PCCH, *PCSTR, *LPCSTR;
typedef UCHAR *PUCHAR;
typedef SHORT *PSHORT;
typedef USHORT *PUSHORT;
typedef LONG *PLONG;
typedef ULONG *PULONG;
typedef LONGLONG *PLONGLONG;
typedef ULONGLONG *PULONGLONG;

/* Fixed-width names from basetsd.h. */
typedef signed char INT8, *PINT8;
typedef short INT16, *PINT16;
typedef int INT32, *PINT32;
typedef long long INT64, *PINT64;
typedef unsigned char UINT8, *PUINT8;
typedef unsigned short UINT16, *PUINT16;
typedef unsigned int UINT32, *PUINT32;
typedef unsigned long long UINT64, *PUINT64;
typedef int LONG32, *PLONG32;
typedef unsigned int ULONG32, *PULONG32;
typedef long long LONG64, *PLONG64;
typedef unsigned long long ULONG64, *PULONG64;
typedef unsigned long long DWORD64, *PDWORD64;

/* Pointer-sized integers: 64-bit on Win64 (long long there), the host's
   intptr_t elsewhere.  SIZE_T equals size_t on every supported target. */
#if defined(_WIN64)
typedef long long LONG_PTR;
typedef unsigned long long ULONG_PTR;
#elif defined(_MSC_VER) && !defined(__clang__)
typedef long LONG_PTR;
typedef unsigned long ULONG_PTR;
#else
typedef __INTPTR_TYPE__ LONG_PTR;
typedef __UINTPTR_TYPE__ ULONG_PTR;
#endif
typedef LONG_PTR *PLONG_PTR;
typedef ULONG_PTR *PULONG_PTR;
typedef LONG_PTR INT_PTR, *PINT_PTR;
typedef ULONG_PTR UINT_PTR, *PUINT_PTR;
typedef ULONG_PTR DWORD_PTR, *PDWORD_PTR;
typedef ULONG_PTR SIZE_T, *PSIZE_T;
typedef LONG_PTR SSIZE_T, *PSSIZE_T;
typedef ULONG_PTR KAFFINITY, *PKAFFINITY;

/* Wide characters are wchar_t, so L"..." literals fit UNICODE_STRING on
   every target (wchar_t is 16-bit on Windows, 32-bit on Linux). */
typedef wchar_t WCHAR;
typedef WCHAR *PWCHAR, *PWCH, *PWSTR, *LPWSTR;
typedef const WCHAR *PCWCH, *PCWSTR, *LPCWSTR;

/* BOOLEAN is one byte, as in the kernel (not the 4-byte Win32 BOOL). */
typedef UCHAR BOOLEAN;
typedef BOOLEAN *PBOOLEAN;
#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

#ifndef DECLARE_HANDLE
#define DECLARE_HANDLE(name)                                                  \
    struct name##__ {                                                         \
        int unused;                                                           \
    };                                                                        \
    typedef struct name##__ *name
#endif

#define MAXUCHAR 0xff
#define MAXUSHORT 0xffff
#define MAXULONG 0xffffffffUL
#define MAXLONG 0x7fffffff
#define MINLONG (-MAXLONG - 1)
#define MAXLONGLONG 0x7fffffffffffffffLL
#define MAXULONG_PTR (~((ULONG_PTR)0))
#define MAXSIZE_T MAXULONG_PTR

/* ------------------------------------------------------------------------ */
/* NTSTATUS                                                                  */
/* ------------------------------------------------------------------------ */

/* A signed 32-bit value: negative (severity "error" or "warning") means
   failure, which is why NT_SUCCESS is a sign test. */
typedef LONG NTSTATUS;
typedef NTSTATUS *PNTSTATUS;

#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)
#define NT_INFORMATION(Status) ((((ULONG)(Status)) >> 30) == 1)
#define NT_WARNING(Status) ((((ULONG)(Status)) >> 30) == 2)
#define NT_ERROR(Status) ((((ULONG)(Status)) >> 30) == 3)

#ifndef STATUS_SUCCESS
#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#endif
#define STATUS_WAIT_0 ((NTSTATUS)0x00000000L)
#define STATUS_TIMEOUT ((NTSTATUS)0x00000102L)
#define STATUS_PENDING ((NTSTATUS)0x00000103L)
#define STATUS_MORE_ENTRIES ((NTSTATUS)0x00000105L)
#define STATUS_BUFFER_OVERFLOW ((NTSTATUS)0x80000005L)
#define STATUS_NO_MORE_ENTRIES ((NTSTATUS)0x8000001AL)
#define STATUS_UNSUCCESSFUL ((NTSTATUS)0xC0000001L)
#define STATUS_NOT_IMPLEMENTED ((NTSTATUS)0xC0000002L)
#define STATUS_INFO_LENGTH_MISMATCH ((NTSTATUS)0xC0000004L)
#define STATUS_ACCESS_VIOLATION ((NTSTATUS)0xC0000005L)
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008L)
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000DL)
#define STATUS_NO_SUCH_DEVICE ((NTSTATUS)0xC000000EL)
#define STATUS_INVALID_DEVICE_REQUEST ((NTSTATUS)0xC0000010L)
#define STATUS_END_OF_FILE ((NTSTATUS)0xC0000011L)
#define STATUS_NO_MEMORY ((NTSTATUS)0xC0000017L)
#define STATUS_ACCESS_DENIED ((NTSTATUS)0xC0000022L)
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023L)
#define STATUS_OBJECT_NAME_NOT_FOUND ((NTSTATUS)0xC0000034L)
#define STATUS_DELETE_PENDING ((NTSTATUS)0xC0000056L)
#define STATUS_INTEGER_OVERFLOW ((NTSTATUS)0xC0000095L)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009AL)
#define STATUS_DEVICE_NOT_READY ((NTSTATUS)0xC00000A3L)
#define STATUS_NOT_SUPPORTED ((NTSTATUS)0xC00000BBL)
#define STATUS_INTERNAL_ERROR ((NTSTATUS)0xC00000E5L)
#define STATUS_INVALID_PARAMETER_1 ((NTSTATUS)0xC00000EFL)
#define STATUS_INVALID_PARAMETER_2 ((NTSTATUS)0xC00000F0L)
#define STATUS_INVALID_PARAMETER_3 ((NTSTATUS)0xC00000F1L)
#define STATUS_CANCELLED ((NTSTATUS)0xC0000120L)
#define STATUS_INVALID_DEVICE_STATE ((NTSTATUS)0xC0000184L)
#define STATUS_INVALID_BUFFER_SIZE ((NTSTATUS)0xC0000206L)
#define STATUS_NOT_FOUND ((NTSTATUS)0xC0000225L)
#define STATUS_DEVICE_REMOVED ((NTSTATUS)0xC00002B6L)

/* ------------------------------------------------------------------------ */
/* Helper macros: sizes, offsets, containing records                         */
/* ------------------------------------------------------------------------ */

#define FIELD_OFFSET(type, field) ((LONG)offsetof(type, field))
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#define RTL_SIZEOF_THROUGH_FIELD(type, field)                                 \
    (FIELD_OFFSET(type, field) + RTL_FIELD_SIZE(type, field))
#define RTL_NUMBER_OF_V1(A) (sizeof(A) / sizeof((A)[0]))
#define RTL_NUMBER_OF(A) RTL_NUMBER_OF_V1(A)
#ifndef ARRAYSIZE
#define ARRAYSIZE(A) RTL_NUMBER_OF_V1(A)
#endif
#define CONTAINING_RECORD(address, type, field)                               \
    ((type *)((PCHAR)(address) - offsetof(type, field)))

#define PAGE_SIZE 0x1000
#define PAGE_SHIFT 12L
#if defined(_WIN64) || defined(__LP64__)
#define MEMORY_ALLOCATION_ALIGNMENT 16
#else
#define MEMORY_ALLOCATION_ALIGNMENT 8
#endif

/* ------------------------------------------------------------------------ */
/* LARGE_INTEGER, GUID, lists                                                */
/* ------------------------------------------------------------------------ */

/* A 64-bit value also reachable as two 32-bit halves (LowPart, HighPart). */
typedef union _LARGE_INTEGER {
    struct {
        ULONG LowPart;
        LONG HighPart;
    };
    struct {
        ULONG LowPart;
        LONG HighPart;
    } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
    struct {
        ULONG LowPart;
        ULONG HighPart;
    };
    struct {
        ULONG LowPart;
        ULONG HighPart;
    } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;

/* Device interface classes are named by GUIDs (WdfDeviceCreateDeviceInterface). */
#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    ULONG Data1;
    USHORT Data2;
    USHORT Data3;
    UCHAR Data4[8];
} GUID;
#endif
typedef GUID *LPGUID;
typedef const GUID *LPCGUID;

/* With INITGUID defined, DEFINE_GUID defines the GUID (one copy across the
   program); otherwise it only declares it.  (In C an initialized definition
   must not say "extern"; in C++, extern "C" gives the const external
   linkage.) */
#ifdef __cplusplus
#define WDFCHECK_GUID_DEFINITION_LINKAGE extern "C"
#else
#define WDFCHECK_GUID_DEFINITION_LINKAGE
#endif
#undef DEFINE_GUID
#ifdef INITGUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)          \
    WDFCHECK_GUID_DEFINITION_LINKAGE DECLSPEC_SELECTANY const GUID name = {   \
        l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
#else
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)          \
    EXTERN_C const GUID name
#endif

/* Doubly linked circular lists, as used throughout driver code. */
typedef struct _LIST_ENTRY {
    struct _LIST_ENTRY *Flink;
    struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY;

typedef struct _SINGLE_LIST_ENTRY {
    struct _SINGLE_LIST_ENTRY *Next;
} SINGLE_LIST_ENTRY, *PSINGLE_LIST_ENTRY;

FORCEINLINE VOID InitializeListHead(_Out_ PLIST_ENTRY ListHead)
{
    ListHead->Flink = ListHead;
    ListHead->Blink = ListHead;
}

_Must_inspect_result_
FORCEINLINE BOOLEAN IsListEmpty(_In_ const LIST_ENTRY *ListHead)
{
    return (BOOLEAN)(ListHead->Flink == ListHead);
}

FORCEINLINE BOOLEAN RemoveEntryList(_In_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Next = Entry->Flink;
    PLIST_ENTRY Prev = Entry->Blink;
    Prev->Flink = Next;
    Next->Blink = Prev;
    return (BOOLEAN)(Prev == Next);
}

FORCEINLINE PLIST_ENTRY RemoveHeadList(_Inout_ PLIST_ENTRY ListHead)
{
    PLIST_ENTRY Entry = ListHead->Flink;
    PLIST_ENTRY Next = Entry->Flink;
    ListHead->Flink = Next;
    Next->Blink = ListHead;
    return Entry;
}

FORCEINLINE PLIST_ENTRY RemoveTailList(_Inout_ PLIST_ENTRY ListHead)
{
    PLIST_ENTRY Entry = ListHead->Blink;
    PLIST_ENTRY Prev = Entry->Blink;
    ListHead->Blink = Prev;
    Prev->Flink = ListHead;
    return Entry;
}

FORCEINLINE VOID InsertTailList(_Inout_ PLIST_ENTRY ListHead,
                                _Out_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Prev = ListHead->Blink;
    Entry->Flink = ListHead;
    Entry->Blink = Prev;
    Prev->Flink = Entry;
    ListHead->Blink = Entry;
}

FORCEINLINE VOID InsertHeadList(_Inout_ PLIST_ENTRY ListHead,
                                _Out_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Next = ListHead->Flink;
    Entry->Flink = Next;
    Entry->Blink = ListHead;
    Next->Blink = Entry;
    ListHead->Flink = Entry;
}

FORCEINLINE PSINGLE_LIST_ENTRY PopEntryList(_Inout_ PSINGLE_LIST_ENTRY ListHead)
{
    PSINGLE_LIST_ENTRY First = ListHead->Next;
    if (First != NULL) {
        ListHead->Next = First->Next;
    }
    return First;
}

FORCEINLINE VOID PushEntryList(_Inout_ PSINGLE_LIST_ENTRY ListHead,
                               _Inout_ PSINGLE_LIST_ENTRY Entry)
{
    Entry->Next = ListHead->Next;
    ListHead->Next = Entry;
}

/* ------------------------------------------------------------------------ */
/* Counted strings                                                           */
/* ------------------------------------------------------------------------ */

/* Length and MaximumLength are in bytes, not characters; Buffer need not be
   NUL-terminated. */
typedef struct _UNICODE_STRING {
    USHORT Length;
    USHORT MaximumLength;
    PWCH Buffer;
} UNICODE_STRING, *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;

typedef struct _STRING {
    USHORT Length;
    USHORT MaximumLength;
    PCHAR Buffer;
} STRING, *PSTRING, ANSI_STRING, *PANSI_STRING;
typedef const STRING *PCSTRING, *PCANSI_STRING;

#ifdef __cplusplus
} /* extern "C" */
/* C++ forbids a string literal in a non-const pointer field; this helper
   strips the const the way the WDK's RTL_CONST_CAST does. */
extern "C++" {
template <class T> inline T *WdfcheckRtlConstCast(const T *Pointer)
{
    return const_cast<T *>(Pointer);
}
}
#define RTL_CONSTANT_STRING(s)                                                \
    {                                                                         \
        (USHORT)(sizeof(s) - sizeof((s)[0])), (USHORT)sizeof(s),              \
            WdfcheckRtlConstCast(s)                                           \
    }
extern "C" {
#else
#define RTL_CONSTANT_STRING(s)                                                \
    {                                                                         \
        (USHORT)(sizeof(s) - sizeof((s)[0])), (USHORT)sizeof(s), (s)          \
    }
#endif

#define DECLARE_CONST_UNICODE_STRING(_var, _string)                           \
    const WCHAR _var##_buffer[] = _string;                                    \
    const UNICODE_STRING _var = {(USHORT)(sizeof(_string) - sizeof(WCHAR)),   \
                                 (USHORT)sizeof(_string),                     \
                                 (PWCH)_var##_buffer}

#define DECLARE_UNICODE_STRING_SIZE(_var, _size)                              \
    WCHAR _var##_buffer[_size];                                               \
    UNICODE_STRING _var = {0, (USHORT)((_size) * sizeof(WCHAR)), _var##_buffer}

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI VOID NTAPI RtlInitUnicodeString(
    _Out_ PUNICODE_STRING DestinationString,
    _In_opt_z_ PCWSTR SourceString);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI VOID NTAPI RtlCopyUnicodeString(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_opt_ PCUNICODE_STRING SourceString);

/* ------------------------------------------------------------------------ */
/* IRQL                                                                      */
/* ------------------------------------------------------------------------ */

/* The interrupt request level of a processor.  Values are the amd64 ones. */
typedef UCHAR KIRQL;
typedef KIRQL *PKIRQL;

#define PASSIVE_LEVEL 0
#define LOW_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define CMCI_LEVEL 5
#define SYNCH_LEVEL 12
#define CLOCK_LEVEL 13
#define IPI_LEVEL 14
#define DRS_LEVEL 14
#define POWER_LEVEL 14
#define PROFILE_LEVEL 15
#define HIGH_LEVEL 15

_IRQL_requires_max_(HIGH_LEVEL)
_IRQL_saves_
NTHALAPI KIRQL NTAPI KeGetCurrentIrql(VOID);

_IRQL_requires_max_(HIGH_LEVEL)
NTHALAPI VOID NTAPI KeLowerIrql(_In_ _Notliteral_ _IRQL_restores_ KIRQL NewIrql);

_IRQL_requires_max_(HIGH_LEVEL)
_IRQL_raises_(NewIrql)
_IRQL_saves_
NTHALAPI KIRQL NTAPI KfRaiseIrql(_In_ KIRQL NewIrql);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
NTHALAPI KIRQL NTAPI KeRaiseIrqlToDpcLevel(VOID);

/* On amd64 the WDK makes KeRaiseIrql a macro over KfRaiseIrql; the plain
   shape keeps an ordinary function for the runtime to implement. */
#if WDFCHECK_SHAPE_IS_WDK
#define KeRaiseIrql(a, b) *(b) = KfRaiseIrql(a)
#else
_IRQL_requires_max_(HIGH_LEVEL)
_IRQL_raises_(NewIrql)
NTHALAPI VOID NTAPI KeRaiseIrql(_In_ KIRQL NewIrql,
                                _Out_ _IRQL_saves_ PKIRQL OldIrql);
#endif

/* ------------------------------------------------------------------------ */
/* Spin locks, queued spin locks, fast mutexes, events                       */
/* ------------------------------------------------------------------------ */

/* Holding a spin lock raises the IRQL to DISPATCH_LEVEL. */
typedef ULONG_PTR KSPIN_LOCK;
typedef KSPIN_LOCK *PKSPIN_LOCK;

typedef struct _KSPIN_LOCK_QUEUE {
    struct _KSPIN_LOCK_QUEUE *volatile Next;
    PKSPIN_LOCK volatile Lock;
} KSPIN_LOCK_QUEUE, *PKSPIN_LOCK_QUEUE;

/* Caller-allocated (usually on the stack) handle of an in-stack queued spin
   lock; it remembers the IRQL to restore on release. */
typedef struct _KLOCK_QUEUE_HANDLE {
    KSPIN_LOCK_QUEUE LockQueue;
    KIRQL OldIrql;
} KLOCK_QUEUE_HANDLE, *PKLOCK_QUEUE_HANDLE;

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeSpinLock(_Out_ PKSPIN_LOCK SpinLock);

_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_saves_
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI KIRQL NTAPI KeAcquireSpinLockRaiseToDpc(_Inout_ PKSPIN_LOCK SpinLock);

/* On amd64 the WDK makes KeAcquireSpinLock a macro over
   KeAcquireSpinLockRaiseToDpc; the plain shape keeps a function. */
#if WDFCHECK_SHAPE_IS_WDK
#define KeAcquireSpinLock(SpinLock, OldIrql)                                  \
    *(OldIrql) = KeAcquireSpinLockRaiseToDpc(SpinLock)
#else
_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeAcquireSpinLock(_Inout_ PKSPIN_LOCK SpinLock,
                                         _Out_ _IRQL_saves_ PKIRQL OldIrql);
#endif

_Requires_lock_held_(*SpinLock)
_Releases_lock_(*SpinLock)
_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeReleaseSpinLock(_Inout_ PKSPIN_LOCK SpinLock,
                                         _In_ _IRQL_restores_ KIRQL NewIrql);

_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeAcquireSpinLockAtDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);

_Requires_lock_held_(*SpinLock)
_Releases_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeReleaseSpinLockFromDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);

_Requires_lock_not_held_(*LockHandle)
_Acquires_lock_(*LockHandle)
_Post_same_lock_(*SpinLock, *LockHandle)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_saves_global_(QueuedSpinLock, LockHandle)
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeAcquireInStackQueuedSpinLock(
    _Inout_ PKSPIN_LOCK SpinLock,
    _Out_ PKLOCK_QUEUE_HANDLE LockHandle);

_Requires_lock_held_(*LockHandle)
_Releases_lock_(*LockHandle)
_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_restores_global_(QueuedSpinLock, LockHandle)
NTKERNELAPI VOID FASTCALL KeReleaseInStackQueuedSpinLock(
    _In_ PKLOCK_QUEUE_HANDLE LockHandle);

/* Dispatcher objects.  The header is reduced to what the model needs. */
typedef struct _DISPATCHER_HEADER {
    UCHAR Type;
    UCHAR Signalling;
    UCHAR Size;
    UCHAR Reserved1;
    volatile LONG SignalState;
    LIST_ENTRY WaitListHead;
} DISPATCHER_HEADER, *PDISPATCHER_HEADER;

typedef struct _KEVENT {
    DISPATCHER_HEADER Header;
} KEVENT, *PKEVENT, *PRKEVENT;

typedef enum _EVENT_TYPE {
    NotificationEvent,
    SynchronizationEvent
} EVENT_TYPE;

typedef enum _KWAIT_REASON {
    Executive,
    FreePage,
    PageIn,
    PoolAllocation,
    DelayExecution,
    Suspended,
    UserRequest
} KWAIT_REASON;

/* KernelMode / UserMode: who issued a request (WdfRequestGetRequestorMode). */
typedef enum _MODE {
    KernelMode,
    UserMode,
    MaximumMode
} MODE;
typedef CCHAR KPROCESSOR_MODE;
typedef LONG KPRIORITY;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeEvent(_Out_ PRKEVENT Event,
                                         _In_ EVENT_TYPE Type,
                                         _In_ BOOLEAN State);

_When_(Wait == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_(Wait == 1, _IRQL_requires_max_(APC_LEVEL))
NTKERNELAPI LONG NTAPI KeSetEvent(_Inout_ PRKEVENT Event,
                                  _In_ KPRIORITY Increment,
                                  _In_ BOOLEAN Wait);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeClearEvent(_Inout_ PRKEVENT Event);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReadStateEvent(_In_ PRKEVENT Event);

_When_((Timeout == NULL || Timeout->QuadPart != 0), _IRQL_requires_max_(APC_LEVEL))
_When_((Timeout != NULL && Timeout->QuadPart == 0), _IRQL_requires_max_(DISPATCH_LEVEL))
NTKERNELAPI NTSTATUS NTAPI KeWaitForSingleObject(
    _In_ PVOID Object,
    _In_ KWAIT_REASON WaitReason,
    _In_ KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_opt_ PLARGE_INTEGER Timeout);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeDelayExecutionThread(
    _In_ KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_ PLARGE_INTEGER Interval);

_IRQL_requires_max_(HIGH_LEVEL)
NTHALAPI VOID NTAPI KeStallExecutionProcessor(_In_ ULONG MicroSeconds);

/* A fast mutex raises the IRQL to APC_LEVEL while held.  Layout reduced. */
typedef struct _FAST_MUTEX {
    volatile LONG Count;
    PVOID Owner;
    ULONG Contention;
    KEVENT Event;
    ULONG OldIrql;
} FAST_MUTEX, *PFAST_MUTEX;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExInitializeFastMutex(_Out_ PFAST_MUTEX FastMutex);

_Requires_lock_not_held_(*FastMutex)
_Acquires_lock_(*FastMutex)
_IRQL_requires_max_(APC_LEVEL)
_IRQL_raises_(APC_LEVEL)
_IRQL_saves_global_(OldIrql, FastMutex)
NTKERNELAPI VOID FASTCALL ExAcquireFastMutex(_Inout_ PFAST_MUTEX FastMutex);

_Requires_lock_held_(*FastMutex)
_Releases_lock_(*FastMutex)
_IRQL_requires_(APC_LEVEL)
_IRQL_restores_global_(OldIrql, FastMutex)
NTKERNELAPI VOID FASTCALL ExReleaseFastMutex(_Inout_ PFAST_MUTEX FastMutex);

_Must_inspect_result_
_Success_(return != FALSE)
_When_(return != FALSE, _Acquires_lock_(*FastMutex) _IRQL_raises_(APC_LEVEL)
       _IRQL_saves_global_(OldIrql, FastMutex))
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI BOOLEAN FASTCALL ExTryToAcquireFastMutex(_Inout_ PFAST_MUTEX FastMutex);

/* ------------------------------------------------------------------------ */
/* Interlocked operations                                                    */
/* ------------------------------------------------------------------------ */

/* Full-barrier atomic read-modify-write, as the kernel's intrinsics. */
#if defined(__GNUC__) || defined(__clang__)
FORCEINLINE LONG InterlockedIncrement(_Inout_ LONG volatile *Addend)
{
    return __atomic_add_fetch(Addend, 1, __ATOMIC_SEQ_CST);
}
FORCEINLINE LONG InterlockedDecrement(_Inout_ LONG volatile *Addend)
{
    return __atomic_sub_fetch(Addend, 1, __ATOMIC_SEQ_CST);
}
FORCEINLINE LONG InterlockedExchange(_Inout_ LONG volatile *Target,
                                     _In_ LONG Value)
{
    return __atomic_exchange_n(Target, Value, __ATOMIC_SEQ_CST);
}
FORCEINLINE LONG InterlockedExchangeAdd(_Inout_ LONG volatile *Addend,
                                        _In_ LONG Value)
{
    return __atomic_fetch_add(Addend, Value, __ATOMIC_SEQ_CST);
}
FORCEINLINE LONG InterlockedCompareExchange(_Inout_ LONG volatile *Destination,
                                            _In_ LONG ExChange,
                                            _In_ LONG Comperand)
{
    __atomic_compare_exchange_n(Destination, &Comperand, ExChange, 0,
                                __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return Comperand;
}
FORCEINLINE PVOID InterlockedExchangePointer(_Inout_ PVOID volatile *Target,
                                             _In_opt_ PVOID Value)
{
    return __atomic_exchange_n(Target, Value, __ATOMIC_SEQ_CST);
}
FORCEINLINE PVOID InterlockedCompareExchangePointer(
    _Inout_ PVOID volatile *Destination, _In_opt_ PVOID ExChange,
    _In_opt_ PVOID Comperand)
{
    __atomic_compare_exchange_n(Destination, &Comperand, ExChange, 0,
                                __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return Comperand;
}
#else
LONG __cdecl _InterlockedIncrement(LONG volatile *Addend);
LONG __cdecl _InterlockedDecrement(LONG volatile *Addend);
LONG __cdecl _InterlockedExchange(LONG volatile *Target, LONG Value);
LONG __cdecl _InterlockedExchangeAdd(LONG volatile *Addend, LONG Value);
LONG __cdecl _InterlockedCompareExchange(LONG volatile *Destination,
                                         LONG ExChange, LONG Comperand);
PVOID __cdecl _InterlockedExchangePointer(PVOID volatile *Target, PVOID Value);
PVOID __cdecl _InterlockedCompareExchangePointer(PVOID volatile *Destination,
                                                 PVOID ExChange,
                                                 PVOID Comperand);
#define InterlockedIncrement _InterlockedIncrement
#define InterlockedDecrement _InterlockedDecrement
#define InterlockedExchange _InterlockedExchange
#define InterlockedExchangeAdd _InterlockedExchangeAdd
#define InterlockedCompareExchange _InterlockedCompareExchange
#define InterlockedExchangePointer _InterlockedExchangePointer
#define InterlockedCompareExchangePointer _InterlockedCompareExchangePointer
#endif

/* ------------------------------------------------------------------------ */
/* Pool memory                                                               */
/* ------------------------------------------------------------------------ */

/* Pool types, with the WDK's numeric values.  Paged pool (1, 5, 33, 37...)
   may only be allocated at IRQL <= APC_LEVEL; non-paged pool at
   <= DISPATCH_LEVEL.  NonPagedPool (0) is executable; NonPagedPoolNx (512)
   is the one drivers should use. */
typedef enum _POOL_TYPE {
    NonPagedPool,
    NonPagedPoolExecute = NonPagedPool,
    PagedPool,
    NonPagedPoolMustSucceed = NonPagedPool + 2,
    DontUseThisType,
    NonPagedPoolCacheAligned = NonPagedPool + 4,
    PagedPoolCacheAligned,
    NonPagedPoolCacheAlignedMustS = NonPagedPool + 6,
    MaxPoolType,

    NonPagedPoolBase = 0,
    NonPagedPoolBaseMustSucceed = NonPagedPoolBase + 2,
    NonPagedPoolBaseCacheAligned = NonPagedPoolBase + 4,
    NonPagedPoolBaseCacheAlignedMustS = NonPagedPoolBase + 6,

    NonPagedPoolSession = 32,
    PagedPoolSession = NonPagedPoolSession + 1,
    NonPagedPoolMustSucceedSession = PagedPoolSession + 1,
    DontUseThisTypeSession = NonPagedPoolMustSucceedSession + 1,
    NonPagedPoolCacheAlignedSession = DontUseThisTypeSession + 1,
    PagedPoolCacheAlignedSession = NonPagedPoolCacheAlignedSession + 1,
    NonPagedPoolCacheAlignedMustSSession = PagedPoolCacheAlignedSession + 1,

    NonPagedPoolNx = 512,
    NonPagedPoolNxCacheAligned = NonPagedPoolNx + 4,
    NonPagedPoolSessionNx = NonPagedPoolNx + 32
} POOL_TYPE;

/* Modifier bits that may be OR-ed into a POOL_TYPE. */
#define POOL_QUOTA_FAIL_INSTEAD_OF_RAISE 8
#define POOL_RAISE_IF_ALLOCATION_FAILURE 16
#define POOL_COLD_ALLOCATION 256
#define POOL_NX_ALLOCATION 512
#define POOL_ZERO_ALLOCATION 1024

/* NX opt-in.  Both forms rebind the name NonPagedPool after the enum, which
   is why the enum itself must come first.  WDFCHECK_MINGW_NX nonzero models
   mingw-w64's DDK headers instead: no remapping, NonPagedPool stays the
   constant 0, ExInitializeDriverRuntime is a plain prototype. */
#if defined(WDFCHECK_MINGW_NX) && WDFCHECK_MINGW_NX
#define DrvRtPoolNxOptIn 0x00000001
NTKERNELAPI VOID ExInitializeDriverRuntime(_In_ ULONG RuntimeFlags);
#elif defined(POOL_NX_OPTIN_AUTO) && POOL_NX_OPTIN_AUTO
#define NonPagedPool NonPagedPoolNx
#elif defined(POOL_NX_OPTIN) && POOL_NX_OPTIN
/* Defined by the runtime; starts as NonPagedPoolExecute and becomes
   NonPagedPoolNx once DriverEntry calls ExInitializeDriverRuntime. */
extern POOL_TYPE ExDefaultNonPagedPoolType;
#define NonPagedPool ExDefaultNonPagedPoolType
#define DrvRtPoolNxOptIn 0x00000001
FORCEINLINE VOID ExInitializeDriverRuntime(_In_ ULONG RuntimeFlags)
{
    if ((RuntimeFlags & DrvRtPoolNxOptIn) != 0) {
        ExDefaultNonPagedPoolType = NonPagedPoolNx;
    }
}
#endif

/* ExAllocatePool2/3 take flags instead of a pool type.  Unlike the older
   allocators, they zero the allocation unless POOL_FLAG_UNINITIALIZED. */
typedef ULONG64 POOL_FLAGS;

#define POOL_FLAG_USE_QUOTA ((POOL_FLAGS)0x0000000000000001ULL)
#define POOL_FLAG_UNINITIALIZED ((POOL_FLAGS)0x0000000000000002ULL)
#define POOL_FLAG_SESSION ((POOL_FLAGS)0x0000000000000004ULL)
#define POOL_FLAG_CACHE_ALIGNED ((POOL_FLAGS)0x0000000000000008ULL)
#define POOL_FLAG_RAISE_ON_FAILURE ((POOL_FLAGS)0x0000000000000020ULL)
#define POOL_FLAG_NON_PAGED ((POOL_FLAGS)0x0000000000000040ULL)
#define POOL_FLAG_NON_PAGED_EXECUTE ((POOL_FLAGS)0x0000000000000080ULL)
#define POOL_FLAG_PAGED ((POOL_FLAGS)0x0000000000000100ULL)

typedef enum _EX_POOL_PRIORITY {
    LowPoolPriority,
    LowPoolPrioritySpecialPoolOverrun = 8,
    LowPoolPrioritySpecialPoolUnderrun = 9,
    NormalPoolPriority = 16,
    NormalPoolPrioritySpecialPoolOverrun = 24,
    NormalPoolPrioritySpecialPoolUnderrun = 25,
    HighPoolPriority = 32,
    HighPoolPrioritySpecialPoolOverrun = 40,
    HighPoolPrioritySpecialPoolUnderrun = 41
} EX_POOL_PRIORITY;

typedef enum _POOL_EXTENDED_PARAMETER_TYPE {
    PoolExtendedParameterInvalidType = 0,
    PoolExtendedParameterPriority,
    PoolExtendedParameterSecurePool,
    PoolExtendedParameterNumaNode,
    PoolExtendedParameterMax
} POOL_EXTENDED_PARAMETER_TYPE, *PPOOL_EXTENDED_PARAMETER_TYPE;

/* One extended parameter of ExAllocatePool3 (simplified: the secure-pool
   and NUMA payloads are opaque pointers / a plain node number). */
typedef struct _POOL_EXTENDED_PARAMETER {
    struct {
        ULONG64 Type : 8;
        ULONG64 Optional : 1;
        ULONG64 Reserved : 64 - 9;
    };
    union {
        ULONG64 Reserved2;
        PVOID Reserved3;
        EX_POOL_PRIORITY Priority;
        PVOID SecurePoolParams;
        ULONG PreferredNode;
    };
} POOL_EXTENDED_PARAMETER, *PPOOL_EXTENDED_PARAMETER;
typedef const POOL_EXTENDED_PARAMETER *PCPOOL_EXTENDED_PARAMETER;

/* Pool tags are four characters written as a multi-character constant,
   e.g. 'gaTm'; they show up reversed ("mTag") in debuggers. */

__drv_allocatesMem(Mem)
_When_((PoolType & PagedPool) != 0, _IRQL_requires_max_(APC_LEVEL))
_When_((PoolType & PagedPool) == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_((PoolType & (NonPagedPoolMustSucceed | POOL_RAISE_IF_ALLOCATION_FAILURE)) == 0,
       _Post_maybenull_ _Must_inspect_result_)
_Post_writable_byte_size_(NumberOfBytes)
NTKERNELAPI PVOID NTAPI ExAllocatePoolWithTag(
    _In_ __drv_strictTypeMatch(__drv_typeExpr) POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag);

__drv_allocatesMem(Mem)
_When_((PoolType & PagedPool) != 0, _IRQL_requires_max_(APC_LEVEL))
_When_((PoolType & PagedPool) == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_((PoolType & (NonPagedPoolMustSucceed | POOL_RAISE_IF_ALLOCATION_FAILURE)) == 0,
       _Post_maybenull_ _Must_inspect_result_)
_Post_writable_byte_size_(NumberOfBytes)
NTKERNELAPI PVOID NTAPI ExAllocatePool(
    _In_ __drv_strictTypeMatch(__drv_typeExpr) POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes);

__drv_allocatesMem(Mem)
_When_((Flags & POOL_FLAG_RAISE_ON_FAILURE) == 0, _Post_maybenull_ _Must_inspect_result_)
_When_((Flags & POOL_FLAG_RAISE_ON_FAILURE) != 0, _Post_notnull_)
_When_((Flags & POOL_FLAG_PAGED) != 0, _IRQL_requires_max_(APC_LEVEL))
_When_((Flags & POOL_FLAG_PAGED) == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_Post_writable_byte_size_(NumberOfBytes)
NTKERNELAPI PVOID NTAPI ExAllocatePool2(
    _In_ POOL_FLAGS Flags,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag);

__drv_allocatesMem(Mem)
_When_((Flags & POOL_FLAG_RAISE_ON_FAILURE) == 0, _Post_maybenull_ _Must_inspect_result_)
_When_((Flags & POOL_FLAG_RAISE_ON_FAILURE) != 0, _Post_notnull_)
_When_((Flags & POOL_FLAG_PAGED) != 0, _IRQL_requires_max_(APC_LEVEL))
_When_((Flags & POOL_FLAG_PAGED) == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_Post_writable_byte_size_(NumberOfBytes)
NTKERNELAPI PVOID NTAPI ExAllocatePool3(
    _In_ POOL_FLAGS Flags,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag,
    _In_reads_opt_(ExtendedParametersCount) PCPOOL_EXTENDED_PARAMETER ExtendedParameters,
    _In_ ULONG ExtendedParametersCount);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExFreePoolWithTag(_Pre_notnull_ __drv_freesMem(Mem) PVOID P,
                                         _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExFreePool(_Pre_notnull_ __drv_freesMem(Mem) PVOID P);

/* ------------------------------------------------------------------------ */
/* Memory copy / fill / compare                                              */
/* ------------------------------------------------------------------------ */

/* The C library routines, declared here because the Windows target has no
   C library headers.  The signatures match the compiler builtins.  glibc
   declares them noexcept in C++, and C++ rejects a redeclaration with a
   different exception specification, so with glibc (recognised without
   including any of its headers) they are declared noexcept too; a driver
   may then include <string.h> before or after this header. */
#if defined(__cplusplus) && defined(__linux__) && defined(__has_include)
#if __has_include(<gnu/libc-version.h>)
#define WDFCHECK_CRT_NOEXCEPT noexcept(true)
#endif
#endif
#ifndef WDFCHECK_CRT_NOEXCEPT
#define WDFCHECK_CRT_NOEXCEPT
#endif

void *memcpy(void *Destination, const void *Source, size_t Length) WDFCHECK_CRT_NOEXCEPT;
void *memmove(void *Destination, const void *Source, size_t Length) WDFCHECK_CRT_NOEXCEPT;
void *memset(void *Destination, int Fill, size_t Length) WDFCHECK_CRT_NOEXCEPT;
int memcmp(const void *Buffer1, const void *Buffer2, size_t Length) WDFCHECK_CRT_NOEXCEPT;

/* The Rtl*Memory names are macros over the C routines, as in the WDK, so an
   analyzer sees the memcpy/memset it already understands. */
#define RtlEqualMemory(Destination, Source, Length)                           \
    (!memcmp((Destination), (Source), (Length)))
#define RtlMoveMemory(Destination, Source, Length)                            \
    memmove((Destination), (Source), (Length))
#define RtlCopyMemory(Destination, Source, Length)                            \
    memcpy((Destination), (Source), (Length))
#define RtlFillMemory(Destination, Length, Fill)                              \
    memset((Destination), (Fill), (Length))
#define RtlZeroMemory(Destination, Length) memset((Destination), 0, (Length))

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI SIZE_T NTAPI RtlCompareMemory(_In_ const VOID *Source1,
                                       _In_ const VOID *Source2,
                                       _In_ SIZE_T Length);

/* A zeroing the compiler may not remove.  The WDK writes it inline with a
   volatile loop; here it is a runtime function, because a loop over an
   unknown length would stop a path-sensitive analysis at its loop bound. */
NTSYSAPI PVOID NTAPI RtlSecureZeroMemory(_Out_writes_bytes_all_(cnt) PVOID ptr,
                                         _In_ SIZE_T cnt);

/* User-mode buffer validation (raises on a bad address, no return value). */
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ProbeForRead(
    __in_data_source(USER_MODE) _In_reads_bytes_(Length) const volatile VOID *Address,
    _In_ SIZE_T Length,
    _In_ ULONG Alignment);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ProbeForWrite(
    __in_data_source(USER_MODE) _Out_writes_bytes_(Length) volatile VOID *Address,
    _In_ SIZE_T Length,
    _In_ ULONG Alignment);

/* ------------------------------------------------------------------------ */
/* Debug output and assertions                                               */
/* ------------------------------------------------------------------------ */

/* Component ids and levels for DbgPrintEx / KdPrintEx. */
#define DPFLTR_IHVDRIVER_ID 77
#define DPFLTR_ERROR_LEVEL 0
#define DPFLTR_WARNING_LEVEL 1
#define DPFLTR_TRACE_LEVEL 2
#define DPFLTR_INFO_LEVEL 3
#define DPFLTR_MASK 0x80000000

/* No printf format attribute: drivers use Windows-only conversions such as
   %wZ and %ws that a printf checker would reject. */
NTSYSAPI ULONG DbgPrint(_In_z_ _Printf_format_string_ PCSTR Format, ...);

NTSYSAPI ULONG DbgPrintEx(_In_ ULONG ComponentId,
                          _In_ ULONG Level,
                          _In_z_ _Printf_format_string_ PCSTR Format, ...);

/* The WDK compiles KdPrint away in free builds; the model always prints. */
#define KdPrint(_x_) DbgPrint _x_
#define KdPrintEx(_x_) DbgPrintEx _x_

NTSYSAPI VOID NTAPI DbgBreakPoint(VOID);

NTSYSAPI VOID NTAPI RtlAssert(_In_ PVOID VoidFailedAssertion,
                              _In_ PVOID VoidFileName,
                              _In_ ULONG LineNumber,
                              _In_opt_ PSTR MutableMessage);

#if defined(DBG) && DBG
#define ASSERT(exp)                                                           \
    ((!(exp)) ? (RtlAssert((PVOID) #exp, (PVOID)__FILE__, __LINE__, NULL),    \
                 FALSE)                                                       \
              : TRUE)
#define ASSERTMSG(msg, exp)                                                   \
    ((!(exp)) ? (RtlAssert((PVOID) #exp, (PVOID)__FILE__, __LINE__,           \
                           (PSTR)(msg)),                                      \
                 FALSE)                                                       \
              : TRUE)
#else
#define ASSERT(exp) ((void)0)
#define ASSERTMSG(msg, exp) ((void)0)
#endif
#define NT_ASSERT(exp) ASSERT(exp)

/* PAGED_CODE() states that the function is pageable: it may only run at or
   below APC_LEVEL.  A checked build tests the IRQL, a free build compiles it
   to nothing; wdfcheck reads the macro by its name in both.
   PAGED_CODE_LOCKED() marks pageable code locked in memory and asserts
   nothing. */
#if defined(WDFCHECK_RUNTIME) && WDFCHECK_RUNTIME
/* Built for the wdfcheck runtime: checked as a checked build does, and
   reported (WM011) with the line of the PAGED_CODE(). */
#ifdef __cplusplus
extern "C"
#endif
void wdfrt_paged_code(const char *file, int line, const char *function);
#define PAGED_CODE() wdfrt_paged_code(__FILE__, __LINE__, __func__)
#elif defined(DBG) && DBG
#define PAGED_CODE()                                                          \
    do {                                                                      \
        if (KeGetCurrentIrql() > APC_LEVEL)                                   \
            RtlAssert((PVOID) "pageable code above APC_LEVEL",                \
                      (PVOID)__FILE__, __LINE__, NULL);                       \
    } while (0)
#else
#define PAGED_CODE()
#endif
#define PAGED_CODE_LOCKED() ((void)0)

/* ------------------------------------------------------------------------ */
/* I/O manager objects: driver, device, IRP, MDL                             */
/* ------------------------------------------------------------------------ */

/* IRP major function codes (also the values of WDF_REQUEST_TYPE). */
#define IRP_MJ_CREATE 0x00
#define IRP_MJ_CREATE_NAMED_PIPE 0x01
#define IRP_MJ_CLOSE 0x02
#define IRP_MJ_READ 0x03
#define IRP_MJ_WRITE 0x04
#define IRP_MJ_QUERY_INFORMATION 0x05
#define IRP_MJ_SET_INFORMATION 0x06
#define IRP_MJ_QUERY_EA 0x07
#define IRP_MJ_SET_EA 0x08
#define IRP_MJ_FLUSH_BUFFERS 0x09
#define IRP_MJ_QUERY_VOLUME_INFORMATION 0x0a
#define IRP_MJ_SET_VOLUME_INFORMATION 0x0b
#define IRP_MJ_DIRECTORY_CONTROL 0x0c
#define IRP_MJ_FILE_SYSTEM_CONTROL 0x0d
#define IRP_MJ_DEVICE_CONTROL 0x0e
#define IRP_MJ_INTERNAL_DEVICE_CONTROL 0x0f
#define IRP_MJ_SHUTDOWN 0x10
#define IRP_MJ_LOCK_CONTROL 0x11
#define IRP_MJ_CLEANUP 0x12
#define IRP_MJ_CREATE_MAILSLOT 0x13
#define IRP_MJ_QUERY_SECURITY 0x14
#define IRP_MJ_SET_SECURITY 0x15
#define IRP_MJ_POWER 0x16
#define IRP_MJ_SYSTEM_CONTROL 0x17
#define IRP_MJ_DEVICE_CHANGE 0x18
#define IRP_MJ_QUERY_QUOTA 0x19
#define IRP_MJ_SET_QUOTA 0x1a
#define IRP_MJ_PNP 0x1b
#define IRP_MJ_MAXIMUM_FUNCTION 0x1b

/* I/O control codes: device type, access, function and transfer method are
   packed into one ULONG. */
typedef ULONG DEVICE_TYPE;

#define CTL_CODE(DeviceType, Function, Method, Access)                        \
    (((DeviceType) << 16) | ((Access) << 14) | ((Function) << 2) | (Method))
#define DEVICE_TYPE_FROM_CTL_CODE(ctrlCode) (((ULONG)(ctrlCode & 0xffff0000)) >> 16)
#define METHOD_FROM_CTL_CODE(ctrlCode) ((ULONG)(ctrlCode & 3))

#define METHOD_BUFFERED 0
#define METHOD_IN_DIRECT 1
#define METHOD_OUT_DIRECT 2
#define METHOD_NEITHER 3
#define METHOD_DIRECT_TO_HARDWARE METHOD_IN_DIRECT
#define METHOD_DIRECT_FROM_HARDWARE METHOD_OUT_DIRECT

#define FILE_ANY_ACCESS 0
#define FILE_SPECIAL_ACCESS (FILE_ANY_ACCESS)
#define FILE_READ_ACCESS (0x0001)
#define FILE_WRITE_ACCESS (0x0002)
#define FILE_READ_DATA (0x0001)
#define FILE_WRITE_DATA (0x0002)

#define FILE_DEVICE_CONTROLLER 0x00000004
#define FILE_DEVICE_DISK 0x00000007
#define FILE_DEVICE_NETWORK 0x00000012
#define FILE_DEVICE_NULL 0x00000015
#define FILE_DEVICE_SERIAL_PORT 0x0000001b
#define FILE_DEVICE_UNKNOWN 0x00000022
#define FILE_DEVICE_BUS_EXTENDER 0x0000002a

#define FILE_DEVICE_SECURE_OPEN 0x00000100
#define FILE_AUTOGENERATED_DEVICE_NAME 0x00000080

/* Priority boosts for completing requests. */
#define IO_NO_INCREMENT 0
#define IO_DISK_INCREMENT 1
#define IO_KEYBOARD_INCREMENT 6
#define IO_MOUSE_INCREMENT 6
#define IO_NETWORK_INCREMENT 2
#define IO_SERIAL_INCREMENT 2
#define IO_SOUND_INCREMENT 8
#define IO_VIDEO_INCREMENT 1

/* Memory descriptor list: describes the physical pages of a buffer. */
typedef struct _MDL {
    struct _MDL *Next;
    CSHORT Size;
    CSHORT MdlFlags;
    struct _KPROCESS *Process;
    PVOID MappedSystemVa;
    PVOID StartVa;
    ULONG ByteCount;
    ULONG ByteOffset;
} MDL, *PMDL;

typedef struct _KPROCESS *PEPROCESS;
typedef struct _KTHREAD *PKTHREAD, *PETHREAD;
typedef struct _KINTERRUPT *PKINTERRUPT;

typedef enum _KINTERRUPT_MODE {
    LevelSensitive,
    Latched
} KINTERRUPT_MODE;

/* Opaque here: the model never looks inside a resource descriptor. */
typedef struct _CM_PARTIAL_RESOURCE_DESCRIPTOR CM_PARTIAL_RESOURCE_DESCRIPTOR,
    *PCM_PARTIAL_RESOURCE_DESCRIPTOR;

typedef struct _IO_STATUS_BLOCK {
    union {
        NTSTATUS Status;
        PVOID Pointer;
    };
    ULONG_PTR Information;
} IO_STATUS_BLOCK, *PIO_STATUS_BLOCK;

struct _DRIVER_OBJECT;
struct _DEVICE_OBJECT;
struct _IRP;

/* I/O request packet (reduced: the fields drivers commonly read). */
typedef struct _IRP {
    CSHORT Type;
    USHORT Size;
    PMDL MdlAddress;
    ULONG Flags;
    union {
        struct _IRP *MasterIrp;
        volatile LONG IrpCount;
        PVOID SystemBuffer;
    } AssociatedIrp;
    LIST_ENTRY ThreadListEntry;
    IO_STATUS_BLOCK IoStatus;
    KPROCESSOR_MODE RequestorMode;
    BOOLEAN PendingReturned;
    CHAR StackCount;
    CHAR CurrentLocation;
    BOOLEAN Cancel;
    KIRQL CancelIrql;
    PIO_STATUS_BLOCK UserIosb;
    PKEVENT UserEvent;
    PVOID UserBuffer;
} IRP, *PIRP;

/* Driver routine role types: a driver declares "DRIVER_INITIALIZE
   DriverEntry;" and annotation tools learn the routine's role. */
typedef _Function_class_(DRIVER_INITIALIZE) _IRQL_requires_same_
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS NTAPI DRIVER_INITIALIZE(_In_ struct _DRIVER_OBJECT *DriverObject,
                                 _In_ PUNICODE_STRING RegistryPath);
typedef DRIVER_INITIALIZE *PDRIVER_INITIALIZE;

typedef _Function_class_(DRIVER_UNLOAD) _IRQL_requires_same_
_IRQL_requires_(PASSIVE_LEVEL)
VOID NTAPI DRIVER_UNLOAD(_In_ struct _DRIVER_OBJECT *DriverObject);
typedef DRIVER_UNLOAD *PDRIVER_UNLOAD;

typedef _Function_class_(DRIVER_ADD_DEVICE) _IRQL_requires_same_
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS NTAPI DRIVER_ADD_DEVICE(_In_ struct _DRIVER_OBJECT *DriverObject,
                                 _In_ struct _DEVICE_OBJECT *PhysicalDeviceObject);
typedef DRIVER_ADD_DEVICE *PDRIVER_ADD_DEVICE;

typedef _Function_class_(DRIVER_DISPATCH) _IRQL_requires_same_
NTSTATUS NTAPI DRIVER_DISPATCH(_In_ struct _DEVICE_OBJECT *DeviceObject,
                               _Inout_ struct _IRP *Irp);
typedef DRIVER_DISPATCH *PDRIVER_DISPATCH;

typedef _Function_class_(DRIVER_STARTIO) _IRQL_always_function_min_(DISPATCH_LEVEL)
_IRQL_requires_(DISPATCH_LEVEL) _IRQL_requires_same_
VOID NTAPI DRIVER_STARTIO(_Inout_ struct _DEVICE_OBJECT *DeviceObject,
                          _Inout_ struct _IRP *Irp);
typedef DRIVER_STARTIO *PDRIVER_STARTIO;

typedef struct _DRIVER_EXTENSION {
    struct _DRIVER_OBJECT *DriverObject;
    PDRIVER_ADD_DEVICE AddDevice;
    ULONG Count;
    UNICODE_STRING ServiceKeyName;
} DRIVER_EXTENSION, *PDRIVER_EXTENSION;

/* The driver object (WDK field names and order). */
typedef struct _DRIVER_OBJECT {
    CSHORT Type;
    CSHORT Size;
    struct _DEVICE_OBJECT *DeviceObject;
    ULONG Flags;
    PVOID DriverStart;
    ULONG DriverSize;
    PVOID DriverSection;
    PDRIVER_EXTENSION DriverExtension;
    UNICODE_STRING DriverName;
    PUNICODE_STRING HardwareDatabase;
    PVOID FastIoDispatch;
    PDRIVER_INITIALIZE DriverInit;
    PDRIVER_STARTIO DriverStartIo;
    PDRIVER_UNLOAD DriverUnload;
    PDRIVER_DISPATCH MajorFunction[IRP_MJ_MAXIMUM_FUNCTION + 1];
} DRIVER_OBJECT, *PDRIVER_OBJECT;

/* The device object (reduced). */
typedef struct _DEVICE_OBJECT {
    CSHORT Type;
    USHORT Size;
    LONG ReferenceCount;
    struct _DRIVER_OBJECT *DriverObject;
    struct _DEVICE_OBJECT *NextDevice;
    struct _DEVICE_OBJECT *AttachedDevice;
    struct _IRP *CurrentIrp;
    PVOID Timer;
    ULONG Flags;
    ULONG Characteristics;
    PVOID Vpb;
    PVOID DeviceExtension;
    DEVICE_TYPE DeviceType;
    CCHAR StackSize;
} DEVICE_OBJECT, *PDEVICE_OBJECT;

/* Device relation queries (EvtDeviceRelationsQuery). */
typedef enum _DEVICE_RELATION_TYPE {
    BusRelations,
    EjectionRelations,
    PowerRelations,
    RemovalRelations,
    TargetDeviceRelation,
    SingleBusRelations,
    TransportRelations
} DEVICE_RELATION_TYPE, *PDEVICE_RELATION_TYPE;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL IofCompleteRequest(_In_ PIRP Irp,
                                             _In_ CCHAR PriorityBoost);
#define IoCompleteRequest(a, b) IofCompleteRequest(a, b)

#ifdef __cplusplus
} /* extern "C" */
#endif

/* ------------------------------------------------------------------------ */
/* Added for the driver corpus (test/corpus): time, register access and I/O  */
/* space mapping, with the WDK's names and signatures.                       */
/* ------------------------------------------------------------------------ */

#ifdef __cplusplus
extern "C" {
#endif

/* Further status values used by device drivers. */
#ifndef STATUS_DEVICE_BUSY
#define STATUS_DEVICE_BUSY ((NTSTATUS)0x80000011L)
#endif
#ifndef STATUS_DEVICE_DATA_ERROR
#define STATUS_DEVICE_DATA_ERROR ((NTSTATUS)0xC000009CL)
#endif
#ifndef STATUS_IO_TIMEOUT
#define STATUS_IO_TIMEOUT ((NTSTATUS)0xC00000B5L)
#endif
#ifndef STATUS_DEVICE_CONFIGURATION_ERROR
#define STATUS_DEVICE_CONFIGURATION_ERROR ((NTSTATUS)0xC0000182L)
#endif
#ifndef STATUS_TOO_MANY_OPENED_FILES
#define STATUS_TOO_MANY_OPENED_FILES ((NTSTATUS)0xC000011FL)
#endif
#ifndef STATUS_IO_DEVICE_ERROR
#define STATUS_IO_DEVICE_ERROR ((NTSTATUS)0xC0000185L)
#endif

/* Pool tag bit of protected allocations (freed only with the same tag). */
#ifndef PROTECTED_POOL
#define PROTECTED_POOL 0x80000000
#endif

/* Page protection values for MmMapIoSpaceEx. */
#define PAGE_NOACCESS 0x01
#define PAGE_READONLY 0x02
#define PAGE_READWRITE 0x04
#define PAGE_NOCACHE 0x200
#define PAGE_WRITECOMBINE 0x400

/* Interrupt time: 100-nanosecond units since boot, any IRQL. */
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONGLONG NTAPI KeQueryInterruptTime(VOID);

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID NTAPI KeQuerySystemTimePrecise(_Out_ PLARGE_INTEGER CurrentTime);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmMapIoSpaceEx(_In_ PHYSICAL_ADDRESS PhysicalAddress,
                                       _In_ SIZE_T NumberOfBytes,
                                       _In_ ULONG Protect);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmUnmapIoSpace(_In_reads_bytes_(NumberOfBytes) PVOID BaseAddress,
                                      _In_ SIZE_T NumberOfBytes);

/* Memory-mapped device registers. */
NTKERNELAPI ULONG NTAPI READ_REGISTER_ULONG(_In_ volatile ULONG *Register);
NTKERNELAPI VOID NTAPI WRITE_REGISTER_ULONG(_In_ volatile ULONG *Register,
                                            _In_ ULONG Value);
NTKERNELAPI USHORT NTAPI READ_REGISTER_USHORT(_In_ volatile USHORT *Register);
NTKERNELAPI VOID NTAPI WRITE_REGISTER_USHORT(_In_ volatile USHORT *Register,
                                             _In_ USHORT Value);

/* ------------------------------------------------------------------------ */
/* Kernel routines declared without IRQL annotations, as mingw-w64 declares
   them: wdfcheck takes their IRQL limits from rules/ddis.def, not from SAL.
   Types reduced to what the prototypes need. */

typedef ULONG ACCESS_MASK;
typedef struct _OBJECT_TYPE *POBJECT_TYPE;
typedef struct _OBJECT_HANDLE_INFORMATION {
    ULONG HandleAttributes;
    ACCESS_MASK GrantedAccess;
} OBJECT_HANDLE_INFORMATION, *POBJECT_HANDLE_INFORMATION;
typedef struct _OBJECT_ATTRIBUTES {
    ULONG Length;
    HANDLE RootDirectory;
    PUNICODE_STRING ObjectName;
    ULONG Attributes;
    PVOID SecurityDescriptor;
    PVOID SecurityQualityOfService;
} OBJECT_ATTRIBUTES, *POBJECT_ATTRIBUTES;
extern POBJECT_TYPE *IoFileObjectType;
extern POBJECT_TYPE *ExEventObjectType;

#ifndef GENERIC_READ
#define GENERIC_READ 0x80000000L
#endif
#ifndef FILE_SHARE_READ
#define FILE_SHARE_READ 0x00000001
#endif
#ifndef FILE_OPEN
#define FILE_OPEN 0x00000001
#endif
#ifndef FILE_ATTRIBUTE_NORMAL
#define FILE_ATTRIBUTE_NORMAL 0x00000080
#endif
#ifndef FILE_SYNCHRONOUS_IO_NONALERT
#define FILE_SYNCHRONOUS_IO_NONALERT 0x00000020
#endif
#ifndef OBJ_CASE_INSENSITIVE
#define OBJ_CASE_INSENSITIVE 0x00000040L
#endif
#ifndef OBJ_KERNEL_HANDLE
#define OBJ_KERNEL_HANDLE 0x00000200L
#endif

NTKERNELAPI NTSTATUS NTAPI ObReferenceObjectByHandle(
    HANDLE Handle, ACCESS_MASK DesiredAccess, POBJECT_TYPE ObjectType,
    KPROCESSOR_MODE AccessMode, PVOID *Object,
    POBJECT_HANDLE_INFORMATION HandleInformation);
NTKERNELAPI LONG_PTR FASTCALL ObfDereferenceObject(PVOID Object);
#define ObDereferenceObject(Object) ObfDereferenceObject(Object)

NTSYSAPI NTSTATUS NTAPI ZwCreateFile(
    PHANDLE FileHandle, ACCESS_MASK DesiredAccess,
    POBJECT_ATTRIBUTES ObjectAttributes, PIO_STATUS_BLOCK IoStatusBlock,
    PLARGE_INTEGER AllocationSize, ULONG FileAttributes, ULONG ShareAccess,
    ULONG CreateDisposition, ULONG CreateOptions, PVOID EaBuffer,
    ULONG EaLength);
NTSYSAPI NTSTATUS NTAPI ZwClose(HANDLE Handle);

typedef enum _DEVICE_REGISTRY_PROPERTY {
    DevicePropertyDeviceDescription = 0,
    DevicePropertyHardwareID = 1,
    DevicePropertyDriverKeyName = 9,
    DevicePropertyPhysicalDeviceObjectName = 14
} DEVICE_REGISTRY_PROPERTY;

NTKERNELAPI NTSTATUS NTAPI IoGetDeviceProperty(
    PDEVICE_OBJECT DeviceObject, DEVICE_REGISTRY_PROPERTY DeviceProperty,
    ULONG BufferLength, PVOID PropertyBuffer, PULONG ResultLength);
NTKERNELAPI PMDL NTAPI IoAllocateMdl(PVOID VirtualAddress, ULONG Length,
                                     BOOLEAN SecondaryBuffer,
                                     BOOLEAN ChargeQuota, PIRP Irp);
NTKERNELAPI VOID NTAPI IoFreeMdl(PMDL Mdl);
NTKERNELAPI PVOID NTAPI MmGetSystemAddressForMdlSafe(PMDL Mdl, ULONG Priority);
NTKERNELAPI VOID NTAPI KeFlushQueuedDpcs(VOID);

/* Executive resources (reduced). */
typedef struct _ERESOURCE {
    LONG_PTR Reserved[12];
} ERESOURCE, *PERESOURCE;
NTKERNELAPI NTSTATUS NTAPI ExInitializeResourceLite(PERESOURCE Resource);
NTKERNELAPI BOOLEAN NTAPI ExAcquireResourceExclusiveLite(PERESOURCE Resource,
                                                          BOOLEAN Wait);
NTKERNELAPI VOID FASTCALL ExReleaseResourceLite(PERESOURCE Resource);

/* Pool allocations with a POOL_TYPE and a tag: ExAllocatePoolZero zeroes
   what it returns, ExAllocatePoolUninitialized does not. */
NTKERNELAPI PVOID NTAPI ExAllocatePoolZero(POOL_TYPE PoolType,
                                           SIZE_T NumberOfBytes, ULONG Tag);
NTKERNELAPI PVOID NTAPI ExAllocatePoolUninitialized(POOL_TYPE PoolType,
                                                    SIZE_T NumberOfBytes,
                                                    ULONG Tag);
NTKERNELAPI PVOID NTAPI ExAllocatePoolQuotaZero(POOL_TYPE PoolType,
                                                SIZE_T NumberOfBytes,
                                                ULONG Tag);

/* Kernel lookaside lists (reduced): the pool type or flags and the tag of
   the entries allocated later. */
typedef struct _LOOKASIDE_LIST_EX {
    LONG_PTR Reserved[16];
} LOOKASIDE_LIST_EX, *PLOOKASIDE_LIST_EX;
typedef struct _NPAGED_LOOKASIDE_LIST {
    LONG_PTR Reserved[16];
} NPAGED_LOOKASIDE_LIST, *PNPAGED_LOOKASIDE_LIST;
typedef PVOID NTAPI ALLOCATE_FUNCTION_EX(POOL_TYPE PoolType,
                                         SIZE_T NumberOfBytes, ULONG Tag,
                                         PLOOKASIDE_LIST_EX Lookaside);
typedef ALLOCATE_FUNCTION_EX *PALLOCATE_FUNCTION_EX;
typedef VOID NTAPI FREE_FUNCTION_EX(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside);
typedef FREE_FUNCTION_EX *PFREE_FUNCTION_EX;
typedef PVOID NTAPI ALLOCATE_FUNCTION(POOL_TYPE PoolType,
                                      SIZE_T NumberOfBytes, ULONG Tag);
typedef ALLOCATE_FUNCTION *PALLOCATE_FUNCTION;
typedef VOID NTAPI FREE_FUNCTION(PVOID Buffer);
typedef FREE_FUNCTION *PFREE_FUNCTION;
NTKERNELAPI NTSTATUS NTAPI ExInitializeLookasideListEx(
    PLOOKASIDE_LIST_EX Lookaside, PALLOCATE_FUNCTION_EX Allocate,
    PFREE_FUNCTION_EX Free, POOL_TYPE PoolType, ULONG Flags, SIZE_T Size,
    ULONG Tag, USHORT Depth);
NTKERNELAPI VOID NTAPI ExInitializeNPagedLookasideList(
    PNPAGED_LOOKASIDE_LIST Lookaside, PALLOCATE_FUNCTION Allocate,
    PFREE_FUNCTION Free, ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth);

#ifdef __cplusplus
} /* extern "C" */
#endif

/* Built for the wdfcheck runtime: every routine records the driver's call
   site (file:line) for the runtime's reports.  Nothing changes otherwise. */
#if defined(WDFCHECK_RUNTIME) && WDFCHECK_RUNTIME
#include "wdfrt_ntddk_sites.h"
#endif

#endif /* WDFCHECK_NTDDK_H */
