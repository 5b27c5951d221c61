//===- UncheckedStatusChecker.cpp - WM009 wdf.UncheckedStatus ---------------===//
//
// A handle or buffer from WdfMemoryCreate* or WdfRequestRetrieve* used on a
// path where that call failed: its NTSTATUS was not checked (or the failure
// branch goes on as if it had succeeded).  On failure the out-handle and
// out-buffer are NULL; wdf.MemoryModel remembers them.  Uses: the value
// passed to a memory DDI (WdfObjectDelete included), copied from or into, or
// dereferenced.  Checking the handle or buffer against NULL, or the status
// with NT_SUCCESS, removes the failure from the path.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "MemoryModel.h"
#include "Refutation.h"

#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

class UncheckedStatusChecker
    : public Checker<check::PreCall, check::PreStmt<UnaryOperator>,
                     check::PreStmt<ArraySubscriptExpr>,
                     check::PreStmt<MemberExpr>> {
public:
  const MemoryModel *Model = nullptr;

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPreStmt(const UnaryOperator *U, CheckerContext &C) const;
  void checkPreStmt(const ArraySubscriptExpr *A, CheckerContext &C) const;
  void checkPreStmt(const MemberExpr *M, CheckerContext &C) const;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM009);

  // Reports when V is what a failed call left behind.
  bool checkValue(SVal V, const Expr *E, CheckerContext &C) const;
  void checkPointerExpr(const Expr *E, CheckerContext &C) const;
};

// The symbol of a pointer value, also when it points into the pointee.
SymbolRef baseSymbol(SVal V) {
  if (SymbolRef S = V.getAsSymbol())
    return S;
  if (const MemRegion *R = V.getAsRegion())
    if (const auto *SR = dyn_cast<SymbolicRegion>(R->getBaseRegion()))
      return SR->getSymbol();
  return nullptr;
}

bool UncheckedStatusChecker::checkValue(SVal V, const Expr *E,
                                        CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  SymbolRef Sym = baseSymbol(V);
  const FailedValue *Failed = MemoryModel::failed(State, Sym);
  // The value may have been folded into a plain NULL: look at where it was
  // read from.
  const MemRegion *From = nullptr;
  if (!Failed && E && V.isZeroConstant()) {
    From = MemoryModel::storageOf(E, C);
    Failed = MemoryModel::failedAt(State, From);
  }
  if (!Failed)
    return false;
  ExplodedNode *N = C.generateErrorNode();
  if (!N)
    return true;
  std::string Msg = llvm::formatv(
      "the {0} from {1} is used on a path where {1} failed: its NTSTATUS was "
      "not checked and the {0} is NULL; check NT_SUCCESS(status) before using "
      "it",
      Failed->IsBuffer ? "buffer" : "handle", ddi(Failed->Ddi).Name);
  auto R = makeReport(Bug, Msg, N);
  if (Sym)
    R->markInteresting(Sym);
  if (From)
    R->markInteresting(From);
  if (E)
    R->addRange(E->getSourceRange());
  C.emitReport(std::move(R));
  return true;
}

void UncheckedStatusChecker::checkPointerExpr(const Expr *E,
                                              CheckerContext &C) const {
  if (!E)
    return;
  checkValue(C.getSVal(E), E, C);
}

void UncheckedStatusChecker::checkPreCall(const CallEvent &Call,
                                          CheckerContext &C) const {
  llvm::SmallVector<MemoryUse, 4> Uses;
  Model->collectUses(Call, /*IncludeDelete=*/true, Uses);
  for (const MemoryUse &Use : Uses)
    if (Use.Arg && checkValue(C.getSVal(Use.Arg), Use.Arg, C))
      return;
}

void UncheckedStatusChecker::checkPreStmt(const UnaryOperator *U,
                                          CheckerContext &C) const {
  if (U->getOpcode() == UO_Deref)
    checkPointerExpr(U->getSubExpr(), C);
}

void UncheckedStatusChecker::checkPreStmt(const ArraySubscriptExpr *A,
                                          CheckerContext &C) const {
  if (A->getBase()->getType()->isPointerType())
    checkPointerExpr(A->getBase(), C);
}

void UncheckedStatusChecker::checkPreStmt(const MemberExpr *M,
                                          CheckerContext &C) const {
  if (M->isArrow())
    checkPointerExpr(M->getBase(), C);
}

} // namespace

void registerUncheckedStatusChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<UncheckedStatusChecker>();
  Checker->Model = Mgr.getChecker<MemoryModel>();
}

bool shouldRegisterUncheckedStatusChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
