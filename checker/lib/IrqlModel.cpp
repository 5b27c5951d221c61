//===- IrqlModel.cpp - the IRQL on a path ----------------------------------===//
//
// See IrqlModel.h for what is modelled.  The state:
//
//   WdfIrqlCurrent      the IRQL (key 0): a symbol constrained to the entry
//                       range, or a concrete level; absent when unknown
//   WdfIrqlSetBy        the declaration of the DDI (or annotated function)
//                       that set the current IRQL; null while it is the entry
//                       IRQL
//   WdfIrqlSaved        lock (or in-stack queue handle) -> the IRQL to restore
//                       when it is released
//   WdfIrqlFrameEntry   stack frame -> the IRQL it was entered at, for the
//                       "returns at a different IRQL" check
//   WdfIrqlUnknownEntry a top-level function whose entry IRQL is unknown: a
//                       symbol standing for it.  Never the current IRQL for
//                       the checks (current() hides it), but a raise or lock
//                       saves it and the matching lower or release restores
//                       it, so a path that undoes everything it did ends at
//                       it again ("returns at its entry IRQL")
//
//===----------------------------------------------------------------------===//
#include "IrqlModel.h"
#include "Checkers.h"
#include "Support.h"
#include "wdfcheck/Catalog.h"
#include "wdfcheck/Deal.h"

#include "clang/AST/Decl.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/CrossTU/CrossTranslationUnit.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ento;

REGISTER_MAP_WITH_PROGRAMSTATE(WdfIrqlCurrent, unsigned, SVal)
REGISTER_TRAIT_WITH_PROGRAMSTATE(WdfIrqlSetBy, const void *)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfIrqlSaved, const void *, SVal)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfIrqlFrameEntry, const void *, SVal)
REGISTER_TRAIT_WITH_PROGRAMSTATE(WdfIrqlUnknownEntry, SymbolRef)

namespace wdfcheck {
namespace {

constexpr unsigned CurrentKey = 0;
constexpr int SaveToReturn = -2;

QualType irqlType(CheckerContext &C) { return C.getASTContext().UnsignedCharTy; }

NonLoc makeLevel(CheckerContext &C, int Level) {
  return C.getSValBuilder().makeIntVal(Level, irqlType(C)).castAs<NonLoc>();
}

// Where an entry comes from, for the "entered at" note: "role:
// EVT_WDF_IO_QUEUE_IO_READ, narrowed by PAGED_CODE()".
std::string entrySourceText(const EntryIrql &E) {
  std::string Out;
  switch (E.Source) {
  case EntrySource::Role:
    Out = "role: " + E.RoleType;
    switch (E.Narrowing) {
    case RoleNarrowing::PassiveExecution:
      Out += ", passive execution level";
      break;
    case RoleNarrowing::CallbackLock:
      Out += ", under the queue's callback spin lock";
      break;
    case RoleNarrowing::PassiveObject:
      Out += ", its object is disposed at PASSIVE_LEVEL";
      break;
    case RoleNarrowing::PassiveHandling:
      Out += ", its interrupt has PassiveHandling";
      break;
    case RoleNarrowing::None:
      break;
    }
    break;
  case EntrySource::Sal:
    return "its SAL annotation";
  case EntrySource::Pageable:
    return std::string("pageable: ") + pageableClause(E.Pageable);
  case EntrySource::DriverEntry:
    Out = driverEntryName().str();
    break;
  case EntrySource::Unknown:
    return "unknown";
  }
  if (E.Conflict)
    return Out;
  if (E.BySal)
    Out += ", narrowed by its SAL annotation";
  if (E.Pageable != PageableBy::None)
    Out += std::string(", narrowed by ") + pageableNoun(E.Pageable);
  return Out;
}

const FunctionDecl *topFunction(const LocationContext *LC) {
  while (LC->getParent())
    LC = LC->getParent();
  return dyn_cast_or_null<FunctionDecl>(LC->getDecl());
}

StringRef declName(const void *D) {
  if (const auto *ND = dyn_cast_or_null<NamedDecl>(static_cast<const Decl *>(D)))
    if (ND->getIdentifier())
      return ND->getName();
  return "a call";
}

// Constrains an IRQL symbol to a set of levels: between the lowest and the
// highest, and none of the levels in between that the set leaves out (APC_LEVEL
// for a callback called at PASSIVE_LEVEL or DISPATCH_LEVEL).
ProgramStateRef assumeLevels(ProgramStateRef State, DefinedOrUnknownSVal Irql,
                             IrqlLevels Levels, CheckerContext &C) {
  BasicValueFactory &BVF = C.getSValBuilder().getBasicValueFactory();
  auto Value = [&](int Level) -> const llvm::APSInt & {
    return BVF.getValue(Level, irqlType(C));
  };
  int Low = Levels.lowest(), High = Levels.highest();
  State = State->assumeInclusiveRange(Irql, Value(Low), Value(High), true);
  // The gaps: single levels below DIRQL, and the device levels below HIGH.
  const IrqlRange Gaps[] = {{WDF_IRQL_APC, WDF_IRQL_APC},
                            {WDF_IRQL_DISPATCH, WDF_IRQL_DISPATCH},
                            {WDF_IRQL_DIRQL, WDF_IRQL_HIGH - 1}};
  for (const IrqlRange &Gap : Gaps) {
    if (!State)
      return nullptr;
    if (Gap.Min > Low && Gap.Max < High && !Levels.contains(Gap.Min))
      State = State->assumeInclusiveRange(Irql, Value(Gap.Min), Value(Gap.Max),
                                          false);
  }
  return State;
}

} // namespace

IrqlModel::IrqlModel()
    : Ops({
#define RET SaveToReturn
#define WDF_IRQL_OP(Name, Kind, Level, LevelArg, SaveArg, KeyArg)              \
  {{CDM::SimpleFunc, {#Name}},                                                 \
   IrqlOp{IrqlOp::Kind, #Name, WDF_IRQL_##Level, LevelArg, SaveArg, KeyArg}},
#include "irql.def"
#undef RET
      }) {
}

// With CTU, the names the index says other files define (the analysis
// follows calls to them).  Unreadable: none, and the analyzer itself says
// why when it looks the index up.
static llvm::StringSet<> definedElsewhere(const AnalyzerOptions &Opts) {
  llvm::StringSet<> Names;
  if (!Opts.IsNaiveCTUEnabled)
    return Names;
  llvm::SmallString<256> Path(Opts.CTUIndexName);
  if (!llvm::sys::path::is_absolute(Path)) {
    Path = Opts.CTUDir;
    llvm::sys::path::append(Path, Opts.CTUIndexName);
  }
  if (auto Index = cross_tu::parseCrossTUIndex(Path))
    for (const auto &Entry : *Index)
      Names.insert(Entry.getKey());
  else
    llvm::consumeError(Index.takeError());
  return Names;
}

bool IrqlModel::loadDriverRoles(StringRef Path) {
  auto Text = llvm::MemoryBuffer::getFile(Path);
  if (Text && readDriverRoles((*Text)->getBuffer(), Driver))
    return true;
  Driver.clear();
  return false;
}

namespace {
// The function definitions of the main file, in source order.
class DefinitionFinder : public RecursiveASTVisitor<DefinitionFinder> {
public:
  explicit DefinitionFinder(const SourceManager &SM) : SM(SM) {}
  std::vector<const FunctionDecl *> Found;
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() &&
        SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
      Found.push_back(FD);
    return true;
  }

private:
  const SourceManager &SM;
};
} // namespace

// Deals the main file's definitions out to ShardCount parts, the longest
// first, each to the part with the fewest characters so far: every
// process analysing the same file deals the same parts.
void IrqlModel::dealFunctions(const TranslationUnitDecl *TU,
                              const SourceManager &SM) const {
  ShardMine.clear();
  ShardDealt.clear();
  DefinitionFinder Finder(SM);
  Finder.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
  std::vector<uint64_t> Sizes;
  for (const Decl *D : Finder.Found) {
    SourceRange R = D->getSourceRange();
    unsigned Begin = SM.getFileOffset(SM.getExpansionLoc(R.getBegin()));
    unsigned End = SM.getFileOffset(SM.getExpansionLoc(R.getEnd()));
    Sizes.push_back(End > Begin ? End - Begin : 0);
  }
  std::vector<unsigned> PartOf =
      dealBySize(Sizes, ShardCount, [](size_t A, size_t B) { return A < B; });
  for (size_t I = 0; I < Finder.Found.size(); ++I) {
    const Decl *D = Finder.Found[I]->getCanonicalDecl();
    ShardDealt.insert(D);
    if (PartOf[I] == ShardIndex)
      ShardMine.insert(D);
  }
}

bool IrqlModel::inOtherShard(const FunctionDecl *FD) const {
  if (ShardCount < 2)
    return false;
  const Decl *D = FD->getCanonicalDecl();
  if (ShardDealt.count(D))
    return !ShardMine.count(D);
  return ShardIndex != 0;
}

void IrqlModel::checkASTDecl(const TranslationUnitDecl *TU,
                             AnalysisManager &Mgr, BugReporter &BR) const {
  if (ShardCount > 1)
    dealFunctions(TU, Mgr.getSourceManager());
  Elsewhere = definedElsewhere(Mgr.getAnalyzerOptions());
  Index.build(TU, Mgr.getASTContext(), &Mgr.getPreprocessor(), &Elsewhere,
              &Driver);
}

std::optional<NonLoc> IrqlModel::current(ProgramStateRef State) {
  if (const SVal *V = State->get<WdfIrqlCurrent>(CurrentKey))
    if (!isUnknownEntry(State, *V))
      return V->getAs<NonLoc>();
  return std::nullopt;
}

bool IrqlModel::isUnknownEntry(ProgramStateRef State, SVal V) {
  SymbolRef Token = State->get<WdfIrqlUnknownEntry>();
  return Token && V.getAsSymbol() == Token;
}

std::optional<IrqlModel::Exit> IrqlModel::topExit(ProgramStateRef State) {
  if (!State->get<WdfIrqlUnknownEntry>())
    return std::nullopt;
  const SVal *V = State->get<WdfIrqlCurrent>(CurrentKey);
  if (!V)
    return std::nullopt;
  if (isUnknownEntry(State, *V))
    return Exit{true, WDF_IRQL_NONE};
  if (auto K = V->getAs<nonloc::ConcreteInt>())
    return Exit{false, normalizeIrql(K->getValue().getZExtValue())};
  return std::nullopt;
}

// The IRQL a raise or lock saves: the current one, or the unknown entry.
static SVal savedLevel(ProgramStateRef State) {
  if (const SVal *V = State->get<WdfIrqlCurrent>(CurrentKey))
    return *V;
  if (SymbolRef Token = State->get<WdfIrqlUnknownEntry>())
    return nonloc::SymbolVal(Token);
  return UnknownVal();
}

// The level saved with a lock (or an object of _IRQL_saves_global_), taken
// out of the state; nullopt when nothing was saved with it on this path.
static std::optional<SVal> takeSaved(ProgramStateRef &State, SVal Lock) {
  const void *Key = keyOf(Lock);
  const SVal *Saved = Key ? State->get<WdfIrqlSaved>(Key) : nullptr;
  // The lock's handle may have been reloaded as a new value (its holder
  // was invalidated by a call): with a single lock held, it is that one.
  auto SavedLocks = State->get<WdfIrqlSaved>();
  if (!Saved && !SavedLocks.isEmpty() &&
      std::next(SavedLocks.begin()) == SavedLocks.end()) {
    Key = SavedLocks.begin()->first;
    Saved = &SavedLocks.begin()->second;
  }
  if (!Saved)
    return std::nullopt;
  SVal Level = *Saved;
  State = State->remove<WdfIrqlSaved>(Key);
  return Level;
}

std::optional<SVal> IrqlModel::frameEntry(ProgramStateRef State,
                                          const StackFrameContext *Frame) {
  if (const SVal *V = State->get<WdfIrqlFrameEntry>(Frame))
    return *V;
  return std::nullopt;
}

bool IrqlModel::isIrqlReport(const PathSensitiveBugReport &R) {
  const RuleInfo *Rule = findRule(R.getBugType().getCheckerName());
  return Rule && Rule->Model == WDF_MODEL_IRQL;
}

const IrqlOp *IrqlModel::matchOp(const CallEvent &Call) const {
  const IrqlOp *Op = Ops.lookup(Call);
  // Only the real DDI: the parameters must fit its row in ddis.def.
  if (!Op || !Ddis.match(Call))
    return nullptr;
  return Op;
}

ProgramStateRef IrqlModel::setIrql(ProgramStateRef State, SVal Level,
                                   const Decl *SetBy, CheckerContext &C) const {
  if (Level.isUnknownOrUndef())
    return State->remove<WdfIrqlCurrent>(CurrentKey)->set<WdfIrqlSetBy>(nullptr);
  // Back at the level a running frame was entered at (a lock released in a
  // helper restores its caller's level): the entry explains it again.
  for (const LocationContext *LC = C.getStackFrame(); LC;
       LC = LC->getParent()) {
    std::optional<SVal> Entry = frameEntry(State, LC->getStackFrame());
    if (Entry && *Entry == Level) {
      SetBy = nullptr;
      break;
    }
  }
  return State->set<WdfIrqlCurrent>(CurrentKey, Level)
      ->set<WdfIrqlSetBy>(SetBy);
}

// A level handed to KeLowerIrql & co.: a constant, or a level the model
// handed out (an entry symbol, possibly converted).  Anything else makes the
// IRQL unknown.
std::optional<SVal> IrqlModel::acceptLevel(ProgramStateRef State, SVal V,
                                           CheckerContext &C) const {
  SValBuilder &SVB = C.getSValBuilder();
  if (const llvm::APSInt *K = SVB.getKnownValue(State, V))
    return SVal(makeLevel(C, normalizeIrql(K->getZExtValue())));
  SymbolRef Sym = V.getAsSymbol();
  while (const auto *Cast = dyn_cast_or_null<SymbolCast>(Sym))
    Sym = Cast->getOperand();
  if (!Sym)
    return std::nullopt;
  for (const auto &Frame : State->get<WdfIrqlFrameEntry>())
    if (Frame.second.getAsSymbol() == Sym)
      return Frame.second;
  if (Sym == State->get<WdfIrqlUnknownEntry>())
    return SVal(nonloc::SymbolVal(Sym));
  return std::nullopt;
}

void IrqlModel::checkBeginFunction(CheckerContext &C) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  if (!FD)
    return;
  ProgramStateRef State = C.getState();

  if (!C.inTopFrame()) {
    // An inlined callee with IRQL annotations must return at the IRQL it was
    // called at, unless it says it changes it.
    const SalIrql *Sal = Index.salOf(FD);
    if (!Sal || !(Sal->hasLimits() || Sal->RequiresSame) || Sal->Raises ||
        Sal->SavesParam >= 0 || Sal->RestoresParam >= 0 || Sal->ChangesLock)
      return;
    if (std::optional<NonLoc> Cur = current(State))
      C.addTransition(State->set<WdfIrqlFrameEntry>(C.getStackFrame(), *Cur));
    return;
  }

  // wdfcheck shows only wdf findings: a function that cannot lead to one is
  // not explored (its callees are then analysed on their own).  Another
  // part's function is that part's to explore.
  if ((SkipUnrelated && !Index.mayMatter(FD)) || inOtherShard(FD)) {
    C.generateSink(State, C.getPredecessor());
    return;
  }
  EntryIrql Entry = Index.entryOf(FD);
  SValBuilder &SVB = C.getSValBuilder();
  if (!Entry.known()) {
    // Unknown: a symbol stands for it, for the exits to be compared.
    SVal Token = SVB.conjureSymbolVal(this, /*Expr=*/nullptr,
                                      C.getLocationContext(), irqlType(C),
                                      /*Count=*/1);
    if (SymbolRef Sym = Token.getAsSymbol())
      C.addTransition(State->set<WdfIrqlUnknownEntry>(Sym));
    return;
  }
  SVal Irql = SVB.conjureSymbolVal(this, /*Expr=*/nullptr,
                                   C.getLocationContext(), irqlType(C),
                                   /*Count=*/0);
  auto Defined = Irql.getAs<DefinedOrUnknownSVal>();
  if (!Defined)
    return;
  State = assumeLevels(State, *Defined, Entry.Levels, C);
  if (!State)
    return;
  State = State->set<WdfIrqlCurrent>(CurrentKey, Irql)
              ->set<WdfIrqlSetBy>(nullptr)
              ->set<WdfIrqlFrameEntry>(C.getStackFrame(), Irql);
  std::string Note = llvm::formatv("entered at {0} ({1})", Entry.Levels.text(),
                                   entrySourceText(Entry));
  C.addTransition(State, C.getNoteTag([Note](PathSensitiveBugReport &R) {
    return isIrqlReport(R) ? Note : std::string();
  }));
}

bool IrqlModel::evalCall(const CallEvent &Call, CheckerContext &C) const {
  const IrqlOp *Op = matchOp(Call);
  if (!Op)
    return false;
  const Expr *CallE = dyn_cast_or_null<Expr>(Call.getOriginExpr());
  if (!CallE)
    return false;
  ProgramStateRef State = C.getState();
  const LocationContext *LC = C.getLocationContext();
  // The DDI is claimed for the IRQL only.  For memory it stays the call the
  // analyzer cannot see: what its arguments reach and the globals are
  // invalidated, as clang does for any unknown call (other processors change
  // the data a lock guards while it is not held; lowering the IRQL lets
  // DPCs run).  Keeping that memory made the model more precise than the
  // program, and the paths of a loop that takes a lock each turn never
  // merged: each turn's list links stayed in the store.
  if (Op->K != IrqlOp::GET)
    State = Call.invalidateRegions(C.blockCount(), State);
  std::optional<NonLoc> Cur = current(State);
  SVal Old = savedLevel(State);

  auto argLevel = [&](int Arg) -> SVal {
    if (Arg < 0)
      return UnknownVal();
    return acceptLevel(State, Call.getArgSVal(Arg), C).value_or(UnknownVal());
  };

  SVal New = UnknownVal();
  switch (Op->K) {
  case IrqlOp::GET:
    if (!Cur)
      return false; // unknown: the call gives an unknown value
    C.addTransition(State->BindExpr(CallE, LC, *Cur));
    return true;
  case IrqlOp::RAISE:
  case IrqlOp::ACQUIRE:
    New = Op->Level != WDF_IRQL_NONE ? SVal(makeLevel(C, Op->Level))
                                     : argLevel(Op->LevelArg);
    if (Op->SaveArg >= 0) {
      if (auto Ptr = Call.getArgSVal(Op->SaveArg).getAs<Loc>())
        State = State->bindLoc(*Ptr, Old, LC);
    }
    if (Op->KeyArg >= 0)
      if (const void *Key = keyOf(Call.getArgSVal(Op->KeyArg)))
        State = State->set<WdfIrqlSaved>(Key, Old);
    break;
  case IrqlOp::LOWER:
    New = argLevel(Op->LevelArg);
    break;
  case IrqlOp::RELEASE:
    if (std::optional<SVal> Saved = takeSaved(
            State, Op->KeyArg >= 0 ? Call.getArgSVal(Op->KeyArg) : UnknownVal()))
      New = *Saved;
    break;
  }
  if (Op->SaveArg == SaveToReturn)
    State = State->BindExpr(CallE, LC, Old);
  else if (!Call.getResultType()->isVoidType())
    State = State->BindExpr(
        CallE, LC,
        C.getSValBuilder().conjureSymbolVal(nullptr, CallE, LC, C.blockCount()));
  State = setIrql(State, New, Call.getDecl(), C);

  std::string Name = Op->Name;
  std::string Note;
  if (const llvm::APSInt *K = C.getSValBuilder().getKnownValue(State, New)) {
    int Level = normalizeIrql(K->getZExtValue());
    bool Down = Op->K == IrqlOp::LOWER || Op->K == IrqlOp::RELEASE;
    Note = llvm::formatv("IRQL {0} to {1} by {2}", Down ? "lowered" : "raised",
                         irqlName(Level), Name);
  } else if (New.isUnknown()) {
    Note = "IRQL unknown after " + Name;
  } else {
    Note = "IRQL restored by " + Name;
  }
  C.addTransition(State, C.getNoteTag([Note](PathSensitiveBugReport &R) {
    return isIrqlReport(R) ? Note : std::string();
  }));
  return true;
}

// _IRQL_raises_, _IRQL_saves_ and _IRQL_restores_ of a callee whose body was
// not analysed.
void IrqlModel::applySalEffects(const CallEvent &Call, CheckerContext &C) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD)
    return;
  const SalIrql *Sal = Index.salOf(FD);
  if (!Sal || (!Sal->Raises && Sal->SavesParam < 0 && Sal->RestoresParam < 0 &&
               Sal->SavesGlobalParam < 0 && Sal->RestoresGlobalParam < 0))
    return;
  ProgramStateRef State = C.getState();
  SVal Old = savedLevel(State);
  SVal New = Old;
  auto Arg = [&](int Index) -> SVal {
    return Index >= 0 && Index < (int)Call.getNumArgs() ? Call.getArgSVal(Index)
                                                        : UnknownVal();
  };
  if (auto Ptr = Arg(Sal->SavesParam).getAs<Loc>())
    State = State->bindLoc(*Ptr, Old, C.getLocationContext());
  if (Sal->RestoresParam >= 0)
    New = acceptLevel(State, Arg(Sal->RestoresParam), C).value_or(UnknownVal());
  // _IRQL_saves_global_ keeps the level with the object, as a lock DDI
  // does; _IRQL_restores_global_ takes it back, or, saved elsewhere (in
  // another function), leaves the IRQL unknown.
  if (const void *Key = keyOf(Arg(Sal->SavesGlobalParam)))
    State = State->set<WdfIrqlSaved>(Key, Old);
  if (Sal->RestoresGlobalParam >= 0)
    New = takeSaved(State, Arg(Sal->RestoresGlobalParam)).value_or(UnknownVal());
  if (Sal->Raises)
    New = makeLevel(C, *Sal->Raises);
  State = setIrql(State, New, FD, C);
  std::string Note = "IRQL changed by " + FD->getNameAsString() +
                     " (its SAL annotation)";
  C.addTransition(State, C.getNoteTag([Note](PathSensitiveBugReport &R) {
    return isIrqlReport(R) ? Note : std::string();
  }));
}

void IrqlModel::checkPostCall(const CallEvent &Call, CheckerContext &C) const {
  if (C.wasInlined) {
    forgetReturnedFrames(C);
    return;
  }
  if (matchOp(Call) || Ddis.match(Call))
    return;
  applySalEffects(Call, C);
}

// An inlined callee has returned: the entry IRQL recorded for its frame is
// of no use any more.  Kept, it made the states of paths that had called
// different annotated functions (every WDK wrapper is annotated) differ
// for the rest of the function, and they never merged again.
void IrqlModel::forgetReturnedFrames(CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  llvm::SmallPtrSet<const void *, 8> Running;
  for (const LocationContext *LC = C.getLocationContext(); LC;
       LC = LC->getParent())
    Running.insert(LC->getStackFrame());
  ProgramStateRef Pruned = State;
  for (const auto &Entry : State->get<WdfIrqlFrameEntry>())
    if (!Running.count(Entry.first))
      Pruned = Pruned->remove<WdfIrqlFrameEntry>(Entry.first);
  if (Pruned != State)
    C.addTransition(Pruned);
}

// The state in which the IRQL compares with Limit as Op says (BO_GT,
// BO_LT), when the path allows it; null when it does not or cannot tell.
static ProgramStateRef whereIrql(CheckerContext &C, NonLoc Cur,
                                 BinaryOperatorKind Op, int Limit) {
  ProgramStateRef State = C.getState();
  SVal Compared = C.getSValBuilder().evalBinOp(
      State, Op, Cur, makeLevel(C, Limit), C.getASTContext().IntTy);
  auto Cond = Compared.getAs<DefinedOrUnknownSVal>();
  return Cond ? State->assume(*Cond, true) : nullptr;
}

std::optional<int> IrqlModel::highestAbove(CheckerContext &C, int Limit) const {
  std::optional<NonLoc> Cur = current(C.getState());
  ProgramStateRef Above = Cur ? whereIrql(C, *Cur, BO_GT, Limit) : nullptr;
  if (!Above)
    return std::nullopt;
  if (const llvm::APSInt *Max = C.getSValBuilder().getMaxValue(Above, *Cur))
    return normalizeIrql(Max->getZExtValue());
  return normalizeIrql(Limit + 1);
}

std::optional<int> IrqlModel::lowestBelow(CheckerContext &C, int Limit) const {
  std::optional<NonLoc> Cur = current(C.getState());
  ProgramStateRef Below = Cur && Limit > WDF_IRQL_PASSIVE
                              ? whereIrql(C, *Cur, BO_LT, Limit)
                              : nullptr;
  if (!Below)
    return std::nullopt;
  if (const llvm::APSInt *Min = C.getSValBuilder().getMinValue(Below, *Cur))
    return normalizeIrql(Min->getZExtValue());
  return WDF_IRQL_PASSIVE;
}

std::string IrqlModel::why(CheckerContext &C, int Level, bool Raised) const {
  ProgramStateRef State = C.getState();
  if (const void *SetBy = State->get<WdfIrqlSetBy>())
    return llvm::formatv("the IRQL was {0} to {1} by {2}",
                         Raised ? "raised" : "lowered", irqlName(Level),
                         declName(SetBy));
  const FunctionDecl *Top = topFunction(C.getLocationContext());
  if (!Top)
    return "";
  EntryIrql Entry = Index.entryOf(Top);
  switch (Entry.Source) {
  case EntrySource::Role:
    if (Entry.Narrowing == RoleNarrowing::CallbackLock)
      return llvm::formatv("{0} callbacks of a queue with a Device or Queue "
                           "synchronization scope run at {1}",
                           Entry.RoleName, irqlName(Level));
    return llvm::formatv("{0} callbacks can run at {1}", Entry.RoleName,
                         irqlName(Level));
  case EntrySource::Sal:
    return llvm::formatv("'{0}' may be called at {1} (its SAL annotation)",
                         Top->getName(), irqlName(Level));
  case EntrySource::Pageable:
    return llvm::formatv("'{0}' is pageable code, written for {1} callers",
                         Top->getName(), irqlName(Level));
  case EntrySource::DriverEntry:
    return llvm::formatv("DriverEntry runs at {0}", irqlName(Level));
  case EntrySource::Unknown:
    break;
  }
  return "";
}

std::string IrqlModel::remedy(CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (const void *SetBy = State->get<WdfIrqlSetBy>())
  {
    // An IRQL DDI that works on a handle (ddis.def's HandleArg) takes a
    // lock: the raise ends with its release.
    const DdiInfo *D = Ddis.matchDecl(
        dyn_cast<FunctionDecl>(static_cast<const Decl *>(SetBy)));
    return llvm::formatv("move the call before {0} or after {1}",
                         declName(SetBy),
                         D && D->HandleArg >= 0 ? "the lock is released"
                                                : "the IRQL is lowered");
  }
  const FunctionDecl *Top = topFunction(C.getLocationContext());
  EntryIrql Entry = Top ? Index.entryOf(Top) : EntryIrql();
  const char *AssertPassive =
      "or, if only PASSIVE_LEVEL callers reach it, say so with PAGED_CODE()";
  switch (Entry.Source) {
  case EntrySource::Role:
    if (Entry.Narrowing == RoleNarrowing::CallbackLock)
      return "give the queue WdfSynchronizationScopeNone or "
             "WdfExecutionLevelPassive, or defer the work to a work item";
    switch (Entry.Narrowable) {
    case WDF_NARROW_QUEUE:
      return std::string("set WdfExecutionLevelPassive on the queue, defer "
                         "to a work item, ") +
             AssertPassive;
    case WDF_NARROW_TIMER:
      return "set WdfExecutionLevelPassive in the timer's attributes or "
             "defer the work to a work item";
    case WDF_NARROW_OBJECT:
      return "set WdfExecutionLevelPassive in the object's attributes or "
             "defer the work to a work item";
    case WDF_NARROW_INTERRUPT:
      return "defer the work to the interrupt's DPC or work item "
             "(WdfInterruptQueueDpcForIsr, WdfInterruptQueueWorkItemForIsr), "
             "or create the interrupt with PassiveHandling";
    case WDF_NARROW_NONE:
      break;
    }
    if (Entry.RoleLevels.contains(WDF_IRQL_PASSIVE))
      return std::string("defer the work to a work item, ") + AssertPassive;
    return "defer the work to a work item";
  case EntrySource::Sal:
    return "call it where the IRQL allows it, or narrow the annotation if no "
           "caller runs that high";
  case EntrySource::Pageable:
    return "call it where the IRQL allows it, or state "
           "_IRQL_requires_(PASSIVE_LEVEL) if only PASSIVE_LEVEL callers "
           "reach it";
  case EntrySource::DriverEntry:
  case EntrySource::Unknown:
    break;
  }
  return "call it where the IRQL allows it";
}

// The IRQL symbols live only in this checker's state: keep them (and their
// constraints) alive.
void IrqlModel::checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const {
  auto keep = [&SR](SVal V) {
    for (SymbolRef Sym : V.symbols())
      SR.markLive(Sym);
  };
  for (const auto &Entry : State->get<WdfIrqlCurrent>())
    keep(Entry.second);
  for (const auto &Entry : State->get<WdfIrqlSaved>())
    keep(Entry.second);
  for (const auto &Entry : State->get<WdfIrqlFrameEntry>())
    keep(Entry.second);
  if (SymbolRef Token = State->get<WdfIrqlUnknownEntry>())
    SR.markLive(Token);
}

void IrqlModel::printState(raw_ostream &Out, ProgramStateRef State,
                           const char *NL, const char *Sep) const {
  if (std::optional<NonLoc> Cur = current(State)) {
    Out << Sep << "wdf IRQL: ";
    Cur->dumpToStream(Out);
    if (const void *SetBy = State->get<WdfIrqlSetBy>())
      Out << " (set by " << declName(SetBy) << ")";
    Out << NL;
  }
  for (const auto &Saved : State->get<WdfIrqlSaved>()) {
    Out << Sep << "wdf IRQL saved with a lock: ";
    Saved.second.dumpToStream(Out);
    Out << NL;
  }
}

void registerIrqlModelChecker(CheckerManager &Mgr) {
  auto *Model = Mgr.registerChecker<IrqlModel>();
  Model->SkipUnrelated = Mgr.getAnalyzerOptions().getCheckerBooleanOption(
      Model, SkipUnrelatedOption);
  StringRef Shard = Mgr.getAnalyzerOptions().getCheckerStringOption(
      Model, FunctionShardOption);
  if (!Shard.empty()) {
    auto [I, N] = Shard.split('/');
    if (I.getAsInteger(10, Model->ShardIndex) ||
        N.getAsInteger(10, Model->ShardCount) || Model->ShardCount == 0 ||
        Model->ShardIndex >= Model->ShardCount) {
      Model->ShardIndex = Model->ShardCount = 0;
      Mgr.reportInvalidCheckerOptionValue(Model, FunctionShardOption,
                                          "\"i/n\" with 0 <= i < n");
    }
  }
  StringRef Roles = Mgr.getAnalyzerOptions().getCheckerStringOption(
      Model, DriverRolesOption);
  if (!Roles.empty() && !Model->loadDriverRoles(Roles))
    Mgr.reportInvalidCheckerOptionValue(
        Model, DriverRolesOption,
        "a readable file of driver-wide role registrations");
}

bool shouldRegisterIrqlModelChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
