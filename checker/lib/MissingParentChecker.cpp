//===- MissingParentChecker.cpp - WM002 wdf.MissingParent -------------------===//
//
// A memory object created without a parent (attributes NULL, or ParentObject
// NULL on the path) outside DriverEntry that is still alive when the
// analysed function returns, kept somewhere that outlives it: a context, a
// global, a structure, the return value.  Such an object belongs to the
// driver and lives until unload; created per request, it piles up.
//
// Not reported: a handle kept in a field that the same file passes to
// WdfObjectDelete somewhere (wdf.MemoryModel's field-managed handles).
//
// Reported at the creation call, once per creation site.  An object whose
// last handle is lost instead is WM004's (one finding per object and
// cause).  Fix-it: when the attributes are a local variable and the function
// has a WDFREQUEST parameter, set the request as the parent.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "MemoryModel.h"
#include "Refutation.h"
#include "Support.h"
#include "wdfcheck/Catalog.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

class MissingParentChecker : public Checker<check::EndFunction>,
                             public DeathReporter {
public:
  bool ShowFixIts = false;
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const;
  void reportDeaths(ArrayRef<std::pair<SymbolRef, MemObject>> Dead,
                    ExplodedNode *N, CheckerContext &C) const override;

private:
  void report(SymbolRef Sym, const MemObject &Obj, const ExplodedNode *From,
              CheckerContext &C) const;
  const BugType Bug = ruleBug(this, WDF_RULE_WM002);

  std::optional<FixItHint> parentFixIt(const ExplodedNode *Creation,
                                       const CallExpr *Call, const DdiInfo &D,
                                       CheckerContext &C) const;
};

// The node where the object first appears on the path: its creation.
const ExplodedNode *creationNode(const ExplodedNode *N, SymbolRef Sym) {
  const ExplodedNode *Creation = N;
  for (; N && MemoryModel::object(N->getState(), Sym);
       N = N->pred_empty() ? nullptr : *N->pred_begin())
    Creation = N;
  return Creation;
}

// "attributes.ParentObject = Request;" before the statement that creates
// the object, when both names are at hand.
std::optional<FixItHint>
MissingParentChecker::parentFixIt(const ExplodedNode *Creation,
                                  const CallExpr *Call, const DdiInfo &D,
                                  CheckerContext &C) const {
  if (!Call || D.AttrArg < 0 || Call->getNumArgs() <= (unsigned)D.AttrArg)
    return std::nullopt;
  const auto *Addr =
      dyn_cast<UnaryOperator>(Call->getArg(D.AttrArg)->IgnoreParenImpCasts());
  const auto *Var = Addr && Addr->getOpcode() == UO_AddrOf
                        ? dyn_cast<DeclRefExpr>(Addr->getSubExpr()->IgnoreParens())
                        : nullptr;
  const LocationContext *LC = Creation->getLocationContext();
  const auto *FD = dyn_cast_or_null<FunctionDecl>(LC->getDecl());
  if (!Var || !FD)
    return std::nullopt;
  const ParmVarDecl *Request = nullptr;
  for (const ParmVarDecl *P : FD->parameters())
    if (const auto *TT = P->getType()->getAs<TypedefType>())
      if (TT->getDecl()->getName() == "WDFREQUEST")
        Request = P;
  if (!Request)
    return std::nullopt;
  return insertStatement(Call,
                         (Var->getDecl()->getName() + ".ParentObject = " +
                          Request->getName() + ";")
                             .str(),
                         InsertAt::Before, LC->getParentMap(),
                         C.getSourceManager(), C.getLangOpts());
}

void MissingParentChecker::report(SymbolRef Sym, const MemObject &Obj,
                                  const ExplodedNode *From,
                                  CheckerContext &C) const {
  if (Obj.inDriverEntry())
    return; // objects made at load time are expected to live until unload
  if (Obj.isHeld())
    return; // kept in a field that the file deletes through
  const ExplodedNode *Creation = creationNode(From, Sym);
  std::string Msg = llvm::formatv(
      "memory object from {0} has no parent and outlives this function: it "
      "belongs to the driver and lives until unload, so one per request "
      "piles up; set attributes.ParentObject (e.g. to the request) or "
      "delete it when done",
      ddi(Obj.ddi()).Name);
  auto R = makeReport(
      Bug, Msg, const_cast<ExplodedNode *>(Creation));
  R->markInteresting(Sym);
  const auto *Call = dyn_cast_or_null<CallExpr>(Obj.site());
  if (Call)
    R->addRange(Call->getSourceRange());
  if (ShowFixIts)
    if (std::optional<FixItHint> Fix =
            parentFixIt(Creation, Call, ddi(Obj.ddi()), C))
      R->addFixItHint(*Fix);
  C.emitReport(std::move(R));
}

// Handles stored somewhere that died with the analysed function.
void MissingParentChecker::reportDeaths(ArrayRef<std::pair<SymbolRef, MemObject>> Dead,
                                        ExplodedNode *N,
                                        CheckerContext &C) const {
  for (const auto &[Sym, Obj] : Dead)
    report(Sym, Obj, N, C);
}

// Handles still stored (a global, the return value) when the analysed
// function returns.
void MissingParentChecker::checkEndFunction(const ReturnStmt *RS,
                                            CheckerContext &C) const {
  if (!C.inTopFrame())
    return;
  ExplodedNode *Pred = C.getPredecessor();
  MemoryModel::forEachObject(C.getState(), [&](SymbolRef Sym, const MemObject &Obj) {
    if (Obj.isAlive() && Obj.isCreated() && Obj.isDriverParented() &&
        Obj.isStored())
      report(Sym, Obj, Pred, C);
  });
}

} // namespace

void registerMissingParentChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<MissingParentChecker>();
  Mgr.getChecker<MemoryModel>()->Parentless = Checker;
  Checker->ShowFixIts = Mgr.getAnalyzerOptions().getCheckerBooleanOption(
      Checker, ShowFixItsOption);
}

bool shouldRegisterMissingParentChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
