// WM003 wdf.UninitDisclosure with C++ constructors: an object is written
// where its constructor writes (its member initializers and body, analysed
// in place), not as a whole because it has an initializer.  A trivial or
// defaulted constructor writes nothing but the members it initialises;
// value-initialisation (T{}, T()) zeroes first; the vtable pointer is the
// constructor's; a constructor whose body is not seen counts as writing all.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.UninitDisclosure -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.UninitDisclosure -verify %wdk_shape %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.UninitDisclosure -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

inline void *operator new(size_t, void *where) noexcept { return where; }

static NTSTATUS OutputOf(WDFREQUEST Request, size_t Size, PVOID *Out) {
  return WdfRequestRetrieveOutputBuffer(Request, Size, Out, nullptr);
}

// Sets two of its four counters.
class Counters {
public:
  Counters(ULONG reads, ULONG writes) : Reads(reads), Writes(writes) {}
  ULONG Reads;
  ULONG Writes;
  ULONG Errors;
  ULONG Flags;
};

// ---- a constructor that skips members --------------------------------------

void Direct(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), &out))) // expected-note{{Taking false branch}}
    return;
  Counters c(1, 2);
  RtlCopyMemory(out, &c, sizeof(c)); // expected-warning{{bytes 8-15 of 'c' were never written ('Errors' never assigned) and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 8-15 of 'c' were never written ('Errors' never assigned)}}
}

void InALoop(WDFREQUEST Request, ULONG Count) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, Count * sizeof(Counters), &out))) // expected-note{{Taking false branch}}
    return;
  for (ULONG i = 0; i < Count; ++i) { // expected-note{{Assuming 'i' is < 'Count'}} expected-note{{Loop condition is true}}
    Counters c(i, 0);
    RtlCopyMemory(static_cast<Counters *>(out) + i, &c, sizeof(c)); // expected-warning{{bytes 8-15 of 'c' were never written ('Errors' never assigned)}} expected-note{{bytes 8-15 of 'c' were never written ('Errors' never assigned)}}
  }
}

template <typename T> void Send(PVOID out, const T &value) {
  RtlCopyMemory(out, &value, sizeof(T)); // expected-warning{{bytes 8-15 of 'c' were never written ('Errors' never assigned)}} expected-note{{bytes 8-15 of 'c' were never written ('Errors' never assigned)}}
}

void ThroughHelper(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), &out))) // expected-note{{Taking false branch}}
    return;
  Counters c(3, 4);
  Send(out, c); // expected-note{{Calling 'Send<Counters>'}}
}

// The error reply sets the status only.
struct ErrorReply {
  explicit ErrorReply(NTSTATUS status) : Status(status) {}
  NTSTATUS Status;
  ULONG Detail;
};

NTSTATUS Start(ULONG Mode);

void OnErrorPath(WDFREQUEST Request, ULONG Mode) {
  ErrorReply *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(ErrorReply), reinterpret_cast<PVOID *>(&out)))) // expected-note{{Taking false branch}}
    return;
  NTSTATUS status = Start(Mode);
  if (!NT_SUCCESS(status)) { // expected-note{{Assuming 'status' is < 0}} expected-note{{'status' is < 0}} expected-note{{Taking true branch}}
    ErrorReply reply(status);
    *out = reply; // expected-warning{{bytes 4-7 of 'reply' were never written ('Detail' never assigned)}} expected-note{{bytes 4-7 of 'reply' were never written ('Detail' never assigned)}}
    return;
  }
  out->Status = status;
  out->Detail = Mode;
}

// A structure holding the class: its constructor builds the member.
struct StatsReply {
  StatsReply() : Version(2), Stats(0, 0) {}
  ULONG Version;
  Counters Stats;
};

void StructHoldingIt(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(StatsReply), &out))) // expected-note{{Taking false branch}}
    return;
  StatsReply reply;
  RtlCopyMemory(out, &reply, sizeof(reply)); // expected-warning{{bytes 12-19 of 'reply' were never written ('Stats.Errors' never assigned)}} expected-note{{bytes 12-19 of 'reply' were never written ('Stats.Errors' never assigned)}}
}

// A defaulted constructor writes only the default member initializers.
struct Defaulted {
  ULONG Version = 1;
  ULONG Length;
};

void DefaultedConstructor(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Defaulted), &out))) // expected-note{{Taking false branch}}
    return;
  Defaulted d;
  RtlCopyMemory(out, &d, sizeof(d)); // expected-warning{{bytes 4-7 of 'd' were never written ('Length' never assigned)}} expected-note{{bytes 4-7 of 'd' were never written ('Length' never assigned)}}
}

// Every member written, the padding between them not.
class Padded {
public:
  Padded(UCHAR kind, ULONG value) : Kind(kind), Value(value) {}
  UCHAR Kind;
  ULONG Value;
};

void PaddingSkipped(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Padded), &out))) // expected-note{{Taking false branch}}
    return;
  Padded p(1, 2);
  RtlCopyMemory(out, &p, sizeof(p)); // expected-warning{{bytes 1-3 of 'p' were never written (struct padding after 'Kind')}} expected-note{{bytes 1-3 of 'p' were never written (struct padding after 'Kind')}}
}

// The base class's constructor skips one of its members.
class Header {
public:
  Header() : Size(sizeof(Header)) {}
  ULONG Size;
  ULONG Reserved;
};
class Versioned : public Header {
public:
  Versioned() : Version(1), Build(2) {}
  ULONG Version;
  ULONG Build;
};

void BaseMemberSkipped(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Versioned), &out))) // expected-note{{Taking false branch}}
    return;
  Versioned v;
  RtlCopyMemory(out, &v, sizeof(v)); // expected-warning{{bytes 4-7 of 'v' were never written ('Reserved' never assigned)}} expected-note{{bytes 4-7 of 'v' were never written ('Reserved' never assigned)}}
}

// A temporary assigned into the output buffer.
void TemporaryAssigned(WDFREQUEST Request) {
  Counters *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), reinterpret_cast<PVOID *>(&out)))) // expected-note{{Taking false branch}}
    return;
  *out = Counters(5, 6); // expected-warning{{bytes 8-15 of the temporary 'Counters' were never written ('Errors' never assigned)}} expected-note{{bytes 8-15 of the temporary 'Counters' were never written ('Errors' never assigned)}}
}

// Constructed into a WdfMemoryCreate buffer, which is not zeroed.
void PlacementIntoUnzeroed(WDFREQUEST Request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  PVOID buffer;
  PVOID out;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, 'rtcW', sizeof(Counters), &memory, &buffer))) // expected-note{{buffer from WdfMemoryCreate is not zeroed}} expected-note{{Taking false branch}}
    return;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), &out))) // expected-note{{Taking false branch}}
    return;
  Counters *c = new (buffer) Counters(7, 8);
  RtlCopyMemory(out, c, sizeof(*c)); // expected-warning{{bytes 8-15 of the buffer from WdfMemoryCreate were never written ('Errors' never assigned)}} expected-note{{bytes 8-15 of the buffer from WdfMemoryCreate were never written ('Errors' never assigned)}}
}

// ---- copies keep what the constructor skipped --------------------------------

// A structure holding the class, its member copy-constructed.
struct Envelope {
  explicit Envelope(const Counters &counters) : Version(1), Stats(counters) {}
  ULONG Version;
  Counters Stats;
};

void MemberCopyConstructed(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Envelope), &out))) // expected-note{{Taking false branch}}
    return;
  Counters c(1, 2);
  Envelope e(c);
  RtlCopyMemory(out, &e, sizeof(e)); // expected-warning{{bytes 12-19 of 'e' were never written ('Stats.Errors' never assigned)}} expected-note{{bytes 12-19 of 'e' were never written ('Stats.Errors' never assigned)}}
}

// An aggregate holding the class, its member assigned.
struct Snapshot {
  ULONG Version;
  Counters Stats;
};

void MemberAssigned(WDFREQUEST Request) {
  Snapshot *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Snapshot), reinterpret_cast<PVOID *>(&out)))) // expected-note{{Taking false branch}}
    return;
  Counters c(1, 2);
  Snapshot s{1, Counters(0, 0)};
  s.Stats = c;
  *out = s; // expected-warning{{bytes 12-19 of 's' were never written ('Stats.Errors' never assigned)}} expected-note{{bytes 12-19 of 's' were never written ('Stats.Errors' never assigned)}}
}

template <typename T> void SendCopy(PVOID out, T value) {
  RtlCopyMemory(out, &value, sizeof(T)); // expected-warning{{bytes 8-15 of 'value' were never written ('Errors' never assigned)}} expected-note{{bytes 8-15 of 'value' were never written ('Errors' never assigned)}}
}

void PassedByValue(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), &out))) // expected-note{{Taking false branch}}
    return;
  Counters c(1, 2);
  SendCopy(out, c); // expected-note{{Calling 'SendCopy<Counters>'}}
}

Counters Partial() { return Counters(1, 2); }

void ReturnedByValue(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), &out))) // expected-note{{Taking false branch}}
    return;
  Counters c = Partial();
  RtlCopyMemory(out, &c, sizeof(c)); // expected-warning{{bytes 8-15 of 'c' were never written ('Errors' never assigned)}} expected-note{{bytes 8-15 of 'c' were never written ('Errors' never assigned)}}
}

// Copied with RtlCopyMemory into a structure holding the class.
void MemberFilledByCopy(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Snapshot), &out))) // expected-note{{Taking false branch}}
    return;
  Counters c(1, 2);
  Snapshot s{1, Counters(0, 0)};
  RtlCopyMemory(&s.Stats, &c, sizeof(c));
  RtlCopyMemory(out, &s, sizeof(s)); // expected-warning{{bytes 12-19 of 's' were never written ('Stats.Errors' never assigned)}} expected-note{{bytes 12-19 of 's' were never written ('Stats.Errors' never assigned)}}
}

// ---- clean twins -----------------------------------------------------------

// METHOD_BUFFERED: the reply is read from and written back to the system
// buffer, whose bytes are the caller's.
void RoundTripThroughSystemBuffer(WDFREQUEST Request) {
  PVOID data;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), &data)))
    return;
  Counters local(0, 0);
  RtlCopyMemory(&local, data, sizeof(local));
  local.Reads++;
  RtlCopyMemory(data, &local, sizeof(local)); // no-warning
}


// Copies of objects written in full.
void CopiesOfWrittenObjects(WDFREQUEST Request, const Counters &Current) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), &out)))
    return;
  Counters c(1, 2);
  c.Errors = c.Flags = 0;
  Snapshot s{1, Counters(0, 0)};
  s.Stats = c;
  Counters fromCaller = Current;
  Defaulted zeroed{};
  Defaulted copy = zeroed;
  RtlCopyMemory(out, &s.Stats, sizeof(Counters)); // no-warning
  RtlCopyMemory(out, &fromCaller, sizeof(Counters)); // no-warning
  RtlCopyMemory(out, &copy, sizeof(copy)); // no-warning
}

void ValueInitialisedBraces(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Defaulted), &out)))
    return;
  Defaulted d{};
  RtlCopyMemory(out, &d, sizeof(d)); // no-warning
}

void ValueInitialisedParens(WDFREQUEST Request) {
  Defaulted *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Defaulted), reinterpret_cast<PVOID *>(&out))))
    return;
  *out = Defaulted(); // no-warning
}

void EmptyBraceInitializer(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Defaulted), &out)))
    return;
  Defaulted d = {};
  RtlCopyMemory(out, &d, sizeof(d)); // no-warning
}

// Writes every member; no padding.
class Complete {
public:
  Complete(ULONG reads, ULONG writes)
      : Reads(reads), Writes(writes), Errors(0), Flags(0) {}
  ULONG Reads;
  ULONG Writes;
  ULONG Errors;
  ULONG Flags;
};

void EveryMemberWritten(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Complete), &out)))
    return;
  Complete c(1, 2);
  RtlCopyMemory(out, &c, sizeof(c)); // no-warning
}

// Zeroes itself, padding included, before setting a member.
class SelfZeroing {
public:
  SelfZeroing() {
    RtlZeroMemory(this, sizeof(*this));
    Kind = 1;
  }
  UCHAR Kind;
  ULONG64 Value;
};

void ZeroesItself(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(SelfZeroing), &out)))
    return;
  SelfZeroing z;
  RtlCopyMemory(out, &z, sizeof(z)); // no-warning
}

// The body writes what the member initializers do not, through a method.
class TwoStep {
public:
  TwoStep() : Reads(0) { Reset(); }
  void Reset() { Writes = Errors = Flags = 0; }
  ULONG Reads;
  ULONG Writes;
  ULONG Errors;
  ULONG Flags;
};

void BodyWritesTheRest(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(TwoStep), &out)))
    return;
  TwoStep t;
  RtlCopyMemory(out, &t, sizeof(t)); // no-warning
}

// The skipped members are assigned before the copy.
void AssignedAfterConstruction(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), &out)))
    return;
  Counters c(1, 2);
  c.Errors = 0;
  c.Flags = 0;
  RtlCopyMemory(out, &c, sizeof(c)); // no-warning
}

// Placement new into a buffer zeroed first.
void PlacementIntoZeroed(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), &out)))
    return;
  UCHAR storage[sizeof(Counters)];
  RtlZeroMemory(storage, sizeof(storage));
  Counters *c = new (storage) Counters(1, 2);
  RtlCopyMemory(out, c, sizeof(*c)); // no-warning
}

// Aggregate initialisation of every member.
struct Plain {
  ULONG Reads;
  ULONG Writes;
};

void AggregateInitialised(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Plain), &out)))
    return;
  Plain p{1, 2};
  RtlCopyMemory(out, &p, sizeof(p)); // no-warning
}

// The vtable pointer is written by the constructor, not left over.
class Dynamic {
public:
  Dynamic() : Reads(1), Writes(2) {}
  virtual ~Dynamic() {}
  virtual ULONG Total() const { return Reads + Writes; }
  ULONG Reads;
  ULONG Writes;
};

void VtablePointer(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Dynamic), &out)))
    return;
  Dynamic d;
  RtlCopyMemory(out, static_cast<PVOID>(&d), sizeof(d)); // no-warning
}

// A constructor whose body is in another file counts as writing all.
class Opaque {
public:
  Opaque();
  ULONG Reads;
  ULONG Writes;
};

void ConstructorNotSeen(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Opaque), &out)))
    return;
  Opaque o;
  RtlCopyMemory(out, &o, sizeof(o)); // no-warning
}

// So does an object a function whose body is not seen returns.
Counters CurrentCounters();

void ReturnedByUnknownCall(WDFREQUEST Request) {
  Counters *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), reinterpret_cast<PVOID *>(&out))))
    return;
  *out = CurrentCounters(); // no-warning
}

// Static storage is zeroed before its constructor runs.
void StaticObject(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Counters), &out)))
    return;
  static Counters totals(0, 0);
  RtlCopyMemory(out, &totals, sizeof(totals)); // no-warning
}

// Copying only the members the constructor wrote.
void CopiesWhatWasWritten(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, 2 * sizeof(ULONG), &out)))
    return;
  Counters c(1, 2);
  RtlCopyMemory(out, &c, 2 * sizeof(ULONG)); // no-warning
}

// A copy of an object its constructor wrote in full.
void MemberFilledByCopyOfWritten(WDFREQUEST Request) {
  PVOID out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(Snapshot), &out)))
    return;
  Complete c(1, 2);
  struct {
    ULONG Version;
    Complete Stats;
  } s = {1, Complete(0, 0)};
  RtlCopyMemory(&s.Stats, &c, sizeof(c));
  RtlCopyMemory(out, &s, sizeof(s)); // no-warning
}
