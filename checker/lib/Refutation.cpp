//===- Refutation.cpp - every wdf report, and its path refuted with Z3 ----===//
//
// Part of wdfcheck.  See Refutation.h for why this is not clang's own
// cross-check.
//
//===----------------------------------------------------------------------===//
#include "Refutation.h"

#include "wdfcheck/Catalog.h"

#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporterVisitors.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ExplodedGraph.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ExprEngine.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/RangedConstraintManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SMTConv.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/SMTAPI.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

#if LLVM_WITH_Z3
// Z3's deterministic effort counter, not a clock: the same query gets the
// same answer on a busy machine.  Clang's default is 400,000; paths with a
// few size computations need more (the corpus's usbstream/write.c double
// delete some 1.5 million), and a query over it keeps its report anyway.
constexpr unsigned ResourceLimit = 4'000'000;

// Collects the constraints of the path from the error node up to the
// root, each symbol's from the last node where it was constrained (ranges
// only narrow along a path), and asks Z3 whether they can all hold.
class PathRefuter final : public BugReporterVisitor {
public:
  void Profile(llvm::FoldingSetNodeID &ID) const override {
    static int Tag = 0;
    ID.AddPointer(&Tag);
  }

  PathDiagnosticPieceRef VisitNode(const ExplodedNode *N, BugReporterContext &,
                                   PathSensitiveBugReport &) override {
    collect(N->getState(), /*Replace=*/false);
    return nullptr;
  }

  void finalizeVisitor(BugReporterContext &BRC, const ExplodedNode *ErrorNode,
                       PathSensitiveBugReport &Report) override {
    // The error node's own constraints are the narrowest of all.
    collect(ErrorNode->getState(), /*Replace=*/true);
    if (provedImpossible(BRC.getASTContext()))
      Report.markInvalid(this, nullptr);
  }

private:
  void collect(ProgramStateRef State, bool Replace) {
    for (const auto &[Sym, Ranges] : getConstraintMap(State)) {
      auto [It, New] = Constraints.try_emplace(Sym, Ranges);
      if (!New && Replace)
        It->second = Ranges;
    }
  }

  // Where a constrained symbol sorts: after the symbols it is made of (the
  // newest of them first), then by its spelling -- never by its address.
  struct OrderKey {
    SymbolID Newest = 0;
    std::string Spelling;
    bool operator<(const OrderKey &Other) const {
      return std::tie(Newest, Spelling) <
             std::tie(Other.Newest, Other.Spelling);
    }
  };
  static OrderKey orderOf(SymbolRef Sym) {
    OrderKey Key;
    for (SymbolRef Part : Sym->symbols())
      if (const auto *Data = dyn_cast<SymbolData>(Part))
        Key.Newest = std::max(Key.Newest, Data->getSymbolID());
    llvm::raw_string_ostream OS(Key.Spelling);
    Sym->dumpToStream(OS);
    return Key;
  }

  bool provedImpossible(ASTContext &Ctx) const {
    std::vector<std::pair<OrderKey, std::pair<SymbolRef, RangeSet>>> Ordered;
    for (const auto &Entry : Constraints)
      Ordered.push_back({orderOf(Entry.first), Entry});
    std::sort(Ordered.begin(), Ordered.end(),
              [](const auto &A, const auto &B) { return A.first < B.first; });
    llvm::SMTSolverRef Solver = llvm::CreateZ3Solver();
    Solver->setUnsignedParam("rlimit", ResourceLimit);
    for (const auto &[Key, Constraint] : Ordered) {
      const auto &[Sym, Ranges] = Constraint;
      llvm::SMTExprRef AnyRange = nullptr;
      for (const Range &R : Ranges) {
        llvm::SMTExprRef In = SMTConv::getRangeExpr(
            Solver, Ctx, Sym, R.From(), R.To(), /*InRange=*/true);
        AnyRange = AnyRange ? Solver->mkOr(AnyRange, In) : In;
      }
      if (AnyRange)
        Solver->addConstraint(AnyRange);
    }
    std::optional<bool> Satisfiable = Solver->check();
    // Unknown (over the resource limit): not proved impossible, shown.
    return Satisfiable.has_value() && !*Satisfiable;
  }

  llvm::DenseMap<SymbolRef, RangeSet> Constraints;
};

bool refuting(const ExplodedNode *N) {
  AnalyzerOptions &Options = N->getState()
                                 ->getStateManager()
                                 .getOwningEngine()
                                 .getAnalysisManager()
                                 .getAnalyzerOptions();
  return Options.getCheckerBooleanOption(IrqlModelName, RefuteOption);
}
#endif

std::unique_ptr<PathSensitiveBugReport>
withRefutation(std::unique_ptr<PathSensitiveBugReport> Report,
               const ExplodedNode *N) {
#if LLVM_WITH_Z3
  if (refuting(N))
    Report->addVisitor<PathRefuter>();
#else
  (void)N;
#endif
  return Report;
}

} // namespace

std::unique_ptr<PathSensitiveBugReport>
makeReport(const BugType &Bug, llvm::StringRef Message, const ExplodedNode *N) {
  return withRefutation(
      std::make_unique<PathSensitiveBugReport>(Bug, Message, N), N);
}

std::unique_ptr<PathSensitiveBugReport>
makeReport(const BugType &Bug, llvm::StringRef Message, const ExplodedNode *N,
           PathDiagnosticLocation UniqueAt, const Decl *UniqueIn) {
  return withRefutation(std::make_unique<PathSensitiveBugReport>(
                            Bug, Message, N, UniqueAt, UniqueIn),
                        N);
}

} // namespace wdfcheck
