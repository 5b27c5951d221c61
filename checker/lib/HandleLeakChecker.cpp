//===- HandleLeakChecker.cpp - WM004 wdf.HandleLeak ------------------------===//
//
// The last reference to a live, driver-parented memory object's handle is
// lost: the variable holding it dies or is overwritten, or the function
// returns without storing it.  The object then stays allocated until the
// driver unloads.  Reported where the handle is lost, with a note on the
// creation call; one report per creation site.
//
// Not reported: objects with a parent (the request, the device... reclaim
// them), objects whose parent the path cannot tell, handles stored outside
// the function or passed to code the analyzer cannot see (escaped), handles
// held in a field the file deletes through (until that field is
// overwritten), failed creations.
//
// A handle created or stored into a field (of a context, a global, an
// element of an array field) is lost where that field is overwritten (a
// second creation into it, an assignment) while it holds the only handle:
// reported there.  Not when the path deleted the object, stored the
// handle elsewhere too (a local, another field) or handed it to unknown
// code; objects from an earlier call of the function are unknown to it.  The deaths are found by wdf.MemoryModel,
// which calls back here.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "MemoryModel.h"
#include "Refutation.h"
#include "wdfcheck/Catalog.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

// Not a checker object of its own: the deaths are the model's events, so
// the model holds this reporter, as MallocChecker holds its sub-checkers'
// bug types (the rule keeps its own name, options and enabling).
class HandleLeakReporter : public DeathReporter {
public:
  explicit HandleLeakReporter(CheckerNameRef Name)
      : Bug(ruleBug(Name, WDF_RULE_WM004, /*SuppressOnSink=*/true)) {}
  void reportDeaths(ArrayRef<std::pair<SymbolRef, MemObject>> Dead,
                    ExplodedNode *N, CheckerContext &C) const override;
  void reportOverwrite(SymbolRef Sym, const MemObject &Obj, StringRef Field,
                       ExplodedNode *N, CheckerContext &C) const override;

private:
  const BugType Bug;
};

void HandleLeakReporter::reportDeaths(ArrayRef<std::pair<SymbolRef, MemObject>> Dead,
                                      ExplodedNode *N,
                                      CheckerContext &C) const {
  for (const auto &[Sym, Obj] : Dead) {
    std::string Msg = llvm::formatv(
        "the last handle to the memory object from {0} is lost here: it has "
        "no parent, so it stays allocated until the driver unloads; delete it "
        "with WdfObjectDelete, give it a parent, or store the handle",
        ddi(Obj.ddi()).Name);
    PathDiagnosticLocation Creation = PathDiagnosticLocation::createBegin(
        Obj.site(), C.getSourceManager(), N->getLocationContext());
    auto R = makeReport(
        Bug, Msg, N, Creation, N->getLocationContext()->getDecl());
    R->markInteresting(Sym);
    C.emitReport(std::move(R));
  }
}

// The field held the only handle: the object is unreachable from now on.
void HandleLeakReporter::reportOverwrite(SymbolRef Sym, const MemObject &Obj,
                                         StringRef Field, ExplodedNode *N,
                                         CheckerContext &C) const {
  std::string Msg = llvm::formatv(
      "'{0}' is overwritten here while it holds the last handle to the "
      "memory object from {1}: it has no parent, so it stays allocated "
      "until the driver unloads; delete it with WdfObjectDelete before "
      "reusing '{0}', or give it a parent",
      Field, ddi(Obj.ddi()).Name);
  PathDiagnosticLocation Creation = PathDiagnosticLocation::createBegin(
      Obj.site(), C.getSourceManager(), N->getLocationContext());
  auto R = makeReport(
      Bug, Msg, N, Creation, N->getLocationContext()->getDecl());
  R->markInteresting(Sym);
  C.emitReport(std::move(R));
}

} // namespace

void registerHandleLeakChecker(CheckerManager &Mgr) {
  Mgr.getChecker<MemoryModel>()->Leaks =
      std::make_unique<HandleLeakReporter>(Mgr.getCurrentCheckerName());
}

bool shouldRegisterHandleLeakChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
