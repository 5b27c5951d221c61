// debug.wdf.IrqlEntry: SAL IRQL annotations read back from the source text
// (sal.h defines them to nothing), on prototypes and definitions, in both the
// current and the old (__drv_*) spellings, with the levels evaluated through
// the translation unit's macros.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %msvc %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

// ---- Where the annotation is written -------------------------------------------

_IRQL_requires_max_(APC_LEVEL)
VOID on_prototype(VOID);

VOID on_prototype(VOID) {} // expected-warning{{entry IRQL <= APC_LEVEL from SAL}}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID on_definition(VOID) {} // expected-warning{{entry IRQL <= DISPATCH_LEVEL from SAL}}

static _IRQL_requires_max_(PASSIVE_LEVEL) VOID static_first(VOID) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from SAL}}

_IRQL_requires_max_(APC_LEVEL) static VOID static_after(VOID) {} // expected-warning{{entry IRQL <= APC_LEVEL from SAL}}

_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_
VOID decl_annotations(_In_ WDFDPC Dpc);

_Use_decl_annotations_
VOID decl_annotations(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from SAL; requires same}}

// Prototype and definition each say something: both hold.
_IRQL_requires_max_(DISPATCH_LEVEL) VOID both_written(VOID);
_IRQL_requires_min_(APC_LEVEL) VOID both_written(VOID) {} // expected-warning{{entry IRQL APC_LEVEL or DISPATCH_LEVEL from SAL}}

VOID one_line(VOID) {} _IRQL_requires_(APC_LEVEL) VOID one_line_next(VOID) {} // expected-warning{{entry IRQL unknown}} expected-warning{{entry IRQL APC_LEVEL from SAL}}

// ---- The annotations and their levels -------------------------------------------

_IRQL_requires_(DISPATCH_LEVEL) VOID requires_dispatch(VOID) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from SAL}}
_IRQL_requires_(1) VOID requires_number(VOID) {} // expected-warning{{entry IRQL APC_LEVEL from SAL}}
_IRQL_requires_min_(APC_LEVEL) VOID requires_min(VOID) {} // expected-warning{{entry IRQL >= APC_LEVEL from SAL}}
_IRQL_requires_(DISPATCH_LEVEL + 1) VOID requires_dirql(VOID) {} // expected-warning{{entry IRQL DIRQL from SAL}}
_IRQL_requires_min_(DISPATCH_LEVEL+1) VOID above_dispatch(VOID) {} // expected-warning{{entry IRQL >= DIRQL from SAL}}
_IRQL_requires_(CLOCK_LEVEL) VOID clock_level(VOID) {} // expected-warning{{entry IRQL DIRQL from SAL}}
_IRQL_requires_(HIGH_LEVEL) VOID high_level(VOID) {} // expected-warning{{entry IRQL HIGH_LEVEL from SAL}}
_IRQL_requires_max_(HIGH_LEVEL) VOID any_level(VOID) {} // expected-warning{{entry IRQL <= HIGH_LEVEL from SAL}}
_IRQL_requires_max_((APC_LEVEL)) VOID parenthesised(VOID) {} // expected-warning{{entry IRQL <= APC_LEVEL from SAL}}

// A driver's own level macros.
#define MY_WORK_LEVEL APC_LEVEL
#define MY_DEVICE_LEVEL (DISPATCH_LEVEL + 1)
#define MY_NUMBER_LEVEL (2)
_IRQL_requires_max_(MY_WORK_LEVEL) VOID own_macro(VOID) {} // expected-warning{{entry IRQL <= APC_LEVEL from SAL}}
_IRQL_requires_(MY_DEVICE_LEVEL) VOID own_macro_sum(VOID) {} // expected-warning{{entry IRQL DIRQL from SAL}}
_IRQL_requires_(MY_NUMBER_LEVEL) VOID own_macro_number(VOID) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from SAL}}

// Levels nobody defines are ignored, and so is the annotation.
_IRQL_requires_max_(NO_SUCH_LEVEL) VOID unknown_level(VOID) {} // expected-warning{{entry IRQL unknown}}

// The old spellings.
__drv_maxIRQL(DISPATCH_LEVEL) VOID drv_max(VOID) {} // expected-warning{{entry IRQL <= DISPATCH_LEVEL from SAL}}
__drv_minIRQL(APC_LEVEL) VOID drv_min(VOID) {} // expected-warning{{entry IRQL >= APC_LEVEL from SAL}}
__drv_requiresIRQL(PASSIVE_LEVEL) __drv_sameIRQL VOID drv_requires(VOID) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from SAL; requires same}}
__drv_maxIRQL(DISPATCH_LEVEL) __drv_raisesIRQL(DISPATCH_LEVEL) VOID drv_raise(__drv_savesIRQL PKIRQL OldIrql) {} // expected-warning{{entry IRQL <= DISPATCH_LEVEL from SAL; SAL raises DISPATCH_LEVEL; saves param 0}}
__drv_requiresIRQL(DISPATCH_LEVEL) VOID drv_lower(PVOID Lock, __drv_restoresIRQL KIRQL NewIrql) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from SAL; restores param 1}}

// ---- Raises, saves, restores, same ------------------------------------------------

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID my_acquire(_Out_ _IRQL_saves_ PKIRQL OldIrql) {} // expected-warning{{entry IRQL <= DISPATCH_LEVEL from SAL; SAL raises DISPATCH_LEVEL; saves param 0}}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID my_acquire_lock(_Inout_ PVOID Lock, _Out_ _At_(*OldIrql, _IRQL_saves_) PKIRQL OldIrql) {} // expected-warning{{entry IRQL <= DISPATCH_LEVEL from SAL; SAL raises DISPATCH_LEVEL; saves param 1}}

_IRQL_requires_(DISPATCH_LEVEL)
VOID my_release(_Inout_ PVOID Lock, _In_ _IRQL_restores_ KIRQL NewIrql); // the prototype carries it all

VOID my_release(PVOID Lock, KIRQL NewIrql) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from SAL; restores param 1}}

// Conditional annotations do not hold for every call.
_When_(return != FALSE, _IRQL_raises_(APC_LEVEL))
_IRQL_requires_max_(APC_LEVEL)
BOOLEAN my_try_acquire(VOID) { return FALSE; } // expected-warning{{entry IRQL <= APC_LEVEL from SAL}}

_IRQL_raises_(DISPATCH_LEVEL) VOID raises_only(VOID) {} // expected-warning{{entry IRQL unknown; SAL raises DISPATCH_LEVEL}}
_IRQL_requires_same_ VOID same_only(VOID) {} // expected-warning{{entry IRQL unknown; requires same}}

// ---- SAL on the function narrows its role; a contradiction keeps the role ---

EVT_WDF_IO_QUEUE_IO_READ sal_read;

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID sal_read(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead); narrowed by SAL}}

_IRQL_requires_max_(APC_LEVEL)
VOID sal_dpc(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_DPC (EvtDpcFunc); contradicts its SAL annotation}}

void registrations(void) { // expected-warning{{entry IRQL unknown}}
  WDF_DPC_CONFIG dpc;
  WDF_DPC_CONFIG_INIT(&dpc, sal_dpc);
}

// ---- Annotations of something else -----------------------------------------------

_IRQL_requires_(DISPATCH_LEVEL)
VOID annotated_first(VOID);
VOID plain_second(VOID);

VOID annotated_first(VOID) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from SAL}}
VOID plain_second(VOID) {} // expected-warning{{entry IRQL unknown}}

typedef _IRQL_requires_max_(HIGH_LEVEL) VOID MY_CALLBACK(VOID);
VOID after_typedef(VOID) {} // expected-warning{{entry IRQL unknown}}

struct annotated_member { _IRQL_requires_(APC_LEVEL) int (*fn)(void); };
VOID after_struct(VOID) {} // expected-warning{{entry IRQL unknown}}

#define NOT_AN_ANNOTATION_HERE _IRQL_requires_(HIGH_LEVEL)
VOID after_define(VOID) {} // expected-warning{{entry IRQL unknown}}

// _IRQL_requires_(HIGH_LEVEL) in a comment is not an annotation.
VOID after_comment(VOID) {} // expected-warning{{entry IRQL unknown}}

VOID not_before_the_name(VOID) _IRQL_requires_(HIGH_LEVEL); // after the name: not SAL's place
VOID not_before_the_name(VOID) {} // expected-warning{{entry IRQL unknown}}
