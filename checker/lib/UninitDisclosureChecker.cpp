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
// a write at a symbolic offset, an object with an initializer) counts as
// written, and a copy of unknown length is walked only up to the smallest
// length the path allows: precision over recall.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "MemoryModel.h"
#include "wdfcheck/Catalog.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecordLayout.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/Support/FormatVariadic.h"

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
} // namespace
REGISTER_MAP_WITH_PROGRAMSTATE(WdfWrites, WriteKey, uint64_t)

namespace wdfcheck {
namespace {

// Copies longer than this are not walked.
constexpr uint64_t MaxWalk = 64 * 1024;

struct ByteRange {
  uint64_t Begin, End; // [Begin, End)
};

class UninitDisclosureChecker
    : public Checker<check::PreCall, check::Bind, check::DeadSymbols> {
public:
  const MemoryModel *Model = nullptr;
  bool ShowFixIts = false;

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkBind(SVal Loc, SVal Val, const Stmt *S, CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  void checkStructAssignment(SVal Loc, SVal Val, const Stmt *S,
                             CheckerContext &C) const;

private:
  const BugType Bug{this, "Never-written bytes copied to user mode",
                    "WDF memory rules"};

  // The never-written ranges of [Offset, Offset+Length) of Source.
  std::vector<ByteRange> unwritten(ProgramStateRef State, Store St,
                                   const MemRegion *Source, uint64_t Length,
                                   CheckerContext &C) const;
  bool isUntrusted(ProgramStateRef State, const MemRegion *Dest) const;
  void check(Store St, const MemRegion *Source, uint64_t Length,
             StringRef Dest, const Expr *Where, CheckerContext &C) const;
  std::optional<FixItHint> zeroFixIt(const CallExpr *Allocation,
                                     CheckerContext &C) const;
};

bool UninitDisclosureChecker::isUntrusted(ProgramStateRef State,
                                          const MemRegion *Dest) const {
  const BufferInfo *Info = Dest ? MemoryModel::buffer(State, Dest) : nullptr;
  return Info && Info->Untrusted;
}

// Whether a variable's initializer writes it (C++'s trivial default
// construction of "T x;" does not).
bool isInitialized(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init)
    return false;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()))
    return !(CE->getConstructor()->isTrivial() && CE->getNumArgs() == 0 &&
             !CE->requiresZeroInitialization());
  return true;
}

// Whether writes to R's base are remembered (see WdfWrites).
bool isRecordedBase(const MemRegion *Base) {
  if (isa<HeapSpaceRegion>(Base->getMemorySpace()))
    return true;
  if (const auto *VR = dyn_cast<VarRegion>(Base)) {
    QualType T = VR->getValueType();
    return T->isRecordType() || T->isArrayType();
  }
  return false;
}

std::vector<ByteRange>
UninitDisclosureChecker::unwritten(ProgramStateRef State, Store St,
                                   const MemRegion *Source, uint64_t Length,
                                   CheckerContext &C) const {
  std::vector<ByteRange> Ranges;
  RegionOffset Off = Source->getAsOffset();
  if (Off.hasSymbolicOffset() || !Off.getRegion())
    return Ranges;
  const auto *Base = dyn_cast<SubRegion>(Off.getRegion());
  if (!Base)
    return Ranges;
  // An object with an initializer is written as a whole (padding included,
  // as the compilers do for "= {0}").
  if (const auto *VR = dyn_cast<VarRegion>(Base))
    if (isInitialized(VR->getDecl()))
      return Ranges;
  if (State->get<WdfWrites>(WriteKey(Base, -1)))
    return Ranges; // written at a symbolic offset: all of it counts
  ASTContext &Ctx = C.getASTContext();
  StoreManager &SM = C.getStoreManager();
  MemRegionManager &MRM = SM.getRegionManager();
  SValBuilder &SVB = C.getSValBuilder();
  uint64_t Start = Off.getOffset() / 8;
  for (uint64_t I = 0; I < Length;) {
    uint64_t At = Start + I;
    if (const uint64_t *Width = State->get<WdfWrites>(WriteKey(Base, At))) {
      I += std::max<uint64_t>(1, *Width);
      continue;
    }
    const ElementRegion *Byte =
        MRM.getElementRegion(Ctx.CharTy, SVB.makeArrayIndex(At), Base, Ctx);
    SVal V = SM.getBinding(St, loc::MemRegionVal(Byte), Ctx.CharTy);
    if (V.isUndef()) {
      if (!Ranges.empty() && Ranges.back().End == I)
        Ranges.back().End = I + 1;
      else
        Ranges.push_back({I, I + 1});
    }
    ++I;
  }
  return Ranges;
}

// Remember the offset and width of writes into aggregates and buffers.
void UninitDisclosureChecker::checkBind(SVal Loc, SVal Val, const Stmt *S,
                                        CheckerContext &C) const {
  checkStructAssignment(Loc, Val, S, C);
  const MemRegion *R = Loc.getAsRegion();
  if (!R)
    return;
  RegionOffset Off = R->getAsOffset();
  const MemRegion *Base = Off.getRegion();
  if (!Base || !isRecordedBase(Base))
    return;
  ProgramStateRef State = C.getState();
  if (Off.hasSymbolicOffset()) {
    C.addTransition(State->set<WdfWrites>(WriteKey(Base, -1), 0));
    return;
  }
  const auto *TR = dyn_cast<TypedValueRegion>(R);
  if (!TR || TR->getValueType()->isIncompleteType())
    return;
  uint64_t Width =
      C.getASTContext().getTypeSizeInChars(TR->getValueType()).getQuantity();
  C.addTransition(State->set<WdfWrites>(WriteKey(Base, Off.getOffset() / 8), Width));
}

void UninitDisclosureChecker::checkDeadSymbols(SymbolReaper &SR,
                                               CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  // A local aggregate is read after the point where liveness calls it dead
  // (the read is an earlier CFG element than the copy using it): keep its
  // writes while its stack frame is active.
  for (const auto &Entry : State->get<WdfWrites>())
    if (!MemoryModel::inActiveFrame(Entry.first.Base, C.getStackFrame()) &&
        !SR.isLiveRegion(Entry.first.Base))
      State = State->remove<WdfWrites>(Entry.first);
  if (State != C.getState())
    C.addTransition(State);
}

// "bytes 4-7 and 12-15", "byte 3"
std::string describeRanges(const std::vector<ByteRange> &Ranges) {
  std::string Text;
  size_t Shown = std::min<size_t>(Ranges.size(), 4);
  uint64_t Count = 0;
  for (const ByteRange &R : Ranges)
    Count += R.End - R.Begin;
  Text = Count == 1 ? "byte " : "bytes ";
  for (size_t I = 0; I < Shown; ++I) {
    if (I > 0)
      Text += I + 1 == Shown && Shown == Ranges.size() ? " and " : ", ";
    const ByteRange &R = Ranges[I];
    Text += R.End - R.Begin == 1
                ? std::to_string(R.Begin)
                : std::to_string(R.Begin) + "-" + std::to_string(R.End - 1);
  }
  if (Shown < Ranges.size())
    Text += " and more";
  return Text;
}

// "struct padding after 'Status'", "'Reserved'" for the first range, when
// the source is a structure.
std::string describeLayout(const MemRegion *Source, const ByteRange &First,
                           ASTContext &Ctx) {
  const auto *TR = dyn_cast<TypedValueRegion>(Source);
  const RecordDecl *RD =
      TR ? TR->getValueType()->getAsRecordDecl() : nullptr;
  if (!RD || !RD->isCompleteDefinition() || RD->isInvalidDecl())
    return "";
  const ASTRecordLayout &Layout = Ctx.getASTRecordLayout(RD);
  const FieldDecl *Previous = nullptr;
  for (const FieldDecl *FD : RD->fields()) {
    uint64_t Begin = Layout.getFieldOffset(FD->getFieldIndex()) / 8;
    uint64_t End = Begin + Ctx.getTypeSizeInChars(FD->getType()).getQuantity();
    if (First.Begin >= Begin && First.Begin < End)
      return ("'" + FD->getName() + "' never assigned").str();
    if (First.Begin < Begin)
      break;
    Previous = FD;
  }
  if (Previous)
    return ("struct padding after '" + Previous->getName() + "'").str();
  return "";
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
  // The statement of the enclosing block that holds the allocation; when
  // the next one checks the status, zero after that check.
  const Decl *Owner = C.getLocationContext()->getDecl();
  const auto *Body = Owner ? dyn_cast_or_null<CompoundStmt>(Owner->getBody()) : nullptr;
  if (!Body)
    return std::nullopt;
  ParentMap PM(const_cast<CompoundStmt *>(Body));
  const Stmt *S = Allocation;
  const Stmt *Parent = PM.getParent(S);
  while (Parent && !isa<CompoundStmt>(Parent)) {
    S = Parent;
    Parent = PM.getParent(S);
  }
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Parent);
  if (!Block)
    return std::nullopt;
  const Stmt *After = S;
  if (!isa<IfStmt>(S)) {
    auto It = llvm::find(Block->body(), S);
    if (It != Block->body_end() && std::next(It) != Block->body_end() &&
        isa<IfStmt>(*std::next(It)))
      After = *std::next(It);
  }
  SourceLocation End = After->getEndLoc();
  if (!End.isFileID())
    return std::nullopt;
  SourceLocation Insert =
      Lexer::getLocForEndOfToken(End, 0, SM, C.getLangOpts());
  Token Last;
  if (Lexer::getRawToken(End, Last, SM, C.getLangOpts()))
    return std::nullopt;
  if (Last.isNot(tok::r_brace)) {
    // Past the statement's semicolon.
    std::optional<Token> Semi = Lexer::findNextToken(End, SM, C.getLangOpts());
    if (!Semi || Semi->isNot(tok::semi))
      return std::nullopt;
    Insert = Semi->getEndLoc();
  }
  unsigned Column = SM.getSpellingColumnNumber(S->getBeginLoc());
  std::string Indent(Column > 0 ? Column - 1 : 0, ' ');
  return FixItHint::CreateInsertion(
      Insert, ("\n" + Indent + "RtlZeroMemory(" + *Buffer + ", " + Size + ");")
                  .str());
}

void UninitDisclosureChecker::check(Store St, const MemRegion *Source,
                                    uint64_t Length, StringRef Dest,
                                    const Expr *Where, CheckerContext &C) const {
  if (!Source || Length == 0 || Length > MaxWalk)
    return;
  std::vector<ByteRange> Ranges = unwritten(C.getState(), St, Source, Length, C);
  if (Ranges.empty())
    return;
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return;
  std::string Name = Source->getBaseRegion()->getDescriptiveName();
  if (Name.empty())
    if (const BufferInfo *Info = MemoryModel::buffer(C.getState(), Source))
      Name = std::string("the buffer from ") + ddi(Info->Ddi).Name;
  if (Name.empty())
    Name = "the source";
  std::string Layout = describeLayout(Source, Ranges.front(), C.getASTContext());
  std::string Msg = llvm::formatv(
      "{0} of {1} were never written{2} and are copied to {3}: they disclose "
      "kernel memory to user mode; zero the source first (RtlZeroMemory) or "
      "copy only what was written",
      describeRanges(Ranges), Name, Layout.empty() ? "" : " (" + Layout + ")",
      Dest);
  auto R = std::make_unique<PathSensitiveBugReport>(Bug, Msg, N);
  if (const auto *SR = dyn_cast<SymbolicRegion>(Source->getBaseRegion()))
    R->markInteresting(SR->getSymbol());
  R->markInteresting(Source->getBaseRegion());
  if (Where)
    R->addRange(Where->getSourceRange());
  if (ShowFixIts)
    if (const BufferInfo *Info = MemoryModel::buffer(C.getState(), Source))
      if (std::optional<FixItHint> Fix = zeroFixIt(Info->Allocation, C))
        R->addFixItHint(*Fix);
  C.emitReport(std::move(R));
}

void UninitDisclosureChecker::checkPreCall(const CallEvent &Call,
                                           CheckerContext &C) const {
  const CopyInfo *Copy = Model->matchCopy(Call);
  if (!Copy || Copy->Kind == WDF_COPY_FILL || Copy->SrcArg < 0)
    return;
  ProgramStateRef State = C.getState();
  // A length the path does not pin down is walked up to its smallest
  // possible value: those bytes are copied on every execution.
  SVal LengthVal = Call.getArgSVal(Copy->SizeArg);
  const llvm::APSInt *Length =
      C.getSValBuilder().getKnownValue(State, LengthVal);
  if (!Length && LengthVal.getAsSymbol())
    Length = C.getSValBuilder().getMinValue(State, LengthVal);
  if (!Length)
    return;
  const MemRegion *Source = nullptr;
  StringRef Dest;
  switch (Copy->Kind) {
  case WDF_COPY_PTR_TO_PTR:
  case WDF_COPY_MEMORY_TO_PTR: {
    if (!isUntrusted(State, Call.getArgSVal(Copy->DestArg).getAsRegion()))
      return;
    Dest = "the request's output buffer";
    if (Copy->Kind == WDF_COPY_PTR_TO_PTR) {
      Source = Call.getArgSVal(Copy->SrcArg).getAsRegion();
      break;
    }
    // WdfMemoryCopyToBuffer: the source object's buffer, from the offset.
    const MemObject *Obj = MemoryModel::object(
        State, MemoryModel::handleOf(Call.getArgSVal(Copy->SrcArg)));
    const llvm::APSInt *Offset = C.getSValBuilder().getKnownValue(
        State, Call.getArgSVal(Copy->OffsetArg));
    if (!Obj || !Obj->buffer() || !Offset)
      return;
    ASTContext &Ctx = C.getASTContext();
    const auto *Base = dyn_cast<SubRegion>(Obj->buffer());
    if (!Base)
      return;
    Source = C.getStoreManager().getRegionManager().getElementRegion(
        Ctx.CharTy, C.getSValBuilder().makeArrayIndex(Offset->getZExtValue()),
        Base, Ctx);
    break;
  }
  case WDF_COPY_PTR_TO_MEMORY: {
    // WdfMemoryCopyFromBuffer into the request's output memory.
    const MemObject *Obj = MemoryModel::object(
        State, MemoryModel::handleOf(Call.getArgSVal(Copy->DestArg)));
    if (!Obj || !isUntrusted(State, Obj->buffer()))
      return;
    Dest = "the request's output memory";
    Source = Call.getArgSVal(Copy->SrcArg).getAsRegion();
    break;
  }
  case WDF_COPY_FILL:
    return;
  }
  check(State->getStore(), Source, Length->getZExtValue(), Dest,
        Call.getArgExpr(Copy->SrcArg), C);
}

// A structure assigned into the output buffer: *Reply = Local.
void UninitDisclosureChecker::checkStructAssignment(SVal Loc, SVal Val,
                                                    const Stmt *S,
                                                    CheckerContext &C) const {
  auto LCV = Val.getAs<nonloc::LazyCompoundVal>();
  if (!LCV || !isUntrusted(C.getState(), Loc.getAsRegion()))
    return;
  const TypedValueRegion *Source = LCV->getRegion();
  QualType T = Source->getValueType();
  if (T->isIncompleteType())
    return;
  uint64_t Size = C.getASTContext().getTypeSizeInChars(T).getQuantity();
  check(LCV->getStore(), Source, Size, "the request's output buffer",
        dyn_cast_or_null<Expr>(S), C);
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
