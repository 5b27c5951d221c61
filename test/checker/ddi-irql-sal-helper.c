// WM008 wdf.DdiIrql: a helper without annotations, inlined into an
// _IRQL_requires_(APC_LEVEL) function, calls an
// _IRQL_requires_(DISPATCH_LEVEL) function: the IRQL is too low inside the
// helper, where the finding sits.
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

ULONG Counter;

_IRQL_requires_(DISPATCH_LEVEL)
void BumpAtDispatch(void) { Counter++; }

void BumpHelper(void) {
  BumpAtDispatch(); // expected-warning{{'BumpAtDispatch' is called at APC_LEVEL ('AtApc' may be called at APC_LEVEL (its SAL annotation)) but needs DISPATCH_LEVEL or above (its SAL annotation); call it where the IRQL allows it}} expected-note{{'BumpAtDispatch' is called at APC_LEVEL}}
}

_IRQL_requires_(APC_LEVEL)
VOID AtApc(VOID) { // expected-note{{entered at APC_LEVEL (its SAL annotation)}}
  BumpHelper(); // expected-note{{Calling 'BumpHelper'}}
}

// The same helper reached at DISPATCH_LEVEL is fine.
_IRQL_requires_(DISPATCH_LEVEL)
VOID AtDispatch(VOID) {
  BumpHelper(); // no-warning
}

// Raised to DISPATCH_LEVEL before the helper: fine.
_IRQL_requires_(APC_LEVEL)
VOID AtApcRaised(VOID) {
  KIRQL old;
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  BumpHelper(); // no-warning
  KeLowerIrql(old);
}
