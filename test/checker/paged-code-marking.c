// WM012 wdf.PagedCodeMarking (PREfast C28170, C28172): a function placed in a
// PAGE section (alloc_text, code_seg) states PAGED_CODE() or
// PAGED_CODE_LOCKED(), and only such a function does.  The question is the
// section, though PAGED_CODE() alone makes a function pageable for the IRQL
// readings.  INIT is not a PAGE section.  The same in the checked build.
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCodeMarking -verify %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCodeMarking -verify %msvc -DDBG=1 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCodeMarking -verify %msvc %wdk_shape -DDBG=1 %s
#include <ntddk.h>
#include <wdf.h>

// ---- clean ------------------------------------------------------------------------

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath);
VOID Marked(VOID);
VOID MarkedLocked(VOID);
VOID InitOnly(VOID);
VOID InitWithPagedCode(VOID);
VOID MarkedLater(ULONG Value);
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, Marked)
#pragma alloc_text(PAGE, MarkedLocked)
#pragma alloc_text(INIT, InitOnly)
#pragma alloc_text(INIT, InitWithPagedCode)
#pragma alloc_text(PAGEwmi, MarkedLater)

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  return STATUS_SUCCESS;
}

VOID Marked(VOID) {
  PAGED_CODE();
}

VOID MarkedLocked(VOID) {
  PAGED_CODE_LOCKED();
}

// INIT is discarded after initialization, not paged: no PAGED_CODE() needed,
// and one stated there contradicts nothing.
VOID InitOnly(VOID) {}
VOID InitWithPagedCode(VOID) {
  PAGED_CODE();
}

// Declarations and traces may come first.
VOID MarkedLater(ULONG Value) {
  ULONG copy = Value;
  DbgPrint("%lu\n", copy);
  PAGED_CODE();
}

#pragma code_seg("PAGE")
VOID RegionMarked(VOID) {
  PAGED_CODE();
}
#pragma code_seg()

VOID Resident(VOID) {}

// ---- buggy ------------------------------------------------------------------------

VOID Unmarked(VOID);
#pragma alloc_text(PAGE, Unmarked)
VOID Unmarked(VOID) {} // expected-warning{{'Unmarked' is in a PAGE section but does not state PAGED_CODE(): checked builds and Driver Verifier cannot catch it being called above APC_LEVEL; add PAGED_CODE() as its first statement}} expected-note{{'Unmarked' is in a PAGE section}}

#pragma code_seg("PAGE")
VOID RegionUnmarked(VOID) {} // expected-warning{{'RegionUnmarked' is in a PAGE section but does not state PAGED_CODE()}} expected-note{{'RegionUnmarked' is in a PAGE section}}
#pragma code_seg()

__declspec(code_seg("PAGE")) VOID DeclaredUnmarked(VOID) {} // expected-warning{{'DeclaredUnmarked' is in a PAGE section but does not state PAGED_CODE()}} expected-note{{'DeclaredUnmarked' is in a PAGE section}}

VOID NotInSection(VOID) { // expected-warning{{'NotInSection' states PAGED_CODE() but is not in a PAGE section: it stays resident, and the assertion misleads about where it may run; place it in the section (#pragma alloc_text(PAGE, NotInSection)) or remove PAGED_CODE()}} expected-note{{'NotInSection' states PAGED_CODE()}}
  PAGED_CODE();
}

VOID LockedNotInSection(VOID) { // expected-warning{{'LockedNotInSection' states PAGED_CODE_LOCKED() but is not in a PAGE section}} expected-note{{'LockedNotInSection' states PAGED_CODE_LOCKED()}}
  PAGED_CODE_LOCKED();
}

// After the region ends, functions are resident again.
VOID AfterRegion(VOID) { // expected-warning{{'AfterRegion' states PAGED_CODE() but is not in a PAGE section}} expected-note{{'AfterRegion' states PAGED_CODE()}}
  PAGED_CODE();
}
