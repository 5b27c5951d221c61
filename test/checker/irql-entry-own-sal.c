// debug.wdf.IrqlEntry on a driver that brings its own annotation macros, as
// the real WDK's sal.h and driverspecs.h do for clang: every IRQL annotation
// is defined to nothing and leaves no trace in the AST.  The file includes
// none of the model headers and defines no IRQL level names, so the
// documented values are used; a level the translation unit defines (here
// on the command line) wins over the documented one.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify=expected,documented %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify=expected,defined -DAPC_LEVEL=2 %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify=expected,documented %msvc %s

#define _IRQL_requires_(irql)
#define _IRQL_requires_max_(irql)
#define _IRQL_requires_min_(irql)
#define _IRQL_requires_same_
#define _IRQL_raises_(irql)
#define _IRQL_saves_
#define _IRQL_restores_
#define _Function_class_(name)
#define _Use_decl_annotations_
#define _In_
#define _Out_

typedef unsigned char KIRQL;
typedef struct WDFDPC__ *WDFDPC;

typedef _Function_class_(EVT_WDF_DPC)
_IRQL_requires_same_
_IRQL_requires_(DISPATCH_LEVEL)
void EVT_WDF_DPC(_In_ WDFDPC Dpc);
typedef EVT_WDF_DPC *PFN_WDF_DPC;

typedef struct {
  unsigned long Size;
  PFN_WDF_DPC EvtDpcFunc;
} MY_DPC_CONFIG;

EVT_WDF_DPC OwnDpc;
void OwnDpc(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_DPC (EvtDpcFunc)}}

_IRQL_requires_max_(APC_LEVEL)
void below_apc(void); // the prototype carries the annotation

_Use_decl_annotations_
void below_apc(void) {} // documented-warning{{entry IRQL <= APC_LEVEL from SAL}} defined-warning{{entry IRQL <= DISPATCH_LEVEL from SAL}}

_IRQL_requires_min_(DISPATCH_LEVEL + 1) void at_device_level(void) {} // expected-warning{{entry IRQL >= DIRQL from SAL}}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
KIRQL raise_to_dispatch(_Out_ _IRQL_saves_ KIRQL *Old) { return 2; } // expected-warning{{entry IRQL <= DISPATCH_LEVEL from SAL; SAL raises DISPATCH_LEVEL; saves param 0}}

void plain(void) {} // expected-warning{{entry IRQL unknown}}

void register_dpc(MY_DPC_CONFIG *Config) { // expected-warning{{entry IRQL unknown}}
  Config->EvtDpcFunc = OwnDpc;
}
