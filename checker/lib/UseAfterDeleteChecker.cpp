//===- UseAfterDeleteChecker.cpp - WM005 wdf.UseAfterDelete ----------------===//
//
// A memory handle or its buffer used after the object died on this path:
// after WdfObjectDelete, after its parent was deleted, or after the request
// that owns it (as parent, or because it was retrieved from the request)
// was completed.  Uses: the handle passed to a memory DDI, a buffer read or
// written, or a copy from or into it.  Comparing a handle with NULL is not a
// use; WdfObjectDelete on a dead object is WM006.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "MemoryModel.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

class UseAfterDeleteChecker : public Checker<check::PreCall, check::Location> {
public:
  const MemoryModel *Model = nullptr;

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                     CheckerContext &C) const;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM005);

  // When a use is of dead memory: the message, and the symbol to explain.
  bool deadUse(ProgramStateRef State, const MemoryUse &Use, std::string &Msg,
               SymbolRef &Explain) const;
  void report(CheckerContext &C, const std::string &Msg, SymbolRef Explain,
              SourceRange Range) const;
};

StringRef howItDied(MemObject::Death D) {
  switch (D) {
  case MemObject::ByDelete:
    return "WdfObjectDelete deleted it";
  case MemObject::ByParent:
    return "it was deleted with its parent";
  case MemObject::ByCompletion:
    return "completing its request freed it";
  case MemObject::NotDead:
    break;
  }
  return "it was deleted";
}

bool UseAfterDeleteChecker::deadUse(ProgramStateRef State, const MemoryUse &Use,
                                    std::string &Msg, SymbolRef &Explain) const {
  if (Use.Handle) {
    const MemObject *Obj = MemoryModel::object(State, Use.Handle);
    if (!Obj || !Obj->isDeleted())
      return false;
    Explain = Use.Handle;
    Msg = ("memory object used after " + howItDied(Obj->death()) +
           ": its handle is no longer valid; finish every use before the "
           "object is deleted or its request completed")
              .str();
    return true;
  }
  if (!Use.Buffer)
    return false;
  const BufferInfo *Info = MemoryModel::buffer(State, Use.Buffer);
  if (!Info)
    return false;
  if (Info->OwnerIsRequest) {
    if (!MemoryModel::isCompleted(State, Info->Owner))
      return false;
    Explain = Info->Owner;
    Msg = "buffer of a request used after the request was completed: "
          "completion hands it back to the I/O manager; use it before "
          "completing the request";
    return true;
  }
  if (Info->OwnerDeath == MemObject::NotDead)
    return false;
  Explain = Info->Owner;
  Msg = ("buffer of a memory object used after " + howItDied(Info->OwnerDeath) +
         ": the buffer was freed with the object; finish every use before "
         "the object is deleted")
            .str();
  return true;
}

void UseAfterDeleteChecker::report(CheckerContext &C, const std::string &Msg,
                                   SymbolRef Explain, SourceRange Range) const {
  // A use after free: nothing after it can be trusted.
  ExplodedNode *N = C.generateErrorNode();
  if (!N)
    return;
  auto R = std::make_unique<PathSensitiveBugReport>(Bug, Msg, N);
  if (Explain)
    R->markInteresting(Explain);
  if (Range.isValid())
    R->addRange(Range);
  C.emitReport(std::move(R));
}

void UseAfterDeleteChecker::checkPreCall(const CallEvent &Call,
                                         CheckerContext &C) const {
  llvm::SmallVector<MemoryUse, 4> Uses;
  Model->collectUses(Call, /*IncludeDelete=*/false, Uses);
  for (const MemoryUse &Use : Uses) {
    std::string Msg;
    SymbolRef Explain = nullptr;
    if (deadUse(C.getState(), Use, Msg, Explain)) {
      report(C, Msg, Explain, Use.Arg ? Use.Arg->getSourceRange() : SourceRange());
      return;
    }
  }
}

void UseAfterDeleteChecker::checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                                          CheckerContext &C) const {
  const MemRegion *R = Loc.getAsRegion();
  if (!R)
    return;
  MemoryUse Use;
  Use.Buffer = R->getBaseRegion();
  std::string Msg;
  SymbolRef Explain = nullptr;
  if (deadUse(C.getState(), Use, Msg, Explain))
    report(C, Msg, Explain, S ? S->getSourceRange() : SourceRange());
}

} // namespace

void registerUseAfterDeleteChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<UseAfterDeleteChecker>();
  Checker->Model = Mgr.getChecker<MemoryModel>();
}

bool shouldRegisterUseAfterDeleteChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
