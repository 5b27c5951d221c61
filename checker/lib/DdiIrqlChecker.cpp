//===- DdiIrqlChecker.cpp - WM008 wdf.DdiIrql -----------------------------===//
//
// A DDI of rules/ddis.def, or a function with SAL IRQL annotations, called
// where the IRQL can be above its maximum or below its minimum; and a
// callback or annotated function that returns at another IRQL than it was
// entered at (a spin lock still held on some path).
//
// A function whose entry IRQL is unknown (a helper, a lock wrapper) is
// reported when it returns raised on one path and at its entry IRQL on
// another: an error path that forgets WdfSpinLockRelease.  One that always
// returns raised is a wrapper, consistent with itself, and is not; nor is
// one whose SAL says it changes the IRQL or a lock (_IRQL_raises_,
// _IRQL_saves_, _Acquires_lock_, _Releases_lock_, _Requires_lock_held_).
// The exits of a function are compared when its analysis ends.
//
// Pool allocations are WM001's: their limits depend on the pool, and one
// cause gets one finding.  Touching a paged object (WdfMemoryCopyToBuffer
// above APC_LEVEL) is WM010's; here each DDI keeps its pool-independent
// limit.  An unknown IRQL reports nothing.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "IrqlModel.h"
#include "Refutation.h"
#include "wdfcheck/Catalog.h"

#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

class DdiIrqlChecker
    : public Checker<check::ASTDecl<TranslationUnitDecl>,
                     check::PreStmt<CallExpr>, check::PreCall,
                     check::PostCall, check::EndFunction,
                     check::EndAnalysis> {
public:
  const IrqlModel *Model = nullptr;

  void checkASTDecl(const TranslationUnitDecl *TU, AnalysisManager &Mgr,
                    BugReporter &BR) const;
  void checkPreStmt(const CallExpr *CE, CheckerContext &C) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const;
  void checkEndAnalysis(ExplodedGraph &G, BugReporter &BR,
                        ExprEngine &Eng) const;

private:
  // The exits of the top-level function being analysed, when its entry
  // IRQL is unknown: the first return at the entry IRQL, and the returns at
  // a level the function set (one node each, in the order explored).
  struct RaisedExit {
    ExplodedNode *Node;
    const ReturnStmt *Return;
    int Level;
  };
  mutable const ReturnStmt *EntryReturn = nullptr;
  mutable const LocationContext *EntryContext = nullptr;
  mutable bool SawEntryExit = false;
  mutable std::vector<RaisedExit> RaisedExits;
  void recordExit(const ReturnStmt *RS, CheckerContext &C) const;

  const BugType Bug = ruleBug(this, WDF_RULE_WM008);
  const DdiMatcher Ddis;

  // Restores from a variable no IRQL is ever saved into: (function,
  // variable) pairs reported, and the answer per variable.
  mutable llvm::DenseMap<const VarDecl *, std::optional<std::string>> NeverSaved;
  mutable llvm::DenseSet<const VarDecl *> ReportedRestores;
  std::optional<std::string> neverSaved(const VarDecl *VD,
                                        CheckerContext &C) const;

  void report(const CallEvent &Call, CheckerContext &C, std::string Msg) const;
  void checkLower(const CallEvent &Call, const IrqlOp &Op,
                  CheckerContext &C) const;
  bool checkRaises(const ReturnStmt *RS, CheckerContext &C) const;
};

// Whether the timeout a DDI's argument Arg points to can be zero here: not
// when the pointer is NULL (an infinite wait) or the value is known not to
// be zero.
bool mayBeZeroTimeout(const CallEvent &Call, int Arg, CheckerContext &C) {
  ProgramStateRef State = C.getState();
  SVal Ptr = Call.getArgSVal(Arg);
  if (State->isNull(Ptr).isConstrainedTrue())
    return false;
  auto Loc = Ptr.getAs<clang::ento::Loc>();
  if (!Loc)
    return true;
  // A LARGE_INTEGER is read through its 64-bit member (QuadPart), where
  // the driver wrote it; a LONGLONG as itself.
  ASTContext &Ctx = C.getASTContext();
  QualType Pointee;
  if (const Expr *E = Call.getArgExpr(Arg))
    Pointee = E->IgnoreParenImpCasts()->getType()->getPointeeType();
  SVal Timeout = UnknownVal();
  if (const RecordDecl *RD = Pointee.isNull() ? nullptr
                                              : Pointee->getAsRecordDecl()) {
    for (const FieldDecl *F : RD->fields())
      if (F->getType()->isIntegerType() && Ctx.getTypeSize(F->getType()) == 64) {
        if (auto Field = State->getLValue(F, *Loc).getAs<clang::ento::Loc>())
          Timeout = State->getSVal(*Field, F->getType());
        break;
      }
  } else {
    Timeout = State->getSVal(*Loc, Ctx.LongLongTy);
  }
  if (Timeout.isUndef())
    return false; // an uninitialised timeout: nothing says it is zero
  if (const llvm::APSInt *V = C.getSValBuilder().getKnownValue(State, Timeout))
    return V->isZero();
  return true; // a value the path does not know
}

void DdiIrqlChecker::report(const CallEvent &Call, CheckerContext &C,
                            std::string Msg) const {
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return;
  auto R = makeReport(Bug, Msg, N);
  R->addRange(Call.getSourceRange());
  C.emitReport(std::move(R));
}

// A callback whose SAL annotation leaves no level its role is called at
// (_IRQL_requires_max_(PASSIVE_LEVEL) on an EvtDpcFunc): the framework calls
// it where the role says, so the annotation misleads every reader and every
// check of its body.  Reported at the registration, once per function.
void DdiIrqlChecker::checkASTDecl(const TranslationUnitDecl *,
                                  AnalysisManager &Mgr, BugReporter &BR) const {
  for (const IrqlEntryIndex::Contradiction &Found :
       Model->index().contradictions()) {
    const EntryIrql &E = Found.Entry;
    const SalIrql *Sal = Model->index().salOf(Found.Function);
    if (!E.SalConflict || !Sal || E.Where.isInvalid())
      continue;
    std::string Msg = llvm::formatv(
        "'{0}' has the role {1}, which the framework calls at {2}, but its "
        "SAL annotation allows only {3}: correct the annotation, or do the "
        "work where the IRQL allows it (a work item)",
        Found.Function->getName(), E.RoleName, E.RoleLevels.text(),
        IrqlLevels::in(Sal->range()).text());
    BR.EmitBasicReport(Found.Function, this, Bug.getDescription(),
                       Bug.getCategory(), Msg,
                       PathDiagnosticLocation(E.Where, Mgr.getSourceManager()));
  }
}

// Whether a local variable never receives a saved IRQL in its function:
// never assigned, its address never taken, initialised with a constant or
// not at all.  The answer says what it holds instead ("never assigned",
// "only set to PASSIVE_LEVEL"); nullopt when it may receive one.
std::optional<std::string>
DdiIrqlChecker::neverSaved(const VarDecl *VD, CheckerContext &C) const {
  auto [It, Inserted] = NeverSaved.try_emplace(VD);
  if (!Inserted)
    return It->second;
  AnalysisDeclContext *ADC = C.getCurrentAnalysisDeclContext();
  const Stmt *Body = ADC->getBody();
  if (!Body)
    return std::nullopt;
  // Every mention must be a plain read: anything else (an assignment, &v
  // handed to a raise or a helper, a reference bound to it) may save into
  // it.
  ParentMap &PM = ADC->getParentMap();
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (DRE->getDecl() == VD) {
        const Stmt *Up = PM.getParentIgnoreParens(DRE);
        const auto *Read = dyn_cast_or_null<ImplicitCastExpr>(Up);
        if (!Read || Read->getCastKind() != CK_LValueToRValue)
          return std::nullopt;
      }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  std::string Holds = "it is never assigned";
  if (const Expr *Init = VD->getInit()) {
    Expr::EvalResult Value;
    if (Init->isValueDependent() ||
        !Init->EvaluateAsInt(Value, C.getASTContext()))
      return std::nullopt; // KeGetCurrentIrql() and the like: a saved level
    Holds = std::string("it only ever holds ") +
            irqlName(normalizeIrql(Value.Val.getInt().getZExtValue()));
  }
  It->second = Holds;
  return Holds;
}

// KeLowerIrql(old) / KeReleaseSpinLock(l, old) / an _IRQL_restores_
// parameter given a local variable no IRQL is ever saved into in the
// function: the raise or acquire saved into another variable, or none.
// Checked before the call's arguments are (an uninitialised one ends the
// path there).
void DdiIrqlChecker::checkPreStmt(const CallExpr *CE, CheckerContext &C) const {
  const auto *Callee = CE->getDirectCallee();
  if (!Callee)
    return;
  int Arg = -1;
  ProgramStateManager &PSM = C.getStateManager();
  CallEventRef<> Call = PSM.getCallEventManager().getSimpleCall(
      CE, C.getState(), C.getLocationContext(),
      PSM.getOwningEngine().getCFGElementRef());
  if (const IrqlOp *Op = Model->irqlOp(*Call)) {
    if (Op->K == IrqlOp::LOWER)
      Arg = Op->LevelArg;
  } else if (const SalIrql *Sal = Model->index().salOf(Callee)) {
    Arg = Sal->RestoresParam;
  }
  if (Arg < 0 || Arg >= (int)CE->getNumArgs())
    return;
  const auto *DRE =
      dyn_cast<DeclRefExpr>(CE->getArg(Arg)->IgnoreParenCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
      ReportedRestores.count(VD))
    return;
  std::optional<std::string> Holds = neverSaved(VD, C);
  if (!Holds)
    return;
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return;
  ReportedRestores.insert(VD);
  const auto *FD = dyn_cast_or_null<FunctionDecl>(C.getStackFrame()->getDecl());
  std::string Msg = llvm::formatv(
      "{0} restores the IRQL from '{1}', but no IRQL is ever saved into "
      "'{1}' in '{2}' ({3}): the IRQL becomes whatever the variable holds; "
      "pass the variable the raise or acquire saved into",
      Callee->getName(), VD->getName(), FD ? FD->getName() : "this function",
      *Holds);
  auto R = makeReport(Bug, Msg, N);
  R->addRange(CE->getArg(Arg)->getSourceRange());
  C.emitReport(std::move(R));
}

// KeLowerIrql to a constant level above every level the IRQL can have
// here: it only lowers, so the call is a mistake (a bug check on checked
// kernels, IRQL_NOT_LESS_OR_EQUAL-style confusion on others).
void DdiIrqlChecker::checkLower(const CallEvent &Call, const IrqlOp &Op,
                                CheckerContext &C) const {
  if (Op.K != IrqlOp::LOWER || Op.LevelArg < 0 ||
      !IrqlModel::current(C.getState()))
    return;
  const llvm::APSInt *K = C.getSValBuilder().getKnownValue(
      C.getState(), Call.getArgSVal(Op.LevelArg));
  if (!K)
    return;
  int New = normalizeIrql(K->getZExtValue());
  if (New <= WDF_IRQL_PASSIVE || Model->highestAbove(C, New - 1))
    return; // the IRQL can be at or above the new level
  std::optional<int> Level = Model->lowestBelow(C, New);
  if (!Level)
    return;
  std::string Msg = llvm::formatv(
      "{0} sets the IRQL to {1}, above the current {2} ({3}): it may only "
      "lower; raise with KeRaiseIrql, or lower to the level a raise saved",
      Op.Name, irqlName(New), irqlName(*Level),
      Model->why(C, *Level, /*Raised=*/false));
  // The path ends here: what follows runs at a level nobody meant, and its
  // findings would repeat this one.
  ExplodedNode *N = C.generateErrorNode();
  if (!N)
    return;
  auto R = makeReport(Bug, Msg, N);
  R->addRange(Call.getSourceRange());
  C.emitReport(std::move(R));
}

void DdiIrqlChecker::checkPreCall(const CallEvent &Call,
                                  CheckerContext &C) const {
  if (const IrqlOp *Op = Model->irqlOp(Call))
    checkLower(Call, *Op, C);
  int Min, Max;
  std::string Name, Source;
  if (const DdiInfo *D = Ddis.match(Call)) {
    if (D->hasPoolIrqlLimit())
      return; // WM001
    Min = D->MinIrql;
    Max = D->MaxIrql;
    Name = D->Name;
    // A zero timeout never waits: the DDI's relaxed maximum applies.  Only
    // a NULL timeout (wait forever) or one known not to be zero waits; a
    // timeout the analysis cannot read may be zero and is given the benefit.
    if (D->ZeroTimeoutArg >= 0 && mayBeZeroTimeout(Call, D->ZeroTimeoutArg, C))
      Max = D->ZeroTimeoutMaxIrql;
  } else {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
    const SalIrql *Sal = FD ? Model->index().salOf(FD) : nullptr;
    if (!Sal || !Sal->hasLimits())
      return;
    Min = Sal->range().Min;
    Max = Sal->range().Max;
    Name = "'" + FD->getNameAsString() + "'";
    Source = " (its SAL annotation)";
  }

  if (std::optional<int> Level = Model->highestAbove(C, Max)) {
    report(Call, C,
           llvm::formatv("{0} is called at {1} ({2}) but may only run at {3} "
                         "or below{4}; {5}",
                         Name, irqlName(*Level),
                         Model->why(C, *Level, /*Raised=*/true), irqlName(Max),
                         Source, Model->remedy(C)));
    return;
  }
  if (std::optional<int> Level = Model->lowestBelow(C, Min))
    report(Call, C,
           llvm::formatv("{0} is called at {1} ({2}) but needs {3} or "
                         "above{4}; call it where the IRQL allows it",
                         Name, irqlName(*Level),
                         Model->why(C, *Level, /*Raised=*/false),
                         irqlName(Min), Source));
}

void DdiIrqlChecker::checkEndFunction(const ReturnStmt *RS,
                                      CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (checkRaises(RS, C))
    return;
  std::optional<SVal> Entry = IrqlModel::frameEntry(State, C.getStackFrame());
  if (!Entry && C.inTopFrame()) {
    recordExit(RS, C);
    return;
  }
  std::optional<NonLoc> Exit = IrqlModel::current(State);
  if (!Entry || !Exit || *Entry == SVal(*Exit))
    return;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  if (!FD)
    return;
  if (const SalIrql *Sal = Model->index().salOf(FD))
    if (Sal->Raises || Sal->SavesParam >= 0 || Sal->RestoresParam >= 0 ||
        Sal->ChangesLock)
      return; // it says it changes the IRQL or a lock
  SValBuilder &SVB = C.getSValBuilder();
  SVal Differs = SVB.evalBinOp(State, BO_NE, *Exit, *Entry,
                               C.getASTContext().IntTy);
  auto Cond = Differs.getAs<DefinedOrUnknownSVal>();
  if (!Cond || !State->assume(*Cond, true))
    return;
  const llvm::APSInt *ExitLevel = SVB.getKnownValue(State, *Exit);
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return;
  std::string At = ExitLevel ? irqlName(normalizeIrql(ExitLevel->getZExtValue()))
                             : "another IRQL";
  std::string Msg = llvm::formatv(
      "'{0}' returns at {1}, not at the IRQL it was entered at: a raise or "
      "lock on this path is not undone; callers and the framework expect "
      "the entry IRQL back, so release or lower before returning",
      FD->getName(), At);
  auto R = makeReport(Bug, Msg, N);
  if (RS)
    R->addRange(RS->getSourceRange());
  C.emitReport(std::move(R));
}

// An IRQL change (an IRQL DDI, or a callee's _IRQL_raises_) inside a
// function annotated _IRQL_always_function_max_(X) / _min_(X), directly or
// in a callee analysed in its context, that takes the IRQL past X.
void DdiIrqlChecker::checkPostCall(const CallEvent &Call,
                                   CheckerContext &C) const {
  const auto *Callee = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  const SalIrql *CalleeSal = Callee ? Model->index().salOf(Callee) : nullptr;
  if (!Model->irqlOp(Call) && !(CalleeSal && CalleeSal->Raises))
    return;
  for (const LocationContext *LC = C.getLocationContext(); LC;
       LC = LC->getParent()) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(LC->getDecl());
    const SalIrql *Sal = FD ? Model->index().salOf(FD) : nullptr;
    if (!Sal || (!Sal->AlwaysMax && !Sal->AlwaysMin))
      continue;
    std::optional<int> Level;
    const char *Which = nullptr;
    if (Sal->AlwaysMax && (Level = Model->highestAbove(C, *Sal->AlwaysMax)))
      Which = "max";
    else if (Sal->AlwaysMin &&
             (Level = Model->lowestBelow(C, *Sal->AlwaysMin)))
      Which = "min";
    if (!Which)
      continue;
    int Limit = Which[1] == 'a' ? *Sal->AlwaysMax : *Sal->AlwaysMin;
    report(Call, C,
           llvm::formatv("{0} takes the IRQL to {1} inside '{2}', annotated "
                         "_IRQL_always_function_{3}_({4}): the IRQL must "
                         "stay {5} {4} throughout; do this outside the "
                         "function or correct the annotation",
                         Callee ? Callee->getName() : "the call",
                         irqlName(*Level), FD->getName(), Which,
                         irqlName(Limit),
                         Which[1] == 'a' ? "at or below" : "at or above"));
    return;
  }
}

// A function annotated _IRQL_raises_(X) must return at X: reported on a
// path of its own analysis that returns at a level the model knows, and
// that can be another.
bool DdiIrqlChecker::checkRaises(const ReturnStmt *RS, CheckerContext &C) const {
  if (!C.inTopFrame())
    return false;
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  const SalIrql *Sal = FD ? Model->index().salOf(FD) : nullptr;
  if (!Sal || !Sal->Raises)
    return false;
  int X = *Sal->Raises;
  std::optional<int> Other = Model->highestAbove(C, X);
  if (!Other)
    Other = Model->lowestBelow(C, X);
  if (!Other)
    return false;
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return true;
  std::string Msg = llvm::formatv(
      "'{0}' is annotated _IRQL_raises_({1}) but returns at {2} on this "
      "path; its callers take it at its word, so raise to {1} on every path "
      "or correct the annotation",
      FD->getName(), irqlName(X), irqlName(*Other));
  auto R = makeReport(Bug, Msg, N);
  if (RS)
    R->addRange(RS->getSourceRange());
  C.emitReport(std::move(R));
  return true;
}

void DdiIrqlChecker::recordExit(const ReturnStmt *RS, CheckerContext &C) const {
  std::optional<IrqlModel::Exit> Exit = IrqlModel::topExit(C.getState());
  if (!Exit)
    return;
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  if (!FD)
    return;
  const SalIrql *Sal = Model->index().salOf(FD);
  if (Sal && (Sal->Raises || Sal->SavesParam >= 0 || Sal->RestoresParam >= 0 ||
              Sal->ChangesLock))
    return; // it says it changes the IRQL or a lock
  if (Sal && Sal->RequiresSame && !Exit->AtEntry) {
    // Its annotation says every exit is at the entry IRQL: a wrapper that
    // always returns raised contradicts it too.
    ExplodedNode *N = C.generateNonFatalErrorNode();
    if (!N)
      return;
    std::string Msg = llvm::formatv(
        "'{0}' is annotated _IRQL_requires_same_ but returns at {1} on this "
        "path, not at the IRQL it was entered at; release or lower before "
        "returning, or, if returning raised is meant, annotate it "
        "_IRQL_raises_ instead",
        FD->getName(), irqlName(Exit->Level));
    auto R = makeReport(Bug, Msg, N);
    if (RS)
      R->addRange(RS->getSourceRange());
    C.emitReport(std::move(R));
    return;
  }
  if (Exit->AtEntry) {
    if (!SawEntryExit) {
      SawEntryExit = true;
      EntryReturn = RS;
      EntryContext = C.getLocationContext();
    }
    return;
  }
  static const SimpleProgramPointTag Tag("wdf.DdiIrql", "raised exit");
  if (ExplodedNode *N = C.addTransition(C.getState(), C.getPredecessor(), &Tag))
    RaisedExits.push_back({N, RS, Exit->Level});
}

void DdiIrqlChecker::checkEndAnalysis(ExplodedGraph &, BugReporter &BR,
                                      ExprEngine &) const {
  if (SawEntryExit) {
    const SourceManager &SM = BR.getSourceManager();
    PathDiagnosticLocation Released =
        EntryReturn ? PathDiagnosticLocation::createBegin(EntryReturn, SM,
                                                          EntryContext)
                    : PathDiagnosticLocation::createDeclEnd(EntryContext, SM);
    for (const RaisedExit &E : RaisedExits) {
      const auto *FD = dyn_cast_or_null<FunctionDecl>(
          E.Node->getLocationContext()->getDecl());
      if (!FD)
        continue;
      std::string Msg = llvm::formatv(
          "'{0}' returns at {1} here but at the IRQL it was entered at on "
          "another path: a lock or raise is not undone on this path; "
          "release or lower before returning (or, if returning raised is "
          "meant, say so with _IRQL_raises_ or _Acquires_lock_)",
          FD->getName(), irqlName(E.Level));
      auto R = makeReport(Bug, Msg, E.Node);
      if (E.Return)
        R->addRange(E.Return->getSourceRange());
      R->addNote(llvm::formatv("'{0}' returns at its entry IRQL here",
                               FD->getName())
                     .str(),
                 Released);
      BR.emitReport(std::move(R));
    }
  }
  SawEntryExit = false;
  EntryReturn = nullptr;
  EntryContext = nullptr;
  RaisedExits.clear();
}

} // namespace

void registerDdiIrqlChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<DdiIrqlChecker>();
  Checker->Model = Mgr.getChecker<IrqlModel>();
}

bool shouldRegisterDdiIrqlChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
