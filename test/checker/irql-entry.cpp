// debug.wdf.IrqlEntry in C++ drivers: static member functions as callbacks,
// role types on class members, SAL on in-class declarations, namespaces and
// class bodies that must not pass one function's annotations to another,
// templates and lambdas.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %msvc %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

class Queue {
public:
  static VOID OnRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
  static VOID OnDpc(WDFDPC Dpc);
  static EVT_WDF_TIMER OnTimer;

  _IRQL_requires_max_(APC_LEVEL)
  NTSTATUS Start();

  _IRQL_requires_(PASSIVE_LEVEL) void Inline() {} // expected-warning{{entry IRQL PASSIVE_LEVEL from SAL}}
  void NotAnnotated() {} // expected-warning{{entry IRQL unknown}}

  NTSTATUS Create(WDFDEVICE Device);
};

VOID Queue::OnDpc(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_DPC (EvtDpcFunc)}}
VOID Queue::OnTimer(WDFTIMER Timer) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_TIMER (EvtTimerFunc)}}
NTSTATUS Queue::Start() { return STATUS_SUCCESS; } // expected-warning{{entry IRQL <= APC_LEVEL from SAL}}

NTSTATUS Queue::Create(WDFDEVICE Device) { // expected-warning{{entry IRQL unknown}}
  WDF_IO_QUEUE_CONFIG config;
  WDF_DPC_CONFIG dpc;
  WDF_TIMER_CONFIG timer;
  WDF_IO_QUEUE_CONFIG_INIT(&config, WdfIoQueueDispatchParallel);
  config.EvtIoRead = &Queue::OnRead;
  WDF_DPC_CONFIG_INIT(&dpc, Queue::OnDpc);
  WDF_TIMER_CONFIG_INIT(&timer, OnTimer);
  return WdfIoQueueCreate(Device, &config, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
}

// An annotated method in a class body, then a namespace: nothing leaks.
class Annotated {
  _IRQL_requires_max_(DISPATCH_LEVEL) void Method();
};

namespace driver {
void Helper() {} // expected-warning{{entry IRQL unknown}}

_IRQL_requires_(APC_LEVEL)
void Annotated() {} // expected-warning{{entry IRQL APC_LEVEL from SAL}}

int DriverEntry(int Argument) { return Argument; } // expected-warning{{entry IRQL unknown}}
} // namespace driver

extern "C" {
_IRQL_requires_max_(PASSIVE_LEVEL) VOID CLinkage(VOID) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from SAL}}
VOID CLinkageNext(VOID) {} // expected-warning{{entry IRQL unknown}}
}

// Templates: analysed per instantiation.
template <typename T> T Twice(T Value) { return Value + Value; } // expected-warning{{entry IRQL unknown}}

template <typename T>
_IRQL_requires_max_(DISPATCH_LEVEL)
T Clamp(T Value) { return Value; } // expected-warning{{entry IRQL <= DISPATCH_LEVEL from SAL}}

template <int N>
VOID TemplateWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_WRITE (EvtIoWrite)}}

template <typename Config>
void SetWrite(Config &Cfg) { Cfg.EvtIoWrite = TemplateWrite<1>; } // expected-warning{{entry IRQL unknown}}

void UseTemplates() { // expected-warning{{entry IRQL unknown}}
  WDF_IO_QUEUE_CONFIG config;
  SetWrite(config);
  (void)Twice(2);
  (void)Clamp(3);
}

// Lambdas: no role from a conversion to a callback pointer.
void UseLambdas() { // expected-warning{{entry IRQL unknown}}
  WDF_IO_QUEUE_CONFIG config;
  auto Square = [](int X) { return X * X; };
  config.EvtIoStop = [](WDFQUEUE, WDFREQUEST, ULONG) {};
  (void)Square(2);
}

// An RAII guard: constructors and destructors have no role.
class Guard {
public:
  explicit Guard(WDFSPINLOCK Lock) : Lock(Lock) {} // expected-warning{{entry IRQL unknown}}
  ~Guard() {} // expected-warning{{entry IRQL unknown}}
private:
  WDFSPINLOCK Lock;
};
