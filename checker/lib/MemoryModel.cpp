//===- MemoryModel.cpp - the life of WDFMEMORY objects and their buffers --===//
//
// See MemoryModel.h for the state machine.  The program state:
//
//   WdfMemObjects   handle symbol -> MemObject
//   WdfBuffers      buffer base region -> its owner (object or request) and
//                   whether it is an untrusted destination
//   WdfFailed       the out-handles and out-buffers a failed call left (NULL)
//   WdfCompleted    requests completed on this path, while their handle or
//                   a buffer they own can still be used
//   WdfLookasides   lookaside handle -> the parent its memory objects get
//   WdfLookasidePaged  lookaside handle (keyOf) -> whether its pool is paged,
//                   for WM001 (recorded through recordLookasidePool)
//   WdfHeldBinds    the handle the bind being made stores into a managed
//                   field: that bind's escape is not an escape
//   WdfCleanups     object handle (any object a create DDI made on the path)
//                   -> its EvtCleanupCallback, its parent, and whether the
//                   framework disposes it at PASSIVE_LEVEL
//   WdfPendingCleanups  a create call -> what its attributes said, from
//                   before the call until its out-handle is known
//   WdfContexts     (object, context type) -> the context pointer: every
//                   accessor call on one object returns the same context
//   WdfCopiedHandles  handles copied inside a whole structure (a struct
//                   assignment, a trivially copied C++ object): held in a
//                   second place the store's direct bindings do not show
//
//===----------------------------------------------------------------------===//
#include "MemoryModel.h"
#include "IrqlEntry.h"
#include "IrqlModel.h"
#include "Checkers.h"
#include "Support.h"
#include "wdfcheck/Catalog.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/DynamicExtent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/Support/FormatVariadic.h"

#include <set>

using namespace clang;
using namespace clang::ento;
using namespace wdfcheck;

namespace {
// The parent that memory taken from a lookaside list gets.
struct LookasideParent {
  SymbolRef Parent;
  bool Known;
  bool operator==(const LookasideParent &O) const {
    return Parent == O.Parent && Known == O.Known;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Parent);
    ID.AddBoolean(Known);
  }
};
// What the attributes of an object's creation said about its cleanup.
struct ObjectCleanup {
  const FunctionDecl *Callback; // EvtCleanupCallback, or null
  SymbolRef Parent;             // ParentObject, or null
  bool Passive;                 // disposed at PASSIVE_LEVEL (roles.def)
  bool operator==(const ObjectCleanup &O) const {
    return Callback == O.Callback && Parent == O.Parent && Passive == O.Passive;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Callback);
    ID.AddPointer(Parent);
    ID.AddBoolean(Passive);
  }
};
// An object (keyOf its handle) and the descriptor of a context type.
using ContextKey = std::pair<SymbolRef, const VarDecl *>;

// The objects the framework disposes at PASSIVE_LEVEL (WDF_ROLE_OBJECT).
struct PassiveObject {
  wdf_ddi_id Create;
  wdf_object_when When;
};
const PassiveObject PassiveObjects[] = {
#define WDF_ROLE_OBJECT(CreateDdi, When, Cleanup, Destroy)                     \
  {WDF_DDI_##CreateDdi, WDF_OBJECT_##When},
#include "roles.def"
};
} // namespace

REGISTER_MAP_WITH_PROGRAMSTATE(WdfMemObjects, SymbolRef, MemObject)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfBuffers, const MemRegion *, BufferInfo)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfFailed, SymbolRef, FailedValue)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfFailedAt, const MemRegion *, FailedValue)
REGISTER_SET_WITH_PROGRAMSTATE(WdfCompleted, SymbolRef)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfLookasides, SymbolRef, LookasideParent)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfLookasidePaged, const void *, bool)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfLost, SymbolRef, LostObject)
// A helper returning a failed call's NULL: its call site -> what failed, until
// the caller stores the result.
REGISTER_MAP_WITH_PROGRAMSTATE(WdfFailedReturns, const void *, FailedValue)
REGISTER_SET_WITH_PROGRAMSTATE(WdfHeldBinds, SymbolRef)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfCleanups, SymbolRef, ObjectCleanup)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfPendingCleanups, const void *, ObjectCleanup)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfContexts, ContextKey, SymbolRef)
REGISTER_SET_WITH_PROGRAMSTATE(WdfCopiedHandles, SymbolRef)

namespace wdfcheck {
namespace {

// Tags that keep the symbols one call conjures apart.
const int HandleTag = 0, FailedHandleTag = 0, FailedBufferTag = 0,
          LengthTag = 0, ContextTag = 0;

bool isDriverEntryFrame(const LocationContext *LC) {
  for (; LC; LC = LC->getParent())
    if (isDriverEntry(dyn_cast_or_null<FunctionDecl>(LC->getDecl())))
      return true;
  return false;
}

// The field of the attributes structure that names the parent.
const FieldDecl *parentField(QualType AttributesPtr) {
  const RecordDecl *RD = AttributesPtr->getPointeeType()->getAsRecordDecl();
  if (!RD)
    return nullptr;
  for (const FieldDecl *FD : RD->fields())
    if (FD->getIdentifier() && FD->getName() == "ParentObject")
      return FD;
  return nullptr;
}

// Reads ParentObject from the attributes argument on this path.  Known is
// false when the path does not pin down whether there is a parent.
void parentFromAttributes(const CallEvent &Call, int AttrArg,
                          CheckerContext &C, SymbolRef &Parent, bool &Known) {
  Parent = nullptr;
  Known = false;
  ProgramStateRef State = C.getState();
  SVal Attr = Call.getArgSVal(AttrArg);
  auto AttrDef = Attr.getAs<DefinedOrUnknownSVal>();
  if (!AttrDef)
    return;
  auto [NonNull, Null] = State->assume(*AttrDef);
  if (Null && !NonNull) { // WDF_NO_OBJECT_ATTRIBUTES
    Known = true;
    return;
  }
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  const FieldDecl *Field =
      FD ? parentField(FD->getParamDecl(AttrArg)->getType()) : nullptr;
  const auto *Base = dyn_cast_or_null<SubRegion>(Attr.getAsRegion());
  if (!Field || !Base)
    return;
  const FieldRegion *FR =
      C.getStoreManager().getRegionManager().getFieldRegion(Field, Base);
  SVal Value = State->getSVal(FR, Field->getType());
  auto ValueDef = Value.getAs<DefinedOrUnknownSVal>();
  if (!ValueDef || Value.isUnknown())
    return;
  auto [HasParent, NoParent] = State->assume(*ValueDef);
  if (NoParent && !HasParent) {
    Known = true; // ParentObject == NULL: the driver
  } else if (HasParent) {
    // A handle value (the request parameter, a device): the framework never
    // hands out NULL handles, so it names a parent.
    Parent = MemoryModel::handleOf(Value);
    Known = Parent != nullptr;
  }
}

SVal conjurePointer(CheckerContext &C, const void *Tag, const Expr *E,
                    QualType T) {
  return C.getSValBuilder().conjureSymbolVal(Tag, E, C.getLocationContext(),
                                             T, C.blockCount());
}

// A status split: the success state (status >= 0) and the failure state.
std::pair<ProgramStateRef, ProgramStateRef>
splitStatus(CheckerContext &C, const CallEvent &Call, const Expr *CE,
            ProgramStateRef Before = nullptr) {
  SValBuilder &SVB = C.getSValBuilder();
  QualType StatusTy = Call.getResultType();
  SVal Status = SVB.conjureSymbolVal(nullptr, CE, C.getLocationContext(),
                                     StatusTy, C.blockCount());
  ProgramStateRef State = (Before ? Before : C.getState())
                              ->BindExpr(CE, C.getLocationContext(), Status);
  SVal Ok = SVB.evalBinOp(State, BO_GE, Status, SVB.makeZeroVal(StatusTy),
                          SVB.getConditionType());
  auto OkDef = Ok.getAs<DefinedOrUnknownSVal>();
  if (!OkDef)
    return {State, nullptr};
  return State->assume(*OkDef);
}

// The pointee location of an out-parameter, when it is a usable pointer.
std::optional<Loc> outLocation(const CallEvent &Call, int Arg,
                               ProgramStateRef State) {
  if (Arg < 0)
    return std::nullopt;
  auto L = Call.getArgSVal(Arg).getAs<Loc>();
  if (!L)
    return std::nullopt;
  // A pointer that may be NULL is taken to be valid (a field at offset 0 of
  // a pointer parameter looks like that); one that must be NULL is not.
  auto [NonNull, Null] = State->assume(*L);
  if (!NonNull)
    return std::nullopt;
  return L;
}

QualType pointeeOfParam(const CallEvent &Call, int Arg) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD || Arg < 0)
    return QualType();
  return FD->getParamDecl(Arg)->getType()->getPointeeType();
}

// A NULL the failed call leaves in an out-parameter: a symbol constrained to
// NULL, so that uses of it can be recognised (WM009).
ProgramStateRef bindFailedOut(ProgramStateRef State, CheckerContext &C,
                              const Expr *CE, Loc Out, QualType T,
                              const void *Tag, FailedValue Why) {
  if (T.isNull() || !Loc::isLocType(T))
    T = C.getASTContext().VoidPtrTy;
  SVal Null = conjurePointer(C, Tag, CE, T);
  if (auto NullDef = Null.getAs<DefinedOrUnknownSVal>())
    State = State->assume(*NullDef, false);
  if (!State)
    return nullptr;
  State = State->bindLoc(Out, Null, C.getLocationContext());
  if (SymbolRef Sym = Null.getAsSymbol())
    State = State->set<WdfFailed>(Sym, Why);
  // The analyzer may fold the NULL symbol into a plain NULL when it is
  // loaded: remember where it was stored too.
  Why.Frame = C.getStackFrame();
  if (const MemRegion *R = Out.getAsRegion())
    State = State->set<WdfFailedAt>(R, Why);
  return State;
}

StringRef deathText(MemObject::Death D) {
  switch (D) {
  case MemObject::ByDelete:
    return "deleted here";
  case MemObject::ByParent:
    return "deleted here with its parent";
  case MemObject::ByCompletion:
    return "request completed here; memory parented to it is freed";
  case MemObject::ByCleanup:
    return "deleted here by a cleanup callback";
  case MemObject::NotDead:
    break;
  }
  return "";
}

// The fields a translation unit deletes through: passed to WdfObjectDelete
// (ctx->Field, g.Field, this->Field, or a local copy of the field) by a
// function that does not also store a new handle into that field.  Deleting
// the old object while replacing it (`old = ctx->F; ctx->F = fresh;
// WdfObjectDelete(old);`) retires the previous object only: the newest one
// is never deleted, so the field stays unmanaged.  Storing NULL is not a
// new handle.
class DeletedFieldFinder : public RecursiveASTVisitor<DeletedFieldFinder> {
  using Base = RecursiveASTVisitor<DeletedFieldFinder>;

public:
  DeletedFieldFinder(const DdiMatcher &Ddis, ASTContext &Ctx,
                     llvm::DenseSet<const FieldDecl *> &Fields)
      : Ddis(Ddis), Ctx(Ctx), Fields(Fields) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (inSystemHeader(D))
      return true; // no driver code there
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      return Base::TraverseDecl(D);
    Functions.emplace_back();
    bool Result = Base::TraverseDecl(D);
    finish(Functions.back());
    Functions.pop_back();
    return Result;
  }

  bool VisitCallExpr(CallExpr *CE) {
    const DdiInfo *D = Ddis.matchDecl(CE->getDirectCallee());
    if (!D || Functions.empty())
      return true;
    FunctionFacts &F = Functions.back();
    // A creation straight into a field stores a new handle there.
    if (D->Family == WDF_FAMILY_MEMORY_CREATE && D->OutArg >= 0 &&
        CE->getNumArgs() > unsigned(D->OutArg))
      if (const auto *Addr = dyn_cast<UnaryOperator>(
              CE->getArg(D->OutArg)->IgnoreParenCasts()))
        if (Addr->getOpcode() == UO_AddrOf)
          if (const FieldDecl *Field = fieldOf(Addr->getSubExpr()))
            F.Stored.insert(Field);
    if (D->Family != WDF_FAMILY_OBJECT_DELETE || D->HandleArg < 0 ||
        CE->getNumArgs() <= unsigned(D->HandleArg))
      return true;
    const Expr *Arg = CE->getArg(D->HandleArg);
    if (const FieldDecl *Field = fieldOf(Arg))
      F.Deleted.insert(Field);
    else if (const VarDecl *V = localVariableOf(Arg))
      F.DeletedCopies.insert(V);
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (!Functions.empty() && V->hasLocalStorage() && V->getInit())
      copy(V, V->getInit());
    return true;
  }
  // for (WDFMEMORY m : ctx->Buffers): the loop variable is each element of
  // the field in turn, a copy of it as much as `m = ctx->Buffers[i]`.
  bool VisitCXXForRangeStmt(CXXForRangeStmt *FS) {
    if (!Functions.empty() && FS->getRangeInit())
      copy(FS->getLoopVariable(), FS->getRangeInit());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (Functions.empty() || BO->getOpcode() != BO_Assign)
      return true;
    if (const VarDecl *V = localVariableOf(BO->getLHS()))
      copy(V, BO->getRHS());
    else if (const FieldDecl *Field = fieldOf(BO->getLHS()))
      if (!BO->getRHS()->isNullPointerConstant(
              Ctx, Expr::NPC_ValueDependentIsNotNull))
        Functions.back().Stored.insert(Field);
    return true;
  }

private:
  struct FunctionFacts {
    llvm::SmallPtrSet<const FieldDecl *, 4> Deleted, Stored;
    llvm::SmallPtrSet<const VarDecl *, 4> DeletedCopies;
    llvm::DenseMap<const VarDecl *, llvm::SmallVector<const FieldDecl *, 2>>
        Copies;
  };

  void finish(const FunctionFacts &F) {
    auto add = [&](const FieldDecl *Field) {
      if (!F.Stored.contains(Field))
        Fields.insert(Field);
    };
    for (const FieldDecl *Field : F.Deleted)
      add(Field);
    for (const VarDecl *V : F.DeletedCopies) {
      auto It = F.Copies.find(V);
      if (It != F.Copies.end())
        for (const FieldDecl *Field : It->second)
          add(Field);
    }
  }

  // ctx->Field, g.Field, and an element of an array field (ctx->Buf[i]).
  static const FieldDecl *fieldOf(const Expr *E) {
    E = E->IgnoreParenCasts();
    while (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      E = AS->getBase()->IgnoreParenCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        return F->getCanonicalDecl();
    return nullptr;
  }
  void copy(const VarDecl *V, const Expr *From) {
    if (const FieldDecl *F = fieldOf(From))
      Functions.back().Copies[V->getCanonicalDecl()].push_back(F);
  }

  const DdiMatcher &Ddis;
  ASTContext &Ctx;
  llvm::DenseSet<const FieldDecl *> &Fields;
  llvm::SmallVector<FunctionFacts, 2> Functions;
};

// The descriptor of a context type named in an accessor's argument
// (WDF_GET_CONTEXT_TYPE_INFO(T)->UniqueType names _WDF_T_TYPE_INFO).
const VarDecl *typeInfoOf(const Stmt *E) {
  if (!E)
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->hasGlobalStorage())
        return V->getCanonicalDecl();
  for (const Stmt *Child : E->children())
    if (const VarDecl *V = typeInfoOf(Child))
      return V;
  return nullptr;
}

bool refersTo(const Expr *E, const ValueDecl *D) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  return DRE && DRE->getDecl() == D;
}

// What one function deletes on every path through it, when it runs as an
// EvtCleanupCallback for the object given as its parameter: the handles it
// passes to WdfObjectDelete from a field of that object's context (read
// through the context accessor, WdfObjectGetTypedContext, or a local
// holding either) or from a global.  Only deletes that every run reaches:
// at the top of the body, or under an `if` that only tests the same handle
// against NULL, with no return before them other than one taken when the
// context pointer is NULL.  Anything else (a flag, a loop) may skip the
// delete, and the callback is then not known to delete.
class CleanupSummary {
public:
  CleanupSummary(const DdiMatcher &Ddis, const FunctionDecl *FD,
                 ASTContext &Ctx)
      : Ddis(Ddis), FD(FD), Ctx(Ctx), PM(FD->getBody()) {}

  llvm::SmallVector<MemoryModel::CleanupTarget, 1> run() {
    llvm::SmallVector<MemoryModel::CleanupTarget, 1> Targets;
    if (FD->getNumParams() != 1)
      return Targets;
    Param = FD->getParamDecl(0);
    collect(FD->getBody());
    for (const CallExpr *Delete : Deletes) {
      std::optional<MemoryModel::CleanupTarget> T =
          target(Delete->getArg(0));
      if (T && alwaysReached(Delete, *T))
        Targets.push_back(*T);
    }
    return Targets;
  }

private:
  // The context type a call of an accessor on the parameter returns.
  const VarDecl *contextCall(const Expr *E) const {
    const auto *CE = dyn_cast<CallExpr>(E->IgnoreParenCasts());
    if (!CE || CE->getNumArgs() < 1 || !refersTo(CE->getArg(0), Param))
      return nullptr;
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return nullptr;
    const DdiInfo *D = Ddis.matchDecl(Callee);
    if (D && D->Id == WDF_DDI_WdfObjectGetTypedContextWorker &&
        CE->getNumArgs() == 2)
      return typeInfoOf(CE->getArg(1));
    // A casting function: return WdfObjectGetTypedContextWorker(Handle, T).
    const FunctionDecl *Def = nullptr;
    if (!Callee->hasBody(Def) || Def->getNumParams() != 1)
      return nullptr;
    const auto *Body = dyn_cast<CompoundStmt>(Def->getBody());
    if (!Body || Body->size() != 1)
      return nullptr;
    const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
    if (!Ret || !Ret->getRetValue())
      return nullptr;
    const auto *Inner = dyn_cast<CallExpr>(Ret->getRetValue()->IgnoreParenCasts());
    if (!Inner || Inner->getNumArgs() != 2 ||
        !refersTo(Inner->getArg(0), Def->getParamDecl(0)))
      return nullptr;
    const DdiInfo *ID = Ddis.matchDecl(Inner->getDirectCallee());
    if (!ID || ID->Id != WDF_DDI_WdfObjectGetTypedContextWorker)
      return nullptr;
    return typeInfoOf(Inner->getArg(1));
  }

  void collect(const Stmt *S) {
    if (!S)
      return;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (V->getInit())
            if (const VarDecl *TI = contextInit(V))
              Contexts[V] = TI;
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      if (BO->getOpcode() == BO_Assign)
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenCasts()))
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
            const VarDecl *TI = contextCall(BO->getRHS());
            if (TI && !Reassigned.count(V))
              Contexts[V] = TI;
            else {
              Contexts.erase(V);
              Reassigned.insert(V);
            }
          }
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      const DdiInfo *D = Ddis.matchDecl(CE->getDirectCallee());
      if (D && D->Family == WDF_FAMILY_OBJECT_DELETE && CE->getNumArgs() == 1)
        Deletes.push_back(CE);
    }
    if (const auto *RS = dyn_cast<ReturnStmt>(S))
      Returns.push_back(RS);
    for (const Stmt *Child : S->children())
      collect(Child);
  }

  // The context a local is initialised with: a pointer from the accessor,
  // or in C++ a reference to what it points to (`T &c = *GetT(Object);`).
  const VarDecl *contextInit(const VarDecl *V) const {
    const Expr *Init = V->getInit()->IgnoreParenCasts();
    if (V->getType()->isReferenceType()) {
      const auto *Deref = dyn_cast<UnaryOperator>(Init);
      if (!Deref || Deref->getOpcode() != UO_Deref)
        return nullptr;
      Init = Deref->getSubExpr();
    }
    return contextCall(Init);
  }

  // A context pointer: a local holding an accessor's result, or the call.
  const VarDecl *contextOf(const Expr *E) const {
    E = E->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      auto It = Contexts.find(DRE->getDecl());
      return It == Contexts.end() ? nullptr : It->second;
    }
    return contextCall(E);
  }

  std::optional<MemoryModel::CleanupTarget> target(const Expr *E) const {
    MemoryModel::CleanupTarget T;
    E = E->IgnoreParenCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      T.Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
      const Expr *Base = ME->getBase()->IgnoreParenCasts();
      if (ME->isArrow())
        T.TypeInfo = contextOf(Base);
      else if (const auto *DRE = dyn_cast<DeclRefExpr>(Base))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
          if (V->hasGlobalStorage())
            T.Global = V;
          else if (V->getType()->isReferenceType())
            T.TypeInfo = contextOf(Base); // a reference to the context
        }
      if (!T.Field || (!T.TypeInfo && !T.Global))
        return std::nullopt;
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V || !V->hasGlobalStorage())
        return std::nullopt;
      T.Global = V;
    } else {
      return std::nullopt;
    }
    T.Text = Lexer::getSourceText(
                 CharSourceRange::getTokenRange(E->getSourceRange()),
                 Ctx.getSourceManager(), Ctx.getLangOpts())
                 .str();
    if (T.Text.empty())
      return std::nullopt;
    return T;
  }

  static bool sameTarget(const MemoryModel::CleanupTarget &A,
                         const MemoryModel::CleanupTarget &B) {
    return A.TypeInfo == B.TypeInfo && A.Global == B.Global &&
           A.Field == B.Field;
  }

  // Cond only tests T against NULL (T, T != NULL, NULL != T).
  bool testsNull(const Expr *Cond, const MemoryModel::CleanupTarget &T) const {
    Cond = Cond->IgnoreParenCasts();
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      if (BO->getOpcode() != BO_NE)
        return false;
      const Expr *L = BO->getLHS(), *R = BO->getRHS();
      if (L->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        std::swap(L, R);
      if (!R->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        return false;
      Cond = L;
    }
    std::optional<MemoryModel::CleanupTarget> Tested = target(Cond);
    return Tested && sameTarget(*Tested, T);
  }

  // Cond holds when the context pointer is NULL (!ctx, ctx == NULL).
  bool testsContextNull(const Expr *Cond) const {
    Cond = Cond->IgnoreParenCasts();
    const Expr *Tested = nullptr;
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
      if (UO->getOpcode() == UO_LNot)
        Tested = UO->getSubExpr();
    } else if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      if (BO->getOpcode() == BO_EQ) {
        const Expr *L = BO->getLHS(), *R = BO->getRHS();
        if (L->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
          std::swap(L, R);
        if (R->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
          Tested = L;
      }
    }
    return Tested && contextOf(Tested);
  }

  bool alwaysReached(const CallExpr *Delete,
                     const MemoryModel::CleanupTarget &T) const {
    const Stmt *Body = FD->getBody();
    for (const Stmt *S = Delete, *P = PM.getParent(S); S != Body;
         S = P, P = PM.getParent(S)) {
      if (!P)
        return false;
      if (isa<CompoundStmt, ExprWithCleanups, ImplicitCastExpr, CStyleCastExpr,
              ParenExpr, AttributedStmt>(P))
        continue;
      const auto *If = dyn_cast<IfStmt>(P);
      if (!If || If->getThen() != S || If->getInit() ||
          If->getConditionVariable() || !testsNull(If->getCond(), T))
        return false;
    }
    const SourceManager &SM = Ctx.getSourceManager();
    for (const ReturnStmt *RS : Returns) {
      if (!SM.isBeforeInTranslationUnit(RS->getBeginLoc(),
                                        Delete->getBeginLoc()))
        continue;
      const auto *If = dyn_cast_or_null<IfStmt>(PM.getParentIgnoreParenCasts(RS));
      if (!If) // `{ return; }`
        if (const auto *Block = dyn_cast_or_null<CompoundStmt>(PM.getParent(RS)))
          if (Block->size() == 1)
            If = dyn_cast_or_null<IfStmt>(PM.getParent(Block));
      if (!If || !testsContextNull(If->getCond()))
        return false;
    }
    return true;
  }

  const DdiMatcher &Ddis;
  const FunctionDecl *FD;
  ASTContext &Ctx;
  ParentMap PM;
  const ParmVarDecl *Param = nullptr;
  llvm::DenseMap<const ValueDecl *, const VarDecl *> Contexts;
  llvm::SmallPtrSet<const VarDecl *, 2> Reassigned;
  llvm::SmallVector<const CallExpr *, 2> Deletes;
  llvm::SmallVector<const ReturnStmt *, 2> Returns;
};

// Every function of the file with a body, for CleanupSummary.
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (D && inSystemHeader(D))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
      Functions.push_back(FD);
    return true;
  }
  std::vector<const FunctionDecl *> Functions;
};

} // namespace

void MemObject::dump(raw_ostream &OS) const {
  static const char *const Kinds[] = {"alive", "deleted", "framework-owned"};
  OS << Kinds[K] << " from " << wdfcheck::ddi(Ddi).Name;
  if (!ParentKnown)
    OS << ", parent unknown";
  else if (!Parent)
    OS << ", no parent";
  else
    OS << ", parent " << Parent;
  if (IsEscaped)
    OS << ", escaped";
  if (Holder)
    OS << ", held in " << Holder;
}

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

MemoryModel::MemoryModel()
    : Copies({
#define WDF_COPY(Name, Params, DestArg, SrcArg, SizeArg, OffsetArg, Kind)      \
  {{WDF_COPY_##Kind == WDF_COPY_PTR_TO_PTR || WDF_COPY_##Kind == WDF_COPY_FILL  \
        ? CDM::CLibrary                                                        \
        : CDM::SimpleFunc,                                                     \
    {#Name},                                                                   \
    Params},                                                                   \
   CopyInfo{#Name, Params, DestArg, SrcArg, SizeArg, OffsetArg,               \
            WDF_COPY_##Kind}},
#include "copies.def"
      }) {
}

void MemoryModel::checkASTDecl(const TranslationUnitDecl *TU,
                               AnalysisManager &Mgr, BugReporter &) const {
  DeletedFields.clear();
  DeletedFieldFinder Finder(Ddis, Mgr.getASTContext(), DeletedFields);
  Finder.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
  CleanupTargets.clear();
  FunctionCollector Functions;
  Functions.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
  for (const FunctionDecl *FD : Functions.Functions) {
    auto Targets = CleanupSummary(Ddis, FD, Mgr.getASTContext()).run();
    if (!Targets.empty())
      CleanupTargets[FD->getCanonicalDecl()] = std::move(Targets);
  }
}

// The field an element of an array field belongs to (ctx->Buf[i]), or R.
static const MemRegion *withoutElements(const MemRegion *R) {
  while (const auto *ER = dyn_cast_or_null<ElementRegion>(R))
    R = ER->getSuperRegion();
  return R;
}

bool MemoryModel::isManagedField(const MemRegion *R) const {
  const auto *FR = dyn_cast_or_null<FieldRegion>(withoutElements(R));
  return FR && !FR->hasStackStorage() &&
         DeletedFields.contains(FR->getDecl()->getCanonicalDecl());
}

// A place outside the stack where a handle stays after the function
// returns: a field of a context or a global (or an element of an array
// field), a global variable.
static bool isHome(const MemRegion *R) {
  if (!R || R->hasStackStorage())
    return false;
  const MemRegion *Base = withoutElements(R);
  return isa<FieldRegion>(Base) ||
         (isa<NonParamVarRegion>(Base) &&
          isa<GlobalsSpaceRegion>(Base->getMemorySpace()));
}

// R is about to be overwritten: the handle it held is held (managed) or
// kept there no more.
static ProgramStateRef releaseHeld(ProgramStateRef State, const MemRegion *R) {
  SymbolRef Old = MemoryModel::handleOf(State->getSVal(R));
  if (const MemObject *Obj = MemoryModel::object(State, Old)) {
    MemObject New = *Obj;
    if (New.holder() == R)
      New = New.heldIn(nullptr);
    if (New.home() == R)
      New = New.storedIn(nullptr);
    if (!(New == *Obj))
      State = State->set<WdfMemObjects>(Old, New);
  }
  return State;
}

namespace {
// Counts the bindings of the store that hold one symbol.
class HandleCounter : public StoreManager::BindingsHandler {
public:
  explicit HandleCounter(SymbolRef Sym) : Sym(Sym) {}
  bool HandleBinding(StoreManager &, Store, const MemRegion *, SVal V) override {
    if (V.getAsSymbol() == Sym)
      ++Count;
    return Count < 2;
  }
  SymbolRef Sym;
  unsigned Count = 0;
};
} // namespace

std::optional<std::pair<SymbolRef, MemObject>>
MemoryModel::lostByOverwrite(ProgramStateRef State, const MemRegion *R) const {
  if (!isHome(R))
    return std::nullopt;
  SymbolRef Old = handleOf(State->getSVal(R));
  const MemObject *Obj = object(State, Old);
  if (!Obj || !Obj->isAlive() || !Obj->isCreated() ||
      !Obj->isDriverParented() || Obj->isHandedOff() ||
      (Obj->home() != R && Obj->holder() != R))
    return std::nullopt;
  // Stored elsewhere too (a local copy, another field, inside a structure
  // copied whole): not the last handle.
  if (State->contains<WdfCopiedHandles>(Old))
    return std::nullopt;
  HandleCounter Counter(Old);
  State->getStateManager().getStoreManager().iterBindings(State->getStore(),
                                                         Counter);
  if (Counter.Count > 1)
    return std::nullopt;
  return std::make_pair(Old, *Obj);
}

ProgramStateRef MemoryModel::overwrite(ProgramStateRef State,
                                       const MemRegion *R, const Expr *Field,
                                       ExplodedNode *&N,
                                       CheckerContext &C) const {
  auto Lost = lostByOverwrite(State, R);
  if (!Lost)
    return releaseHeld(State, R);
  // One finding per object: lost here, so neither a leak nor a missing
  // parent later.
  State = State->remove<WdfMemObjects>(Lost->first);
  if (!Leaks)
    return State;
  std::string Text;
  if (Field)
    Text = Lexer::getSourceText(
               CharSourceRange::getTokenRange(Field->getSourceRange()),
               C.getSourceManager(), C.getLangOpts())
               .str();
  if (Text.empty())
    Text = "the field";
  if (ExplodedNode *Error = C.generateNonFatalErrorNode(C.getState(), N)) {
    Leaks->reportOverwrite(Lost->first, Lost->second, Text, Error, C);
    N = Error;
  }
  return State;
}

const CopyInfo *MemoryModel::matchCopy(const CallEvent &Call) const {
  return Copies.lookup(Call);
}

void MemoryModel::collectUses(const CallEvent &Call, bool IncludeDelete,
                              llvm::SmallVectorImpl<MemoryUse> &Uses) const {
  // Uses are listed even when the value is a plain NULL: it may be what a
  // failed call left behind (WM009).
  auto addHandle = [&](int Arg, MemoryUse::Kind How = MemoryUse::Access) {
    if (Arg >= 0 && Arg < (int)Call.getNumArgs())
      Uses.push_back({handleOf(Call.getArgSVal(Arg)), nullptr,
                      Call.getArgExpr(Arg), How});
  };
  auto addBuffer = [&](int Arg, MemoryUse::Kind How = MemoryUse::Access) {
    if (Arg < 0 || Arg >= (int)Call.getNumArgs())
      return;
    const MemRegion *R = Call.getArgSVal(Arg).getAsRegion();
    Uses.push_back({nullptr, R ? R->getBaseRegion() : nullptr,
                    Call.getArgExpr(Arg), How});
  };
  if (const CopyInfo *Copy = matchCopy(Call)) {
    switch (Copy->Kind) {
    case WDF_COPY_PTR_TO_PTR:
    case WDF_COPY_FILL:
      addBuffer(Copy->DestArg);
      addBuffer(Copy->SrcArg);
      break;
    case WDF_COPY_MEMORY_TO_PTR:
      addHandle(Copy->SrcArg);
      addBuffer(Copy->DestArg);
      break;
    case WDF_COPY_PTR_TO_MEMORY:
      addHandle(Copy->DestArg);
      addBuffer(Copy->SrcArg);
      break;
    }
    return;
  }
  const DdiInfo *D = Ddis.match(Call);
  if (!D)
    return;
  switch (D->Family) {
  case WDF_FAMILY_MEMORY_ACCESS:
  case WDF_FAMILY_OBJECT_REFERENCE:
    addHandle(D->HandleArg);
    break;
  case WDF_FAMILY_OBJECT_DELETE:
    if (IncludeDelete)
      addHandle(D->HandleArg);
    break;
  case WDF_FAMILY_MEMORY_DESCRIBE:
    addHandle(D->HandleArg, MemoryUse::Described);
    addBuffer(D->BufArg, MemoryUse::Described);
    break;
  default:
    break;
  }
}

bool MemoryModel::describesAllUses(const CallEvent &Call) const {
  if (matchCopy(Call))
    return true;
  const DdiInfo *D = Ddis.match(Call);
  return D && (D->Family == WDF_FAMILY_OBJECT_DELETE ||
               D->Family == WDF_FAMILY_OBJECT_REFERENCE ||
               D->Family == WDF_FAMILY_MEMORY_DESCRIBE);
}

const MemObject *MemoryModel::object(ProgramStateRef State, SymbolRef Handle) {
  return Handle ? State->get<WdfMemObjects>(Handle) : nullptr;
}

const BufferInfo *MemoryModel::buffer(ProgramStateRef State,
                                      const MemRegion *Base) {
  return Base ? State->get<WdfBuffers>(Base->getBaseRegion()) : nullptr;
}

const FailedValue *MemoryModel::failed(ProgramStateRef State, SymbolRef Sym) {
  return Sym ? State->get<WdfFailed>(Sym) : nullptr;
}

void MemoryModel::forEachObject(
    ProgramStateRef State, llvm::function_ref<void(SymbolRef, const MemObject &)> F) {
  for (const auto &Entry : State->get<WdfMemObjects>())
    F(Entry.first, Entry.second);
}

const FailedValue *MemoryModel::failedAt(ProgramStateRef State,
                                         const MemRegion *R) {
  return R ? State->get<WdfFailedAt>(R) : nullptr;
}

// Where the value of E was read from: a variable, or a field of one.
const MemRegion *MemoryModel::storageOf(const Expr *E, CheckerContext &C) {
  E = E->IgnoreParenCasts();
  ProgramStateRef State = C.getState();
  const LocationContext *LC = C.getLocationContext();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return State->getLValue(VD, LC).getAsRegion();
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD)
      return nullptr;
    SVal Base;
    if (ME->isArrow()) {
      // The pointer's value: read from its variable when the expression's
      // own value is no longer in the environment.
      Base = C.getSVal(ME->getBase());
      if (!Base.getAsRegion())
        if (const MemRegion *PtrVar = storageOf(ME->getBase(), C))
          Base = State->getSVal(PtrVar);
    } else if (const MemRegion *Object = storageOf(ME->getBase(), C)) {
      Base = loc::MemRegionVal(Object);
    }
    if (!Base.getAsRegion())
      return nullptr;
    return State->getLValue(FD, Base).getAsRegion();
  }
  return nullptr;
}

bool MemoryModel::isActiveFrame(const StackFrameContext *Frame,
                                const LocationContext *From) {
  for (const LocationContext *LC = From; LC && Frame; LC = LC->getParent())
    if (LC == Frame)
      return true;
  return false;
}

bool MemoryModel::inActiveFrame(const MemRegion *R, const LocationContext *From) {
  const auto *Space = dyn_cast<StackSpaceRegion>(R->getMemorySpace());
  return Space && isActiveFrame(Space->getStackFrame(), From);
}

bool MemoryModel::isCompleted(ProgramStateRef State, SymbolRef Request) {
  return Request && State->contains<WdfCompleted>(Request);
}

SymbolRef MemoryModel::handleOf(SVal V) { return V.getAsSymbol(); }

std::optional<bool> MemoryModel::isPagedPool(const CallEvent &Call,
                                             const DdiInfo &D,
                                             CheckerContext &C) {
  ProgramStateRef State = C.getState();
  switch (D.PoolKind) {
  case WDF_POOL_TYPE:
  case WDF_POOL_FLAGS: {
    const llvm::APSInt *V =
        C.getSValBuilder().getKnownValue(State, Call.getArgSVal(D.PoolArg));
    if (!V)
      return std::nullopt;
    uint64_t Pool = V->getZExtValue();
    return D.PoolKind == WDF_POOL_TYPE ? wdf_pool_type_is_paged(Pool) != 0
                                       : (Pool & WDF_POOL_FLAG_PAGED) != 0;
  }
  case WDF_POOL_LOOKASIDE:
    if (const void *Key = keyOf(Call.getArgSVal(D.HandleArg)))
      if (const bool *Paged = State->get<WdfLookasidePaged>(Key))
        return *Paged;
    return std::nullopt;
  case WDF_POOL_NX_FLAGS:
    return false; // a non-paged lookaside list
  case WDF_POOL_NONE:
    break;
  }
  return std::nullopt;
}

void MemoryModel::recordLookasidePool(const CallEvent &Call, const DdiInfo &D,
                                      CheckerContext &C) {
  if (D.Family != WDF_FAMILY_LOOKASIDE_CREATE || D.OutArg < 0)
    return;
  std::optional<bool> Paged = isPagedPool(Call, D, C);
  auto Out = Call.getArgSVal(D.OutArg).getAs<Loc>();
  if (!Paged || !Out)
    return;
  ProgramStateRef State = C.getState();
  if (const void *Key = keyOf(State->getSVal(*Out)))
    C.addTransition(State->set<WdfLookasidePaged>(Key, *Paged));
}

bool isMemoryReport(const PathSensitiveBugReport &R) {
  const RuleInfo *Rule = findRule(R.getBugType().getCheckerName());
  return Rule && Rule->Model == WDF_MODEL_MEMORY;
}

const NoteTag *MemoryModel::noteFor(CheckerContext &C, SymbolRef Sym,
                                    std::string Text) {
  return noteFor(C, {{Sym, std::move(Text)}});
}

const NoteTag *MemoryModel::noteFor(CheckerContext &C,
                                    std::vector<NoteCase> Cases) {
  return C.getNoteTag([Cases](PathSensitiveBugReport &R) -> std::string {
    if (!isMemoryReport(R))
      return "";
    for (const auto &[Sym, Text] : Cases)
      if (R.isInteresting(Sym))
        return Text;
    return "";
  });
}

// ---------------------------------------------------------------------------
// Modelling
// ---------------------------------------------------------------------------

namespace {

// The out-parameter that receives what a DDI hands out: the handle, or the
// buffer of a DDI that hands out only a buffer (WdfRequestRetrieve*Buffer).
int resultArg(const DdiInfo &D) {
  return D.OutArg >= 0 ? D.OutArg : D.OutBufArg;
}
bool resultIsBuffer(const DdiInfo &D) { return D.OutArg < 0; }

// A fresh, non-NULL handle stored through Out: the state and the handle's
// symbol, or no state.
std::pair<ProgramStateRef, SymbolRef> bindHandle(ProgramStateRef State, Loc Out,
                                                 QualType T, const Expr *CE,
                                                 CheckerContext &C) {
  SVal Handle = conjurePointer(C, &HandleTag, CE, T);
  SymbolRef Sym = Handle.getAsSymbol();
  if (auto HandleDef = Handle.getAs<DefinedOrUnknownSVal>())
    State = State->assume(*HandleDef, true);
  if (!State || !Sym)
    return {nullptr, nullptr};
  return {State->bindLoc(Out, Handle, C.getLocationContext()), Sym};
}

// A fresh buffer for the call: a heap region of its own.
DefinedOrUnknownSVal conjureBuffer(CheckerContext &C, const Expr *CE) {
  return C.getSValBuilder().getConjuredHeapSymbolVal(
      CE, C.getLocationContext(), C.getASTContext().VoidPtrTy, C.blockCount());
}

// Buffer B has Size bytes (where the size is defined) and is stored through
// Out (where there is one).
ProgramStateRef bindBuffer(ProgramStateRef State, DefinedOrUnknownSVal B,
                           SVal Size, std::optional<Loc> Out,
                           CheckerContext &C) {
  if (const MemRegion *Buffer = B.getAsRegion())
    if (auto SizeDef = Size.getAs<DefinedOrUnknownSVal>())
      State = setDynamicExtent(State, Buffer, *SizeDef, C.getSValBuilder());
  if (Out)
    State = State->bindLoc(*Out, B, C.getLocationContext());
  return State;
}

// The failure branch of a DDI that hands out a handle or a buffer through
// Out (its resultArg): NULL there and in a creation's out-buffer, remembered
// as failed (WM009), and a zero length.
ProgramStateRef bindFailure(ProgramStateRef Fail, const CallEvent &Call,
                            const DdiInfo &D, const Expr *CE, Loc Out,
                            CheckerContext &C) {
  bool IsBuffer = resultIsBuffer(D);
  Fail = bindFailedOut(Fail, C, CE, Out, pointeeOfParam(Call, resultArg(D)),
                       IsBuffer ? (const void *)&FailedBufferTag
                                : (const void *)&FailedHandleTag,
                       FailedValue{D.Id, IsBuffer});
  if (Fail && !IsBuffer)
    if (std::optional<Loc> OutBuf = outLocation(Call, D.OutBufArg, Fail))
      Fail =
          bindFailedOut(Fail, C, CE, *OutBuf, pointeeOfParam(Call, D.OutBufArg),
                        &FailedBufferTag, FailedValue{D.Id, true});
  if (Fail)
    if (std::optional<Loc> LengthOut = outLocation(Call, D.LengthArg, Fail))
      Fail = Fail->bindLoc(
          *LengthOut,
          C.getSValBuilder().makeZeroVal(C.getASTContext().getSizeType()),
          C.getLocationContext());
  return Fail;
}

// A request's buffer handed out through Out: fresh, non-NULL, with a length
// of at least the minimum asked for and never 0.
void retrieveBuffer(ProgramStateRef Ok, const CallEvent &Call, const DdiInfo &D,
                    const Expr *CE, Loc Out, BufferInfo Info,
                    CheckerContext &C) {
  SValBuilder &SVB = C.getSValBuilder();
  DefinedOrUnknownSVal B = conjureBuffer(C, CE);
  Ok = Ok->assume(B, true);
  if (!Ok)
    return;
  auto Length =
      conjurePointer(C, &LengthTag, CE, C.getASTContext().getSizeType())
          .castAs<DefinedOrUnknownSVal>();
  SVal Minimum =
      D.MinimumArg >= 0 ? Call.getArgSVal(D.MinimumArg) : SVal(UnknownVal());
  SVal AtLeast =
      SVB.evalBinOp(Ok, BO_GE, Length, Minimum, SVB.getConditionType());
  if (auto AtLeastDef = AtLeast.getAs<DefinedOrUnknownSVal>())
    Ok = Ok->assume(*AtLeastDef, true);
  if (Ok)
    Ok = Ok->assume(Length, true);
  if (!Ok)
    return;
  Ok = bindBuffer(Ok, B, Length, Out, C);
  if (std::optional<Loc> LengthOut = outLocation(Call, D.LengthArg, Ok))
    Ok = Ok->bindLoc(*LengthOut, Length, C.getLocationContext());
  if (const MemRegion *Buffer = B.getAsRegion())
    Ok = Ok->set<WdfBuffers>(Buffer, Info);
  C.addTransition(Ok);
}

// A request's memory object handed out through Out: a fresh handle,
// framework-owned, with its buffer.
void retrieveMemory(ProgramStateRef Ok, const CallEvent &Call, const DdiInfo &D,
                    const Expr *CE, Loc Out, BufferInfo Info,
                    CheckerContext &C) {
  const MemRegion *Buffer = conjureBuffer(C, CE).getAsRegion();
  auto [State, Sym] =
      bindHandle(Ok, Out, pointeeOfParam(Call, D.OutArg), CE, C);
  if (!State)
    return;
  State = State->set<WdfMemObjects>(
      Sym, MemObject::frameworkOwned(D.Id, Info.Owner, CE).withBuffer(Buffer));
  if (Buffer)
    State = State->set<WdfBuffers>(Buffer, Info);
  C.addTransition(
      State, MemoryModel::noteFor(C, Sym,
                                  "memory retrieved from the request here; it "
                                  "belongs to the framework"));
}

} // namespace

bool MemoryModel::evalCreate(const CallEvent &Call, const DdiInfo &D,
                             CheckerContext &C) const {
  const auto *CE = dyn_cast_or_null<Expr>(Call.getOriginExpr());
  std::optional<Loc> Out = outLocation(Call, D.OutArg, C.getState());
  if (!CE || !Out)
    return false; // a NULL out-handle: WM007's business

  SymbolRef Parent = nullptr;
  bool ParentKnown = false;
  if (D.AttrArg >= 0) {
    parentFromAttributes(Call, D.AttrArg, C, Parent, ParentKnown);
  } else if (D.PoolKind == WDF_POOL_LOOKASIDE) {
    if (const LookasideParent *LP = C.getState()->get<WdfLookasides>(
            handleOf(Call.getArgSVal(D.HandleArg)))) {
      Parent = LP->Parent;
      ParentKnown = LP->Known;
    }
  }

  // The out-handle overwrites what a field held, on both branches (a
  // failed creation stores NULL).
  const MemRegion *OutRegion = Out->getAsRegion();
  ProgramStateRef Before = C.getState();
  ExplodedNode *Pred = C.getPredecessor();
  if (OutRegion) {
    const Expr *OutArg = Call.getArgExpr(D.OutArg)->IgnoreParenCasts();
    if (const auto *Addr = dyn_cast<UnaryOperator>(OutArg))
      if (Addr->getOpcode() == UO_AddrOf)
        OutArg = Addr->getSubExpr();
    Before = overwrite(Before, OutRegion, OutArg, Pred, C);
  }
  auto [Ok, Fail] = splitStatus(C, Call, CE, Before);
  // A zero size always fails (STATUS_INVALID_PARAMETER).
  if (Ok && D.SizeArg >= 0)
    if (auto Size = Call.getArgSVal(D.SizeArg).getAs<DefinedOrUnknownSVal>()) {
      auto [NonZero, Zero] = Ok->assume(*Size);
      Ok = NonZero;
    }

  if (Ok)
    createObject(Ok, Call, D, CE, *Out, Parent, ParentKnown, Pred, C);
  if (Fail)
    if ((Fail = bindFailure(Fail, Call, D, CE, *Out, C)))
      C.addTransition(Fail->remove<WdfPendingCleanups>(CE), Pred);
  return true;
}

// The success branch of a creation: a fresh handle in Out, the object's
// buffer and the object.
void MemoryModel::createObject(ProgramStateRef Ok, const CallEvent &Call,
                               const DdiInfo &D, const Expr *CE, Loc Out,
                               SymbolRef Parent, bool ParentKnown,
                               ExplodedNode *Pred, CheckerContext &C) const {
  auto [State, Sym] =
      bindHandle(Ok, Out, pointeeOfParam(Call, D.OutArg), CE, C);
  if (!State)
    return;
  // The buffer: WdfMemoryCreate's is fresh, uninitialised pool; a
  // preallocated one is the driver's; a lookaside one is made on use.
  const MemRegion *Buffer = nullptr;
  if (D.BufArg >= 0) {
    if (const MemRegion *R = Call.getArgSVal(D.BufArg).getAsRegion())
      Buffer = R->getBaseRegion();
  } else if (D.PoolArg >= 0) {
    DefinedOrUnknownSVal B = conjureBuffer(C, CE);
    Buffer = B.getAsRegion();
    if (Buffer) {
      State =
          State->bindDefaultInitial(B, UndefinedVal(), C.getLocationContext());
      State = bindBuffer(State, B, Call.getArgSVal(D.SizeArg),
                         outLocation(Call, D.OutBufArg, State), C);
    }
  }
  MemObject Obj = MemObject::created(D.Id, Parent, ParentKnown,
                                     isDriverEntryFrame(C.getLocationContext()),
                                     Buffer, CE);
  // Stored straight into a context, a global or the caller's memory; into a
  // field the file deletes through: held there.
  const MemRegion *OutRegion = Out.getAsRegion();
  if (isManagedField(OutRegion))
    Obj = Obj.heldIn(OutRegion);
  else if (OutRegion && !OutRegion->hasStackStorage())
    Obj = Obj.escaped(/*Stored=*/true);
  if (isHome(OutRegion))
    Obj = Obj.storedIn(OutRegion);
  State = State->set<WdfMemObjects>(Sym, Obj);
  if (const ObjectCleanup *Cleanup = State->get<WdfPendingCleanups>(CE))
    State = State->set<WdfCleanups>(Sym, *Cleanup)
                ->remove<WdfPendingCleanups>(CE);
  if (Buffer) {
    BufferInfo Info{Sym, false, false, D.Id};
    Info.OwnerParent = Parent;
    if (D.PoolArg >= 0)
      Info.Allocation = dyn_cast<CallExpr>(CE);
    Info.OutlivesOwner = D.BufArg >= 0;
    State = State->set<WdfBuffers>(Buffer, Info);
  }
  std::vector<NoteCase> Notes;
  if (const auto *SR = dyn_cast_or_null<SymbolicRegion>(Buffer))
    if (D.PoolArg >= 0) // fresh pool
      Notes.push_back({SR->getSymbol(), std::string("buffer from ") + D.Name +
                                            " is not zeroed"});
  Notes.push_back({Sym, ParentKnown && !Parent
                            ? "memory object created here without a parent; "
                              "it lives until the driver unloads"
                            : "memory object created here"});
  C.addTransition(State, Pred, noteFor(C, std::move(Notes)));
}

// WdfRequestRetrieve{Input,Output}{Memory,Buffer} and the unsafe/probed
// variants: framework-owned memory that dies with the request.
bool MemoryModel::evalRetrieve(const CallEvent &Call, const DdiInfo &D,
                               CheckerContext &C) const {
  const auto *CE = dyn_cast_or_null<Expr>(Call.getOriginExpr());
  std::optional<Loc> Out = outLocation(Call, resultArg(D), C.getState());
  if (!CE || !Out)
    return false;
  bool Untrusted = D.Family == WDF_FAMILY_REQUEST_OUT_MEMORY ||
                   D.Family == WDF_FAMILY_REQUEST_OUT_BUFFER;
  BufferInfo Info{handleOf(Call.getArgSVal(D.HandleArg)), true, Untrusted,
                  D.Id};
  auto [Ok, Fail] = splitStatus(C, Call, CE);
  if (Ok) {
    if (resultIsBuffer(D))
      retrieveBuffer(Ok, Call, D, CE, *Out, Info, C);
    else
      retrieveMemory(Ok, Call, D, CE, *Out, Info, C);
  }
  if (Fail)
    if ((Fail = bindFailure(Fail, Call, D, CE, *Out, C)))
      C.addTransition(Fail);
  return true;
}

// The expression of a call on one handle (D.HandleArg) and the handle's
// symbol; nulls when the model cannot follow the call.
static std::pair<const Expr *, SymbolRef> handleCall(const CallEvent &Call,
                                                     const DdiInfo &D) {
  const auto *CE = dyn_cast_or_null<Expr>(Call.getOriginExpr());
  SymbolRef Handle = MemoryModel::handleOf(Call.getArgSVal(D.HandleArg));
  if (!CE || !Handle)
    return {nullptr, nullptr};
  return {CE, Handle};
}

bool MemoryModel::evalGetBuffer(const CallEvent &Call, const DdiInfo &D,
                                CheckerContext &C) const {
  auto [CE, Handle] = handleCall(Call, D);
  if (!CE)
    return false;
  ProgramStateRef State = C.getState();
  const LocationContext *LC = C.getLocationContext();
  const MemObject *Obj = object(State, Handle);
  const MemRegion *Buffer = Obj ? Obj->buffer() : nullptr;
  SValBuilder &SVB = C.getSValBuilder();
  SVal BufferVal;
  if (Buffer) {
    BufferVal = loc::MemRegionVal(Buffer);
  } else {
    // First use of a handle the path did not create (or a lookaside one).
    DefinedOrUnknownSVal B = conjureBuffer(C, CE);
    Buffer = B.getAsRegion();
    BufferVal = B;
    if (Buffer) {
      State = State->set<WdfBuffers>(Buffer, BufferInfo{Handle, false, false, D.Id});
      State = Obj ? State->set<WdfMemObjects>(Handle, Obj->withBuffer(Buffer))
                  : State;
    }
  }
  State = State->BindExpr(CE, LC, BufferVal);
  if (std::optional<Loc> SizeOut = outLocation(Call, D.SizeOutArg, State)) {
    SVal Size = Buffer ? SVal(getDynamicExtent(State, Buffer, SVB)) : UnknownVal();
    if (Size.isUnknown())
      Size = conjurePointer(C, &LengthTag, CE, C.getASTContext().getSizeType());
    State = State->bindLoc(*SizeOut, Size, LC);
  }
  C.addTransition(State);
  return true;
}

// The buffers of owners that just died die with them (not the driver's
// own buffers that preallocated objects describe).
static ProgramStateRef killBuffers(ProgramStateRef State,
                                   ArrayRef<SymbolRef> Owners,
                                   MemObject::Death Why,
                                   SymbolRef Parent = nullptr,
                                   SmallVectorImpl<SymbolRef> *Killed = nullptr) {
  for (const auto &Entry : State->get<WdfBuffers>())
    if (!Entry.second.OutlivesOwner &&
        (llvm::is_contained(Owners, Entry.second.Owner) ||
         (Parent && Entry.second.OwnerParent == Parent &&
          !Entry.second.OwnerIsRequest)) &&
        Entry.second.OwnerDeath == MemObject::NotDead) {
      BufferInfo Info = Entry.second;
      Info.OwnerDeath = Why;
      if (Killed && Info.Owner && !llvm::is_contained(*Killed, Info.Owner))
        Killed->push_back(Info.Owner);
      State = State->set<WdfBuffers>(Entry.first, Info);
    }
  return State;
}

// The field of the attributes structure named Name, as the path left it.
static SVal attributeField(const CallEvent &Call, int AttrArg, StringRef Name,
                           CheckerContext &C) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD || AttrArg < 0 || AttrArg >= (int)FD->getNumParams())
    return UnknownVal();
  const auto *Base =
      dyn_cast_or_null<SubRegion>(Call.getArgSVal(AttrArg).getAsRegion());
  const RecordDecl *RD =
      FD->getParamDecl(AttrArg)->getType()->getPointeeType()->getAsRecordDecl();
  if (!Base || !RD)
    return UnknownVal();
  for (const FieldDecl *Field : RD->fields())
    if (Field->getIdentifier() && Field->getName() == Name)
      return C.getState()->getSVal(
          C.getStoreManager().getRegionManager().getFieldRegion(Field, Base),
          Field->getType());
  return UnknownVal();
}

// Whether the IRQL may be above PASSIVE_LEVEL here (or is not known).
static bool mayBeAbovePassive(CheckerContext &C) {
  ProgramStateRef State = C.getState();
  std::optional<NonLoc> Cur = IrqlModel::current(State);
  if (!Cur)
    return true;
  SValBuilder &SVB = C.getSValBuilder();
  SVal Above = SVB.evalBinOp(State, BO_GT, *Cur,
                             SVB.makeIntVal(0, C.getASTContext().IntTy),
                             C.getASTContext().IntTy);
  auto AboveDef = Above.getAs<DefinedOrUnknownSVal>();
  return !AboveDef || State->assume(*AboveDef, true) != nullptr;
}

std::vector<CleanupDelete>
MemoryModel::cleanupDeletes(SymbolRef Obj, CheckerContext &C) const {
  std::vector<CleanupDelete> Runs;
  ProgramStateRef State = C.getState();
  if (!Obj || CleanupTargets.empty())
    return Runs;
  // The tree the delete disposes: the object and its descendants.
  llvm::SmallVector<SymbolRef, 4> Tree{Obj};
  for (bool Grew = true; Grew && Tree.size() < 64;) {
    Grew = false;
    auto add = [&](SymbolRef Child, SymbolRef Parent) {
      if (Parent && llvm::is_contained(Tree, Parent) &&
          !llvm::is_contained(Tree, Child)) {
        Tree.push_back(Child);
        Grew = true;
      }
    };
    for (const auto &Entry : State->get<WdfMemObjects>())
      if (Entry.second.isAlive())
        add(Entry.first, Entry.second.parent());
    for (const auto &Entry : State->get<WdfCleanups>()) {
      const MemObject *Child = object(State, Entry.first);
      if (!Child || Child->isAlive()) // not deleted earlier on the path
        add(Entry.first, Entry.second.Parent);
    }
  }
  int Raised = -1;
  for (SymbolRef Owner : Tree) {
    const ObjectCleanup *Cleanup = State->get<WdfCleanups>(Owner);
    if (!Cleanup || !Cleanup->Callback)
      continue;
    auto It = CleanupTargets.find(Cleanup->Callback->getCanonicalDecl());
    if (It == CleanupTargets.end())
      continue;
    // Disposed at PASSIVE_LEVEL, deleted higher: a work item runs the
    // callback later.
    if (Cleanup->Passive) {
      if (Raised == -1)
        Raised = mayBeAbovePassive(C);
      if (Raised)
        continue;
    }
    for (const CleanupTarget &T : It->second) {
      MemRegionManager &RM = C.getStoreManager().getRegionManager();
      const SubRegion *Base = nullptr;
      if (T.TypeInfo) {
        const SymbolRef *Context =
            State->get<WdfContexts>(ContextKey(Owner, T.TypeInfo));
        if (!Context)
          continue; // the path never reached the context: nothing known
        Base = RM.getSymbolicRegion(*Context);
      } else {
        Base = RM.getVarRegion(T.Global, C.getLocationContext());
      }
      const MemRegion *Where =
          T.Field ? RM.getFieldRegion(T.Field, Base) : Base;
      SVal Handle = State->getSVal(Where);
      SymbolRef Target = handleOf(Handle);
      // NULL (cleared, or left by a failed creation): nothing deleted.
      if (!Target || State->isNull(Handle).isConstrainedTrue())
        continue;
      Runs.push_back({Cleanup->Callback, Owner, Target, T.Text,
                      llvm::is_contained(Tree, Target)});
    }
  }
  return Runs;
}

bool MemoryModel::evalDelete(const CallEvent &Call, const DdiInfo &D,
                             CheckerContext &C) const {
  auto [CE, Handle] = handleCall(Call, D);
  if (!CE)
    return false;
  ProgramStateRef State = C.getState();
  const MemObject *Obj = object(State, Handle);
  if (Obj && !Obj->isAlive()) {
    C.addTransition(State); // deleted again: WM006 has reported it
    return true;
  }
  std::vector<CleanupDelete> Runs = cleanupDeletes(Handle, C);
  if (Obj) {
    State = State->set<WdfMemObjects>(Handle, Obj->deleted(MemObject::ByDelete, CE));
  } else {
    // Remember the deletion of a memory handle the path did not create, so
    // that deleting it again is caught.
    QualType T = Call.getArgExpr(D.HandleArg)->IgnoreImpCasts()->getType();
    if (const auto *TT = T->getAs<TypedefType>())
      if (TT->getDecl()->getName() == "WDFMEMORY")
        State = State->set<WdfMemObjects>(Handle, MemObject::seenDeleted(CE));
  }
  State = killBuffers(State, {Handle}, MemObject::ByDelete);
  // Deleting a parent deletes its children.
  llvm::SmallVector<SymbolRef, 4> Children;
  for (const auto &Entry : State->get<WdfMemObjects>())
    if (Entry.second.parent() == Handle && Entry.second.isAlive()) {
      State = State->set<WdfMemObjects>(
          Entry.first, Entry.second.deleted(MemObject::ByParent, CE));
      Children.push_back(Entry.first);
    }
  State = killBuffers(State, Children, MemObject::ByParent, Handle, &Children);
  std::vector<NoteCase> Notes{{Handle, deathText(MemObject::ByDelete).str()}};
  for (SymbolRef S : Children)
    Notes.push_back({S, deathText(MemObject::ByParent).str()});
  // The cleanup callbacks that run inside the delete delete what they
  // delete (a child of the tree may be deleted by its parent's cleanup:
  // it dies with the tree all the same).
  for (const CleanupDelete &Run : Runs) {
    if (Run.InTree)
      continue;
    const MemObject *Target = object(State, Run.Target);
    if (Target && !Target->isAlive())
      continue; // deleted before: WM006 has reported it
    std::string Note = llvm::formatv(
        "EvtCleanupCallback '{0}' runs here and deletes '{1}'",
        Run.Callback->getName(), Run.Where);
    if (Target) {
      State = State->set<WdfMemObjects>(
          Run.Target, Target->deletedByCleanup(Run.Callback, CE));
    } else {
      // A memory handle the path did not create: deleting it again is
      // caught.
      State = State->set<WdfMemObjects>(
          Run.Target,
          MemObject::seenDeleted(CE).deletedByCleanup(Run.Callback, CE));
    }
    State = killBuffers(State, {Run.Target}, MemObject::ByCleanup);
    Notes.push_back({Run.Target, Note});
  }
  C.addTransition(State, noteFor(C, std::move(Notes)));
  return true;
}

// WdfObjectGetTypedContextWorker: one context per object and type, the
// same pointer at every call (the context lives as long as its object).
bool MemoryModel::evalContext(const CallEvent &Call, const DdiInfo &D,
                              CheckerContext &C) const {
  const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  if (!CE || Call.getNumArgs() != 2)
    return false;
  SymbolRef Object = handleOf(Call.getArgSVal(0));
  const VarDecl *Type = typeInfoOf(CE->getArg(1));
  if (!Object || !Type)
    return false;
  ProgramStateRef State = C.getState();
  ContextKey Key(Object, Type);
  SVal Context;
  if (const SymbolRef *Known = State->get<WdfContexts>(Key)) {
    Context = loc::MemRegionVal(
        C.getStoreManager().getRegionManager().getSymbolicRegion(*Known));
  } else {
    Context = conjurePointer(C, &ContextTag, CE, Call.getResultType());
    SymbolRef Sym = Context.getAsSymbol();
    if (!Sym)
      return false;
    State = State->set<WdfContexts>(Key, Sym);
  }
  if (auto ContextDef = Context.getAs<DefinedOrUnknownSVal>())
    State = State->assume(*ContextDef, true);
  if (!State)
    return false;
  C.addTransition(State->BindExpr(CE, C.getLocationContext(), Context));
  return true;
}

// A create call's attributes, read before the call (a conservatively
// evaluated call may overwrite them): the object's cleanup callback and
// parent, for when the out-handle is known.
void MemoryModel::checkPreCall(const CallEvent &Call, CheckerContext &C) const {
  const DdiInfo *D = Ddis.match(Call);
  if (!D || D->Creates == WDF_CREATES_NONE || D->AttrArg < 0 || D->OutArg < 0 ||
      !Call.getOriginExpr())
    return;
  ObjectCleanup Cleanup{nullptr, nullptr, false};
  Cleanup.Callback = dyn_cast_or_null<FunctionDecl>(
      attributeField(Call, D->AttrArg, "EvtCleanupCallback", C)
          .getAsFunctionDecl());
  bool Known = false;
  parentFromAttributes(Call, D->AttrArg, C, Cleanup.Parent, Known);
  for (const PassiveObject &P : PassiveObjects)
    if (P.Create == D->Id)
      Cleanup.Passive = P.When == WDF_OBJECT_ALWAYS ||
                        isPagedPool(Call, *D, C).value_or(false);
  C.addTransition(C.getState()->set<WdfPendingCleanups>(Call.getOriginExpr(),
                                                         Cleanup));
}

bool MemoryModel::evalComplete(const CallEvent &Call, const DdiInfo &D,
                               CheckerContext &C) const {
  auto [CE, Request] = handleCall(Call, D);
  if (!CE)
    return false;
  ProgramStateRef State = C.getState()->add<WdfCompleted>(Request);
  llvm::SmallVector<SymbolRef, 4> Freed;
  for (const auto &Entry : State->get<WdfMemObjects>())
    if (Entry.second.parent() == Request &&
        (Entry.second.isAlive() || Entry.second.isFrameworkOwned())) {
      State = State->set<WdfMemObjects>(
          Entry.first, Entry.second.deleted(MemObject::ByCompletion, CE));
      Freed.push_back(Entry.first);
    }
  State = killBuffers(State, Freed, MemObject::ByCompletion, Request, &Freed);
  std::vector<NoteCase> Notes{
      {Request, deathText(MemObject::ByCompletion).str()}};
  for (SymbolRef S : Freed)
    Notes.push_back({S, deathText(MemObject::ByCompletion).str()});
  C.addTransition(State, noteFor(C, std::move(Notes)));
  return true;
}

// ExAllocatePool*: a heap region of NumberOfBytes; ExAllocatePoolWithTag and
// ExAllocatePool do not zero it, ExAllocatePool2/3 do unless
// POOL_FLAG_UNINITIALIZED is set.
bool MemoryModel::evalPoolAlloc(const CallEvent &Call, const DdiInfo &D,
                                CheckerContext &C) const {
  const auto *CE = dyn_cast_or_null<Expr>(Call.getOriginExpr());
  if (!CE)
    return false;
  ProgramStateRef State = C.getState();
  const LocationContext *LC = C.getLocationContext();
  SValBuilder &SVB = C.getSValBuilder();
  DefinedOrUnknownSVal B =
      SVB.getConjuredHeapSymbolVal(CE, LC, Call.getResultType(), C.blockCount());
  const MemRegion *Buffer = B.getAsRegion();
  if (!Buffer)
    return false;
  bool Zeroed = D.Zeroes;
  if (D.PoolKind == WDF_POOL_FLAGS) {
    const llvm::APSInt *Flags = SVB.getKnownValue(State, Call.getArgSVal(D.PoolArg));
    Zeroed = !Flags || (Flags->getZExtValue() & WDF_POOL_FLAG_UNINITIALIZED) == 0;
  }
  State = Zeroed ? State->bindDefaultZero(B, LC)
                 : State->bindDefaultInitial(B, UndefinedVal(), LC);
  if (auto Size = Call.getArgSVal(D.SizeArg).getAs<DefinedOrUnknownSVal>())
    State = setDynamicExtent(State, Buffer, *Size, SVB);
  BufferInfo Info{nullptr, false, false, D.Id};
  if (!Zeroed)
    Info.Allocation = dyn_cast<CallExpr>(CE);
  State = State->set<WdfBuffers>(Buffer, Info);
  const NoteTag *Tag = nullptr;
  if (!Zeroed)
    if (SymbolRef Sym = B.getAsSymbol())
      Tag = noteFor(C, Sym, std::string("pool from ") + D.Name +
                                " is not zeroed");
  C.addTransition(State->BindExpr(CE, LC, B), Tag);
  return true;
}

// WDF_OBJECT_ATTRIBUTES_INIT zero-fills the attributes: no parent.
bool MemoryModel::evalAttributesInit(const CallEvent &Call, const DdiInfo &D,
                                     CheckerContext &C) const {
  auto Attr = Call.getArgSVal(D.AttrArg).getAs<Loc>();
  if (!Attr || !Attr->getAsRegion())
    return false;
  C.addTransition(C.getState()->bindDefaultZero(*Attr, C.getLocationContext()));
  return true;
}

bool MemoryModel::evalCall(const CallEvent &Call, CheckerContext &C) const {
  const DdiInfo *D = Ddis.match(Call);
  if (!D)
    return false;
  switch (D->Family) {
  case WDF_FAMILY_MEMORY_CREATE:
    return evalCreate(Call, *D, C);
  case WDF_FAMILY_REQUEST_MEMORY:
  case WDF_FAMILY_REQUEST_OUT_MEMORY:
  case WDF_FAMILY_REQUEST_BUFFER:
  case WDF_FAMILY_REQUEST_OUT_BUFFER:
    return evalRetrieve(Call, *D, C);
  case WDF_FAMILY_OBJECT_DELETE:
    return evalDelete(Call, *D, C);
  case WDF_FAMILY_REQUEST_COMPLETE:
    return evalComplete(Call, *D, C);
  case WDF_FAMILY_POOL_ALLOC:
    return evalPoolAlloc(Call, *D, C);
  case WDF_FAMILY_ATTRIBUTES_INIT:
    return evalAttributesInit(Call, *D, C);
  case WDF_FAMILY_OTHER:
    if (D->Id == WDF_DDI_WdfObjectGetTypedContextWorker)
      return evalContext(Call, *D, C);
    return false;
  case WDF_FAMILY_MEMORY_ACCESS:
    // The access DDI that hands out the buffer (and its size).
    if (D->SizeOutArg >= 0)
      return evalGetBuffer(Call, *D, C);
    return false;
  default:
    return false;
  }
}

// ---------------------------------------------------------------------------
// Escapes, deaths, lookaside parents
// ---------------------------------------------------------------------------

// The handles a call to a variadic function without a body receives only
// among its variadic arguments ("..."): DbgPrint, KdPrint and the WPP trace
// functions print them; a handle printed is not kept.  A handle that is
// also a fixed argument, or is reachable through a pointer argument, may
// be kept and escapes as before.
static std::set<SymbolRef> onlyVariadic(const CallEvent &Call) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD || !FD->isVariadic() || FD->hasBody())
    return {};
  std::set<SymbolRef> Variadic, Fixed;
  for (unsigned I = 0; I < Call.getNumArgs(); ++I)
    if (SymbolRef Sym = Call.getArgSVal(I).getAsSymbol())
      (I < FD->getNumParams() ? Fixed : Variadic).insert(Sym);
  for (SymbolRef Sym : Fixed)
    Variadic.erase(Sym);
  return Variadic;
}

ProgramStateRef MemoryModel::checkPointerEscape(ProgramStateRef State,
                                                const InvalidatedSymbols &Escaped,
                                                const CallEvent *Call,
                                                PointerEscapeKind Kind) const {
  // The DDIs are modelled: handing a handle to them is not an escape, nor is
  // the call through WdfFunctions inside a DDI's WDK wrapper.
  if (Call) {
    if (Ddis.match(*Call) || matchCopy(*Call))
      return State;
    for (const LocationContext *LC = Call->getLocationContext(); LC;
         LC = LC->getParent())
      if (Ddis.matchDecl(dyn_cast_or_null<FunctionDecl>(LC->getDecl())))
        return State;
  }
  std::set<SymbolRef> OnlyPrinted =
      Call && Kind == PSK_DirectEscapeOnCall ? onlyVariadic(*Call)
                                             : std::set<SymbolRef>();
  bool Stored = Kind == PSK_EscapeOnBind || Kind == PSK_EscapeOutParameters;
  // A handle bound into a field the file deletes through is held, not
  // escaped (checkBind, which runs just before this escape, said which).
  WdfHeldBindsTy Held = State->get<WdfHeldBinds>();
  if (Kind == PSK_EscapeOnBind)
    State = State->remove<WdfHeldBinds>();
  for (SymbolRef Sym : Escaped) {
    if (Kind == PSK_EscapeOnBind && Held.contains(Sym))
      continue;
    if (OnlyPrinted.count(Sym))
      continue;
    if (const MemObject *Obj = object(State, Sym)) {
      if (Obj->isAlive()) {
        MemObject New = Obj->escaped(Stored);
        if (Kind != PSK_EscapeOnBind && Kind != PSK_EscapeOutParameters)
          New = New.handedOff();
        State = State->set<WdfMemObjects>(Sym, New);
      }
      continue;
    }
    // A buffer stored outside the function keeps its object reachable; one
    // handed to a call only counts as written.
    if (!Stored)
      continue;
    for (const auto &Entry : State->get<WdfBuffers>()) {
      const auto *SR = dyn_cast<SymbolicRegion>(Entry.first);
      if (!SR || SR->getSymbol() != Sym || Entry.second.OwnerIsRequest)
        continue;
      if (const MemObject *Owner = object(State, Entry.second.Owner))
        if (Owner->isAlive())
          State = State->set<WdfMemObjects>(Entry.second.Owner,
                                            Owner->escaped(Stored));
    }
  }
  return State;
}

// Memory taken from a lookaside list gets the parent of the list's memory
// attributes (not the list itself): remember it for the list's handle.
void MemoryModel::checkPostCall(const CallEvent &Call, CheckerContext &C) const {
  // WdfMemoryCopyFromBuffer writes into the memory object's buffer, which the
  // conservative evaluation of the call does not reach: those bytes are
  // written now.
  if (const CopyInfo *Copy = matchCopy(Call))
    if (Copy->Kind == WDF_COPY_PTR_TO_MEMORY) {
      ProgramStateRef State = C.getState();
      const MemObject *Obj =
          object(State, handleOf(Call.getArgSVal(Copy->DestArg)));
      if (Obj && Obj->buffer()) {
        State = State->invalidateRegions(
            {Obj->buffer()}, Call.getOriginExpr(), C.blockCount(),
            C.getLocationContext(), /*CausesPointerEscape=*/false);
        C.addTransition(State);
      }
      return;
    }
  const DdiInfo *D = Ddis.match(Call);
  if (!D)
    return;
  // Any other object: its cleanup, under its handle.
  if (const ObjectCleanup *Cleanup =
          C.getState()->get<WdfPendingCleanups>(Call.getOriginExpr())) {
    ProgramStateRef State =
        C.getState()->remove<WdfPendingCleanups>(Call.getOriginExpr());
    if (std::optional<Loc> Out = outLocation(Call, D->OutArg, State))
      if (SymbolRef Handle = handleOf(State->getSVal(*Out)))
        if (!object(State, Handle))
          State = State->set<WdfCleanups>(Handle, *Cleanup);
    C.addTransition(State);
  }
  if (D->Family != WDF_FAMILY_LOOKASIDE_CREATE)
    return;
  std::optional<Loc> Out = outLocation(Call, D->OutArg, C.getState());
  if (!Out)
    return;
  SymbolRef Lookaside = handleOf(C.getState()->getSVal(*Out));
  if (!Lookaside)
    return;
  LookasideParent LP{nullptr, false};
  parentFromAttributes(Call, D->AttrArg, C, LP.Parent, LP.Known);
  C.addTransition(C.getState()->set<WdfLookasides>(Lookaside, LP));
}

// A handle the analysed function returns is stored by its caller.
void MemoryModel::checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const {
  if (!RS->getRetValue())
    return;
  if (!C.inTopFrame()) {
    // A helper hands a failed call's NULL to its caller.
    const FailedValue *Failed =
        failedAt(C.getState(), storageOf(RS->getRetValue(), C));
    if (Failed && C.getSVal(RS->getRetValue()).isZeroConstant())
      if (const Stmt *Site = C.getStackFrame()->getCallSite())
        C.addTransition(C.getState()->set<WdfFailedReturns>(Site, *Failed));
    return;
  }
  ProgramStateRef State = C.getState();
  SVal Ret = C.getSVal(RS->getRetValue());
  SymbolRef Sym = handleOf(Ret);
  if (const MemObject *Obj = object(State, Sym))
    if (Obj->isAlive())
      C.addTransition(State->set<WdfMemObjects>(Sym, Obj->escaped(/*Stored=*/true)));
}

// Storing anything into a variable that held a failed call's NULL makes it
// an ordinary variable again.  Storing into a field the file deletes
// through releases the handle it held and holds the new one.
// The handles a structure copied whole carries, each with the place of the
// copy that now holds it: the pointer members of type T at Src, and those
// of its bases, member structures and arrays, read from the store the copy
// was taken from (at most Budget members).
using CopiedHandle = std::pair<SymbolRef, const MemRegion *>;
static void handlesInCopy(CheckerContext &C, Store From, QualType T,
                          const SubRegion *Src, const SubRegion *Dst,
                          llvm::SmallVectorImpl<CopiedHandle> &Out,
                          unsigned &Budget) {
  if (!Src || !Dst || Budget == 0)
    return;
  MemRegionManager &RM = C.getStoreManager().getRegionManager();
  T = T.getCanonicalType();
  if (T->isPointerType()) {
    --Budget;
    SVal V = C.getStoreManager().getBinding(From, loc::MemRegionVal(Src), T);
    if (SymbolRef Sym = MemoryModel::handleOf(V))
      Out.emplace_back(Sym, Dst);
    return;
  }
  if (const auto *AT = dyn_cast<ConstantArrayType>(T.getTypePtr())) {
    uint64_t Size = AT->getSize().getZExtValue();
    QualType E = AT->getElementType();
    for (uint64_t I = 0; I < Size && Budget; ++I) {
      NonLoc Index = C.getSValBuilder().makeArrayIndex(I);
      handlesInCopy(C, From, E,
                    RM.getElementRegion(E, Index, Src, C.getASTContext()),
                    RM.getElementRegion(E, Index, Dst, C.getASTContext()), Out,
                    Budget);
    }
    return;
  }
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    for (const CXXBaseSpecifier &Base : CRD->bases())
      if (const CXXRecordDecl *BD = Base.getType()->getAsCXXRecordDecl())
        handlesInCopy(C, From, Base.getType(),
                      RM.getCXXBaseObjectRegion(BD, Src, Base.isVirtual()),
                      RM.getCXXBaseObjectRegion(BD, Dst, Base.isVirtual()), Out,
                      Budget);
  for (const FieldDecl *Field : RD->fields())
    handlesInCopy(C, From, Field->getType(), RM.getFieldRegion(Field, Src),
                  RM.getFieldRegion(Field, Dst), Out, Budget);
}

void MemoryModel::checkBind(SVal Loc, SVal Val, const Stmt *S,
                            CheckerContext &C) const {
  const MemRegion *R = Loc.getAsRegion();
  ProgramStateRef State = C.getState();
  if (R && State->get<WdfFailedAt>(R))
    State = State->remove<WdfFailedAt>(R);
  // Only the escape of this bind may be excused.
  if (!State->get<WdfHeldBinds>().isEmpty())
    State = State->remove<WdfHeldBinds>();
  // A structure copied whole is bound as one lazy value, which the store
  // keeps as a snapshot of the source rather than as bindings of its own:
  // the handles inside it now have a second home.
  // A copy into a managed field holds the handle as a direct bind would.
  if (auto Copy = Val.getAs<nonloc::LazyCompoundVal>()) {
    llvm::SmallVector<CopiedHandle, 4> Copied;
    unsigned Budget = 256;
    if (const auto *Dst = dyn_cast_or_null<SubRegion>(R))
      handlesInCopy(C, Copy->getStore(), Copy->getRegion()->getValueType(),
                    Copy->getRegion(), Dst, Copied, Budget);
    for (const auto &[Sym, Where] : Copied) {
      const MemObject *Obj = object(State, Sym);
      if (!Obj || !Obj->isAlive())
        continue;
      State = State->add<WdfCopiedHandles>(Sym);
      if (isManagedField(Where))
        State = State->set<WdfMemObjects>(Sym, Obj->heldIn(Where))
                    ->add<WdfHeldBinds>(Sym);
    }
  }
  // Overwriting a field that holds the last handle of an object loses it.
  ExplodedNode *N = C.getPredecessor();
  if (R && handleOf(State->getSVal(R)) != handleOf(Val)) {
    const Expr *Field = nullptr;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(S))
      Field = BO->getLHS();
    State = overwrite(State, R, Field, N, C);
  }
  SymbolRef New = handleOf(Val);
  if (const MemObject *Obj = object(State, New))
    if (Obj->isAlive()) {
      if (isManagedField(R)) {
        State = State->set<WdfMemObjects>(New, Obj->heldIn(R));
        State = State->add<WdfHeldBinds>(New);
        Obj = object(State, New);
      }
      if (isHome(R))
        State = State->set<WdfMemObjects>(New, Obj->storedIn(R));
    }
  // The result of a helper that returned a failed call's NULL.
  const Expr *Value = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(S)) {
    if (const auto *VD = dyn_cast_or_null<VarDecl>(DS->getSingleDecl()))
      Value = VD->getInit();
  } else if (const auto *BO = dyn_cast_or_null<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      Value = BO->getRHS();
  }
  if (Value && R && Val.isZeroConstant()) {
    const Stmt *Call = Value->IgnoreParenCasts();
    if (const FailedValue *Failed = State->get<WdfFailedReturns>(Call)) {
      FailedValue Here = *Failed;
      Here.Frame = C.getStackFrame();
      State = State->set<WdfFailedAt>(R, Here)->remove<WdfFailedReturns>(Call);
    }
  }
  if (State != C.getState() || N != C.getPredecessor())
    C.addTransition(State, N);
}

void MemoryModel::checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  llvm::SmallVector<std::pair<SymbolRef, MemObject>, 2> Outlived;
  for (const auto &Entry : State->get<WdfMemObjects>()) {
    if (!SR.isDead(Entry.first))
      continue;
    const MemObject &Obj = Entry.second;
    // Held in a field the file deletes through: managed, whatever happens
    // to the storage of the field now.
    if (Obj.isAlive() && Obj.isCreated() && Obj.isDriverParented() &&
        !Obj.isHeld()) {
      if (!Obj.isEscaped())
        State = State->set<WdfLost>(Entry.first,
                                    LostObject{Obj, C.getStackFrame()});
      else if (Obj.isStored())
        Outlived.push_back({Entry.first, Obj});
    }
    State = State->remove<WdfMemObjects>(Entry.first);
  }
  for (const auto &Entry : State->get<WdfFailed>())
    if (SR.isDead(Entry.first))
      State = State->remove<WdfFailed>(Entry.first);
  for (const auto &Entry : State->get<WdfBuffers>())
    if (!SR.isLiveRegion(Entry.first))
      State = State->remove<WdfBuffers>(Entry.first);
  // A completed request matters while it can still be used: through its
  // handle, or through a buffer it owns (objects parented to it keep its
  // handle alive).  Kept longer, it would only tell paths apart.
  for (SymbolRef Request : State->get<WdfCompleted>()) {
    if (!SR.isDead(Request))
      continue;
    bool OwnsBuffer = false;
    for (const auto &Entry : State->get<WdfBuffers>())
      if (Entry.second.OwnerIsRequest && Entry.second.Owner == Request) {
        OwnsBuffer = true;
        break;
      }
    if (!OwnsBuffer)
      State = State->remove<WdfCompleted>(Request);
  }
  // A variable holding a failed call's NULL is read after the point where
  // liveness calls it dead (the read is an earlier CFG element than the
  // call using it): keep the entry until its stack frame is gone.
  for (const auto &Entry : State->get<WdfFailedAt>())
    if (!isActiveFrame(Entry.second.Frame, C.getStackFrame()) &&
        !inActiveFrame(Entry.first, C.getStackFrame()) &&
        !SR.isLiveRegion(Entry.first))
      State = State->remove<WdfFailedAt>(Entry.first);
  for (const auto &Entry : State->get<WdfLookasides>())
    if (SR.isDead(Entry.first))
      State = State->remove<WdfLookasides>(Entry.first);
  for (const auto &Entry : State->get<WdfCleanups>())
    if (SR.isDead(Entry.first))
      State = State->remove<WdfCleanups>(Entry.first);
  for (const auto &Entry : State->get<WdfContexts>())
    if (SR.isDead(Entry.first.first))
      State = State->remove<WdfContexts>(Entry.first);
  for (SymbolRef Sym : State->get<WdfCopiedHandles>())
    if (SR.isDead(Sym))
      State = State->remove<WdfCopiedHandles>(Sym);

  ExplodedNode *N = C.getPredecessor();
  if (Parentless && !Outlived.empty())
    if (ExplodedNode *ErrorNode = C.generateNonFatalErrorNode(C.getState(), N)) {
      Parentless->reportDeaths(Outlived, ErrorNode, C);
      N = ErrorNode;
    }
  C.addTransition(State, N);
}

// Leaks found while the function ran are reported where it returns.
void MemoryModel::checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  llvm::SmallVector<std::pair<SymbolRef, MemObject>, 2> Lost;
  // Lost in this function, or in a callee that has already returned (its
  // locals die after its own end-of-function callbacks).
  for (const auto &Entry : State->get<WdfLost>())
    if (!isActiveFrame(Entry.second.Frame, C.getStackFrame()->getParent())) {
      Lost.push_back({Entry.first, Entry.second.Obj});
      State = State->remove<WdfLost>(Entry.first);
    }
  if (Lost.empty())
    return;
  ExplodedNode *N = C.getPredecessor();
  if (Leaks)
    if (ExplodedNode *ErrorNode = C.generateNonFatalErrorNode(C.getState(), N)) {
      Leaks->reportDeaths(Lost, ErrorNode, C);
      N = ErrorNode;
    }
  C.addTransition(State, N);
}

// The parent of a memory object must stay known while the object lives.
void MemoryModel::checkLiveSymbols(ProgramStateRef State,
                                   SymbolReaper &SR) const {
  for (const auto &Entry : State->get<WdfMemObjects>()) {
    if (SymbolRef Parent = Entry.second.parent())
      SR.markLive(Parent);
    // A buffer lives as long as its object (WdfMemoryGetBuffer hands it out
    // again, and its contents matter to WM003).  Not the other way round:
    // the handle must be able to die for leaks to be seen.
    if (Entry.second.isAlive() || Entry.second.isFrameworkOwned())
      if (const auto *Buf = dyn_cast_or_null<SymbolicRegion>(Entry.second.buffer()))
        SR.markLive(Buf->getSymbol());
  }
  // A context lives while its object can be reached.
  for (const auto &Entry : State->get<WdfContexts>())
    SR.markLive(Entry.second);
  // A child whose cleanup callback deletes something stays known while its
  // parent does: deleting the parent runs the callback.
  for (const auto &Entry : State->get<WdfCleanups>()) {
    const ObjectCleanup &Cleanup = Entry.second;
    if (!Cleanup.Parent || !Cleanup.Callback ||
        !CleanupTargets.count(Cleanup.Callback->getCanonicalDecl()))
      continue;
    const MemObject *Obj = object(State, Entry.first);
    if (Obj && !Obj->isAlive())
      continue;
    SR.markLive(Entry.first);
    SR.markLive(Cleanup.Parent);
  }
}

void MemoryModel::printState(raw_ostream &Out, ProgramStateRef State,
                             const char *NL, const char *Sep) const {
  for (const auto &Entry : State->get<WdfMemObjects>()) {
    Out << Sep << "wdf memory " << Entry.first << ": ";
    Entry.second.dump(Out);
    Out << NL;
  }
  for (const auto &Entry : State->get<WdfBuffers>()) {
    Out << Sep << "wdf buffer " << Entry.first << " of " << Entry.second.Owner
        << (Entry.second.Untrusted ? " (untrusted)" : "") << NL;
  }
  for (const auto &Entry : State->get<WdfFailed>())
    Out << Sep << "wdf failed " << Entry.first << " from "
        << ddi(Entry.second.Ddi).Name << NL;
  for (const auto &Entry : State->get<WdfFailedAt>())
    Out << Sep << "wdf failed value in " << Entry.first << " from "
        << ddi(Entry.second.Ddi).Name << NL;
  for (SymbolRef Request : State->get<WdfCompleted>())
    Out << Sep << "wdf completed request " << Request << NL;
  for (const auto &Entry : State->get<WdfLost>())
    Out << Sep << "wdf lost " << Entry.first << NL;
  for (const auto &Entry : State->get<WdfFailedReturns>())
    Out << Sep << "wdf failed value returned to call " << Entry.first << " from "
        << ddi(Entry.second.Ddi).Name << NL;
  for (const auto &Entry : State->get<WdfLookasidePaged>())
    Out << Sep << "wdf lookaside " << Entry.first
        << (Entry.second ? " (paged)" : " (non-paged)") << NL;
}

void registerMemoryModelChecker(CheckerManager &Mgr) {
  Mgr.registerChecker<MemoryModel>();
}

bool shouldRegisterMemoryModelChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
