//===- DoubleDeleteChecker.cpp - WM006 wdf.DoubleDelete --------------------===//
//
// WdfObjectDelete on a memory object already deleted on this path (by
// WdfObjectDelete, with its parent, or at its request's completion), or on
// memory the framework owns (retrieved from a request: deleting it deletes
// the request itself).  This is WM006 only, not also a use after delete.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "MemoryModel.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

class DoubleDeleteChecker : public Checker<check::PreCall> {
public:
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM006);
  const DdiMatcher Ddis;
};

void DoubleDeleteChecker::checkPreCall(const CallEvent &Call,
                                       CheckerContext &C) const {
  const DdiInfo *D = Ddis.match(Call);
  if (!D || D->Family != WDF_FAMILY_OBJECT_DELETE)
    return;
  SymbolRef Handle = MemoryModel::handleOf(Call.getArgSVal(D->HandleArg));
  const MemObject *Obj = MemoryModel::object(C.getState(), Handle);
  if (!Obj)
    return;
  std::string Msg;
  if (Obj->wasFrameworkOwned())
    Msg = llvm::formatv(
        "memory from {0} belongs to the framework: WdfObjectDelete on it "
        "deletes the request that owns it; do not delete it, complete the "
        "request instead",
        ddi(Obj->ddi()).Name);
  else if (Obj->isDeleted())
    Msg = Obj->death() == MemObject::ByDelete
              ? "memory object deleted twice: the first WdfObjectDelete freed "
                "it, so this one frees freed memory; delete each object once"
              : "memory object deleted after it was already freed with its "
                "parent or request; delete it before that or not at all";
  else
    return;
  // Freeing freed memory: nothing after it can be trusted.
  ExplodedNode *N = C.generateErrorNode();
  if (!N)
    return;
  auto R = std::make_unique<PathSensitiveBugReport>(Bug, Msg, N);
  R->markInteresting(Handle);
  if (const Expr *E = Call.getArgExpr(D->HandleArg))
    R->addRange(E->getSourceRange());
  C.emitReport(std::move(R));
}

} // namespace

void registerDoubleDeleteChecker(CheckerManager &Mgr) {
  Mgr.registerChecker<DoubleDeleteChecker>();
}

bool shouldRegisterDoubleDeleteChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
