//===- UseAfterDeleteChecker.cpp - WM005 wdf.UseAfterDelete ----------------===//
//
// A memory handle or its buffer used after the object died on this path:
// after WdfObjectDelete, after its parent was deleted, or after the request
// that owns it (as parent, or because it was retrieved from the request)
// was completed.  Uses:
//
//   - the handle passed to a memory DDI, a buffer read or written, or a
//     copy from or into it (the tables say which arguments);
//   - the handle or buffer put in a WDF_MEMORY_DESCRIPTOR (a descriptor
//     exists only to be handed to a DDI);
//   - the handle or buffer passed on, as a pointer argument, to a callee the
//     analysis does not follow: one declared without a body (defined in
//     another file, in single-file mode), or defined in a system header
//     (the WDK's FORCEINLINE wrappers call the framework through a table),
//     and any argument of a DDI row that does not list all its uses.
//
// Not uses: comparing a handle (with NULL or another); a variadic argument
// (DbgPrint and trace calls print the value); an argument of a function
// whose body the analyzer analyses (including a definition CTU imports),
// where the uses inside the body count; a call through an unknown function
// pointer.  WdfObjectDelete on a dead object is WM006.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "MemoryModel.h"
#include "Refutation.h"

#include "clang/AST/Decl.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"

#include <optional>

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

// What died, and how: the facts every WM005 message is made of.
struct DeadMemory {
  enum What : unsigned char { Handle, RequestBuffer, ObjectBuffer };
  What Kind;
  MemObject::Death How;
  const char *From; // the DDI the handle or buffer came from, or null
  SymbolRef Explain;
  const FunctionDecl *Cleanup = nullptr; // the callback that deleted it
};

class UseAfterDeleteChecker : public Checker<check::PreCall, check::Location> {
public:
  const MemoryModel *Model = nullptr;

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                     CheckerContext &C) const;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM005);

  void report(CheckerContext &C, const std::string &Msg, SymbolRef Explain,
              SourceRange Range) const;
  // The callee, when the call passes its pointer arguments on to code the
  // analysis does not follow; null otherwise.
  const FunctionDecl *passesOn(const CallEvent &Call, CheckerContext &C) const;
};

std::string howItDied(MemObject::Death D, const FunctionDecl *Cleanup) {
  switch (D) {
  case MemObject::ByCleanup:
    if (Cleanup)
      return ("EvtCleanupCallback '" + Cleanup->getName() +
              "' deleted it when its object was deleted")
          .str();
    return "a cleanup callback deleted it";
  case MemObject::ByDelete:
    return "WdfObjectDelete deleted it";
  case MemObject::ByParent:
    return "it was deleted with its parent";
  case MemObject::ByCompletion:
    return "its request was completed, which freed it";
  case MemObject::NotDead:
    break;
  }
  return "it was deleted";
}

// The same, said of a buffer whose memory object died.
StringRef howItsObjectDied(MemObject::Death D) {
  switch (D) {
  case MemObject::ByCleanup:
    return "a cleanup callback deleted its memory object";
  case MemObject::ByDelete:
    return "WdfObjectDelete deleted its memory object";
  case MemObject::ByParent:
    return "its memory object was deleted with its parent";
  case MemObject::ByCompletion:
    return "completing the request freed its memory object";
  case MemObject::NotDead:
    break;
  }
  return "its memory object was deleted";
}

// The last moment the memory was still alive.
StringRef beforeDeath(MemObject::Death D) {
  switch (D) {
  case MemObject::ByCleanup:
    return "before deleting the object whose cleanup callback deletes it";
  case MemObject::ByParent:
    return "before deleting its parent";
  case MemObject::ByCompletion:
    return "before completing the request";
  case MemObject::ByDelete:
  case MemObject::NotDead:
    break;
  }
  return "before deleting the object";
}

std::optional<DeadMemory> deadOf(ProgramStateRef State, const MemoryUse &Use) {
  if (Use.Handle) {
    const MemObject *Obj = MemoryModel::object(State, Use.Handle);
    if (!Obj || !Obj->isDeleted())
      return std::nullopt;
    // A handle the path only saw deleted came from nowhere it knows.
    const char *From = Obj->isCreated() || Obj->wasFrameworkOwned()
                           ? ddi(Obj->ddi()).Name
                           : nullptr;
    return DeadMemory{DeadMemory::Handle, Obj->death(), From, Use.Handle,
                      Obj->cleanup()};
  }
  const BufferInfo *Info = MemoryModel::buffer(State, Use.Buffer);
  if (!Info)
    return std::nullopt;
  const char *From = ddi(Info->Ddi).Name;
  if (Info->OwnerIsRequest) {
    if (!MemoryModel::isCompleted(State, Info->Owner))
      return std::nullopt;
    return DeadMemory{DeadMemory::RequestBuffer, MemObject::ByCompletion, From,
                      Info->Owner};
  }
  if (Info->OwnerDeath == MemObject::NotDead)
    return std::nullopt;
  return DeadMemory{DeadMemory::ObjectBuffer, Info->OwnerDeath, From,
                    Info->Owner};
}

// A DDI or a copy working on dead memory, or a dereference of it.
std::string usedMessage(const DeadMemory &D) {
  switch (D.Kind) {
  case DeadMemory::Handle:
    return ("memory object used after " + howItDied(D.How, D.Cleanup) +
            ": its handle is no longer valid; finish every use before the "
            "object is deleted or its request completed");
  case DeadMemory::RequestBuffer:
    return "buffer of a request used after the request was completed: "
           "completion hands it back to the I/O manager; use it before "
           "completing the request";
  case DeadMemory::ObjectBuffer:
    break;
  }
  return ("buffer of a memory object used after " + howItDied(D.How, nullptr) +
          ": the buffer was freed with the object; finish every use before "
          "the object is deleted");
}

// Dead memory handed on: "<what> is <Verb> after <death>; <Why>: <what
// that means>; <Fix> <when>".
std::string handedOnMessage(const DeadMemory &D, StringRef Verb, StringRef Why,
                            StringRef Fix) {
  std::string Msg =
      D.Kind == DeadMemory::Handle ? "the memory object" : "the buffer";
  if (D.From)
    Msg += std::string(" from ") + D.From;
  Msg += (" is " + Verb + " after ").str();
  switch (D.Kind) {
  case DeadMemory::Handle:
    Msg += howItDied(D.How, D.Cleanup);
    Msg += "; " + Why.str() + ": its handle is no longer valid";
    break;
  case DeadMemory::RequestBuffer:
    Msg += "its request was completed; " + Why.str() +
           ": completion hands it back to the I/O manager";
    break;
  case DeadMemory::ObjectBuffer:
    Msg += howItsObjectDied(D.How);
    Msg += "; " + Why.str() + ": the buffer was freed with the object";
    break;
  }
  return Msg + "; " + Fix.str() + " " + beforeDeath(D.How).str();
}

void UseAfterDeleteChecker::report(CheckerContext &C, const std::string &Msg,
                                   SymbolRef Explain, SourceRange Range) const {
  // A use after free: nothing after it can be trusted.
  ExplodedNode *N = C.generateErrorNode();
  if (!N)
    return;
  auto R = makeReport(Bug, Msg, N);
  if (Explain)
    R->markInteresting(Explain);
  if (Range.isValid())
    R->addRange(Range);
  C.emitReport(std::move(R));
}

const FunctionDecl *UseAfterDeleteChecker::passesOn(const CallEvent &Call,
                                                    CheckerContext &C) const {
  if (!isa<AnyFunctionCall>(Call))
    return nullptr; // a block, an Objective-C message
  // Through a function pointer the analysis cannot resolve: the callee is
  // unknown, it may well be this file's own code.
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD)
    return nullptr;
  // A DDI or a copy: the table lists its uses (collectUses), or, for the
  // other rows, every pointer argument reaches the framework.
  if (Model->describesAllUses(Call))
    return nullptr;
  if (Model->ddis().match(Call))
    return FD;
  // A body the analyzer analyses: the uses inside it count, not the call.
  // Under CTU the runtime definition is the one imported from another file.
  const Decl *Def = nullptr;
  if (C.getAnalysisManager().getAnalyzerOptions().IsNaiveCTUEnabled) {
    Def = Call.getRuntimeDefinition().getDecl();
  } else {
    const FunctionDecl *Body = nullptr;
    if (FD->hasBody(Body))
      Def = Body;
  }
  // A definition in a system header is the library's: the WDK's DDI
  // wrappers hand their arguments to the framework through a table of
  // function pointers, which the analysis does not follow.
  return Def && !inSystemHeader(Def) ? nullptr : FD;
}

void UseAfterDeleteChecker::checkPreCall(const CallEvent &Call,
                                         CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  llvm::SmallVector<MemoryUse, 4> Uses;
  Model->collectUses(Call, /*IncludeDelete=*/false, Uses);
  for (const MemoryUse &Use : Uses) {
    std::optional<DeadMemory> Dead = deadOf(State, Use);
    if (!Dead)
      continue;
    std::string Msg =
        Use.How == MemoryUse::Described
            ? handedOnMessage(*Dead, "put in a memory descriptor",
                              "a descriptor only exists to hand it to a DDI",
                              "fill and send the descriptor")
            : usedMessage(*Dead);
    report(C, Msg, Dead->Explain,
           Use.Arg ? Use.Arg->getSourceRange() : SourceRange());
    return;
  }

  const FunctionDecl *Callee = passesOn(Call, C);
  if (!Callee)
    return;
  std::string Name = Callee->getNameAsString();
  for (unsigned I = 0, E = Call.getNumArgs(); I != E; ++I) {
    const Expr *Arg = Call.getArgExpr(I);
    if (!Arg)
      continue;
    // A variadic argument is printed or traced: its value, not its memory.
    QualType T;
    if (I < Callee->getNumParams())
      T = Callee->getParamDecl(I)->getType();
    else if (Callee->isVariadic())
      continue;
    else
      T = Arg->getType(); // an unprototyped callee
    // Only a pointer carries a handle or a buffer to be used through.
    if (!T->isAnyPointerType())
      continue;
    SVal V = Call.getArgSVal(I);
    MemoryUse Use;
    Use.Arg = Arg;
    if (MemoryModel::object(State, MemoryModel::handleOf(V)))
      Use.Handle = MemoryModel::handleOf(V);
    else if (const MemRegion *R = V.getAsRegion())
      Use.Buffer = R->getBaseRegion();
    std::optional<DeadMemory> Dead = deadOf(State, Use);
    if (!Dead)
      continue;
    std::string Msg = handedOnMessage(*Dead, "passed to " + Name,
                                      "the callee may use it", "call " + Name);
    report(C, Msg, Dead->Explain, Arg->getSourceRange());
    return;
  }
}

void UseAfterDeleteChecker::checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                                          CheckerContext &C) const {
  const MemRegion *R = Loc.getAsRegion();
  if (!R)
    return;
  MemoryUse Use;
  Use.Buffer = R->getBaseRegion();
  if (std::optional<DeadMemory> Dead = deadOf(C.getState(), Use))
    report(C, usedMessage(*Dead), Dead->Explain,
           S ? S->getSourceRange() : SourceRange());
}

} // namespace

void registerUseAfterDeleteChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<UseAfterDeleteChecker>();
  Checker->Model = Mgr.getChecker<MemoryModel>();
}

bool shouldRegisterUseAfterDeleteChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
