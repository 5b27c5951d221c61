//===- DdiIrqlChecker.cpp - WM008 wdf.DdiIrql -----------------------------===//
//
// A DDI of rules/ddis.def, or a function with SAL IRQL annotations, called
// where the IRQL can be above its maximum or below its minimum; and a
// callback or annotated function that returns at another IRQL than it was
// entered at (a spin lock still held on some path).
//
// Pool allocations are WM001's: their limits depend on the pool, and one
// cause gets one finding.  Touching a paged object (WdfMemoryCopyToBuffer
// above APC_LEVEL) is WM010's; here each DDI keeps its pool-independent
// limit.  An unknown IRQL reports nothing.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "IrqlModel.h"
#include "wdfcheck/Catalog.h"

#include "clang/AST/Decl.h"
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
    : public Checker<check::ASTDecl<TranslationUnitDecl>, check::PreCall,
                     check::EndFunction> {
public:
  const IrqlModel *Model = nullptr;

  void checkASTDecl(const TranslationUnitDecl *TU, AnalysisManager &Mgr,
                    BugReporter &BR) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM008);
  const DdiMatcher Ddis;

  void report(const CallEvent &Call, CheckerContext &C, std::string Msg) const;
};

void DdiIrqlChecker::report(const CallEvent &Call, CheckerContext &C,
                            std::string Msg) const {
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return;
  auto R = std::make_unique<PathSensitiveBugReport>(Bug, Msg, N);
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

void DdiIrqlChecker::checkPreCall(const CallEvent &Call,
                                  CheckerContext &C) const {
  int Min, Max;
  std::string Name, Source;
  if (const DdiInfo *D = Ddis.match(Call)) {
    if (D->PoolKind != WDF_POOL_NONE)
      return; // WM001
    Min = D->MinIrql;
    Max = D->MaxIrql;
    Name = D->Name;
    // A zero timeout never waits: the DDI's relaxed maximum applies.
    if (D->ZeroTimeoutArg >= 0)
      if (auto Ptr = Call.getArgSVal(D->ZeroTimeoutArg).getAs<Loc>()) {
        SVal Timeout = C.getState()->getSVal(*Ptr, C.getASTContext().LongLongTy);
        if (const llvm::APSInt *V =
                C.getSValBuilder().getKnownValue(C.getState(), Timeout))
          if (V->isZero())
            Max = D->ZeroTimeoutMaxIrql;
      }
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
  std::optional<SVal> Entry = IrqlModel::frameEntry(State, C.getStackFrame());
  std::optional<NonLoc> Exit = IrqlModel::current(State);
  if (!Entry || !Exit || *Entry == SVal(*Exit))
    return;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  if (!FD)
    return;
  if (const SalIrql *Sal = Model->index().salOf(FD))
    if (Sal->Raises || Sal->SavesParam >= 0 || Sal->RestoresParam >= 0)
      return; // it says it changes the IRQL
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
  auto R = std::make_unique<PathSensitiveBugReport>(Bug, Msg, N);
  if (RS)
    R->addRange(RS->getSourceRange());
  C.emitReport(std::move(R));
}

} // namespace

void registerDdiIrqlChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<DdiIrqlChecker>();
  Checker->Model = Mgr.getChecker<IrqlModel>();
}

bool shouldRegisterDdiIrqlChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
