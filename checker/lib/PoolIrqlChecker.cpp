//===- PoolIrqlChecker.cpp - WM001 wdf.PoolIrql ---------------------------===//
//
// A pool allocation whose pool type needs a lower IRQL than the path may be
// at: paged pool above APC_LEVEL, any pool above DISPATCH_LEVEL.  Covers
// every allocating row of rules/ddis.def (WdfMemoryCreate, the lookaside
// list and its allocations, ExAllocatePool*): the pool comes from a POOL_TYPE
// argument, POOL_FLAGS (ExAllocatePool2/3), or the lookaside list the memory
// is taken from (wdf.MemoryModel's, when the list is created on the same
// path: MemoryModel::isPagedPool).
//
// Touching paged memory too high is WM010's (wdf.PagedAccess), which leaves
// the touches of an allocation reported here alone: one finding per cause.
//
// A pool type the analyzer cannot pin down is held to the limit of any pool
// (DISPATCH_LEVEL) only; an unknown IRQL reports nothing.  The IRQL and the
// reason it can be too high come from wdf.IrqlModel.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "IrqlModel.h"
#include "MemoryModel.h"
#include "Refutation.h"
#include "Support.h"
#include "wdfcheck/Catalog.h"

#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

class PoolIrqlChecker : public Checker<check::PreCall, check::PostCall> {
public:
  const IrqlModel *Model = nullptr;
  bool ShowFixIts = false;

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM001);
  const DdiMatcher Ddis;
};

void PoolIrqlChecker::checkPreCall(const CallEvent &Call,
                                   CheckerContext &C) const {
  const DdiInfo *D = Ddis.match(Call);
  if (!D || !D->hasPoolIrqlLimit())
    return;
  std::optional<bool> Paged = MemoryModel::isPagedPool(Call, *D, C);
  bool PagedLimit = Paged.value_or(false) && D->PagedMaxIrql != WDF_IRQL_NONE;
  int Limit = PagedLimit ? D->PagedMaxIrql : D->MaxIrql;
  std::optional<int> Level = Model->highestAbove(C, Limit);
  if (!Level)
    return;
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return;
  std::string Why = Model->why(C, *Level, /*Raised=*/true);
  std::string Msg =
      PagedLimit
          ? llvm::formatv(
                "{0} allocates paged pool at {1} ({2}): paged memory can be "
                "out when it is touched, and above APC_LEVEL that crashes the "
                "machine (IRQL_NOT_LESS_OR_EQUAL); use NonPagedPoolNx, or "
                "{3}",
                D->Name, irqlName(*Level), Why, Model->remedy(C))
                .str()
          : llvm::formatv("{0} allocates pool at {1} ({2}): no pool can be "
                          "allocated above {3}; allocate it beforehand at a "
                          "lower IRQL, or {4}",
                          D->Name, irqlName(*Level), Why, irqlName(Limit),
                          Model->remedy(C))
                .str();
  auto R = makeReport(Bug, Msg, N);
  if (D->PoolArg >= 0)
    if (const Expr *PoolE = Call.getArgExpr(D->PoolArg))
      R->addRange(PoolE->getSourceRange());
  if (PagedLimit && ShowFixIts && D->PoolArg >= 0)
    if (std::optional<FixItHint> Fix = nonPagedPoolFixIt(
            Call.getArgExpr(D->PoolArg), C.getSourceManager(),
            C.getLangOpts()))
      R->addFixItHint(*Fix);
  C.emitReport(std::move(R));
}

// The model remembers whether a lookaside list created on this path is
// paged, for the memory later taken from it.  Called from here: wdf.PoolIrql,
// the rule that reads it, does not depend on wdf.MemoryModel.
void PoolIrqlChecker::checkPostCall(const CallEvent &Call,
                                    CheckerContext &C) const {
  if (const DdiInfo *D = Ddis.match(Call))
    MemoryModel::recordLookasidePool(Call, *D, C);
}

} // namespace

void registerPoolIrqlChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<PoolIrqlChecker>();
  Checker->Model = Mgr.getChecker<IrqlModel>();
  Checker->ShowFixIts = Mgr.getAnalyzerOptions().getCheckerBooleanOption(
      Checker, ShowFixItsOption);
}

bool shouldRegisterPoolIrqlChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
