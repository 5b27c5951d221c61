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
// overwritten), failed creations.  The deaths are found by wdf.MemoryModel,
// which calls back here.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "MemoryModel.h"
#include "wdfcheck/Catalog.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

class HandleLeakChecker : public Checker<check::EndAnalysis>, public DeathReporter {
public:
  void reportDeaths(ArrayRef<std::pair<SymbolRef, MemObject>> Dead,
                    ExplodedNode *N, CheckerContext &C) const override;
  // Checker<> needs one callback; this one does nothing.
  void checkEndAnalysis(ExplodedGraph &, BugReporter &, ExprEngine &) const {}

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM004, /*SuppressOnSink=*/true);
};

void HandleLeakChecker::reportDeaths(ArrayRef<std::pair<SymbolRef, MemObject>> Dead,
                                     ExplodedNode *N, CheckerContext &C) const {
  for (const auto &[Sym, Obj] : Dead) {
    std::string Msg = llvm::formatv(
        "the last handle to the memory object from {0} is lost here: it has "
        "no parent, so it stays allocated until the driver unloads; delete it "
        "with WdfObjectDelete, give it a parent, or store the handle",
        ddi(Obj.ddi()).Name);
    PathDiagnosticLocation Creation = PathDiagnosticLocation::createBegin(
        Obj.site(), C.getSourceManager(), N->getLocationContext());
    auto R = std::make_unique<PathSensitiveBugReport>(
        Bug, Msg, N, Creation, N->getLocationContext()->getDecl());
    R->markInteresting(Sym);
    C.emitReport(std::move(R));
  }
}

} // namespace

void registerHandleLeakChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<HandleLeakChecker>();
  Mgr.getChecker<MemoryModel>()->Leaks = Checker;
}

bool shouldRegisterHandleLeakChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
