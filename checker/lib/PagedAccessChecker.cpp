//===- PagedAccessChecker.cpp - WM010 wdf.PagedAccess ---------------------===//
//
// Paged memory touched where the IRQL can be above APC_LEVEL.  A page of
// paged pool can be out; bringing it in needs the pager, which cannot run at
// DISPATCH_LEVEL or above, so the touch stops the system
// (IRQL_NOT_LESS_OR_EQUAL) -- and Driver Verifier pages everything out when
// the IRQL rises, so the crash is certain under test.
//
// Paged memory comes from (rules/ddis.def's allocating rows):
//   - ExAllocatePool*, WdfMemoryCreate with a paged POOL_TYPE or
//     POOL_FLAG_PAGED (MemoryModel::isPagedPool: a literal, or a value the
//     path constrains to it);
//   - WdfMemoryCreateFromLookaside from a paged list created on the path;
//   - WdfMemoryCreatePreallocated over paged memory, WdfMemoryGetBuffer of a
//     paged object;
//   - across the functions of one file: a field (record type + field name)
//     or global that only ever holds paged memory (a walk of the
//     translation unit before any path, below), read in another function;
//     with wdfcheck --ctu, over every file of the driver (pagedStoresOf,
//     joinPagedStores: option DriverPagedFields).
//
// A touch is a load or store through a pointer into it, or a copy, fill or
// compare of rules/copies.def with it on either side (WdfMemoryCopyToBuffer
// and WdfMemoryCopyFromBuffer on a paged object included: the limit that
// depends on the pool is this rule's at a touch, WM001's at an allocation;
// WM008 keeps each DDI's own limit).
//
// An allocation the path already makes above APC_LEVEL is WM001's: its
// touches on the same path are not reported again.  The IRQL and the reason
// it can be too high come from wdf.IrqlModel, as for WM001; an unknown IRQL
// reports nothing.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "IrqlModel.h"
#include "MemoryModel.h"
#include "Refutation.h"
#include "Support.h"
#include "wdfcheck/Catalog.h"
#include "wdfcheck/DriverFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

// Where paged memory on this path came from.
struct PagedSource {
  const Expr *Site;              // the allocating call
  const LocationContext *Where;  // the frame it was made in
  const Expr *Pool;              // its pool argument (for the fix-it)
  wdf_ddi_id Ddi;
  bool Reported; // WM001 reported the allocation on this path

  bool operator==(const PagedSource &O) const {
    return Site == O.Site && Where == O.Where && Pool == O.Pool &&
           Ddi == O.Ddi && Reported == O.Reported;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Site);
    ID.AddPointer(Where);
    ID.AddPointer(Pool);
    ID.AddInteger(Ddi);
    ID.AddBoolean(Reported);
  }
};

} // namespace
} // namespace wdfcheck

// Buffers (base regions) and memory handles known paged on this path.
REGISTER_MAP_WITH_PROGRAMSTATE(WdfPagedRegions, const clang::ento::MemRegion *,
                               wdfcheck::PagedSource)
REGISTER_MAP_WITH_PROGRAMSTATE(WdfPagedHandles, clang::ento::SymbolRef,
                               wdfcheck::PagedSource)

namespace wdfcheck {
namespace {

// A call of rules/copies.def and the operands it touches: each a buffer
// pointer or a WDFMEMORY handle (-1: none).
struct TouchCall {
  const char *Name;
  int Arg[2];
  bool IsHandle[2];
};

// What a store into a field or global puts there, as far as the text of
// the file says.  Neutral: NULL (a cleared field holds nothing).
enum class Pagedness { Neutral, Paged, Other };

Pagedness merge(Pagedness A, Pagedness B) {
  if (A == Pagedness::Neutral)
    return B;
  if (B == Pagedness::Neutral)
    return A;
  return A == B ? A : Pagedness::Other;
}

// The first store of paged memory into a field or global: the note of a
// finding in another function points at it.
struct PagedStore {
  const Stmt *Where = nullptr;
  const FunctionDecl *In = nullptr;
  std::string Spelling; // 'devCtx->Table'
  const Expr *Pool = nullptr;
};

struct FieldFact {
  Pagedness Kind = Pagedness::Neutral;
  PagedStore First;
};

// The storage a field or global is known by across functions: the field
// (its record type and name) or the global variable.  An element of an
// array field or global (`ctx->Tables[i]`) is known by the array: one fact
// for all its elements.
const ValueDecl *targetOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  while (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = AS->getBase()->IgnoreParenImpCasts();
    if (!Base->getType()->isConstantArrayType())
      return nullptr; // through a pointer: the memory it points to
    E = Base;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->hasGlobalStorage())
        return V->getCanonicalDecl();
  return nullptr;
}

const Expr *addressOf(const Expr *E) {
  if (const auto *U = dyn_cast<UnaryOperator>(E->IgnoreParenCasts()))
    if (U->getOpcode() == UO_AddrOf)
      return U->getSubExpr();
  return nullptr;
}

// The walk of the translation unit: which fields and globals only ever
// receive paged memory.  A store is an assignment, or the field's address
// given to a creating DDI as its out-handle or out-buffer; a store of
// anything not known paged (a parameter, an unknown call's result, memory
// of another pool, the address given to any other function) makes the
// field "Other" for good.  Locals carry the pool from an allocation to the
// store (`buf = ExAllocatePool2(...); ctx->Table = buf;`).
class PagedFieldFinder : public RecursiveASTVisitor<PagedFieldFinder> {
  using Base = RecursiveASTVisitor<PagedFieldFinder>;

public:
  PagedFieldFinder(const DdiMatcher &Ddis, ASTContext &Ctx,
                   llvm::DenseMap<const ValueDecl *, FieldFact> &Facts)
      : Ddis(Ddis), Ctx(Ctx), Facts(Facts) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (inSystemHeader(D))
      return true;
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      return Base::TraverseDecl(D);
    Function Saved = std::move(Current);
    Current = Function();
    Current.Decl = FD;
    bool Result = Base::TraverseDecl(D);
    finish();
    Current = std::move(Saved);
    return Result;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign || !Current.Decl)
      return true;
    store(BO->getLHS(), {BO->getRHS(), nullptr, -1, BO});
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (!V->getInit() || !V->getType()->isAnyPointerType())
      return true;
    if (V->hasLocalStorage() && Current.Decl) {
      Current.Locals[V].push_back({V->getInit(), nullptr, -1, V->getInit()});
      return true;
    }
    // A global initialised to anything but NULL holds what the analysis
    // cannot see.
    if (V->hasGlobalStorage() &&
        !V->getInit()->isNullPointerConstant(
            Ctx, Expr::NPC_ValueDependentIsNotNull))
      Facts[V->getCanonicalDecl()].Kind = Pagedness::Other;
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (!Current.Decl)
      return true;
    for (unsigned I = 0; I < CE->getNumArgs(); ++I)
      if (const Expr *Sub = addressOf(CE->getArg(I))) {
        store(Sub, {nullptr, CE, int(I), CE});
        Current.CallAddresses.insert(
            cast<UnaryOperator>(CE->getArg(I)->IgnoreParenCasts()));
      }
    return true;
  }

  // An address taken anywhere else (`PVOID *slot = &ctx->Table;`) lets
  // anything be stored there: the field is not known paged.
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->getOpcode() == UO_AddrOf && Current.Decl)
      Current.Addresses.push_back(U);
    return true;
  }

  // An initialiser list stores into the fields it names.
  bool VisitInitListExpr(InitListExpr *ILE) {
    if (!Current.Decl)
      return true;
    // The walk sees the form as written; the fields are in the semantic one.
    if (!ILE->isSemanticForm())
      ILE = ILE->getSemanticForm();
    if (!ILE)
      return true;
    const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
    if (!RD || RD->isUnion())
      return true;
    if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD))
      if (CXX->getNumBases())
        return true; // the bases come first among the initialisers
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (I >= ILE->getNumInits())
        break;
      const Expr *Init = ILE->getInit(I++);
      if (F->getType()->isAnyPointerType() && !isa<ImplicitValueInitExpr>(Init))
        Current.Stores.push_back({F, {Init, nullptr, -1, Init}, nullptr});
    }
    return true;
  }

  // C++ member initialisers store into the member.
  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    if (!Current.Decl)
      return true;
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (FieldDecl *F = Init->getMember())
        if (F->getType()->isAnyPointerType() && Init->getInit() &&
            Init->isWritten())
          Current.Stores.push_back(
              {F, {Init->getInit(), nullptr, -1, Init->getInit()}, nullptr});
    return true;
  }

private:
  // One value put into a local, field or global: an expression, or what a
  // call writes through its argument OutIdx.
  struct Value {
    const Expr *E;
    const CallExpr *OutOf;
    int OutIdx;
    const Stmt *Where;
  };
  struct Function {
    const FunctionDecl *Decl = nullptr;
    llvm::DenseMap<const VarDecl *, std::vector<Value>> Locals;
    struct Store {
      const ValueDecl *Target;
      Value V;
      const Expr *Spelled; // the target as written, for the note; or null
    };
    std::vector<Store> Stores;
    std::vector<const UnaryOperator *> Addresses;
    llvm::DenseSet<const UnaryOperator *> CallAddresses;
    llvm::DenseSet<const VarDecl *> Escaped; // locals whose address is kept
    llvm::DenseMap<const VarDecl *, std::pair<Pagedness, const Expr *>> Kinds;
  };

  const DdiMatcher &Ddis;
  ASTContext &Ctx;
  llvm::DenseMap<const ValueDecl *, FieldFact> &Facts;
  Function Current;

  void store(const Expr *Target, Value V) {
    if (!Target->getType()->isAnyPointerType())
      return;
    if (const VarDecl *L = localVariableOf(Target)) {
      Current.Locals[L].push_back(V);
      return;
    }
    if (const ValueDecl *T = targetOf(Target))
      Current.Stores.push_back({T, V, Target});
  }

  // The pool of an allocating call: Paged for a constant paged pool.
  Pagedness poolOf(const CallExpr *CE, const DdiInfo &D, const Expr *&Pool) {
    if ((D.PoolKind != WDF_POOL_TYPE && D.PoolKind != WDF_POOL_FLAGS) ||
        D.PoolArg < 0 || CE->getNumArgs() <= unsigned(D.PoolArg))
      return Pagedness::Other;
    const Expr *Arg = CE->getArg(D.PoolArg);
    Expr::EvalResult R;
    if (Arg->isValueDependent() || !Arg->EvaluateAsInt(R, Ctx))
      return Pagedness::Other;
    uint64_t V = R.Val.getInt().getZExtValue();
    bool Paged = D.PoolKind == WDF_POOL_TYPE ? wdf_pool_type_is_paged(V) != 0
                                             : (V & WDF_POOL_FLAG_PAGED) != 0;
    if (!Paged)
      return Pagedness::Other;
    Pool = Arg;
    return Pagedness::Paged;
  }

  Pagedness classify(const Expr *E, const Expr *&Pool) {
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return Pagedness::Neutral;
    E = E->IgnoreParenCasts();
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const DdiInfo *D = Ddis.matchDecl(CE->getDirectCallee());
      if (!D)
        return Pagedness::Other;
      if (D->isPoolAllocation())
        return poolOf(CE, *D, Pool);
      // The buffer of a paged memory object.
      if (D->Id == WDF_DDI_WdfMemoryGetBuffer && D->HandleArg >= 0 &&
          CE->getNumArgs() > unsigned(D->HandleArg))
        return classify(CE->getArg(D->HandleArg), Pool);
      return Pagedness::Other;
    }
    if (const VarDecl *L = localVariableOf(E)) {
      auto It = Current.Kinds.find(L);
      if (It == Current.Kinds.end())
        return isa<ParmVarDecl>(L) ? Pagedness::Other : Pagedness::Neutral;
      Pool = It->second.second;
      return It->second.first;
    }
    return Pagedness::Other;
  }

  Pagedness classify(const Value &V, const Expr *&Pool) {
    if (V.E)
      return classify(V.E, Pool);
    const DdiInfo *D = Ddis.matchDecl(V.OutOf->getDirectCallee());
    if (!D || D->Family != WDF_FAMILY_MEMORY_CREATE ||
        (V.OutIdx != D->OutArg && V.OutIdx != D->OutBufArg))
      return Pagedness::Other;
    if (D->PoolKind != WDF_POOL_NONE)
      return poolOf(V.OutOf, *D, Pool);
    // WdfMemoryCreatePreallocated describes the caller's buffer.
    if (D->BufArg >= 0 && V.OutOf->getNumArgs() > unsigned(D->BufArg))
      return classify(V.OutOf->getArg(D->BufArg), Pool);
    return Pagedness::Other;
  }

  void finish() {
    for (const UnaryOperator *U : Current.Addresses) {
      if (Current.CallAddresses.count(U))
        continue;
      const Expr *Sub = U->getSubExpr();
      if (!Sub->getType()->isAnyPointerType())
        continue;
      if (const VarDecl *L = localVariableOf(Sub))
        Current.Escaped.insert(L);
      else if (const ValueDecl *T = targetOf(Sub))
        Facts[T].Kind = Pagedness::Other;
    }
    // Locals first (twice: a local copied from a later-declared one).
    for (int Round = 0; Round < 2; ++Round)
      for (auto &[L, Values] : Current.Locals) {
        Pagedness K = isa<ParmVarDecl>(L) || Current.Escaped.count(L)
                          ? Pagedness::Other
                          : Pagedness::Neutral;
        const Expr *Pool = nullptr;
        for (const Value &V : Values) {
          const Expr *P = nullptr;
          K = merge(K, classify(V, P));
          if (!Pool)
            Pool = P;
        }
        Current.Kinds[L] = {K, Pool};
      }
    const SourceManager &SM = Ctx.getSourceManager();
    for (const auto &[T, V, Target] : Current.Stores) {
      const Expr *Pool = nullptr;
      Pagedness K = classify(V, Pool);
      FieldFact &F = Facts[T];
      if (K == Pagedness::Paged && !F.First.Where) {
        StringRef Text;
        if (Target)
          Text = Lexer::getSourceText(
              CharSourceRange::getTokenRange(Target->getSourceRange()), SM,
              Ctx.getLangOpts());
        F.First = {V.Where, Current.Decl,
                   Text.empty() ? T->getNameAsString() : Text.str(), Pool};
      }
      F.Kind = merge(F.Kind, K);
    }
  }
};

// The name a field or global has in every file of the driver:
// "Record::Field" (a typedef'd anonymous record by its typedef), or
// "::Global"; "" when it has none.
std::string driverKey(const ValueDecl *T) {
  if (const auto *F = dyn_cast<FieldDecl>(T)) {
    const RecordDecl *RD = F->getParent();
    std::string Record = RD->getQualifiedNameAsString();
    if (RD->getName().empty()) {
      const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl();
      Record = TD ? TD->getQualifiedNameAsString() : "";
    }
    return Record.empty() ? "" : Record + "::" + F->getName().str();
  }
  if (const auto *V = dyn_cast<VarDecl>(T))
    if (V->isExternallyVisible())
      return "::" + V->getQualifiedNameAsString();
  return "";
}

class PagedAccessChecker
    : public Checker<check::ASTDecl<TranslationUnitDecl>, check::PostCall,
                     check::PreCall, check::Location, check::DeadSymbols> {
public:
  const IrqlModel *Model = nullptr;
  bool ShowFixIts = false;

  PagedAccessChecker();

  void checkASTDecl(const TranslationUnitDecl *TU, AnalysisManager &Mgr,
                    BugReporter &BR) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                     CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM010);
  const DdiMatcher Ddis;
  CalleeMap<TouchCall> Touches;
  // Fields and globals that only ever hold paged memory (Kind Paged),
  // learnt before any path; one checker per translation unit.
  mutable llvm::DenseMap<const ValueDecl *, FieldFact> Fields;

public:
  // wdfcheck --ctu: the driver's paged fields (key -> where the first paged
  // store is); when loaded, they decide for every field with a key.
  bool DriverLoaded = false;
  llvm::StringMap<std::string> DriverPaged;
  bool loadDriverPagedFields(StringRef Path);

private:

  // What is known of the memory a pointer or handle reaches: the path's
  // allocation, or the file's field fact.
  struct Found {
    const PagedSource *Path = nullptr;
    const FieldFact *Field = nullptr;
    const ValueDecl *Target = nullptr; // the field or global of Field
    const std::string *Elsewhere = nullptr; // where another file stores it
  };
  Found fromOrigin(SymbolRef Sym) const;
  Found ofRegion(ProgramStateRef State, const MemRegion *R) const;
  Found ofHandle(ProgramStateRef State, SymbolRef Sym) const;
  // How memory is touched: by a call of copies.def, or a load or store.
  struct Touch {
    const char *Call; // null for a load or store
    bool IsLoad;
  };
  // Reports the touch; false when nothing was reported.
  bool report(const Found &F, Touch How, SourceRange Range,
              CheckerContext &C) const;
};

PagedAccessChecker::PagedAccessChecker()
    : Touches({
#define WDF_COPY(Name, Params, DestArg, SrcArg, SizeArg, OffsetArg, Kind)      \
  {{WDF_COPY_##Kind == WDF_COPY_PTR_TO_PTR || WDF_COPY_##Kind == WDF_COPY_FILL  \
        ? CDM::CLibrary                                                        \
        : CDM::SimpleFunc,                                                     \
    {#Name},                                                                   \
    Params},                                                                   \
   TouchCall{#Name,                                                            \
             {DestArg, SrcArg},                                                \
             {WDF_COPY_##Kind == WDF_COPY_PTR_TO_MEMORY,                       \
              WDF_COPY_##Kind == WDF_COPY_MEMORY_TO_PTR}}},
#define WDF_COMPARE(Name, Params, FirstArg, SecondArg, SizeArg)                \
  {{CDM::SimpleFunc, {#Name}, Params},                                         \
   TouchCall{#Name, {FirstArg, SecondArg}, {false, false}}},
#include "copies.def"
      }) {
}

void PagedAccessChecker::checkASTDecl(const TranslationUnitDecl *TU,
                                      AnalysisManager &Mgr,
                                      BugReporter &) const {
  Fields.clear();
  PagedFieldFinder Finder(Ddis, Mgr.getASTContext(), Fields);
  Finder.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
}

PagedAccessChecker::Found PagedAccessChecker::fromOrigin(SymbolRef Sym) const {
  if (!Sym)
    return {};
  const MemRegion *Origin = Sym->getOriginRegion();
  if (!Origin)
    return {};
  const ValueDecl *T = nullptr;
  // An element of an array field or global: the array's fact.
  while (const auto *ER = dyn_cast<ElementRegion>(Origin))
    Origin = ER->getSuperRegion();
  if (const auto *FR = dyn_cast<FieldRegion>(Origin))
    T = FR->getDecl();
  else if (const auto *VR = dyn_cast<VarRegion>(Origin))
    if (const auto *V = dyn_cast<VarDecl>(VR->getDecl()))
      if (V->hasGlobalStorage())
        T = V->getCanonicalDecl();
  if (!T)
    return {};
  auto It = Fields.find(T);
  if (DriverLoaded) {
    std::string Key = driverKey(T);
    if (!Key.empty()) {
      auto D = DriverPaged.find(Key);
      if (D == DriverPaged.end())
        return {};
      // The note points at this file's store when it makes one.
      if (It != Fields.end() && It->second.Kind == Pagedness::Paged)
        return {nullptr, &It->second, T};
      return {nullptr, nullptr, T, &D->second};
    }
  }
  if (It == Fields.end() || It->second.Kind != Pagedness::Paged)
    return {};
  return {nullptr, &It->second, T};
}

PagedAccessChecker::Found
PagedAccessChecker::ofRegion(ProgramStateRef State, const MemRegion *R) const {
  if (!R)
    return {};
  R = R->getBaseRegion();
  if (const PagedSource *P = State->get<WdfPagedRegions>(R))
    return {P, nullptr};
  if (const auto *SR = dyn_cast<SymbolicRegion>(R))
    return fromOrigin(SR->getSymbol());
  return {};
}

PagedAccessChecker::Found
PagedAccessChecker::ofHandle(ProgramStateRef State, SymbolRef Sym) const {
  if (!Sym)
    return {};
  if (const PagedSource *P = State->get<WdfPagedHandles>(Sym))
    return {P, nullptr};
  return fromOrigin(Sym);
}

void PagedAccessChecker::checkPostCall(const CallEvent &Call,
                                       CheckerContext &C) const {
  const DdiInfo *D = Ddis.match(Call);
  if (!D)
    return;
  // The pool of a list created on this path, for the memory taken from it
  // (also recorded by WM001's checker; the same value).
  if (D->Family == WDF_FAMILY_LOOKASIDE_CREATE) {
    MemoryModel::recordLookasidePool(Call, *D, C);
    return;
  }
  ProgramStateRef State = C.getState();
  auto valueAt = [&](int Arg) -> SVal {
    if (Arg < 0 || Arg >= (int)Call.getNumArgs())
      return UnknownVal();
    auto Out = Call.getArgSVal(Arg).getAs<Loc>();
    const Expr *E = Call.getArgExpr(Arg);
    if (!Out || !E || !E->getType()->isPointerType())
      return UnknownVal();
    return State->getSVal(*Out, E->getType()->getPointeeType());
  };

  // The buffer of a paged memory object is paged.
  if (D->Id == WDF_DDI_WdfMemoryGetBuffer) {
    if (D->HandleArg < 0)
      return;
    Found F = ofHandle(State, Call.getArgSVal(D->HandleArg).getAsSymbol());
    const MemRegion *Buf = Call.getReturnValue().getAsRegion();
    if (F.Path && Buf)
      C.addTransition(State->set<WdfPagedRegions>(Buf->getBaseRegion(), *F.Path));
    return;
  }
  if (D->Family != WDF_FAMILY_POOL_ALLOC && D->Family != WDF_FAMILY_MEMORY_CREATE)
    return;

  std::optional<PagedSource> Src;
  if (D->PoolKind != WDF_POOL_NONE) {
    if (!MemoryModel::isPagedPool(Call, *D, C).value_or(false))
      return;
    // WM001 reports this allocation where the path may be above the paged
    // limit: one finding for the allocation and its touches.
    bool Reported = D->PagedMaxIrql != WDF_IRQL_NONE &&
                    Model->highestAbove(C, D->PagedMaxIrql).has_value();
    Src = PagedSource{dyn_cast_or_null<Expr>(Call.getOriginExpr()),
                      C.getLocationContext(),
                      D->PoolArg >= 0 ? Call.getArgExpr(D->PoolArg) : nullptr,
                      D->Id, Reported};
  } else if (D->BufArg >= 0) {
    // WdfMemoryCreatePreallocated over paged memory.
    Found F = ofRegion(State, Call.getArgSVal(D->BufArg).getAsRegion());
    if (F.Path)
      Src = *F.Path;
  }
  if (!Src)
    return;

  if (D->isPoolAllocation()) {
    if (const MemRegion *R = Call.getReturnValue().getAsRegion())
      State = State->set<WdfPagedRegions>(R->getBaseRegion(), *Src);
  } else {
    if (SymbolRef H = valueAt(D->OutArg).getAsSymbol())
      State = State->set<WdfPagedHandles>(H, *Src);
    if (const MemRegion *R = valueAt(D->OutBufArg).getAsRegion())
      State = State->set<WdfPagedRegions>(R->getBaseRegion(), *Src);
  }
  C.addTransition(State);
}

void PagedAccessChecker::checkPreCall(const CallEvent &Call,
                                      CheckerContext &C) const {
  const TouchCall *T = Touches.lookup(Call);
  if (!T)
    return;
  ProgramStateRef State = C.getState();
  for (int I = 0; I < 2; ++I) {
    int Arg = T->Arg[I];
    if (Arg < 0 || Arg >= (int)Call.getNumArgs())
      continue;
    SVal V = Call.getArgSVal(Arg);
    Found F = T->IsHandle[I] ? ofHandle(State, V.getAsSymbol())
                             : ofRegion(State, V.getAsRegion());
    if ((F.Path || F.Target) &&
        report(F, {T->Name, false}, Call.getArgSourceRange(Arg), C))
      return; // one finding per call
  }
}

void PagedAccessChecker::checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                                       CheckerContext &C) const {
  Found F = ofRegion(C.getState(), Loc.getAsRegion());
  if (!F.Path && !F.Target)
    return;
  report(F, {nullptr, IsLoad}, S ? S->getSourceRange() : SourceRange(), C);
}

bool PagedAccessChecker::report(const Found &F, Touch How,
                                SourceRange Range, CheckerContext &C) const {
  if (F.Path && F.Path->Reported)
    return false; // WM001, at the allocation
  std::optional<int> Level = Model->highestAbove(C, WDF_IRQL_APC);
  if (!Level)
    return false;
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return false;
  std::string From =
      F.Path ? llvm::formatv("from {0}", ddi(F.Path->Ddi).Name).str()
             : llvm::formatv("from {0} '{1}'",
                             isa<FieldDecl>(F.Target) ? "field" : "global",
                             F.Target->getName())
                   .str();
  if (F.Elsewhere)
    From += llvm::formatv(", stored in {0},", *F.Elsewhere).str();
  // A load or store names no call: say what happens to the memory.
  std::string What =
      How.Call ? llvm::formatv("{0} touches paged memory {1}", How.Call, From)
                     .str()
               : llvm::formatv("paged memory {0} is {1}", From,
                               How.IsLoad ? "read" : "written")
                     .str();
  std::string Msg = llvm::formatv(
      "{0} at {1} ({2}): a page that is out cannot be brought in above "
      "APC_LEVEL and the system stops (IRQL_NOT_LESS_OR_EQUAL); allocate it "
      "non-paged (NonPagedPoolNx), or {3}",
      What, irqlName(*Level), Model->why(C, *Level, /*Raised=*/true),
      Model->remedy(C));
  auto R = makeReport(Bug, Msg, N);
  if (Range.isValid())
    R->addRange(Range);
  const SourceManager &SM = C.getSourceManager();
  const Expr *Pool = nullptr;
  if (F.Path) {
    Pool = F.Path->Pool;
    if (F.Path->Site)
      R->addNote(llvm::formatv("paged memory allocated here by {0}",
                               ddi(F.Path->Ddi).Name)
                     .str(),
                 PathDiagnosticLocation(F.Path->Site, SM, F.Path->Where));
  } else if (F.Elsewhere) {
    // The store is in another file of the driver: the message names it.
  } else {
    const PagedStore &S = F.Field->First;
    Pool = S.Pool;
    AnalysisDeclContext *ADC =
        C.getAnalysisManager().getAnalysisDeclContext(S.In);
    R->addNote(llvm::formatv("paged memory stored into '{0}' here ({1})",
                             S.Spelling, S.In->getName())
                   .str(),
               PathDiagnosticLocation(S.Where, SM, ADC));
  }
  if (ShowFixIts && Pool)
    if (std::optional<FixItHint> Fix =
            nonPagedPoolFixIt(Pool, SM, C.getLangOpts()))
      R->addFixItHint(*Fix);
  C.emitReport(std::move(R));
  return true;
}

void PagedAccessChecker::checkDeadSymbols(SymbolReaper &SR,
                                          CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  ProgramStateRef Next = State;
  for (const auto &[R, Src] : State->get<WdfPagedRegions>())
    if (!SR.isLiveRegion(R))
      Next = Next->remove<WdfPagedRegions>(R);
  for (const auto &[Sym, Src] : State->get<WdfPagedHandles>())
    if (SR.isDead(Sym))
      Next = Next->remove<WdfPagedHandles>(Sym);
  if (Next != State)
    C.addTransition(Next);
}

bool PagedAccessChecker::loadDriverPagedFields(StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return false; // file by file, as without --ctu
  llvm::SmallVector<StringRef, 16> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    auto [Key, Where] = Line.split(' ');
    DriverPaged[Key] = Where.str();
  }
  DriverLoaded = true;
  return true;
}

} // namespace

std::string pagedStoresOf(ASTContext &Ctx) {
  DdiMatcher Ddis;
  llvm::DenseMap<const ValueDecl *, FieldFact> Facts;
  PagedFieldFinder Finder(Ddis, Ctx, Facts);
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Out;
  for (const auto &[T, F] : Facts) {
    std::string Key = driverKey(T);
    if (Key.empty() || F.Kind == Pagedness::Neutral)
      continue;
    Out += Key;
    if (F.Kind == Pagedness::Other) {
      Out += " other\n";
      continue;
    }
    PresumedLoc P = SM.getPresumedLoc(
        SM.getExpansionLoc(F.First.Where->getBeginLoc()));
    Out += llvm::formatv(" paged {0} ({1}:{2})\n",
                         F.First.In->getNameAsString(),
                         P.isValid() ? llvm::sys::path::filename(P.getFilename())
                                     : StringRef("?"),
                         P.isValid() ? P.getLine() : 0)
               .str();
  }
  return Out;
}

std::string joinPagedStores(llvm::ArrayRef<std::string> Texts) {
  // Key -> where its first paged store is; "" once anything else is stored.
  std::map<std::string, std::string> Merged;
  for (const std::string &Text : Texts) {
    llvm::SmallVector<StringRef, 16> Lines;
    StringRef(Text).split(Lines, '\n', -1, /*KeepEmpty=*/false);
    for (StringRef Line : Lines) {
      auto [Key, Rest] = Line.split(' ');
      auto [Kind, Where] = Rest.split(' ');
      auto [It, New] = Merged.try_emplace(Key.str(), Where.str());
      if (Kind != "paged")
        It->second.clear();
      else if (!New && It->second.empty())
        continue; // already other
    }
  }
  std::string Out;
  for (const auto &[Key, Where] : Merged)
    if (!Where.empty())
      Out += Key + " " + Where + "\n";
  return Out;
}

void registerPagedAccessChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<PagedAccessChecker>();
  Checker->Model = Mgr.getChecker<IrqlModel>();
  Checker->ShowFixIts = Mgr.getAnalyzerOptions().getCheckerBooleanOption(
      Checker, ShowFixItsOption);
  StringRef Path = Mgr.getAnalyzerOptions().getCheckerStringOption(
      Checker, DriverPagedFieldsOption);
  if (!Path.empty())
    Checker->loadDriverPagedFields(Path);
}

bool shouldRegisterPagedAccessChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
