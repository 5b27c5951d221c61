//===- PagedCodeChecker.cpp - WM011 wdf.PagedCode --------------------------===//
//
// Pageable code (IrqlEntryIndex::pageableOf: a PAGE section or PAGED_CODE())
// whose own instructions run above APC_LEVEL on a path.  Its page may be out
// there, and the memory manager cannot bring it in at DISPATCH_LEVEL: the
// machine stops with IRQL_NOT_LESS_OR_EQUAL, only when the page happens to
// be out, which is why testing rarely finds it.
//
//   raise        a call in a pageable function after which the IRQL can be
//                above APC_LEVEL while before it could not (a spin lock, a
//                raise, a helper that returns raised): at the call, once per
//                function and callee
//   KeSetEvent   with Wait TRUE (rules/raised.def): it returns at
//                DISPATCH_LEVEL until the caller's next wait
//   called high  a call to a pageable function where the IRQL can be above
//                APC_LEVEL (under a lock, in a DPC): at the call, with a
//                note at what makes the callee pageable
//   role         a pageable function registered for a role the framework
//                calls only above APC_LEVEL (IrqlEntryIndex's contradiction
//                when the role wins): at the registration, instead of WM008
//
// PAGED_CODE_LOCKED() states that the code is locked in memory and may run
// raised: such a function is not reported.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "Ddi.h"
#include "IrqlModel.h"
#include "Refutation.h"
#include "wdfcheck/Catalog.h"

#include "clang/AST/Decl.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace clang::ento;

// Per stack frame of a pageable function: the call being made, when the
// IRQL before it could still be at or below APC_LEVEL.
REGISTER_MAP_WITH_PROGRAMSTATE(WdfPagedCallFromLow, const void *, const void *)

namespace wdfcheck {
namespace {

// A DDI that returns raised when an argument is TRUE (rules/raised.def).
struct RaisedReturn {
  const char *Name;
  int FlagArg;
  int Level;
};

class PagedCodeChecker
    : public Checker<check::ASTDecl<TranslationUnitDecl>, check::PreCall,
                     check::PostCall> {
public:
  const IrqlModel *Model = nullptr;

  PagedCodeChecker();
  void checkASTDecl(const TranslationUnitDecl *TU, AnalysisManager &Mgr,
                    BugReporter &BR) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM011);
  CalleeMap<RaisedReturn> Raised;
  // One finding per function and cause (the callee that raised, the
  // pageable callee): (function, callee).
  mutable llvm::DenseSet<std::pair<const Decl *, const Decl *>> Reported;
  // Whether a function is pageable and does not state PAGED_CODE_LOCKED(),
  // asked at every call on the paths of pageable code.
  mutable llvm::DenseMap<const FunctionDecl *, bool> Reportable;

  // The pageable function a frame runs, or nullptr (not pageable, or it
  // states PAGED_CODE_LOCKED()).
  const FunctionDecl *pageableFrame(CheckerContext &C) const;
  bool reportable(const FunctionDecl *FD) const;
  bool firstTime(const Decl *Function, const Decl *Callee) const {
    return Reported.insert({Function, Callee}).second;
  }
  void report(const CallEvent &Call, CheckerContext &C, std::string Msg,
              const FunctionDecl *Callee = nullptr) const;
  bool checkCallee(const CallEvent &Call, CheckerContext &C) const;
  void reportAnnotatedHigh(const TranslationUnitDecl *TU, AnalysisManager &Mgr,
                           BugReporter &BR) const;
};

// The function definitions of a translation unit, methods included.
class FunctionFinder : public RecursiveASTVisitor<FunctionFinder> {
public:
  std::vector<const FunctionDecl *> Found;
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && FD->getIdentifier())
      Found.push_back(FD);
    return true;
  }
};

PagedCodeChecker::PagedCodeChecker()
    : Raised({
#define WDF_RAISED_RETURN(Name, FlagArg, Level)                                \
  {{CDM::SimpleFunc, {#Name}}, RaisedReturn{#Name, FlagArg, WDF_IRQL_##Level}},
#include "raised.def"
      }) {
}

bool PagedCodeChecker::reportable(const FunctionDecl *FD) const {
  if (!FD)
    return false;
  FD = FD->getCanonicalDecl();
  auto [It, Inserted] = Reportable.try_emplace(FD, false);
  if (Inserted) {
    const IrqlEntryIndex &Index = Model->index();
    It->second = Index.pageableOf(FD) != PageableBy::None &&
                 Index.pagedMarksOf(FD).PagedCodeLocked.isInvalid();
  }
  return It->second;
}

const FunctionDecl *PagedCodeChecker::pageableFrame(CheckerContext &C) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(C.getStackFrame()->getDecl());
  return reportable(FD) ? FD : nullptr;
}

void PagedCodeChecker::report(const CallEvent &Call, CheckerContext &C,
                              std::string Msg,
                              const FunctionDecl *Callee) const {
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return;
  auto R = makeReport(Bug, Msg, N);
  R->addRange(Call.getSourceRange());
  if (Callee) {
    // Inside the callee: what makes it pageable.
    const IrqlEntryIndex &Index = Model->index();
    const FunctionDecl *Def = Callee->getDefinition();
    SourceLocation At = Index.pagedMarksOf(Callee).PagedCode;
    PageableBy By = Index.pageableOf(Callee);
    if (By == PageableBy::Section || At.isInvalid())
      At = (Def ? Def : Callee)->getLocation();
    std::string Note = llvm::formatv("'{0}' is pageable: {1}",
                                     Callee->getName(), pageableClause(By));
    const SourceManager &SM = C.getSourceManager();
    R->addNote(Note, PathDiagnosticLocation(SM.getExpansionLoc(At), SM));
  }
  C.emitReport(std::move(R));
}

// The registrations the framework calls above APC_LEVEL whatever the
// function asserts: the role wins (IrqlEntryIndex), so its pageable code
// runs raised every time.  The SAL contradictions are WM008's.
void PagedCodeChecker::checkASTDecl(const TranslationUnitDecl *TU,
                                    AnalysisManager &Mgr,
                                    BugReporter &BR) const {
  for (const IrqlEntryIndex::Contradiction &Found :
       Model->index().contradictions()) {
    const EntryIrql &E = Found.Entry;
    if (E.SalConflict || E.Pageable == PageableBy::None ||
        E.Where.isInvalid() || !reportable(Found.Function))
      continue;
    std::string Held;
    if (E.Narrowing == RoleNarrowing::CallbackLock)
      Held = " (a queue with a Device or Queue synchronization scope at "
             "dispatch level: the framework holds its callback lock)";
    std::string Other = "defer the pageable work to a work item";
    if (E.Narrowing == RoleNarrowing::CallbackLock)
      Other = "give the queue WdfSynchronizationScopeNone or "
              "WdfExecutionLevelPassive";
    else if (E.Narrowable == WDF_NARROW_TIMER)
      Other = "create the timer with WdfExecutionLevelPassive";
    else if (E.Narrowable == WDF_NARROW_INTERRUPT)
      Other = "create the interrupt with PassiveHandling";
    std::string Msg = llvm::formatv(
        "'{0}' is pageable ({1}) but has the role {2}, which the framework "
        "calls at {3}{4}: its page may be out there and cannot be brought "
        "in; make it non-pageable, or {5}",
        Found.Function->getName(), pageableClause(E.Pageable), E.RoleName,
        E.Levels.text(), Held, Other);
    BR.EmitBasicReport(Found.Function, this, Bug.getDescription(),
                       Bug.getCategory(), Msg,
                       PathDiagnosticLocation(E.Where, Mgr.getSourceManager()));
  }
  reportAnnotatedHigh(TU, Mgr, BR);
}

// A pageable function whose own SAL annotation says it runs only above
// APC_LEVEL (_IRQL_requires_(DISPATCH_LEVEL) on a paged DPC helper): the
// author states the very condition that makes its pages unusable.  The
// entry model takes the annotation's word; the finding is here, at the
// annotation.
void PagedCodeChecker::reportAnnotatedHigh(const TranslationUnitDecl *TU,
                                           AnalysisManager &Mgr,
                                           BugReporter &BR) const {
  const IrqlEntryIndex &Index = Model->index();
  const SourceManager &SM = Mgr.getSourceManager();
  FunctionFinder Functions;
  Functions.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
  for (const FunctionDecl *FD : Functions.Found) {
    if (SM.isInSystemHeader(FD->getLocation()) || !reportable(FD))
      continue;
    const SalIrql *Sal = Index.salOf(FD);
    if (!Sal || !Sal->hasLimits() || Sal->range().Min <= WDF_IRQL_APC ||
        !firstTime(FD->getCanonicalDecl(), nullptr))
      continue;
    SourceLocation At = Sal->Where.isValid() ? Sal->Where : FD->getLocation();
    std::string Msg = llvm::formatv(
        "'{0}' is pageable ({1}) but its SAL annotation says it runs at "
        "{2}: its page may be out there and cannot be brought in; make it "
        "non-pageable, or correct the annotation",
        FD->getName(), pageableClause(Index.pageableOf(FD)),
        IrqlLevels::in(Sal->range()).text());
    BR.EmitBasicReport(FD, this, Bug.getDescription(), Bug.getCategory(), Msg,
                       PathDiagnosticLocation(SM.getExpansionLoc(At), SM));
  }
}

// A pageable function called where the IRQL can be above APC_LEVEL; true
// when reported (the IRQL is then above APC_LEVEL before the call).
bool PagedCodeChecker::checkCallee(const CallEvent &Call,
                                   CheckerContext &C) const {
  const auto *Callee = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!Callee || !reportable(Callee))
    return false;
  std::optional<int> Level = Model->highestAbove(C, WDF_IRQL_APC);
  if (!Level)
    return false;
  const Decl *Caller = C.getStackFrame()->getDecl();
  if (!firstTime(Caller, Callee->getCanonicalDecl()))
    return false;
  report(Call, C,
         llvm::formatv("'{0}' is pageable but is called at {1} ({2}): its "
                       "page may be out there and cannot be brought in; {3}, "
                       "or make '{0}' non-pageable",
                       Callee->getName(), irqlName(*Level),
                       Model->why(C, *Level, /*Raised=*/true),
                       Model->remedy(C)),
         Callee);
  return true;
}

void PagedCodeChecker::checkPreCall(const CallEvent &Call,
                                    CheckerContext &C) const {
  if (checkCallee(Call, C))
    return; // one transition: the report's node

  const FunctionDecl *FD = pageableFrame(C);
  if (!FD || !Call.getOriginExpr())
    return;
  ProgramStateRef State = C.getState();

  if (const RaisedReturn *R = Raised.lookup(Call)) {
    if (R->FlagArg < (int)Call.getNumArgs()) {
      auto Flag = Call.getArgSVal(R->FlagArg).getAs<DefinedOrUnknownSVal>();
      if (Flag && !State->assume(*Flag, false) &&
          firstTime(FD, Call.getDecl()->getCanonicalDecl()))
        report(Call, C,
               llvm::formatv(
                   "'{0}' is pageable ({1}) but calls {2} with Wait TRUE, "
                   "which returns at {3} until the next wait: the code up "
                   "to that wait may find its page out; pass FALSE, or move "
                   "the set and the wait into a non-pageable function",
                   FD->getName(), pageableClause(Model->index().pageableOf(FD)),
                   R->Name, irqlName(R->Level)));
    }
    return;
  }

  // Remember whether the IRQL was at or below APC_LEVEL before the call
  // (it cannot be above): a call after which it can be above is where the
  // function raised it and went on running.  An unknown IRQL counts as low.
  // Where it could already be above (entered from a caller that may run
  // raised), nothing here raised it: the call into the function is the
  // finding, at the caller.
  bool Low = !IrqlModel::current(State) ||
             !Model->highestAbove(C, WDF_IRQL_APC).has_value();
  const void *Frame = C.getStackFrame();
  const void *Was = State->get<WdfPagedCallFromLow>(Frame)
                        ? *State->get<WdfPagedCallFromLow>(Frame)
                        : nullptr;
  const void *Now = Low ? Call.getOriginExpr() : nullptr;
  if (Was != Now)
    C.addTransition(Now ? State->set<WdfPagedCallFromLow>(Frame, Now)
                        : State->remove<WdfPagedCallFromLow>(Frame));
}

void PagedCodeChecker::checkPostCall(const CallEvent &Call,
                                     CheckerContext &C) const {
  const void *Frame = C.getStackFrame();
  ProgramStateRef State = C.getState();
  const void *const *From = State->get<WdfPagedCallFromLow>(Frame);
  if (!From || *From != Call.getOriginExpr())
    return;
  State = State->remove<WdfPagedCallFromLow>(Frame);
  const FunctionDecl *FD = pageableFrame(C);
  std::optional<int> Level =
      FD ? Model->highestAbove(C, WDF_IRQL_APC) : std::nullopt;
  const Decl *Callee = Call.getDecl();
  if (!Level || !Callee || !firstTime(FD, Callee->getCanonicalDecl())) {
    C.addTransition(State);
    return;
  }
  ExplodedNode *N = C.generateNonFatalErrorNode(State);
  if (!N)
    return;
  std::string Msg = llvm::formatv(
      "'{0}' is pageable ({1}) but goes on running at {2} ({3}): its page "
      "may be out there and cannot be brought in (IRQL_NOT_LESS_OR_EQUAL); "
      "move the code that runs raised into a non-pageable function, or make "
      "'{0}' non-pageable",
      FD->getName(), pageableClause(Model->index().pageableOf(FD)),
      irqlName(*Level), Model->why(C, *Level, /*Raised=*/true));
  auto R = makeReport(Bug, Msg, N);
  R->addRange(Call.getSourceRange());
  C.emitReport(std::move(R));
}

} // namespace

void registerPagedCodeChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<PagedCodeChecker>();
  Checker->Model = Mgr.getChecker<IrqlModel>();
}

bool shouldRegisterPagedCodeChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
