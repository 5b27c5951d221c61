//===- DoubleDeleteChecker.cpp - WM006 wdf.DoubleDelete --------------------===//
//
// WdfObjectDelete on a memory object already deleted on this path (by
// WdfObjectDelete, with its parent, or at its request's completion), or on
// memory the framework owns (retrieved from a request: deleting it deletes
// the request itself).  This is WM006 only, not also a use after delete.
//
// A delete also runs the EvtCleanupCallback of the object and of each
// object deleted with it (wdf.MemoryModel finds them): a callback that
// deletes memory already deleted on the path deletes it twice, reported at
// the WdfObjectDelete that runs it; an explicit delete of memory a callback
// already deleted is reported like any second delete.  An object the
// framework disposes at PASSIVE_LEVEL, deleted where the IRQL can be
// higher, runs its callback later, in a work item: nothing then.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "MemoryModel.h"
#include "Refutation.h"

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
  const MemoryModel *Model = nullptr;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM006);
  void reportCleanups(const CallEvent &Call, SymbolRef Handle,
                      CheckerContext &C) const;
  const DdiMatcher Ddis;
};

void DoubleDeleteChecker::checkPreCall(const CallEvent &Call,
                                       CheckerContext &C) const {
  const DdiInfo *D = Ddis.match(Call);
  if (!D || D->Family != WDF_FAMILY_OBJECT_DELETE)
    return;
  SymbolRef Handle = MemoryModel::handleOf(Call.getArgSVal(D->HandleArg));
  const MemObject *Obj = MemoryModel::object(C.getState(), Handle);
  if (!Obj || Obj->isAlive()) {
    reportCleanups(Call, Handle, C);
    return;
  }
  std::string Msg;
  if (Obj->wasFrameworkOwned())
    Msg = llvm::formatv(
        "memory from {0} belongs to the framework: WdfObjectDelete on it "
        "deletes the request that owns it; do not delete it, complete the "
        "request instead",
        ddi(Obj->ddi()).Name);
  else if (Obj->isDeleted() && Obj->death() == MemObject::ByCleanup)
    Msg = llvm::formatv(
        "memory object deleted after EvtCleanupCallback '{0}' already "
        "deleted it: this delete frees freed memory; leave the delete to "
        "the callback, or delete it here and set the field the callback "
        "reads to NULL",
        Obj->cleanup() ? Obj->cleanup()->getName() : "");
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
  auto R = makeReport(Bug, Msg, N);
  R->markInteresting(Handle);
  if (const Expr *E = Call.getArgExpr(D->HandleArg))
    R->addRange(E->getSourceRange());
  C.emitReport(std::move(R));
}

void DoubleDeleteChecker::reportCleanups(const CallEvent &Call,
                                         SymbolRef Handle,
                                         CheckerContext &C) const {
  if (!Model)
    return;
  for (const CleanupDelete &Run : Model->cleanupDeletes(Handle, C)) {
    const MemObject *Target = MemoryModel::object(C.getState(), Run.Target);
    if (Run.InTree || !Target || !Target->isDeleted())
      continue;
    std::string Msg = llvm::formatv(
        "EvtCleanupCallback '{0}' runs inside this WdfObjectDelete and "
        "deletes '{1}', which was already deleted: the memory is freed "
        "twice; set '{1}' to NULL after deleting it and test it in the "
        "callback, or leave the delete to the callback",
        Run.Callback->getName(), Run.Where);
    ExplodedNode *N = C.generateErrorNode();
    if (!N)
      return;
    auto R = makeReport(Bug, Msg, N);
    R->markInteresting(Run.Target);
    R->addRange(Call.getSourceRange());
    C.emitReport(std::move(R));
    return;
  }
}

} // namespace

void registerDoubleDeleteChecker(CheckerManager &Mgr) {
  Mgr.registerChecker<DoubleDeleteChecker>()->Model =
      Mgr.getChecker<MemoryModel>();
}

bool shouldRegisterDoubleDeleteChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
