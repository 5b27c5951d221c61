// WM011 wdf.PagedCode: a pageable function whose own SAL annotation says it
// runs only above APC_LEVEL (a paged DPC helper annotated
// _IRQL_requires_(DISPATCH_LEVEL)).  Reported at the annotation, whether the
// function is placed in a PAGE section or states PAGED_CODE(); quiet for an
// annotation that allows PASSIVE_LEVEL and for PAGED_CODE_LOCKED().
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCode -verify %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCode -verify %msvc %wdk_shape -DDBG=1 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCode -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PagedCode -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

#ifdef __cplusplus
extern "C" {
#endif
_IRQL_requires_(DISPATCH_LEVEL) // expected-warning{{'DpcHelper' is pageable (it states PAGED_CODE()) but its SAL annotation says it runs at DISPATCH_LEVEL: its page may be out there and cannot be brought in; make it non-pageable, or correct the annotation}} expected-note{{'DpcHelper' is pageable}}
VOID DpcHelper(ULONG Value);
_IRQL_requires_min_(DISPATCH_LEVEL)
VOID LockedHelper(ULONG Value);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID AnyLevelHelper(ULONG Value);
#ifdef __cplusplus
}
#endif

// PAGED_CODE() states it pageable in every configuration; a PAGE section
// only where alloc_text is understood (MSVC).
VOID DpcHelper(ULONG Value) {
  PAGED_CODE();
  (void)Value;
}

// Locked in memory: it may run raised.
VOID LockedHelper(ULONG Value) {
  PAGED_CODE_LOCKED();
  (void)Value;
} // no-warning

// An annotation that allows PASSIVE_LEVEL: the entry model narrows it.
VOID AnyLevelHelper(ULONG Value) {
  PAGED_CODE();
  (void)Value;
} // no-warning

#if defined(_MSC_VER) || defined(_WIN32)
#ifdef __cplusplus
extern "C"
#endif
_IRQL_requires_(DISPATCH_LEVEL) // expected-warning{{'SectionHelper' is pageable (in a PAGE section) but its SAL annotation says it runs at DISPATCH_LEVEL}} expected-note{{'SectionHelper' is pageable}}
VOID SectionHelper(ULONG Value);
#pragma alloc_text(PAGE, SectionHelper)
VOID SectionHelper(ULONG Value) { (void)Value; }
#endif
