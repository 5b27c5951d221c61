//===- UninitDisclosureChecker.cpp - WM003 wdf.UninitDisclosure -------------===//
//
// Bytes never written copied to an untrusted destination: the request's
// output buffer or output memory (WdfRequestRetrieveOutputBuffer,
// WdfRequestRetrieveOutputMemory + WdfMemoryGetBuffer,
// WdfRequestRetrieveUnsafeUserOutputBuffer), by a copy of rules/copies.def
// or by assigning a structure into it.
//
// Sources start unwritten: WdfMemoryCreate buffers and uninitialised pool
// (wdf.MemoryModel binds them undefined) and stack objects, padding
// included.  The written bytes are found by walking the source byte by byte
// through the store: a binding found at an offset covers its own width; a
// byte with no binding falls back to the region's default, undefined for
// the sources above.  Anything the analyzer cannot place (an unknown value,
// a write at a symbolic offset, an initializer list, a buffer handed to a
// function it does not analyse) counts as written: precision over recall.
//
// C++ objects are written where their constructors write: the analyzer
// runs an inlined constructor on the object itself, so its member writes
// are bindings like any other; value-initialisation binds zero first; a
// constructor it does not inline invalidates the object (written).  The
// vtable pointers a constructor stores are recorded at its post-call.
// A copy of an object (assigned, copy-constructed, passed or returned by
// value) carries its source's writes and never-written bytes.
//
// A copy or fill into a source (memcpy, RtlZeroMemory...) writes only its
// destination range, but the analyzer may forget the whole object: the
// never-written bytes outside that range are remembered before the call
// ("holes") and stand in for the store's view of the object afterwards.
//
// The bytes a copy of unknown length certainly moves:
//  - at least the smallest length the path and the length's shape allow
//    (sizeof(header) + n is at least sizeof(header): an unsigned sum or
//    product of a constant that cannot wrap);
//  - all of the source object when the length is, on the path, at least
//    its size (the same value the allocation was made with): then bytes
//    past everything written count too, up to the symbolic end, when the
//    path proves the object is longer than what was written.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "MemoryModel.h"
#include "Refutation.h"
#include "Support.h"
#include "wdfcheck/Catalog.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecordLayout.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/DynamicExtent.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

using namespace clang;
using namespace clang::ento;

// Writes into aggregates and heap buffers: (base region, byte offset) ->
// width in bytes; offset -1 is a write at a symbolic offset (all written).
// The store keeps a bound value but not its width when it is read back
// byte by byte, so the writes are remembered here.
namespace {
struct WriteKey {
  const MemRegion *Base;
  int64_t Offset;
  WriteKey(const MemRegion *Base, int64_t Offset) : Base(Base), Offset(Offset) {}
  bool operator==(const WriteKey &O) const {
    return Base == O.Base && Offset == O.Offset;
  }
  bool operator<(const WriteKey &O) const {
    return Base != O.Base ? Base < O.Base : Offset < O.Offset;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Base);
    ID.AddInteger(Offset);
  }
};

// Bytes [Begin, End) of an object; End == ToEnd: up to the object's end.
constexpr uint64_t ToEnd = UINT64_MAX;
struct ByteRange {
  uint64_t Begin, End;
  bool operator==(const ByteRange &O) const {
    return Begin == O.Begin && End == O.End;
  }
};

// The never-written ranges of an object that a copy or fill into it left
// (sorted, disjoint).
struct Holes {
  std::vector<ByteRange> Ranges;
  bool operator==(const Holes &O) const { return Ranges == O.Ranges; }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    for (const ByteRange &R : Ranges) {
      ID.AddInteger(R.Begin);
      ID.AddInteger(R.End);
    }
  }
  bool contains(uint64_t At) const {
    for (const ByteRange &R : Ranges)
      if (At >= R.Begin && At < R.End)
        return true;
    return false;
  }
};
} // namespace
REGISTER_MAP_WITH_PROGRAMSTATE(WdfWrites, WriteKey, uint64_t)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfHoles, const MemRegion *, Holes)
// The object the copy being evaluated writes into: the analyzer forgetting
// it then is that copy's doing, which its holes account for.
REGISTER_TRAIT_WITH_PROGRAMSTATE(WdfCopyTarget, const MemRegion *)

namespace wdfcheck {
namespace {

// A write of Width bytes at Key; a narrower write at the same offset does
// not unwrite the rest of a wider one.
ProgramStateRef recordWrite(ProgramStateRef State, WriteKey Key,
                            uint64_t Width) {
  if (const uint64_t *Before = State->get<WdfWrites>(Key))
    Width = std::max(Width, *Before);
  return State->set<WdfWrites>(Key, Width);
}

// Copies longer than this are not walked.
constexpr uint64_t MaxWalk = 64 * 1024;

// The bounds of a value read as an unsigned number.
struct Bounds {
  uint64_t Lo, Hi;
};

// A copy to an untrusted destination: what it reads, how much, and how to
// name it in the report.
struct CopyToUser {
  const MemRegion *Source;
  SVal Length;
  const Expr *LengthE; // the length as written, if any
  StringRef Dest;      // "the request's output buffer"
  const Expr *Where;   // the source as written, for the report's range
  QualType SourceType; // the type it points to, where the region has none
};

class UninitDisclosureChecker
    : public Checker<check::PreCall, check::PostCall, check::Bind,
                     check::DeadSymbols, check::RegionChanges> {
public:
  const MemoryModel *Model = nullptr;
  bool ShowFixIts = false;

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkBind(SVal Loc, SVal Val, const Stmt *S, CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  ProgramStateRef
  checkRegionChanges(ProgramStateRef State,
                     const InvalidatedSymbols *Invalidated,
                     ArrayRef<const MemRegion *> ExplicitRegions,
                     ArrayRef<const MemRegion *> Regions,
                     const LocationContext *LCtx, const CallEvent *Call) const;
  ExplodedNode *checkStructAssignment(SVal Loc, SVal Val, const Stmt *S,
                                      CheckerContext &C) const;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM003);

  // The never-written ranges of bytes [Begin, End) of Base (End may be
  // ToEnd), in offsets from Base.
  std::vector<ByteRange> neverWritten(ProgramStateRef State, Store St,
                                      const SubRegion *Base, uint64_t Begin,
                                      uint64_t End, CheckerContext &C) const;
  bool isUntrusted(ProgramStateRef State, const MemRegion *Dest) const;
  // An object copied into bytes [At, At + Width) of Base (a structure
  // assigned, copy-constructed, passed by value): what its source had
  // written.  None when that is not known.
  std::optional<ProgramStateRef> copyObject(ProgramStateRef State,
                                            nonloc::LazyCompoundVal LCV,
                                            const SubRegion *Base, uint64_t At,
                                            uint64_t Width,
                                            CheckerContext &C) const;
  // Width bytes from Source (read through SourceStore) copied to bytes
  // [At, At + Width) of Base: the source's writes and never-written bytes
  // move to Base.  None when the source's writes are not known.
  std::optional<ProgramStateRef>
  copyInto(ProgramStateRef State, const MemRegion *Source, Store SourceStore,
           const SubRegion *Base, uint64_t At, uint64_t Width,
           CheckerContext &C) const;
  // A copy or fill writing Length bytes at Dest: the write and the holes it
  // leaves; a copy from Source carries its never-written bytes.
  ProgramStateRef recordCopy(ProgramStateRef State, const MemRegion *Dest,
                             SVal Length, const MemRegion *Source,
                             CheckerContext &C) const;
  // Reports the never-written bytes the copy moves, read through St.
  // Returns the error node.
  ExplodedNode *check(ProgramStateRef State, Store St, const CopyToUser &Copy,
                      CheckerContext &C) const;
  // The never-written bytes the copy certainly moves, in offsets from its
  // source.
  std::vector<ByteRange> copiedNeverWritten(ProgramStateRef State, Store St,
                                            const CopyToUser &Copy,
                                            CheckerContext &C) const;
  ExplodedNode *report(ProgramStateRef State, const CopyToUser &Copy,
                       const std::vector<ByteRange> &Ranges,
                       CheckerContext &C) const;
  std::optional<FixItHint> zeroFixIt(const CallExpr *Allocation,
                                     CheckerContext &C) const;
};

bool UninitDisclosureChecker::isUntrusted(ProgramStateRef State,
                                          const MemRegion *Dest) const {
  const BufferInfo *Info = Dest ? MemoryModel::buffer(State, Dest) : nullptr;
  return Info && Info->Untrusted;
}

// Whether a variable's initializer writes all of it: an initializer list
// (padding included, as the compilers do for "= {0}"), a scalar, a string.
// A constructor writes what its body and member initializers write: the
// analyzer constructs the object in place, so those writes are in the
// store and in WdfWrites like any other (value-initialisation, "T x{}",
// zeroes the object first; a constructor the analyzer does not inline
// invalidates it, which counts as written).  A structure initialised from
// another object or from a call ("REPLY copy = reply;", "T x = Make();")
// holds what that object had written (copyObject), or what the call's
// body wrote, or is invalidated by a call the analyzer does not follow.
bool isInitialized(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init)
    return false;
  const Expr *E = Init->IgnoreImplicit()->IgnoreParens();
  if (isa<CXXConstructExpr>(E))
    return false;
  return !VD->getType()->isRecordType() ||
         isa<InitListExpr, ImplicitValueInitExpr, CXXParenListInitExpr>(E);
}

// Whether writes to R's base are remembered (see WdfWrites): heap
// buffers, local aggregates and C++ temporaries ("*reply = Reply(status)"
// copies an object a constructor wrote).
bool isRecordedBase(const MemRegion *Base) {
  if (isa<HeapSpaceRegion>(Base->getMemorySpace()))
    return true;
  if (isa<CXXTempObjectRegion, CXXLifetimeExtendedObjectRegion>(Base))
    return true;
  if (const auto *VR = dyn_cast<VarRegion>(Base)) {
    QualType T = VR->getValueType();
    return T->isRecordType() || T->isArrayType();
  }
  return false;
}

// The byte offsets, from the start of an object of class RD, of the
// pointers its constructor stores besides the members: the vtable pointer
// of a dynamic class and, in the Microsoft ABI, the virtual base table
// pointer; for its bases too (virtual bases only in a complete object).
void hiddenPointers(const CXXRecordDecl *RD, uint64_t At, bool Complete,
                    ASTContext &Ctx, SmallVectorImpl<uint64_t> &Out) {
  if (!RD || !RD->hasDefinition() || RD->isInvalidDecl())
    return;
  RD = RD->getDefinition();
  if (!RD->isDynamicClass())
    return;
  const ASTRecordLayout &Layout = Ctx.getASTRecordLayout(RD);
  if (Layout.hasOwnVFPtr())
    Out.push_back(At);
  if (Layout.hasOwnVBPtr())
    Out.push_back(At + Layout.getVBPtrOffset().getQuantity());
  for (const CXXBaseSpecifier &B : RD->bases()) {
    const CXXRecordDecl *BD = B.getType()->getAsCXXRecordDecl();
    if (BD && !B.isVirtual())
      hiddenPointers(BD, At + Layout.getBaseClassOffset(BD).getQuantity(),
                     false, Ctx, Out);
  }
  if (Complete)
    for (const CXXBaseSpecifier &B : RD->vbases())
      if (const CXXRecordDecl *BD = B.getType()->getAsCXXRecordDecl())
        hiddenPointers(BD, At + Layout.getVBaseClassOffset(BD).getQuantity(),
                       false, Ctx, Out);
}

// The largest value of an integer type of Width bits.
uint64_t maxOfWidth(unsigned Width, bool Signed) {
  unsigned Bits = Signed ? Width - 1 : Width;
  return Bits >= 64 ? UINT64_MAX : (uint64_t(1) << Bits) - 1;
}

// Bounds of Sym's value from the path's constraints and from its shape: a
// sum or product of a constant that cannot wrap, a widening cast.  None
// when the value may be negative or does not fit 64 bits.
std::optional<Bounds> boundsOf(ProgramStateRef State, SymbolRef Sym,
                               CheckerContext &C, unsigned Depth = 0) {
  ASTContext &Ctx = C.getASTContext();
  QualType T = Sym->getType();
  if (!T->isIntegralOrEnumerationType() || Ctx.getIntWidth(T) > 64)
    return std::nullopt;
  SValBuilder &SVB = C.getSValBuilder();
  std::optional<Bounds> B;
  nonloc::SymbolVal V(Sym);
  const llvm::APSInt *Min = SVB.getMinValue(State, V);
  const llvm::APSInt *Max = SVB.getMaxValue(State, V);
  if (Min && Max && !(Min->isSigned() && Min->isNegative()))
    B = Bounds{Min->getZExtValue(), Max->getZExtValue()};
  if (Depth > 4)
    return B;

  std::optional<Bounds> Shape;
  uint64_t Limit = maxOfWidth(Ctx.getIntWidth(T), T->isSignedIntegerOrEnumerationType());
  // Operand op Constant, for a monotonic op that does not wrap.
  auto apply = [&](SymbolRef Operand, BinaryOperator::Opcode Op,
                   const llvm::APSInt &K) {
    if (Op != BO_Add && Op != BO_Mul)
      return;
    if (K.isSigned() && K.isNegative())
      return;
    std::optional<Bounds> O = boundsOf(State, Operand, C, Depth + 1);
    if (!O || K.getActiveBits() > 64)
      return;
    uint64_t KV = K.getZExtValue();
    bool Overflow = false;
    uint64_t Hi = Op == BO_Add ? llvm::SaturatingAdd(O->Hi, KV, &Overflow)
                               : llvm::SaturatingMultiply(O->Hi, KV, &Overflow);
    if (Overflow || Hi > Limit)
      return;
    uint64_t Lo = Op == BO_Add ? O->Lo + KV : O->Lo * KV;
    Shape = Bounds{Lo, Hi};
  };
  if (const auto *SIE = dyn_cast<SymIntExpr>(Sym)) {
    apply(SIE->getLHS(), SIE->getOpcode(), SIE->getRHS());
  } else if (const auto *ISE = dyn_cast<IntSymExpr>(Sym)) {
    apply(ISE->getRHS(), ISE->getOpcode(), ISE->getLHS());
  } else if (const auto *Cast = dyn_cast<SymbolCast>(Sym)) {
    // A widening cast keeps a value that is not negative.
    QualType From = Cast->getOperand()->getType();
    if (From->isIntegralOrEnumerationType() &&
        Ctx.getIntWidth(From) <= Ctx.getIntWidth(T))
      Shape = boundsOf(State, Cast->getOperand(), C, Depth + 1);
  }
  if (!Shape)
    return B;
  if (!B)
    return Shape;
  Bounds Both{std::max(B->Lo, Shape->Lo), std::min(B->Hi, Shape->Hi)};
  if (Both.Lo > Both.Hi)
    return B;
  return Both;
}

// Bounds of a length argument.  The analyzer drops integer casts, so a
// value stored in a narrower variable (ULONG n = sizeof(h) + x) may have
// wrapped: its bounds must fit the expression's own type.
std::optional<Bounds> boundsOfLength(ProgramStateRef State, SVal V,
                                     const Expr *E, CheckerContext &C) {
  if (const llvm::APSInt *K = C.getSValBuilder().getKnownValue(State, V)) {
    if (K->isSigned() && K->isNegative())
      return std::nullopt;
    return Bounds{K->getZExtValue(), K->getZExtValue()};
  }
  SymbolRef Sym = V.getAsSymbol();
  if (!Sym)
    return std::nullopt;
  std::optional<Bounds> B = boundsOf(State, Sym, C);
  if (B && E) {
    QualType T = E->IgnoreParenImpCasts()->getType();
    if (T->isIntegralOrEnumerationType() &&
        B->Hi > maxOfWidth(C.getASTContext().getIntWidth(T),
                           T->isSignedIntegerOrEnumerationType()))
      return std::nullopt;
  }
  return B;
}

std::vector<ByteRange>
UninitDisclosureChecker::neverWritten(ProgramStateRef State, Store St,
                                      const SubRegion *Base, uint64_t Begin,
                                      uint64_t End, CheckerContext &C) const {
  std::vector<ByteRange> Ranges;
  if (State->get<WdfWrites>(WriteKey(Base, -1)))
    return Ranges; // written at a symbolic offset: all of it counts
  const Holes *H = State->get<WdfHoles>(Base);
  // An object with an initializer is written as a whole, unless a copy
  // into it since left holes.
  if (const auto *VR = dyn_cast<VarRegion>(Base))
    if (!H && isInitialized(VR->getDecl()))
      return Ranges;
  // Known: where the last recorded write or hole ends.  Every byte past it
  // is in the same state as the first one.
  uint64_t Known = 0;
  bool RestWritten = false;
  for (const auto &Entry : State->get<WdfWrites>()) {
    if (Entry.first.Base != Base || Entry.first.Offset < 0)
      continue;
    uint64_t Offset = Entry.first.Offset;
    if (Entry.second == ToEnd) {
      RestWritten = true;
      Known = std::max(Known, Offset);
    } else {
      Known = std::max(Known, Offset + Entry.second);
    }
  }
  if (H)
    for (const ByteRange &R : H->Ranges)
      Known = std::max(Known, R.End == ToEnd ? R.Begin : R.End);
  uint64_t WalkEnd = std::min(End, Known);
  if (WalkEnd > MaxWalk)
    return Ranges;

  ASTContext &Ctx = C.getASTContext();
  StoreManager &SM = C.getStoreManager();
  MemRegionManager &MRM = SM.getRegionManager();
  SValBuilder &SVB = C.getSValBuilder();
  auto isUnwritten = [&](uint64_t At) {
    if (H)
      return H->contains(At);
    const ElementRegion *Byte =
        MRM.getElementRegion(Ctx.CharTy, SVB.makeArrayIndex(At), Base, Ctx);
    return SM.getBinding(St, loc::MemRegionVal(Byte), Ctx.CharTy).isUndef();
  };
  auto add = [&](uint64_t From, uint64_t To) {
    if (!Ranges.empty() && Ranges.back().End == From)
      Ranges.back().End = To;
    else
      Ranges.push_back({From, To});
  };
  // Writes are found where they start: walk from the object's start.
  for (uint64_t I = 0; I < WalkEnd;) {
    if (const uint64_t *Width = State->get<WdfWrites>(WriteKey(Base, I))) {
      if (*Width == ToEnd)
        break;
      I += std::max<uint64_t>(1, *Width);
      continue;
    }
    if (I >= Begin && isUnwritten(I))
      add(I, I + 1);
    ++I;
  }
  uint64_t Tail = std::max(Begin, Known);
  if (!RestWritten && Tail < End && isUnwritten(Tail))
    add(Tail, End);
  return Ranges;
}

// A copy of an object writes what its source had written: the source's
// recorded writes move to the copy, and its never-written bytes (read in
// the store the copy was made from) become holes of the copy, since the
// store reads a lazily bound copy byte by byte as unknown.  None when the
// source's writes are not known (not a recorded object, written at a
// symbolic offset, initialised as a whole): the copy then counts as
// written, as before.
std::optional<ProgramStateRef> UninitDisclosureChecker::copyObject(
    ProgramStateRef State, nonloc::LazyCompoundVal LCV, const SubRegion *Base,
    uint64_t At, uint64_t Width, CheckerContext &C) const {
  return copyInto(State, LCV.getRegion(), LCV.getStore(), Base, At, Width, C);
}

std::optional<ProgramStateRef> UninitDisclosureChecker::copyInto(
    ProgramStateRef State, const MemRegion *SourceRegion, Store SourceStore,
    const SubRegion *Base, uint64_t At, uint64_t Width,
    CheckerContext &C) const {
  RegionOffset SourceOff = SourceRegion->getAsOffset();
  const auto *Source = dyn_cast_or_null<SubRegion>(SourceOff.getRegion());
  if (!Source || Source == Base || SourceOff.hasSymbolicOffset() ||
      !isRecordedBase(Source) || State->get<WdfWrites>(WriteKey(Source, -1)) ||
      Width > MaxWalk)
    return std::nullopt;
  uint64_t From = SourceOff.getOffset() / 8;
  std::vector<ByteRange> Unwritten =
      neverWritten(State, SourceStore, Source, From, From + Width, C);
  if (Unwritten.empty())
    return std::nullopt; // all of it written: one write of the whole
  // The holes of Base: those before the copy outside its range, and the
  // source's inside.
  Holes After;
  for (const ByteRange &R :
       neverWritten(State, State->getStore(), Base, 0, ToEnd, C)) {
    if (R.Begin < At)
      After.Ranges.push_back({R.Begin, std::min(R.End, At)});
    if (R.End > At + Width)
      After.Ranges.push_back({std::max(R.Begin, At + Width), R.End});
  }
  for (const ByteRange &R : Unwritten)
    After.Ranges.push_back({At + R.Begin - From,
                            R.End == ToEnd ? At + Width : At + R.End - From});
  llvm::sort(After.Ranges, [](const ByteRange &L, const ByteRange &R) {
    return L.Begin < R.Begin;
  });
  State = State->set<WdfHoles>(Base, After);
  // The copy replaces the writes inside its range by the source's: a write
  // that overlaps it keeps only its parts outside.
  for (const auto &Entry : State->get<WdfWrites>()) {
    if (Entry.first.Base != Base || Entry.first.Offset < 0)
      continue;
    uint64_t Begin = Entry.first.Offset;
    uint64_t End = Entry.second == ToEnd ? ToEnd : Begin + Entry.second;
    if (End <= At || Begin >= At + Width)
      continue;
    State = State->remove<WdfWrites>(Entry.first);
    if (Begin < At)
      State = recordWrite(State, WriteKey(Base, Begin), At - Begin);
    if (End > At + Width)
      State = recordWrite(State, WriteKey(Base, At + Width),
                          End == ToEnd ? ToEnd : End - (At + Width));
  }
  // The source's writes, moved.
  for (const auto &Entry : State->get<WdfWrites>()) {
    if (Entry.first.Base != Source)
      continue;
    uint64_t Begin = std::max<uint64_t>(Entry.first.Offset, From);
    uint64_t End = Entry.second == ToEnd
                       ? From + Width
                       : std::min(Entry.first.Offset + Entry.second,
                                  From + Width);
    if (Begin < End)
      State =
          recordWrite(State, WriteKey(Base, At + Begin - From), End - Begin);
  }
  return State;
}

// Remember the offset and width of writes into aggregates and buffers.
void UninitDisclosureChecker::checkBind(SVal Loc, SVal Val, const Stmt *S,
                                        CheckerContext &C) const {
  ExplodedNode *N = checkStructAssignment(Loc, Val, S, C);
  if (!N)
    N = C.getPredecessor();
  const MemRegion *R = Loc.getAsRegion();
  if (!R)
    return;
  RegionOffset Off = R->getAsOffset();
  const MemRegion *Base = Off.getRegion();
  if (!Base || !isRecordedBase(Base))
    return;
  ProgramStateRef State = C.getState();
  if (Off.hasSymbolicOffset()) {
    C.addTransition(State->set<WdfWrites>(WriteKey(Base, -1), 0), N);
    return;
  }
  const auto *TR = dyn_cast<TypedValueRegion>(R);
  if (!TR || TR->getValueType()->isIncompleteType())
    return;
  uint64_t Width =
      C.getASTContext().getTypeSizeInChars(TR->getValueType()).getQuantity();
  uint64_t At = Off.getOffset() / 8;
  if (auto LCV = Val.getAs<nonloc::LazyCompoundVal>())
    if (std::optional<ProgramStateRef> Copied =
            copyObject(State, *LCV, cast<SubRegion>(Base), At, Width, C)) {
      C.addTransition(*Copied, N);
      return;
    }
  C.addTransition(recordWrite(State, WriteKey(Base, At), Width), N);
}

// A constructor also writes the vtable pointers of the object it builds;
// the store never shows them.  (Its member writes are bindings when its
// body is analysed; when it is not, the object is invalidated: written.)
void UninitDisclosureChecker::checkPostCall(const CallEvent &Call,
                                            CheckerContext &C) const {
  const auto *Ctor = dyn_cast<AnyCXXConstructorCall>(&Call);
  if (!Ctor)
    return;
  const auto *Decl = dyn_cast_or_null<CXXConstructorDecl>(Call.getDecl());
  const MemRegion *This = Ctor->getCXXThisVal().getAsRegion();
  if (!Decl || !This)
    return;
  RegionOffset Off = This->getAsOffset();
  const MemRegion *Base = Off.getRegion();
  if (!Base || Off.hasSymbolicOffset() || !isRecordedBase(Base))
    return;
  // An inherited constructor builds a base.
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Call.getOriginExpr());
  bool Complete =
      CE && CE->getConstructionKind() == CXXConstructionKind::Complete;
  ASTContext &Ctx = C.getASTContext();
  SmallVector<uint64_t, 2> Pointers;
  hiddenPointers(Decl->getParent(), Off.getOffset() / 8, Complete, Ctx,
                 Pointers);
  if (Pointers.empty())
    return;
  uint64_t Width = Ctx.getTypeSizeInChars(Ctx.VoidPtrTy).getQuantity();
  ProgramStateRef State = C.getState();
  for (uint64_t At : Pointers)
    State = recordWrite(State, WriteKey(Base, At), Width);
  C.addTransition(State);
}

ProgramStateRef UninitDisclosureChecker::recordCopy(ProgramStateRef State,
                                                    const MemRegion *Dest,
                                                    SVal Length,
                                                    const MemRegion *Source,
                                                    CheckerContext &C) const {
  RegionOffset Off = Dest ? Dest->getAsOffset() : RegionOffset();
  const auto *Base = dyn_cast_or_null<SubRegion>(Off.getRegion());
  if (!Base || !isRecordedBase(Base))
    return State;
  State = State->set<WdfCopyTarget>(Base);
  if (Off.hasSymbolicOffset())
    return State->set<WdfWrites>(WriteKey(Base, -1), 0);
  uint64_t At = Off.getOffset() / 8;
  // At most this many bytes are written; more than the walk covers: the
  // rest of the object.
  uint64_t Width = ToEnd;
  std::optional<Bounds> B = boundsOfLength(State, Length, nullptr, C);
  if (B && B->Hi <= MaxWalk)
    Width = B->Hi;
  // A copy of a known length moves its source's never-written bytes.
  if (Source && B && B->Lo == B->Hi && Width != ToEnd)
    if (std::optional<ProgramStateRef> Copied =
            copyInto(State, Source, State->getStore(), Base, At, Width, C))
      return *Copied;
  std::vector<ByteRange> Before =
      neverWritten(State, State->getStore(), Base, 0, ToEnd, C);
  Holes After;
  uint64_t WriteEnd = Width == ToEnd ? ToEnd : At + Width;
  for (const ByteRange &R : Before) {
    if (R.Begin < At)
      After.Ranges.push_back({R.Begin, std::min(R.End, At)});
    if (WriteEnd != ToEnd && R.End > WriteEnd)
      After.Ranges.push_back({std::max(R.Begin, WriteEnd), R.End});
  }
  State = After.Ranges.empty() ? State->remove<WdfHoles>(Base)
                               : State->set<WdfHoles>(Base, After);
  return recordWrite(State, WriteKey(Base, At), Width);
}

// An object the analyzer forgets for another reason than the copy being
// evaluated (a call it does not analyse) counts as written: its holes go.
// Bindings (no invalidated symbols) are recorded by checkBind.
ProgramStateRef UninitDisclosureChecker::checkRegionChanges(
    ProgramStateRef State, const InvalidatedSymbols *Invalidated,
    ArrayRef<const MemRegion *> ExplicitRegions,
    ArrayRef<const MemRegion *> Regions, const LocationContext *LCtx,
    const CallEvent *Call) const {
  if (!Invalidated || State->get<WdfHoles>().isEmpty())
    return State;
  const MemRegion *Target = State->get<WdfCopyTarget>();
  for (const MemRegion *R : Regions) {
    const MemRegion *Base = R->getBaseRegion();
    if (Base != Target && State->get<WdfHoles>(Base))
      State = State->remove<WdfHoles>(Base);
  }
  return State;
}

void UninitDisclosureChecker::checkDeadSymbols(SymbolReaper &SR,
                                               CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  // A local aggregate is read after the point where liveness calls it dead
  // (the read is an earlier CFG element than the copy using it): keep its
  // writes while its stack frame is active.
  auto dead = [&](const MemRegion *Base) {
    return !MemoryModel::inActiveFrame(Base, C.getStackFrame()) &&
           !SR.isLiveRegion(Base);
  };
  for (const auto &Entry : State->get<WdfWrites>())
    if (dead(Entry.first.Base))
      State = State->remove<WdfWrites>(Entry.first);
  for (const auto &Entry : State->get<WdfHoles>())
    if (dead(Entry.first))
      State = State->remove<WdfHoles>(Entry.first);
  if (const MemRegion *Target = State->get<WdfCopyTarget>())
    if (dead(Target))
      State = State->remove<WdfCopyTarget>();
  if (State != C.getState())
    C.addTransition(State);
}

// "bytes 4-7 and 12-15", "byte 3", "bytes 16 to the end"
std::string describeRanges(const std::vector<ByteRange> &Ranges) {
  std::string Text;
  size_t Shown = std::min<size_t>(Ranges.size(), 4);
  uint64_t Count = 0;
  for (const ByteRange &R : Ranges)
    Count += R.End == ToEnd ? 2 : R.End - R.Begin;
  Text = Count == 1 ? "byte " : "bytes ";
  for (size_t I = 0; I < Shown; ++I) {
    if (I > 0)
      Text += I + 1 == Shown && Shown == Ranges.size() ? " and " : ", ";
    const ByteRange &R = Ranges[I];
    if (R.End == ToEnd)
      Text += std::to_string(R.Begin) + " to the end";
    else
      Text += R.End - R.Begin == 1
                  ? std::to_string(R.Begin)
                  : std::to_string(R.Begin) + "-" + std::to_string(R.End - 1);
  }
  if (Shown < Ranges.size())
    Text += " and more";
  return Text;
}

// What byte At of an object of type T is, as "'Member' never assigned" or
// "struct padding after 'Member'", the member named by its path from the
// object ("Counters.Errors", "Items[1].Flags"); members of base classes
// by their own names.  Empty where it is neither (a scalar, past the end).
std::string describeByte(QualType T, uint64_t At, const std::string &Path,
                         ASTContext &Ctx, unsigned Depth = 0) {
  if (T.isNull() || T->isIncompleteType() || T->isDependentType() ||
      Depth > 8)
    return "";
  uint64_t Size = Ctx.getTypeSizeInChars(T).getQuantity();
  if (At >= Size)
    return "";
  if (const ConstantArrayType *AT = Ctx.getAsConstantArrayType(T)) {
    QualType E = AT->getElementType();
    uint64_t ESize = Ctx.getTypeSizeInChars(E).getQuantity();
    if (Path.empty() || !E->isRecordType() || ESize == 0)
      return Path.empty() ? "" : "'" + Path + "' never assigned";
    return describeByte(E, At % ESize,
                        Path + "[" + std::to_string(At / ESize) + "]", Ctx,
                        Depth + 1);
  }
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD) // a scalar member
    return Path.empty() ? "" : "'" + Path + "' never assigned";
  if (!RD->isCompleteDefinition() || RD->isInvalidDecl())
    return "";
  const ASTRecordLayout &Layout = Ctx.getASTRecordLayout(RD);
  auto member = [&](StringRef Name) {
    return Path.empty() ? Name.str() : Path + "." + Name.str();
  };
  // Bases first: their members keep their own names.
  std::string Previous;
  uint64_t PreviousEnd = 0;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    for (const CXXBaseSpecifier &B : CRD->bases()) {
      const CXXRecordDecl *BD = B.getType()->getAsCXXRecordDecl();
      if (!BD || B.isVirtual() || !BD->hasDefinition())
        continue;
      uint64_t Begin = Layout.getBaseClassOffset(BD).getQuantity();
      uint64_t End =
          Begin + Ctx.getASTRecordLayout(BD).getDataSize().getQuantity();
      if (At >= Begin && At < End)
        return describeByte(B.getType(), At - Begin, Path, Ctx, Depth + 1);
      if (End <= At && End >= PreviousEnd && End > Begin) {
        Previous = "base '" + BD->getName().str() + "'";
        PreviousEnd = End;
      }
    }
  for (const FieldDecl *FD : RD->fields()) {
    if (FD->isZeroSize(Ctx))
      continue;
    uint64_t Begin = Layout.getFieldOffset(FD->getFieldIndex()) / 8;
    uint64_t End = Begin + Ctx.getTypeSizeInChars(FD->getType()).getQuantity();
    if (FD->isBitField()) {
      uint64_t Bit = Layout.getFieldOffset(FD->getFieldIndex()) % 8;
      End = Begin + llvm::divideCeil(Bit + FD->getBitWidthValue(Ctx), 8);
    }
    if (At >= Begin && At < End) {
      if (!FD->getIdentifier())
        return "";
      return describeByte(FD->getType(), At - Begin, member(FD->getName()),
                          Ctx, Depth + 1);
    }
    if (End <= At && End >= PreviousEnd) {
      Previous = FD->getIdentifier()
                     ? "'" + member(FD->getName()) + "'"
                     : std::string();
      PreviousEnd = End;
    }
  }
  if (Previous.empty())
    return "";
  return "struct padding after " + Previous;
}

// "struct padding after 'Status'", "'Reserved' never assigned" for the
// first range, when the source is a structure (its region's type, or the
// type the copy's source expression points to).
std::string describeLayout(QualType T, const ByteRange &First,
                           ASTContext &Ctx) {
  if (T.isNull() || !T->getAsRecordDecl())
    return "";
  return describeByte(T, First.Begin, "", Ctx);
}

// The expression an out-pointer argument names: &buffer -> "buffer".
std::optional<StringRef> addressedName(const Expr *E) {
  const auto *Addr = dyn_cast_or_null<UnaryOperator>(E ? E->IgnoreParenCasts() : nullptr);
  if (!Addr || Addr->getOpcode() != UO_AddrOf)
    return std::nullopt;
  const auto *DRE = dyn_cast<DeclRefExpr>(Addr->getSubExpr()->IgnoreParens());
  if (!DRE || !DRE->getDecl()->getIdentifier())
    return std::nullopt;
  return DRE->getDecl()->getName();
}

// "RtlZeroMemory(buffer, size);" after the allocation, or after the status
// check that follows it (the buffer is NULL on failure), when the buffer
// variable and the size are written out at the call.
std::optional<FixItHint>
UninitDisclosureChecker::zeroFixIt(const CallExpr *Allocation,
                                   CheckerContext &C) const {
  if (!Allocation)
    return std::nullopt;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Allocation->getCalleeDecl());
  const DdiInfo *D = nullptr;
  for (int I = 0; I < WDF_DDI_COUNT && FD && FD->getIdentifier(); ++I)
    if (FD->getName() == ddi(static_cast<wdf_ddi_id>(I)).Name)
      D = &ddi(static_cast<wdf_ddi_id>(I));
  if (!D || D->Family != WDF_FAMILY_MEMORY_CREATE || D->OutBufArg < 0 ||
      D->SizeArg < 0 || Allocation->getNumArgs() <= (unsigned)D->OutBufArg)
    return std::nullopt;
  std::optional<StringRef> Buffer =
      addressedName(Allocation->getArg(D->OutBufArg));
  const Expr *SizeE = Allocation->getArg(D->SizeArg);
  const SourceManager &SM = C.getSourceManager();
  // The size as written (also inside a macro argument such as NT_SUCCESS's).
  auto written = [&](SourceLocation L) {
    return SM.isMacroArgExpansion(L) ? SM.getSpellingLoc(L) : L;
  };
  SourceLocation SizeBegin = written(SizeE->getBeginLoc());
  SourceLocation SizeEnd = written(SizeE->getEndLoc());
  if (!Buffer || !SizeBegin.isFileID() || !SizeEnd.isFileID() ||
      SizeE->HasSideEffects(C.getASTContext()))
    return std::nullopt;
  StringRef Size = Lexer::getSourceText(
      CharSourceRange::getTokenRange(SizeBegin, SizeEnd), SM, C.getLangOpts());
  return insertStatement(
      Allocation, ("RtlZeroMemory(" + *Buffer + ", " + Size + ");").str(),
      InsertAt::AfterStatusCheck, C.getLocationContext()->getParentMap(), SM,
      C.getLangOpts());
}

// The end of the bytes a copy certainly moves from byte Begin of Base, its
// source (ToEnd: up to its symbolic end).
uint64_t copiedEnd(ProgramStateRef State, const CopyToUser &Copy,
                   const SubRegion *Base, uint64_t Begin, CheckerContext &C) {
  ASTContext &Ctx = C.getASTContext();
  SValBuilder &SVB = C.getSValBuilder();
  std::optional<Bounds> B = boundsOfLength(State, Copy.Length, Copy.LengthE, C);
  bool Overflow = false;
  // At least the smallest length the path allows...
  uint64_t End = llvm::SaturatingAdd(Begin, B ? B->Lo : 0, &Overflow);
  DefinedOrUnknownSVal Extent = getDynamicExtent(State, Base, SVB);
  const llvm::APSInt *Size = SVB.getKnownValue(State, Extent);
  // A length held in a narrower type than the analyzer's value of it may
  // have wrapped (the analyzer drops truncations): its comparisons count
  // only when its bounds fit that type.
  bool Trusted = B.has_value();
  if (!Trusted) {
    SymbolRef Sym = Copy.Length.getAsSymbol();
    QualType T = Copy.LengthE ? Copy.LengthE->IgnoreParenImpCasts()->getType()
                              : QualType();
    Trusted = Sym && (T.isNull() || !T->isIntegralOrEnumerationType() ||
                      Ctx.getIntWidth(T) >= Ctx.getIntWidth(Sym->getType()));
  }
  if (Trusted && (!B || B->Lo != B->Hi)) {
    if (Size && End > Size->getZExtValue())
      End = Size->getZExtValue();
    // ... and all of the object when the length reaches its end.
    QualType SizeTy = Ctx.getSizeType();
    SVal Reach = Begin == 0
                     ? Copy.Length
                     : SVB.evalBinOp(State, BO_Add, Copy.Length,
                                     SVB.makeIntVal(Begin, SizeTy), SizeTy);
    if (auto Covers = SVB.evalBinOp(State, BO_GE, Reach, Extent,
                                    SVB.getConditionType())
                          .getAs<DefinedOrUnknownSVal>()) {
      auto [Yes, No] = State->assume(*Covers);
      if (Yes && !No)
        End = Size ? std::max(End, Size->getZExtValue()) : ToEnd;
    }
  }
  return End;
}

// Whether Base is certainly longer than From bytes.
bool isLongerThan(ProgramStateRef State, const SubRegion *Base, uint64_t From,
                  CheckerContext &C) {
  SValBuilder &SVB = C.getSValBuilder();
  DefinedOrUnknownSVal Extent = getDynamicExtent(State, Base, SVB);
  if (SymbolRef ExtentSym = Extent.getAsSymbol())
    if (std::optional<Bounds> EB = boundsOf(State, ExtentSym, C))
      if (EB->Lo > From)
        return true;
  auto Beyond =
      SVB.evalBinOp(State, BO_GT, Extent,
                    SVB.makeIntVal(From, C.getASTContext().getSizeType()),
                    SVB.getConditionType())
          .getAs<DefinedOrUnknownSVal>();
  if (!Beyond)
    return false;
  auto [Yes, No] = State->assume(*Beyond);
  return Yes && !No;
}

std::vector<ByteRange>
UninitDisclosureChecker::copiedNeverWritten(ProgramStateRef State, Store St,
                                            const CopyToUser &Copy,
                                            CheckerContext &C) const {
  if (!Copy.Source)
    return {};
  RegionOffset Off = Copy.Source->getAsOffset();
  const auto *Base = dyn_cast_or_null<SubRegion>(Off.getRegion());
  if (!Base || Off.hasSymbolicOffset())
    return {};
  uint64_t Begin = Off.getOffset() / 8;
  uint64_t End = copiedEnd(State, Copy, Base, Begin, C);
  if (End <= Begin)
    return {};
  std::vector<ByteRange> Ranges = neverWritten(State, St, Base, Begin, End, C);
  // Bytes up to a symbolic end count only where the object is certainly
  // longer than what was written.
  if (!Ranges.empty() && Ranges.back().End == ToEnd &&
      !isLongerThan(State, Base, Ranges.back().Begin, C))
    Ranges.pop_back();
  for (ByteRange &R : Ranges) {
    R.Begin -= Begin;
    if (R.End != ToEnd)
      R.End -= Begin;
  }
  return Ranges;
}

ExplodedNode *
UninitDisclosureChecker::report(ProgramStateRef State, const CopyToUser &Copy,
                                const std::vector<ByteRange> &Ranges,
                                CheckerContext &C) const {
  ExplodedNode *N = C.generateNonFatalErrorNode(State);
  if (!N)
    return nullptr;
  const MemRegion *Source = Copy.Source;
  std::string Name = Source->getBaseRegion()->getDescriptiveName();
  if (Name.empty())
    if (const BufferInfo *Info = MemoryModel::buffer(State, Source))
      Name = std::string("the buffer from ") + ddi(Info->Ddi).Name;
  const MemRegion *SourceBase = Source->getBaseRegion();
  if (Name.empty() &&
      isa<CXXTempObjectRegion, CXXLifetimeExtendedObjectRegion>(SourceBase))
    Name = "the temporary '" +
           cast<TypedValueRegion>(SourceBase)->getValueType().getAsString() +
           "'";
  if (Name.empty())
    Name = "the source";
  QualType SourceType = Copy.SourceType;
  if (const auto *TR = dyn_cast<TypedValueRegion>(Source))
    SourceType = TR->getValueType();
  std::string Layout =
      describeLayout(SourceType, Ranges.front(), C.getASTContext());
  std::string Msg = llvm::formatv(
      "{0} of {1} were never written{2} and are copied to {3}: they disclose "
      "kernel memory to user mode; zero the source first (RtlZeroMemory) or "
      "copy only what was written",
      describeRanges(Ranges), Name, Layout.empty() ? "" : " (" + Layout + ")",
      Copy.Dest);
  auto R = makeReport(Bug, Msg, N);
  if (const auto *SR = dyn_cast<SymbolicRegion>(Source->getBaseRegion()))
    R->markInteresting(SR->getSymbol());
  R->markInteresting(Source->getBaseRegion());
  if (Copy.Where)
    R->addRange(Copy.Where->getSourceRange());
  if (ShowFixIts)
    if (const BufferInfo *Info = MemoryModel::buffer(State, Source))
      if (std::optional<FixItHint> Fix = zeroFixIt(Info->Allocation, C))
        R->addFixItHint(*Fix);
  C.emitReport(std::move(R));
  return N;
}

ExplodedNode *UninitDisclosureChecker::check(ProgramStateRef State, Store St,
                                             const CopyToUser &Copy,
                                             CheckerContext &C) const {
  std::vector<ByteRange> Ranges = copiedNeverWritten(State, St, Copy, C);
  if (Ranges.empty())
    return nullptr;
  return report(State, Copy, Ranges, C);
}

// Byte Offset of a memory object's buffer.
const MemRegion *atOffset(const MemRegion *Buffer, SVal Offset,
                          CheckerContext &C) {
  const auto *Base = dyn_cast_or_null<SubRegion>(Buffer);
  auto Index = Offset.getAs<NonLoc>();
  if (!Base || !Index)
    return nullptr;
  ASTContext &Ctx = C.getASTContext();
  return C.getStoreManager().getRegionManager().getElementRegion(
      Ctx.CharTy, *Index, Base, Ctx);
}

void UninitDisclosureChecker::checkPreCall(const CallEvent &Call,
                                           CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  const CopyInfo *Copy = Model->matchCopy(Call);
  if (!Copy) {
    if (State->get<WdfCopyTarget>())
      C.addTransition(State->remove<WdfCopyTarget>());
    return;
  }
  SVal LengthVal = Call.getArgSVal(Copy->SizeArg);
  // What the call writes.
  const MemRegion *Written = nullptr;
  if (Copy->Kind == WDF_COPY_PTR_TO_MEMORY) {
    if (const MemObject *Obj = MemoryModel::object(
            State, MemoryModel::handleOf(Call.getArgSVal(Copy->DestArg))))
      Written = atOffset(Obj->buffer(), Call.getArgSVal(Copy->OffsetArg), C);
  } else {
    Written = Call.getArgSVal(Copy->DestArg).getAsRegion();
  }
  // What it reads.
  const MemRegion *Read = nullptr;
  if (Copy->Kind == WDF_COPY_MEMORY_TO_PTR) {
    if (const MemObject *Obj = MemoryModel::object(
            State, MemoryModel::handleOf(Call.getArgSVal(Copy->SrcArg))))
      Read = atOffset(Obj->buffer(), Call.getArgSVal(Copy->OffsetArg), C);
  } else if (Copy->SrcArg >= 0) {
    Read = Call.getArgSVal(Copy->SrcArg).getAsRegion();
  }
  ProgramStateRef Next =
      recordCopy(State->remove<WdfCopyTarget>(), Written, LengthVal, Read, C);

  // What it discloses.
  // A fill (RtlZeroMemory) has no source argument.
  auto ArgExpr = [&](int Arg) {
    return Arg >= 0 ? Call.getArgExpr(Arg) : nullptr;
  };
  CopyToUser ToUser{nullptr,          LengthVal, ArgExpr(Copy->SizeArg),
                    "",               ArgExpr(Copy->SrcArg), QualType()};
  switch (Copy->Kind) {
  case WDF_COPY_PTR_TO_PTR:
    if (isUntrusted(State, Call.getArgSVal(Copy->DestArg).getAsRegion())) {
      ToUser.Dest = "the request's output buffer";
      ToUser.Source = Call.getArgSVal(Copy->SrcArg).getAsRegion();
    }
    break;
  case WDF_COPY_MEMORY_TO_PTR:
    // WdfMemoryCopyToBuffer: the source object's buffer, from the offset.
    if (isUntrusted(State, Call.getArgSVal(Copy->DestArg).getAsRegion())) {
      ToUser.Dest = "the request's output buffer";
      if (const MemObject *Obj = MemoryModel::object(
              State, MemoryModel::handleOf(Call.getArgSVal(Copy->SrcArg))))
        ToUser.Source =
            atOffset(Obj->buffer(), Call.getArgSVal(Copy->OffsetArg), C);
    }
    break;
  case WDF_COPY_PTR_TO_MEMORY: {
    // WdfMemoryCopyFromBuffer into the request's output memory.
    const MemObject *Obj = MemoryModel::object(
        State, MemoryModel::handleOf(Call.getArgSVal(Copy->DestArg)));
    if (Obj && isUntrusted(State, Obj->buffer())) {
      ToUser.Dest = "the request's output memory";
      ToUser.Source = Call.getArgSVal(Copy->SrcArg).getAsRegion();
    }
    break;
  }
  case WDF_COPY_FILL:
    break;
  }
  ExplodedNode *N = nullptr;
  if (ToUser.Source) {
    if (Copy->Kind != WDF_COPY_MEMORY_TO_PTR && ToUser.Where)
      ToUser.SourceType =
          ToUser.Where->IgnoreParenCasts()->getType()->getPointeeType();
    N = check(State, State->getStore(), ToUser, C);
  }
  C.addTransition(Next, N ? N : C.getPredecessor());
}

// A structure assigned into the output buffer: *Reply = Local.
ExplodedNode *UninitDisclosureChecker::checkStructAssignment(
    SVal Loc, SVal Val, const Stmt *S, CheckerContext &C) const {
  auto LCV = Val.getAs<nonloc::LazyCompoundVal>();
  if (!LCV || !isUntrusted(C.getState(), Loc.getAsRegion()))
    return nullptr;
  const TypedValueRegion *Source = LCV->getRegion();
  QualType T = Source->getValueType();
  if (T->isIncompleteType())
    return nullptr;
  uint64_t Size = C.getASTContext().getTypeSizeInChars(T).getQuantity();
  CopyToUser ToUser{
      Source,
      C.getSValBuilder().makeIntVal(Size, C.getASTContext().getSizeType()),
      nullptr,
      "the request's output buffer",
      dyn_cast_or_null<Expr>(S),
      T};
  return check(C.getState(), LCV->getStore(), ToUser, C);
}

} // namespace

void registerUninitDisclosureChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<UninitDisclosureChecker>();
  Checker->Model = Mgr.getChecker<MemoryModel>();
  Checker->ShowFixIts = Mgr.getAnalyzerOptions().getCheckerBooleanOption(
      Checker, ShowFixItsOption);
}

bool shouldRegisterUninitDisclosureChecker(const CheckerManager &) {
  return true;
}

} // namespace wdfcheck
