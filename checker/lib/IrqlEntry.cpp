//===- IrqlEntry.cpp - where a function's entry IRQL comes from -----------===//
//
// The translation-unit pre-pass of the IRQL model (IrqlEntry.h).  Two parts:
//
// The role index.  One RecursiveASTVisitor walk over the TU records facts,
// and resolve() turns them into "function -> roles" once the walk is over:
//   - registrations: an assignment or initialiser of a member named like a
//     role's config field (cfg.EvtIoRead = F, {.EvtIoRead = F}), and a call
//     of a roles.def initialiser or DDI (WDF_DPC_CONFIG_INIT(&c, F));
//   - role-type declarations: EVT_WDF_IO_QUEUE_IO_READ F; (the written type
//     of that redeclaration is the role typedef);
//   - execution levels: x.ExecutionLevel = WdfExecutionLevelPassive, and the
//     create DDIs (WdfIoQueueCreate, WdfTimerCreate, WdfDeviceCreate) that
//     receive those attributes and the config holding the registrations.
//   Variables are joined through the driver's own helpers: a call of a
//   function defined in the main file binds each pointer or reference
//   parameter to the variable passed, so `init_queue(&cfg)` whose body
//   writes `c->EvtIoRead = F` registers F in `cfg`.  The union of such
//   variables is flow-insensitive: a helper used for two queues makes their
//   settings one (it can only narrow more callbacks to PASSIVE_LEVEL, which
//   hides findings rather than inventing them).
//
// The SAL reader.  sal.h defines the IRQL annotations to nothing, so they are
// read back from the text of each redeclaration: the tokens from the end of
// the declaration before it in its file (a place where raw lexing is safe;
// the lexer spans the whole NUL-terminated buffer: one over a substring
// reads past its end) to its parameter list are raw-lexed, and those between the
// previous `;`, `{`, `}` or preprocessor line and the function's name are
// searched.  The parameter list is searched for _IRQL_saves_ /
// _IRQL_restores_ in front of each parameter.  A declaration written as
// `EVT_X F;` has only `EVT_X` before its name: the annotations of the role
// typedef are never the function's.
//
// Names of roles, config fields and DDIs come from rules/roles.def and
// rules/ddis.def; only SAL spellings, IRQL level names and the execution
// level field and enumerators (in no table) are written here.
//
//===----------------------------------------------------------------------===//
#include "IrqlEntry.h"
#include "wdfcheck/DriverFacts.h"
#include "Ddi.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/CrossTU/CrossTranslationUnit.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerHelpers.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <vector>

using namespace clang;

namespace wdfcheck {
namespace {

bool returnsRaised(const FunctionDecl *FD);

//===----------------------------------------------------------------------===//
// The role tables (rules/roles.def)
//===----------------------------------------------------------------------===//

enum RoleId : unsigned {
#define WDF_ROLE(RoleType, ConfigField, MinIrql, MaxIrql, Narrowing)           \
  ROLE_##RoleType,
#include "roles.def"
  ROLE_COUNT
};

struct RoleInfo {
  const char *Type;  // the role typedef: EVT_WDF_IO_QUEUE_IO_READ
  const char *Field; // the config field, also the role's name: EvtIoRead
  int Min, Max;      // the two levels it is called at
  wdf_narrowing Narrowing;

  IrqlLevels levels() const {
    return IrqlLevels::of(Min) | IrqlLevels::of(Max);
  }
};

const RoleInfo Roles[] = {
#define WDF_ROLE(RoleType, ConfigField, MinIrql, MaxIrql, Narrowing)           \
  {#RoleType, #ConfigField, WDF_IRQL_##MinIrql, WDF_IRQL_##MaxIrql,            \
   WDF_NARROW_##Narrowing},
#include "roles.def"
};

struct RoleInit {
  const char *Function; // WDF_DPC_CONFIG_INIT
  unsigned Arg;         // the argument that names the callback
  RoleId Role;
};

const RoleInit RoleInits[] = {
#define WDF_ROLE_INIT(Function, ArgIndex, RoleType)                            \
  {#Function, ArgIndex, ROLE_##RoleType},
#include "roles.def"
};

// An object the framework disposes at PASSIVE_LEVEL (WDF_ROLE_OBJECT).
struct RoleObject {
  wdf_ddi_id Create;
  wdf_object_when When;
  wdf_object_level Cleanup, Destroy;
};

const RoleObject RoleObjects[] = {
#define WDF_ROLE_OBJECT(CreateDdi, When, Cleanup, Destroy)                     \
  {WDF_DDI_##CreateDdi, WDF_OBJECT_##When, WDF_OBJECT_LEVEL_##Cleanup,         \
   WDF_OBJECT_LEVEL_##Destroy},
#include "roles.def"
};

const RoleObject *roleObject(wdf_ddi_id Create) {
  for (const RoleObject &O : RoleObjects)
    if (O.Create == Create)
      return &O;
  return nullptr;
}

// Name lookups over the two tables, built once.
struct RoleLookup {
  llvm::StringMap<RoleId> ByField, ByType;
  llvm::StringMap<llvm::SmallVector<const RoleInit *, 3>> InitsByFunction;

  RoleLookup() {
    for (unsigned I = 0; I < ROLE_COUNT; ++I) {
      ByField.try_emplace(Roles[I].Field, RoleId(I));
      ByType.try_emplace(Roles[I].Type, RoleId(I));
    }
    for (const RoleInit &R : RoleInits)
      InitsByFunction[R.Function].push_back(&R);
  }
};

const RoleLookup &roleLookup() {
  static const RoleLookup Lookup;
  return Lookup;
}

// WDF_OBJECT_ATTRIBUTES's execution level and synchronization scope are in
// no rule table: their field and enumerator names are written here.
enum class AttrField { ExecutionLevel, SynchronizationScope, PassiveHandling };

struct AttrFieldName {
  llvm::StringLiteral Name;
  AttrField Field;
};

constexpr AttrFieldName AttrFields[] = {
    {"ExecutionLevel", AttrField::ExecutionLevel},
    {"SynchronizationScope", AttrField::SynchronizationScope},
};

// WDF_INTERRUPT_CONFIG's PassiveHandling, a BOOLEAN of the config itself.
constexpr llvm::StringLiteral PassiveHandlingField = "PassiveHandling";

// What a setting says.  Inherit (or no setting) defers to the parent: the
// device for a queue, the driver (dispatch level, no scope) for a device.
// Maybe: a PassiveHandling value the index cannot read.
enum class AttrValue { Inherit, Passive, Dispatch, Locked, Unlocked, Maybe };

struct AttrValueName {
  llvm::StringLiteral Enumerator;
  AttrValue Value;
};

constexpr AttrValueName AttrValues[] = {
    {"WdfExecutionLevelPassive", AttrValue::Passive},
    {"WdfExecutionLevelDispatch", AttrValue::Dispatch},
    {"WdfExecutionLevelInheritFromParent", AttrValue::Inherit},
    {"WdfSynchronizationScopeDevice", AttrValue::Locked},
    {"WdfSynchronizationScopeQueue", AttrValue::Locked},
    {"WdfSynchronizationScopeNone", AttrValue::Unlocked},
    {"WdfSynchronizationScopeInheritFromParent", AttrValue::Inherit},
};

std::optional<AttrField> attrField(StringRef Name) {
  for (const AttrFieldName &F : AttrFields)
    if (Name == F.Name)
      return F.Field;
  return std::nullopt;
}

// An enumerator the tables do not name (a cast integer, a newer level) is
// treated as Inherit: it narrows nothing.
AttrValue attrValue(StringRef Enumerator) {
  for (const AttrValueName &V : AttrValues)
    if (Enumerator == V.Enumerator)
      return V.Value;
  return AttrValue::Inherit;
}

//===----------------------------------------------------------------------===//
// Expression helpers
//===----------------------------------------------------------------------===//

// Strips parentheses, casts and one level of `&`.
const Expr *stripAddressOf(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      return UO->getSubExpr()->IgnoreParenCasts();
  return E;
}

// The function an expression names: F, &F, (PFN_X)F, &Class::StaticMethod.
const FunctionDecl *namedFunction(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(stripAddressOf(E));
  const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD))
    if (!MD->isStatic())
      return nullptr;
  return FD;
}

// The variable an argument or a member base designates: v, &v, (T *)p.
const VarDecl *namedVariable(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(stripAddressOf(E));
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

const Expr *argOrNull(const CallExpr *CE, int I) {
  return I >= 0 && unsigned(I) < CE->getNumArgs() ? CE->getArg(I) : nullptr;
}

// The role a written function type names: the role typedef itself, or a
// typedef of it.
std::optional<RoleId> roleOfWrittenType(QualType T) {
  for (int Depth = 0; Depth < 8 && !T.isNull(); ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (const auto *ET = dyn_cast<ElaboratedType>(Ty)) {
      T = ET->getNamedType();
    } else if (const auto *PT = dyn_cast<ParenType>(Ty)) {
      T = PT->getInnerType();
    } else if (const auto *AT = dyn_cast<AttributedType>(Ty)) {
      T = AT->getModifiedType();
    } else if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
      const auto &ByType = roleLookup().ByType;
      auto It = ByType.find(TT->getDecl()->getName());
      if (It != ByType.end())
        return It->second;
      T = TT->getDecl()->getUnderlyingType();
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// The facts the TU walk records
//===----------------------------------------------------------------------===//

struct Registration {
  const FunctionDecl *Function; // canonical
  RoleId Role;
  SourceLocation Where;
  const VarDecl *Config; // the config variable it is registered in, if any
  bool Declared;         // a role-type declaration, not a registration
};

// A create DDI whose attributes or config this index follows: the queue,
// timer and device creations (execution level, synchronization scope, the
// config holding the callbacks), and the objects of WDF_ROLE_OBJECT (their
// cleanup and destroy callbacks).
struct Creation {
  wdf_ddi_id Ddi;
  wdf_creates Creates;
  const VarDecl *Config;     // the config argument, if the DDI takes one
  const VarDecl *Attributes; // null without attributes
  bool PagedPool;            // a constant paged pool type argument
  SourceLocation Where;
};

// An ExecutionLevel or SynchronizationScope assignment to an attributes
// variable.
struct AttrSetting {
  const VarDecl *Var;
  AttrField Field;
  AttrValue Value;
  SourceLocation Where;
};

// How a function relates to one role after resolution.
struct RoleUse {
  RoleId Role;
  SourceLocation Where;
  bool Registered = false; // at least one registration (not only declared)
  IrqlLevels Levels;       // the union over its registrations
  // The narrowing all registrations share, or None.
  std::optional<RoleNarrowing> Narrowing;
};

struct FunctionRoles {
  llvm::SmallVector<RoleUse, 2> Uses;
};

// A raw token of a file; Kind tok::hash stands for a whole preprocessor line.
struct RawTok {
  unsigned Offset;
  tok::TokenKind Kind;
  StringRef Text; // identifiers and numbers
};

// One declaration's place in its file's tokens.
struct DeclText {
  const std::vector<RawTok> &Toks;
  size_t Name; // the token of the function's name
  FileID FID;
  SourceLocation FileStart;
};

//===----------------------------------------------------------------------===//
// The index's state (IrqlEntryIndex::Impl)
//===----------------------------------------------------------------------===//

struct IndexState {
  const Preprocessor *PP = nullptr;

  std::vector<Registration> Registrations;
  std::vector<Creation> Creations;
  std::vector<AttrSetting> Settings;
  const SourceManager *SM = nullptr;
  llvm::DenseMap<const VarDecl *, const VarDecl *> AliasParent;

  llvm::DenseMap<const FunctionDecl *, FunctionRoles> RolesOf;
  // Null when a function has no annotations; the SalIrql objects stay put
  // while the map grows, so salOf's pointers remain valid.
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<SalIrql>> SalCache;
  // Per file; the vectors stay put while the map grows.
  llvm::DenseMap<FileID, std::unique_ptr<std::vector<RawTok>>> FileTokens;

  // Variables joined through helper parameters (union-find).
  const VarDecl *alias(const VarDecl *V);
  void join(const VarDecl *A, const VarDecl *B);

  // Device-wide settings, inherited by the queues: Passive when a device
  // of this TU is created at passive execution level, Locked when every
  // device is created with a Device or Queue synchronization scope.
  AttrValue DeviceLevel = AttrValue::Inherit;
  AttrValue DeviceScope = AttrValue::Inherit;

  void resolve();
  bool before(SourceLocation A, SourceLocation B) const;
  AttrValue settingAt(const VarDecl *Attributes, AttrField Field,
                      SourceLocation At);
  const Creation *creationOf(const Registration &R, bool ByAttributes);
  std::pair<IrqlLevels, RoleNarrowing> levelsOf(const Registration &R);
  std::pair<IrqlLevels, RoleNarrowing> queueLevels(const Creation &C,
                                                   IrqlLevels Role);
  std::pair<IrqlLevels, RoleNarrowing> objectLevels(const Registration &R,
                                                    const Creation &C);
  // The function's use of the role, made (at Where) if it has none yet.
  RoleUse &useOf(const FunctionDecl *FD, RoleId Role, SourceLocation Where);
  void addUse(const Registration &R, IrqlLevels Levels, RoleNarrowing N);

  // What a function reaches through its calls (mayMatter).
  struct Reach {
    bool Ddi = false; // a DDI of the tables, or a call through a pointer
    // A function with SAL IRQL annotations, a pageable function (WM011:
    // called too high), or a DDI of raised.def (WM011: KeSetEvent with Wait
    // TRUE in pageable code): what matters when the entry IRQL is known.
    bool Sal = false;
  };
  llvm::DenseMap<const FunctionDecl *, Reach> ReachCache;
  Reach reach(const FunctionDecl *Def);
  // The lookup names of the functions the driver's other files define.
  const llvm::StringSet<> *Elsewhere = nullptr;
  bool definedElsewhere(const FunctionDecl *FD) const;
  // The registrations of the driver's other files (wdfcheck --ctu), joined
  // into RolesOf the first time a function's entry is asked for.
  const DriverRoles *Driver = nullptr;
  llvm::DenseSet<const FunctionDecl *> Imported;
  void importRoles(const FunctionDecl *Canonical);
  void reachCalls(const Stmt *S, Reach &R);

  // Pageable functions.
  llvm::DenseMap<const FunctionDecl *, PageableBy> PageableCache;
  DdiMatcher Ddis;
  PageableBy pageable(const FunctionDecl *FD);
  PageableBy cachedPageable(const FunctionDecl *FD) {
    FD = FD->getCanonicalDecl();
    auto It = PageableCache.find(FD);
    if (It != PageableCache.end())
      return It->second;
    PageableBy By = pageable(FD);
    PageableCache[FD] = By;
    return By;
  }
  const SalIrql *salOfDecl(const FunctionDecl *FD);
  bool statesMacro(const Stmt *S, const ASTContext &Ctx, StringRef Macro);
  bool changesIrqlIn(const Stmt *S);

  // SAL reading.
  const std::vector<RawTok> &tokensOf(FileID FID, const SourceManager &SM,
                                      const LangOptions &LO);
  llvm::DenseMap<FileID, std::vector<unsigned>> DeclEnds;
  bool DeclEndsBuilt = false;
  const std::vector<unsigned> &declEnds(FileID FID, const ASTContext &Ctx);
  std::vector<RawTok> declTokens(const FunctionDecl *D, FileID FID,
                                 unsigned NameOffset);
  std::unique_ptr<SalIrql> readRedecls(const FunctionDecl *FD);
  void readDecl(const FunctionDecl *D, SalIrql &Sal, bool &Any);
  void readAnnotations(const FunctionDecl *D, const DeclText &Text,
                       SalIrql &Sal, bool &Any) const;
  void readParameterMarks(const FunctionDecl *D, const DeclText &Text,
                          const SourceManager &SM, SalIrql &Sal,
                          bool &Any) const;
  std::optional<int> levelOf(ArrayRef<RawTok> Arg) const;
  std::optional<long long> identifierValue(StringRef Name,
                                           unsigned Depth) const;
  std::optional<long long> macroValue(StringRef Name, unsigned Depth) const;
};

//===----------------------------------------------------------------------===//
// The TU walk
//===----------------------------------------------------------------------===//

class FactCollector : public RecursiveASTVisitor<FactCollector> {
public:
  FactCollector(IndexState &I, const ASTContext &Ctx)
      : I(I), Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (inSystemHeader(D))
      return true; // no driver code there
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitBinaryOperator(BinaryOperator *BO);
  bool VisitCallExpr(CallExpr *CE);
  bool VisitVarDecl(VarDecl *VD);
  bool VisitInitListExpr(InitListExpr *ILE);
  bool VisitFunctionDecl(FunctionDecl *FD);

private:
  IndexState &I;
  const ASTContext &Ctx;
  const SourceManager &SM;
  llvm::DenseSet<const InitListExpr *> Handled;

  void addRegistration(const FunctionDecl *F, RoleId Role, SourceLocation Where,
                       const VarDecl *Config) {
    I.Registrations.push_back(
        {F->getCanonicalDecl(), Role, Where, Config, /*Declared=*/false});
  }
  void memberSet(const FieldDecl *Field, const Expr *Value,
                 const VarDecl *Owner);
  void initList(const InitListExpr *ILE, const VarDecl *Owner);
  void roleInitCall(const CallExpr *CE, StringRef Callee);
  bool creationCall(const CallExpr *CE, const FunctionDecl *Callee);
  void attributesInit(const CallExpr *CE, const FunctionDecl *Callee);
  void helperCall(const CallExpr *CE, const FunctionDecl *Callee);
};

// `Owner.Field = Value` or `.Field = Value` in an initialiser.
void FactCollector::memberSet(const FieldDecl *Field, const Expr *Value,
                              const VarDecl *Owner) {
  if (!Field->getIdentifier() || !Value)
    return;
  StringRef Name = Field->getName();
  const auto &ByField = roleLookup().ByField;
  auto It = ByField.find(Name);
  if (It != ByField.end()) {
    if (const FunctionDecl *F = namedFunction(Value))
      addRegistration(F, It->second, Value->getExprLoc(), Owner);
    return;
  }
  if (Name == PassiveHandlingField && Owner) {
    Expr::EvalResult Known;
    AttrValue V = AttrValue::Maybe;
    if (!Value->isValueDependent() && Value->EvaluateAsInt(Known, Ctx))
      V = Known.Val.getInt().isZero() ? AttrValue::Dispatch : AttrValue::Passive;
    I.Settings.push_back(
        {Owner, AttrField::PassiveHandling, V, Value->getExprLoc()});
    return;
  }
  std::optional<AttrField> Setting = attrField(Name);
  if (!Setting || !Owner)
    return;
  const auto *DRE = dyn_cast<DeclRefExpr>(Value->IgnoreParenCasts());
  const auto *Enumerator =
      DRE ? dyn_cast<EnumConstantDecl>(DRE->getDecl()) : nullptr;
  if (Enumerator && Enumerator->getIdentifier())
    I.Settings.push_back({Owner, *Setting, attrValue(Enumerator->getName()),
                          Value->getExprLoc()});
}

bool FactCollector::VisitBinaryOperator(BinaryOperator *BO) {
  if (BO->getOpcode() != BO_Assign)
    return true;
  const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
  if (!ME)
    return true;
  if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
    memberSet(Field, BO->getRHS(), namedVariable(ME->getBase()));
  return true;
}

// The fields of a (semantic) initialiser list, nested lists included.
void FactCollector::initList(const InitListExpr *ILE, const VarDecl *Owner) {
  const InitListExpr *Sem =
      ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
  if (!Sem)
    return;
  Handled.insert(Sem);
  if (const InitListExpr *Syn = Sem->getSyntacticForm())
    Handled.insert(Syn);
  QualType T = Sem->getType();
  if (T.isNull() || T->isDependentType())
    return;
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD)
    return;
  auto Init = [&](const FieldDecl *Field, const Expr *E) {
    if (const auto *Nested = dyn_cast<InitListExpr>(E->IgnoreImplicit()))
      initList(Nested, Owner);
    else
      memberSet(Field, E, Owner);
  };
  if (RD->isUnion()) {
    if (const FieldDecl *Field = Sem->getInitializedFieldInUnion())
      if (Sem->getNumInits() > 0)
        Init(Field, Sem->getInit(0));
    return;
  }
  unsigned Index = 0;
  if (const auto *CXXRD = dyn_cast<CXXRecordDecl>(RD))
    Index = CXXRD->hasDefinition() ? CXXRD->getNumBases() : 0;
  for (const FieldDecl *Field : RD->fields()) {
    if (Field->isUnnamedBitField())
      continue;
    if (Index >= Sem->getNumInits())
      break;
    Init(Field, Sem->getInit(Index++));
  }
}

bool FactCollector::VisitInitListExpr(InitListExpr *ILE) {
  if (!Handled.count(ILE))
    initList(ILE, nullptr);
  return true;
}

bool FactCollector::VisitVarDecl(VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init)
    return true;
  // PWDF_IO_QUEUE_CONFIG p = &cfg; makes p and cfg one.
  if (VD->getType()->isPointerType() || VD->getType()->isReferenceType())
    if (const VarDecl *Target = namedVariable(Init))
      I.join(VD, Target);
  if (const auto *ILE = dyn_cast<InitListExpr>(Init->IgnoreImplicit()))
    initList(ILE, VD);
  return true;
}

void FactCollector::roleInitCall(const CallExpr *CE, StringRef Callee) {
  const auto &Inits = roleLookup().InitsByFunction;
  auto It = Inits.find(Callee);
  if (It == Inits.end())
    return;
  for (const RoleInit *Row : It->second) {
    // WDF_INTERRUPT_CONFIG_INIT clears PassiveHandling: a config reused
    // for another interrupt starts at DIRQL again.
    if (Roles[Row->Role].Narrowing == WDF_NARROW_INTERRUPT)
      if (const VarDecl *Config = namedVariable(argOrNull(CE, 0)))
        I.Settings.push_back({Config, AttrField::PassiveHandling,
                              AttrValue::Dispatch, CE->getExprLoc()});
    const Expr *Arg = argOrNull(CE, Row->Arg);
    if (const FunctionDecl *F = namedFunction(Arg))
      addRegistration(F, Row->Role, Arg->getExprLoc(),
                      Row->Arg > 0 ? namedVariable(argOrNull(CE, 0)) : nullptr);
  }
}

// The create DDIs whose config or attributes the index follows: every DDI
// that creates an object from attributes (their cleanup and destroy
// callbacks belong to it), with the config that registers its callbacks.
bool followedCreation(const DdiInfo &D) {
  return D.AttrArg >= 0 && D.Creates != WDF_CREATES_NONE;
}

// WDF_OBJECT_ATTRIBUTES_INIT(&a) resets a's execution level and scope to
// inherit: a variable reused for several objects starts afresh.
void FactCollector::attributesInit(const CallExpr *CE,
                                   const FunctionDecl *Callee) {
  const DdiInfo *D = I.Ddis.matchDecl(Callee);
  if (!D || D->Family != WDF_FAMILY_ATTRIBUTES_INIT || D->AttrArg < 0)
    return;
  if (const VarDecl *Var = namedVariable(argOrNull(CE, D->AttrArg)))
    for (const AttrFieldName &F : AttrFields)
      I.Settings.push_back(
          {Var, F.Field, AttrValue::Inherit, CE->getExprLoc()});
}

bool FactCollector::creationCall(const CallExpr *CE, const FunctionDecl *Callee) {
  const DdiInfo *D = I.Ddis.matchDecl(Callee);
  if (!D || !followedCreation(*D) || CE->getNumArgs() != D->Params)
    return false;
  const VarDecl *Config = namedVariable(argOrNull(CE, D->ConfigArg));
  bool PagedPool = false;
  if (D->PoolKind == WDF_POOL_TYPE)
    if (const Expr *Pool = argOrNull(CE, D->PoolArg)) {
      Expr::EvalResult R;
      if (!Pool->isValueDependent() && Pool->EvaluateAsInt(R, Ctx))
        PagedPool = wdf_pool_type_is_paged(R.Val.getInt().getZExtValue());
    }
  I.Creations.push_back({D->Id, D->Creates, Config,
                         namedVariable(argOrNull(CE, D->AttrArg)), PagedPool,
                         CE->getExprLoc()});
  return true;
}

// A call of a helper defined in the main file binds its pointer and
// reference parameters to the variables passed.
void FactCollector::helperCall(const CallExpr *CE, const FunctionDecl *Callee) {
  if (isa<CXXOperatorCallExpr>(CE))
    return;
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def || !SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())))
    return;
  unsigned N = std::min(CE->getNumArgs(), Def->getNumParams());
  for (unsigned A = 0; A < N; ++A) {
    const ParmVarDecl *Param = Def->getParamDecl(A);
    QualType T = Param->getType();
    if (!T->isPointerType() && !T->isReferenceType())
      continue;
    if (const VarDecl *V = namedVariable(CE->getArg(A)))
      I.join(V, Param);
  }
}

bool FactCollector::VisitCallExpr(CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee)
    return true;
  if (Callee->getIdentifier()) {
    StringRef Name = Callee->getName();
    roleInitCall(CE, Name);
    attributesInit(CE, Callee);
    if (creationCall(CE, Callee))
      return true;
  }
  helperCall(CE, Callee);
  return true;
}

bool FactCollector::VisitFunctionDecl(FunctionDecl *FD) {
  const TypeSourceInfo *TSI = FD->getTypeSourceInfo();
  if (!TSI)
    return true;
  if (std::optional<RoleId> Role = roleOfWrittenType(TSI->getType()))
    I.Registrations.push_back({FD->getCanonicalDecl(), *Role, FD->getLocation(),
                               nullptr,
                               /*Declared=*/true});
  return true;
}

//===----------------------------------------------------------------------===//
// SAL annotations
//===----------------------------------------------------------------------===//

enum class SalKind {
  Requires,
  RequiresMax,
  RequiresMin,
  AlwaysMax,
  AlwaysMin,
  Raises,
  Same,
  Saves,
  Restores,
  SavesGlobal,
  RestoresGlobal,
  Lock
};

struct SalSpelling {
  llvm::StringLiteral Name;
  SalKind Kind;
};

constexpr SalSpelling SalSpellings[] = {
    {"_IRQL_requires_", SalKind::Requires},
    {"_IRQL_requires_max_", SalKind::RequiresMax},
    {"_IRQL_requires_min_", SalKind::RequiresMin},
    {"_IRQL_raises_", SalKind::Raises},
    {"_IRQL_requires_same_", SalKind::Same},
    {"_IRQL_saves_", SalKind::Saves},
    {"_IRQL_restores_", SalKind::Restores},
    {"__drv_requiresIRQL", SalKind::Requires},
    {"__drv_maxIRQL", SalKind::RequiresMax},
    {"__drv_minIRQL", SalKind::RequiresMin},
    {"__drv_raisesIRQL", SalKind::Raises},
    {"__drv_sameIRQL", SalKind::Same},
    {"__drv_savesIRQL", SalKind::Saves},
    {"__drv_restoresIRQL", SalKind::Restores},
    {"_IRQL_always_function_max_", SalKind::AlwaysMax},
    {"_IRQL_always_function_min_", SalKind::AlwaysMin},
    {"_Acquires_lock_", SalKind::Lock},
    {"_Acquires_exclusive_lock_", SalKind::Lock},
    {"_Acquires_shared_lock_", SalKind::Lock},
    {"_Acquires_nonreentrant_lock_", SalKind::Lock},
    {"_Releases_lock_", SalKind::Lock},
    {"_Releases_exclusive_lock_", SalKind::Lock},
    {"_Releases_shared_lock_", SalKind::Lock},
    {"_Releases_nonreentrant_lock_", SalKind::Lock},
    {"_Requires_lock_held_", SalKind::Lock},
    {"_Requires_exclusive_lock_held_", SalKind::Lock},
    {"_Requires_shared_lock_held_", SalKind::Lock},
    {"_IRQL_saves_global_", SalKind::SavesGlobal},
    {"_IRQL_restores_global_", SalKind::RestoresGlobal},
    {"__drv_savesIRQLGlobal", SalKind::SavesGlobal},
    {"__drv_restoresIRQLGlobal", SalKind::RestoresGlobal},
    {"__drv_acquiresResource", SalKind::Lock},
    {"__drv_releasesResource", SalKind::Lock},
    {"__drv_acquiresExclusiveResource", SalKind::Lock},
    {"__drv_releasesExclusiveResource", SalKind::Lock},
};

std::optional<SalKind> salKind(const RawTok &T) {
  if (T.Kind != tok::raw_identifier)
    return std::nullopt;
  for (const SalSpelling &S : SalSpellings)
    if (T.Text == S.Name)
      return S.Kind;
  return std::nullopt;
}

// Annotations whose argument holds annotations that do not hold
// unconditionally for the function: _When_(return != 0, _IRQL_raises_(x)),
// _At_(*p, _IRQL_saves_).  Their arguments are skipped.
constexpr llvm::StringLiteral ConditionalSpellings[] = {
    "_When_", "__drv_when", "_At_", "__drv_at", "_On_failure_",
};

bool isConditional(const RawTok &T) {
  return T.Kind == tok::raw_identifier &&
         llvm::is_contained(ConditionalSpellings, T.Text);
}

bool takesArgument(SalKind K) {
  return K == SalKind::Requires || K == SalKind::RequiresMax ||
         K == SalKind::RequiresMin || K == SalKind::Raises ||
         K == SalKind::AlwaysMax || K == SalKind::AlwaysMin;
}

// The values the WDK documents (amd64), for a TU that does not define them.
struct LevelName {
  llvm::StringLiteral Name;
  int Value;
};

constexpr LevelName DocumentedLevels[] = {
    {"PASSIVE_LEVEL", 0},  {"LOW_LEVEL", 0},      {"APC_LEVEL", 1},
    {"DISPATCH_LEVEL", 2}, {"CMCI_LEVEL", 5},     {"SYNCH_LEVEL", 12},
    {"CLOCK_LEVEL", 13},   {"IPI_LEVEL", 14},     {"DRS_LEVEL", 14},
    {"POWER_LEVEL", 14},   {"PROFILE_LEVEL", 15}, {"HIGH_LEVEL", 15},
};

// 0, 1 and 2 stay; any device level is DIRQL; 15 and above is HIGH_LEVEL.
std::optional<int> normalise(long long V) {
  if (V < 0)
    return std::nullopt;
  return normalizeIrql((unsigned long long)V);
}

std::optional<long long> parseNumber(StringRef Text) {
  Text = Text.rtrim("uUlL");
  llvm::APInt Value;
  if (Text.empty() || Text.getAsInteger(0, Value) || Value.getActiveBits() > 32)
    return std::nullopt;
  return (long long)Value.getZExtValue();
}

// Evaluates a sum or difference of numbers and identifiers, with
// parentheses: DISPATCH_LEVEL + 1, (APC_LEVEL), 2.
class LevelExpr {
public:
  using IdentifierFn = llvm::function_ref<std::optional<long long>(StringRef)>;
  LevelExpr(ArrayRef<RawTok> Toks, IdentifierFn Identifier)
      : Toks(Toks), Identifier(Identifier) {}

  std::optional<long long> evaluate() {
    std::optional<long long> V = sum();
    return V && Pos == Toks.size() ? V : std::nullopt;
  }

private:
  ArrayRef<RawTok> Toks;
  IdentifierFn Identifier;
  size_t Pos = 0;
  unsigned Nesting = 0;

  bool next(tok::TokenKind K) {
    if (Pos < Toks.size() && Toks[Pos].Kind == K) {
      ++Pos;
      return true;
    }
    return false;
  }

  std::optional<long long> sum() {
    std::optional<long long> V = term();
    while (V) {
      if (next(tok::plus))
        V = add(V, term(), 1);
      else if (next(tok::minus))
        V = add(V, term(), -1);
      else
        break;
    }
    return V;
  }

  static std::optional<long long> add(std::optional<long long> A,
                                      std::optional<long long> B, int Sign) {
    if (!A || !B)
      return std::nullopt;
    return *A + Sign * *B;
  }

  std::optional<long long> term() {
    if (next(tok::minus)) {
      std::optional<long long> V = term();
      return V ? std::optional<long long>(-*V) : std::nullopt;
    }
    if (next(tok::plus))
      return term();
    if (Pos >= Toks.size())
      return std::nullopt;
    const RawTok &T = Toks[Pos];
    if (T.Kind == tok::numeric_constant) {
      ++Pos;
      return parseNumber(T.Text);
    }
    if (T.Kind == tok::raw_identifier) {
      ++Pos;
      return Identifier(T.Text);
    }
    if (!next(tok::l_paren) || ++Nesting > 16)
      return std::nullopt;
    std::optional<long long> V = sum();
    --Nesting;
    return V && next(tok::r_paren) ? V : std::nullopt;
  }
};

// A macro body as RawToks (identifiers as raw identifiers), or nullopt when
// it holds anything LevelExpr does not read.
std::optional<std::vector<RawTok>> macroTokens(const MacroInfo &MI) {
  if (MI.isFunctionLike())
    return std::nullopt;
  std::vector<RawTok> Out;
  for (const Token &T : MI.tokens()) {
    if (const IdentifierInfo *II = T.getIdentifierInfo()) {
      Out.push_back({0, tok::raw_identifier, II->getName()});
    } else if (T.is(tok::numeric_constant) && T.getLiteralData()) {
      Out.push_back({0, tok::numeric_constant,
                     StringRef(T.getLiteralData(), T.getLength())});
    } else if (T.isOneOf(tok::plus, tok::minus, tok::l_paren, tok::r_paren)) {
      Out.push_back({0, T.getKind(), StringRef()});
    } else {
      return std::nullopt;
    }
  }
  return Out;
}

// True when the body is what tryExpandAsInteger reads: an optionally
// negated number, parentheses aside.
bool isPlainNumber(ArrayRef<RawTok> Body) {
  llvm::SmallVector<tok::TokenKind, 2> Kinds;
  for (const RawTok &T : Body)
    if (T.Kind != tok::l_paren && T.Kind != tok::r_paren)
      Kinds.push_back(T.Kind);
  if (Kinds.empty() || Kinds.back() != tok::numeric_constant)
    return false;
  return Kinds.size() == 1 || (Kinds.size() == 2 && Kinds[0] == tok::minus);
}

//===----------------------------------------------------------------------===//
// IndexState: aliases and resolution
//===----------------------------------------------------------------------===//

const VarDecl *IndexState::alias(const VarDecl *V) {
  if (!V)
    return nullptr;
  V = V->getCanonicalDecl();
  const VarDecl *Root = V;
  for (auto It = AliasParent.find(Root); It != AliasParent.end();
       It = AliasParent.find(Root))
    Root = It->second;
  if (Root != V)
    AliasParent[V] = Root;
  return Root;
}

void IndexState::join(const VarDecl *A, const VarDecl *B) {
  const VarDecl *RA = alias(A), *RB = alias(B);
  if (RA && RB && RA != RB)
    AliasParent[RA] = RB;
}

// Source order in the translation unit.  Variables shared through helpers
// make the order across functions arbitrary; it is only a tie-breaker there.
bool IndexState::before(SourceLocation A, SourceLocation B) const {
  if (!SM || A.isInvalid() || B.isInvalid())
    return false;
  return SM->isBeforeInTranslationUnit(SM->getExpansionLoc(A),
                                       SM->getExpansionLoc(B));
}

// What an attributes variable says about Field at a creation: the last
// setting before it (a variable reused for several objects), or the first
// one at all when none comes before (set in a helper).
AttrValue IndexState::settingAt(const VarDecl *Attributes, AttrField Field,
                                SourceLocation At) {
  if (!Attributes)
    return AttrValue::Inherit;
  const AttrSetting *Last = nullptr, *First = nullptr;
  for (const AttrSetting &S : Settings) {
    if (S.Field != Field || alias(S.Var) != alias(Attributes))
      continue;
    if (!First || before(S.Where, First->Where))
      First = &S;
    if (before(S.Where, At) && (!Last || before(Last->Where, S.Where)))
      Last = &S;
  }
  const AttrSetting *Used = Last ? Last : First;
  return Used ? Used->Value : AttrValue::Inherit;
}

// The creation a registration belongs to: the first creation with the same
// config (or, ByAttributes, the same attributes) after it, or (registered in
// a helper called later) the last one.
const Creation *IndexState::creationOf(const Registration &R,
                                       bool ByAttributes) {
  if (!R.Config)
    return nullptr;
  const Creation *Next = nullptr, *Any = nullptr;
  for (const Creation &C : Creations) {
    const VarDecl *Var = ByAttributes ? C.Attributes : C.Config;
    if (!Var || alias(Var) != alias(R.Config))
      continue;
    if (!Any || before(Any->Where, C.Where))
      Any = &C;
    if (before(R.Where, C.Where) && (!Next || before(C.Where, Next->Where)))
      Next = &C;
  }
  return Next ? Next : Any;
}

// A queue's callbacks: PASSIVE_LEVEL at passive execution level (the
// queue's own, or inherited from the device); DISPATCH_LEVEL under a Device
// or Queue synchronization scope otherwise, for the framework then holds the
// callback spin lock.
std::pair<IrqlLevels, RoleNarrowing>
IndexState::queueLevels(const Creation &C, IrqlLevels Role) {
  AttrValue Level = settingAt(C.Attributes, AttrField::ExecutionLevel, C.Where);
  if (Level == AttrValue::Inherit)
    Level = DeviceLevel;
  if (Level == AttrValue::Passive)
    return {IrqlLevels::of(WDF_IRQL_PASSIVE), RoleNarrowing::PassiveExecution};
  AttrValue Scope =
      settingAt(C.Attributes, AttrField::SynchronizationScope, C.Where);
  if (Scope == AttrValue::Inherit)
    Scope = DeviceScope;
  if (Scope == AttrValue::Locked)
    return {IrqlLevels::of(WDF_IRQL_DISPATCH), RoleNarrowing::CallbackLock};
  return {Role, RoleNarrowing::None};
}

// A cleanup or destroy callback: PASSIVE_LEVEL when its attributes say
// passive execution level, or when the framework disposes that kind of
// object at PASSIVE_LEVEL (WDF_ROLE_OBJECT).
std::pair<IrqlLevels, RoleNarrowing>
IndexState::objectLevels(const Registration &R, const Creation &C) {
  const IrqlLevels Passive = IrqlLevels::of(WDF_IRQL_PASSIVE);
  AttrValue Level = settingAt(C.Attributes, AttrField::ExecutionLevel, C.Where);
  if (Level == AttrValue::Inherit && C.Creates == WDF_CREATES_QUEUE)
    Level = DeviceLevel;
  if (Level == AttrValue::Passive)
    return {Passive, RoleNarrowing::PassiveExecution};
  const RoleObject *Row = roleObject(C.Ddi);
  if (Row && (Row->When == WDF_OBJECT_ALWAYS || C.PagedPool)) {
    wdf_object_level L =
        R.Role == ROLE_EVT_WDF_OBJECT_CONTEXT_DESTROY ? Row->Destroy
                                                      : Row->Cleanup;
    if (L == WDF_OBJECT_LEVEL_PASSIVE)
      return {Passive, RoleNarrowing::PassiveObject};
  }
  return {Roles[R.Role].levels(), RoleNarrowing::None};
}

std::pair<IrqlLevels, RoleNarrowing>
IndexState::levelsOf(const Registration &R) {
  const RoleInfo &Role = Roles[R.Role];
  std::pair<IrqlLevels, RoleNarrowing> Plain{Role.levels(),
                                             RoleNarrowing::None};
  switch (Role.Narrowing) {
  case WDF_NARROW_QUEUE: {
    const Creation *C = creationOf(R, /*ByAttributes=*/false);
    return C && C->Creates == WDF_CREATES_QUEUE
               ? queueLevels(*C, Role.levels())
               : Plain;
  }
  case WDF_NARROW_TIMER: {
    const Creation *C = creationOf(R, /*ByAttributes=*/false);
    if (C && C->Creates == WDF_CREATES_TIMER &&
        settingAt(C->Attributes, AttrField::ExecutionLevel, C->Where) ==
            AttrValue::Passive)
      return {IrqlLevels::of(WDF_IRQL_PASSIVE),
              RoleNarrowing::PassiveExecution};
    return Plain;
  }
  case WDF_NARROW_OBJECT: {
    const Creation *C = creationOf(R, /*ByAttributes=*/true);
    return C ? objectLevels(R, *C) : Plain;
  }
  case WDF_NARROW_INTERRUPT: {
    // The setting is the config's own (not the attributes').
    const Creation *C = creationOf(R, /*ByAttributes=*/false);
    if (!C || C->Creates != WDF_CREATES_INTERRUPT)
      return Plain;
    switch (settingAt(C->Config, AttrField::PassiveHandling, C->Where)) {
    case AttrValue::Passive:
      return {IrqlLevels::of(WDF_IRQL_PASSIVE), RoleNarrowing::PassiveHandling};
    case AttrValue::Maybe:
      return {IrqlLevels::of(WDF_IRQL_PASSIVE) | Role.levels(),
              RoleNarrowing::None};
    default:
      return Plain;
    }
  }
  case WDF_NARROW_NONE:
    break;
  }
  return Plain;
}

RoleUse &IndexState::useOf(const FunctionDecl *FD, RoleId Role,
                           SourceLocation Where) {
  auto &Uses = RolesOf[FD].Uses;
  auto It =
      llvm::find_if(Uses, [&](const RoleUse &U) { return U.Role == Role; });
  if (It != Uses.end())
    return *It;
  Uses.push_back({Role, Where});
  return Uses.back();
}

// One more registration of the use: the union of the levels, the narrowing
// all registrations share.
static void joinRegistration(RoleUse &U, IrqlLevels Levels, RoleNarrowing N) {
  U.Registered = true;
  U.Levels = U.Levels | Levels;
  U.Narrowing = !U.Narrowing || *U.Narrowing == N ? N : RoleNarrowing::None;
}

void IndexState::addUse(const Registration &R, IrqlLevels Levels,
                        RoleNarrowing N) {
  RoleUse &U = useOf(R.Function, R.Role, R.Where);
  if (!R.Declared)
    joinRegistration(U, Levels, N);
}

void IndexState::resolve() {
  bool AnyDevice = false, AllLocked = true;
  for (const Creation &C : Creations) {
    if (C.Creates != WDF_CREATES_DEVICE)
      continue;
    AnyDevice = true;
    if (settingAt(C.Attributes, AttrField::ExecutionLevel, C.Where) ==
        AttrValue::Passive)
      DeviceLevel = AttrValue::Passive;
    AllLocked = AllLocked && settingAt(C.Attributes,
                                       AttrField::SynchronizationScope,
                                       C.Where) == AttrValue::Locked;
  }
  if (AnyDevice && AllLocked)
    DeviceScope = AttrValue::Locked;
  for (const Registration &R : Registrations) {
    auto [Levels, Narrowing] = levelsOf(R);
    addUse(R, Levels, Narrowing);
  }
}

//===----------------------------------------------------------------------===//
// IndexState: SAL reading
//===----------------------------------------------------------------------===//

// All tokens of a file, lexed once; a preprocessor line becomes one tok::hash.
// Raw tokens of a file from Start (an offset where a token begins) until
// Done says so or the file ends; a preprocessor line becomes one tok::hash.
// The lexer spans the whole NUL-terminated buffer, only starting at Start.
std::vector<RawTok> lexFile(FileID FID, const SourceManager &SM,
                            const LangOptions &LO, unsigned Start,
                            llvm::function_ref<bool(const RawTok &)> Done) {
  std::vector<RawTok> Toks;
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid || Start > Buf.size())
    return Toks;
  Lexer L(SM.getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin() + Start,
          Buf.end());
  bool InDirective = false;
  Token T;
  for (L.LexFromRawLexer(T); T.isNot(tok::eof); L.LexFromRawLexer(T)) {
    if (T.isAtStartOfLine())
      InDirective = false;
    if (InDirective)
      continue;
    unsigned Offset = SM.getFileOffset(T.getLocation());
    if (T.is(tok::hash) && T.isAtStartOfLine()) {
      InDirective = true;
      Toks.push_back({Offset, tok::hash, StringRef()});
      continue;
    }
    StringRef Text;
    if (T.is(tok::raw_identifier))
      Text = T.getRawIdentifier();
    else if (T.is(tok::numeric_constant) && T.getLiteralData())
      Text = StringRef(T.getLiteralData(), T.getLength());
    Toks.push_back({Offset, T.getKind(), Text});
    if (Done(Toks.back()))
      break;
  }
  return Toks;
}

const std::vector<RawTok> &IndexState::tokensOf(FileID FID,
                                                const SourceManager &SM,
                                                const LangOptions &LO) {
  std::unique_ptr<std::vector<RawTok>> &Slot = FileTokens[FID];
  if (!Slot)
    Slot = std::make_unique<std::vector<RawTok>>(
        lexFile(FID, SM, LO, 0, [](const RawTok &) { return false; }));
  return *Slot;
}

// Where the declarations of a file end (the offsets of their last tokens),
// sorted: places a raw lexer can start at without landing in a comment.
const std::vector<unsigned> &IndexState::declEnds(FileID FID,
                                                  const ASTContext &Ctx) {
  if (!DeclEndsBuilt) {
    DeclEndsBuilt = true;
    const SourceManager &SrcMgr = Ctx.getSourceManager();
    llvm::SmallVector<const DeclContext *, 4> Work{Ctx.getTranslationUnitDecl()};
    while (!Work.empty()) {
      const DeclContext *DC = Work.pop_back_val();
      for (const Decl *D : DC->decls()) {
        if (isa<LinkageSpecDecl, NamespaceDecl>(D))
          Work.push_back(cast<DeclContext>(D));
        SourceLocation End = D->getEndLoc();
        if (End.isInvalid())
          continue;
        auto [File, Offset] = SrcMgr.getDecomposedLoc(SrcMgr.getExpansionLoc(End));
        DeclEnds[File].push_back(Offset);
      }
    }
    for (auto &Entry : DeclEnds)
      llvm::sort(Entry.second);
  }
  return DeclEnds[FID];
}

// The tokens of one declaration: from the end of the declaration before it
// in its file to the `{` or `;` after its parameter list.  Headers declare
// thousands of functions; lexing a window per declaration read is cheaper
// than lexing whole headers for the few declarations a driver calls.
std::vector<RawTok> IndexState::declTokens(const FunctionDecl *D, FileID FID,
                                           unsigned NameOffset) {
  const ASTContext &Ctx = D->getASTContext();
  const std::vector<unsigned> &Ends = declEnds(FID, Ctx);
  auto It = llvm::lower_bound(Ends, NameOffset);
  unsigned Start = It == Ends.begin() ? 0 : *std::prev(It);
  int Depth = 0;
  return lexFile(FID, Ctx.getSourceManager(), Ctx.getLangOpts(), Start,
                 [&](const RawTok &T) {
                   if (T.Offset <= NameOffset)
                     return false;
                   if (T.Kind == tok::l_paren)
                     ++Depth;
                   else if (T.Kind == tok::r_paren)
                     --Depth;
                   return Depth <= 0 &&
                          (T.Kind == tok::l_brace || T.Kind == tok::semi);
                 });
}

std::optional<long long> IndexState::macroValue(StringRef Name,
                                                unsigned Depth) const {
  if (!PP || Depth > 8)
    return std::nullopt;
  const IdentifierTable &Table = PP->getIdentifierTable();
  auto It = Table.find(Name);
  if (It == Table.end())
    return std::nullopt;
  const MacroInfo *MI = PP->getMacroInfo(It->getValue());
  if (!MI)
    return std::nullopt;
  std::optional<std::vector<RawTok>> Body = macroTokens(*MI);
  if (!Body)
    return std::nullopt;
  // tryExpandAsInteger reads a number at the end of the body; a body like
  // (DISPATCH_LEVEL + 1) is evaluated here instead.
  if (isPlainNumber(*Body)) {
    std::optional<int> V = ento::tryExpandAsInteger(Name, *PP);
    return V ? std::optional<long long>(*V) : std::nullopt;
  }
  return LevelExpr(*Body,
                   [&](StringRef Id) { return identifierValue(Id, Depth + 1); })
      .evaluate();
}

std::optional<long long> IndexState::identifierValue(StringRef Name,
                                                     unsigned Depth) const {
  if (std::optional<long long> V = macroValue(Name, Depth))
    return V;
  for (const LevelName &L : DocumentedLevels)
    if (Name == L.Name)
      return L.Value;
  return std::nullopt;
}

std::optional<int> IndexState::levelOf(ArrayRef<RawTok> Arg) const {
  std::optional<long long> V = LevelExpr(Arg, [&](StringRef Id) {
                                 return identifierValue(Id, 0);
                               }).evaluate();
  return V ? normalise(*V) : std::nullopt;
}

// Index of the token that starts at Offset, or Toks.size().
size_t tokenAt(const std::vector<RawTok> &Toks, unsigned Offset) {
  auto It = llvm::lower_bound(
      Toks, Offset, [](const RawTok &T, unsigned O) { return T.Offset < O; });
  if (It == Toks.end() || It->Offset != Offset)
    return Toks.size();
  return It - Toks.begin();
}

// The first token of the declaration ending at Name: just after the
// previous `;`, `{`, `}` or preprocessor line.
size_t declarationStart(const std::vector<RawTok> &Toks, size_t Name) {
  size_t B = Name;
  while (B > 0 &&
         !llvm::is_contained({tok::semi, tok::l_brace, tok::r_brace, tok::hash},
                             Toks[B - 1].Kind))
    --B;
  return B;
}

// The index one past the `)` that closes the `(` at Open, or Open + 1.
size_t closingParen(const std::vector<RawTok> &Toks, size_t Open, size_t End) {
  unsigned Depth = 0;
  for (size_t K = Open; K < End; ++K) {
    if (Toks[K].Kind == tok::l_paren)
      ++Depth;
    else if (Toks[K].Kind == tok::r_paren && --Depth == 0)
      return K + 1;
  }
  return Open + 1;
}

void noteWhere(SalIrql &Sal, SourceLocation Loc) {
  if (Sal.Where.isInvalid())
    Sal.Where = Loc;
}

// Merges an annotation with a level into Sal; false for the other kinds.
bool applyLimit(SalIrql &Sal, SalKind K, int Level) {
  auto Tighten = [](std::optional<int> &Slot, int V, bool Max) {
    Slot = !Slot ? V : Max ? std::min(*Slot, V) : std::max(*Slot, V);
  };
  switch (K) {
  case SalKind::Requires:
    Tighten(Sal.RequiresMin, Level, false);
    Tighten(Sal.RequiresMax, Level, true);
    return true;
  case SalKind::RequiresMax:
    Tighten(Sal.RequiresMax, Level, true);
    return true;
  case SalKind::RequiresMin:
    Tighten(Sal.RequiresMin, Level, false);
    return true;
  case SalKind::Raises:
    if (!Sal.Raises)
      Sal.Raises = Level;
    return true;
  case SalKind::AlwaysMax:
    Tighten(Sal.AlwaysMax, Level, true);
    return true;
  case SalKind::AlwaysMin:
    Tighten(Sal.AlwaysMin, Level, false);
    return true;
  default:
    return false;
  }
}

// The parameter named after the comma of _IRQL_saves_global_(Kind, Param):
// its index, or -1.
int globalSaveParam(const FunctionDecl *D, ArrayRef<RawTok> Args) {
  auto Comma = llvm::find_if(Args, [](const RawTok &T) {
    return T.Kind == tok::comma;
  });
  for (auto It = Comma; It != Args.end(); ++It) {
    if (It->Kind != tok::raw_identifier)
      continue;
    for (unsigned P = 0; P < D->getNumParams(); ++P) {
      const IdentifierInfo *II = D->getParamDecl(P)->getIdentifier();
      if (II && II->getName() == It->Text)
        return int(P);
    }
  }
  return -1;
}

// Reads the annotations written on one declaration of a function.
void IndexState::readDecl(const FunctionDecl *D, SalIrql &Sal, bool &Any) {
  SourceLocation NameLoc = D->getLocation();
  if (D->isImplicit() || NameLoc.isInvalid() || NameLoc.isMacroID())
    return;
  const ASTContext &Ctx = D->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  auto [FID, NameOffset] = SM.getDecomposedLoc(NameLoc);
  std::vector<RawTok> Toks = declTokens(D, FID, NameOffset);
  DeclText Text{Toks, 0, FID, SM.getLocForStartOfFile(FID)};
  Text.Name = tokenAt(Text.Toks, NameOffset);
  if (Text.Name == Text.Toks.size())
    return;
  readAnnotations(D, Text, Sal, Any);
  readParameterMarks(D, Text, SM, Sal, Any);
}

// Before the name: the function's own annotations.
void IndexState::readAnnotations(const FunctionDecl *D, const DeclText &Text,
                                 SalIrql &Sal, bool &Any) const {
  const std::vector<RawTok> &Toks = Text.Toks;
  for (size_t K = declarationStart(Toks, Text.Name); K < Text.Name; ++K) {
    bool Opens = K + 1 < Text.Name && Toks[K + 1].Kind == tok::l_paren;
    if (isConditional(Toks[K]) && Opens) {
      size_t Close = closingParen(Toks, K + 1, Text.Name);
      // _When_(return != 0, _Acquires_lock_(*L)): a try-lock; it still
      // means to return with the lock (and its IRQL) on some paths.
      for (size_t I = K + 2; I < Close; ++I)
        if (std::optional<SalKind> Inner = salKind(Toks[I]))
          if (*Inner == SalKind::Lock || *Inner == SalKind::Raises) {
            Sal.ChangesLock = Any = true;
            break;
          }
      K = Close - 1;
      continue;
    }
    std::optional<SalKind> Kind = salKind(Toks[K]);
    if (!Kind)
      continue;
    SourceLocation Loc = Text.FileStart.getLocWithOffset(Toks[K].Offset);
    if (*Kind == SalKind::Same) {
      Sal.RequiresSame = Any = true;
      noteWhere(Sal, Loc);
      continue;
    }
    if (*Kind == SalKind::Lock) {
      Sal.ChangesLock = Any = true;
      continue;
    }
    if (*Kind == SalKind::SavesGlobal || *Kind == SalKind::RestoresGlobal) {
      // _IRQL_saves_global_(OldIrql, Lock): the IRQL is kept with the
      // object the parameter points to, for the matching restore.
      Sal.ChangesLock = Any = true;
      if (!Opens)
        continue;
      size_t Close = closingParen(Toks, K + 1, Text.Name);
      int &Slot = *Kind == SalKind::SavesGlobal ? Sal.SavesGlobalParam
                                                : Sal.RestoresGlobalParam;
      if (Close > K + 2)
        Slot = globalSaveParam(
            D, ArrayRef<RawTok>(Toks).slice(K + 2, Close - K - 3));
      if (Slot >= 0)
        noteWhere(Sal, Loc);
      K = Close - 1;
      continue;
    }
    if (!takesArgument(*Kind) || !Opens)
      continue;
    // The argument lies between the parentheses at K + 1 and Close - 1.
    size_t Close = closingParen(Toks, K + 1, Text.Name);
    std::optional<int> Level;
    if (Close > K + 2)
      Level = levelOf(ArrayRef<RawTok>(Toks).slice(K + 2, Close - K - 3));
    if (Level && applyLimit(Sal, *Kind, *Level)) {
      Any = true;
      noteWhere(Sal, Loc);
    }
    K = Close - 1;
  }
}

// The parameter list: _IRQL_saves_ / _IRQL_restores_ in front of a
// parameter, between it and the `,` or `(` before it.
void IndexState::readParameterMarks(const FunctionDecl *D, const DeclText &Text,
                                    const SourceManager &SM, SalIrql &Sal,
                                    bool &Any) const {
  const std::vector<RawTok> &Toks = Text.Toks;
  size_t Open = Text.Name + 1;
  if (Open >= Toks.size() || Toks[Open].Kind != tok::l_paren)
    return; // EVT_X F; has no parameter list
  for (unsigned P = 0; P < D->getNumParams(); ++P) {
    SourceLocation Begin =
        SM.getExpansionLoc(D->getParamDecl(P)->getBeginLoc());
    if (Begin.isInvalid())
      continue;
    auto [FID, Offset] = SM.getDecomposedLoc(Begin);
    size_t Param = FID == Text.FID ? tokenAt(Toks, Offset) : Toks.size();
    if (Param == Toks.size() || Param <= Open)
      continue;
    int Depth = 0;
    for (size_t K = Param; K > Open + 1; --K) {
      const RawTok &T = Toks[K - 1];
      if (T.Kind == tok::r_paren)
        ++Depth;
      else if (T.Kind == tok::l_paren && Depth-- == 0)
        break;
      else if (T.Kind == tok::comma && Depth == 0)
        break;
      std::optional<SalKind> Kind = salKind(T);
      int *Slot = !Kind                        ? nullptr
                  : *Kind == SalKind::Saves    ? &Sal.SavesParam
                  : *Kind == SalKind::Restores ? &Sal.RestoresParam
                                               : nullptr;
      if (Slot && *Slot < 0) {
        *Slot = int(P);
        Any = true;
        noteWhere(Sal, Text.FileStart.getLocWithOffset(T.Offset));
      }
    }
  }
}

// The union of a function's roles; the name is that of the role allowing the
// highest IRQL (the first such on a tie).
EntryIrql roleEntry(const FunctionRoles &FR) {
  EntryIrql E;
  E.Source = EntrySource::Role;
  int BestMax = -1;
  for (const RoleUse &U : FR.Uses) {
    const RoleInfo &R = Roles[U.Role];
    IrqlLevels Levels = U.Registered ? U.Levels : R.levels();
    E.Levels = E.Levels | Levels;
    if (Levels.highest() > BestMax) {
      BestMax = Levels.highest();
      E.RoleType = R.Type;
      E.RoleName = R.Field;
      E.Narrowing = U.Registered && U.Narrowing ? *U.Narrowing
                                                : RoleNarrowing::None;
      E.Narrowable = R.Narrowing;
      E.Where = U.Where;
    }
  }
  E.RoleLevels = E.Levels;
  return E;
}

//===----------------------------------------------------------------------===//
// IndexState: what a function reaches through its calls
//===----------------------------------------------------------------------===//

void IndexState::reachCalls(const Stmt *S, Reach &R) {
  if (!S || R.Ddi)
    return;
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || Ddis.matchDecl(Callee)) {
      R.Ddi = true;
      return;
    }
    if (salOfDecl(Callee) || returnsRaised(Callee) ||
        cachedPageable(Callee) != PageableBy::None)
      R.Sal = true;
    const FunctionDecl *Def = Callee->getDefinition();
    if (Def && Def->hasBody()) {
      Reach Sub = reach(Def);
      R.Ddi = R.Ddi || Sub.Ddi;
      R.Sal = R.Sal || Sub.Sal;
    } else if (definedElsewhere(Callee)) {
      R.Ddi = true; // followed into the other file: it may reach anything
    }
  }
  for (const Stmt *Child : S->children())
    reachCalls(Child, R);
}

void IndexState::importRoles(const FunctionDecl *Canonical) {
  if (!Driver || !Imported.insert(Canonical).second)
    return;
  std::optional<std::string> Name =
      cross_tu::CrossTranslationUnitContext::getLookupName(Canonical);
  auto Facts = Name ? Driver->find(*Name) : Driver->end();
  if (Facts == Driver->end())
    return;
  for (const RoleFact &Fact : Facts->second) {
    auto Role = roleLookup().ByType.find(Fact.RoleType);
    if (Role == roleLookup().ByType.end())
      continue;
    joinRegistration(useOf(Canonical, Role->second, Canonical->getLocation()),
                     Fact.Levels, Fact.Narrowing);
  }
}

bool IndexState::definedElsewhere(const FunctionDecl *FD) const {
  if (!Elsewhere || Elsewhere->empty())
    return false;
  std::optional<std::string> Name =
      cross_tu::CrossTranslationUnitContext::getLookupName(FD);
  return Name && Elsewhere->contains(*Name);
}

IndexState::Reach IndexState::reach(const FunctionDecl *Def) {
  Def = Def->getCanonicalDecl();
  auto It = ReachCache.find(Def);
  if (It != ReachCache.end())
    return It->second; // known, or being computed (a recursion)
  ReachCache[Def] = Reach();
  Reach R;
  if (const FunctionDecl *Body = Def->getDefinition())
    reachCalls(Body->getBody(), R);
  ReachCache[Def] = R;
  return R;
}

//===----------------------------------------------------------------------===//
// IndexState: pageable functions
//===----------------------------------------------------------------------===//

constexpr llvm::StringLiteral PagedCodeMacro = "PAGED_CODE";
constexpr llvm::StringLiteral PagedCodeLockedMacro = "PAGED_CODE_LOCKED";
constexpr llvm::StringLiteral PageableSectionPrefix = "PAGE";

// Whether FD is placed in a PAGE... section: #pragma alloc_text(PAGE..., f),
// __declspec(code_seg("PAGE...")) or a #pragma code_seg("PAGE...") region
// (INIT and other sections are not pageable in this sense).
bool inPageSection(const FunctionDecl *FD) {
  for (const FunctionDecl *D : FD->redecls()) {
    StringRef Section;
    if (const auto *A = D->getAttr<SectionAttr>())
      Section = A->getName();
    else if (const auto *A = D->getAttr<CodeSegAttr>())
      Section = A->getName();
    if (Section.starts_with(PageableSectionPrefix))
      return true;
  }
  return false;
}

// Whether S is a Macro() statement (PAGED_CODE(), PAGED_CODE_LOCKED()),
// recognised by the macro's name whatever it expands to: a statement that
// begins with its expansion (the checked build's guard), or the `;` after an
// expansion to nothing (the free build).
bool IndexState::statesMacro(const Stmt *S, const ASTContext &Ctx,
                             StringRef Macro) {
  const SourceManager &SrcMgr = Ctx.getSourceManager();
  SourceLocation At;
  unsigned Back = 0; // tokens from the one at At back to the macro's name
  if (S->getBeginLoc().isMacroID()) {
    At = SrcMgr.getExpansionLoc(S->getBeginLoc());
  } else if (const auto *Null = dyn_cast<NullStmt>(S);
             Null && Null->hasLeadingEmptyMacro()) {
    At = Null->getSemiLoc(); // PAGED_CODE ( ) ;
    Back = 3;
  }
  if (At.isInvalid() || !At.isFileID())
    return false;
  auto [FID, Offset] = SrcMgr.getDecomposedLoc(At);
  const std::vector<RawTok> &Toks = tokensOf(FID, SrcMgr, Ctx.getLangOpts());
  size_t K = tokenAt(Toks, Offset);
  if (K == Toks.size() || K < Back)
    return false;
  if (Back && (Toks[K - 1].Kind != tok::r_paren ||
               Toks[K - 2].Kind != tok::l_paren))
    return false;
  const RawTok &Name = Toks[K - Back];
  return Name.Kind == tok::raw_identifier && Name.Text == Macro;
}

// The DDIs of raised.def: they may return to their caller raised.
bool returnsRaised(const FunctionDecl *FD) {
  static const llvm::StringSet<> Names = [] {
    llvm::StringSet<> Set;
#define WDF_RAISED_RETURN(Name, FlagArg, Level) Set.insert(#Name);
#include "raised.def"
    return Set;
  }();
  return FD->getIdentifier() && Names.contains(FD->getName());
}

// The IRQL DDIs of irql.def that change the level (all but GET).
bool changesIrql(StringRef Name) {
  static const llvm::StringSet<> Changing = [] {
    llvm::StringSet<> Set;
#define WDF_IRQL_OP(Name, Kind, Level, LevelArg, SaveArg, KeyArg)              \
  if (llvm::StringRef(#Kind) != "GET")                                         \
    Set.insert(#Name);
#include "irql.def"
    return Set;
  }();
  return Changing.contains(Name);
}

// Whether S holds a call that changes the IRQL: an IRQL DDI that raises,
// lowers, acquires or releases, or a function whose SAL annotations say it
// raises or restores.  PAGED_CODE() asserts the IRQL where it stands; with
// no change before it, that is the entry IRQL.
bool IndexState::changesIrqlIn(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = CE->getDirectCallee()) {
      const DdiInfo *D = Ddis.matchDecl(Callee);
      if (D && D->Family == WDF_FAMILY_IRQL && changesIrql(D->Name))
        return true;
      if (const SalIrql *Sal = salOfDecl(Callee))
        if (Sal->Raises || Sal->RestoresParam >= 0)
          return true;
    }
  for (const Stmt *Child : S->children())
    if (changesIrqlIn(Child))
      return true;
  return false;
}

PageableBy IndexState::pageable(const FunctionDecl *FD) {
  if (inPageSection(FD))
    return PageableBy::Section;
  const FunctionDecl *Def = FD->getDefinition();
  const auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody())
                         : nullptr;
  if (!Body)
    return PageableBy::None;
  for (const Stmt *S : Body->body()) {
    if (statesMacro(S, Def->getASTContext(), PagedCodeMacro))
      return PageableBy::PagedCode;
    if (changesIrqlIn(S))
      break;
  }
  return PageableBy::None;
}

// The annotations of all declarations of FD, merged in source order.
std::unique_ptr<SalIrql> IndexState::readRedecls(const FunctionDecl *FD) {
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  llvm::SmallVector<const FunctionDecl *, 4> Decls(FD->redecls());
  llvm::sort(Decls, [&](const FunctionDecl *A, const FunctionDecl *B) {
    return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
  });
  SalIrql Sal;
  bool Any = false;
  for (const FunctionDecl *D : Decls)
    readDecl(D, Sal, Any);
  return Any ? std::make_unique<SalIrql>(Sal) : nullptr;
}

// The SAL annotations of FD's declarations, cached (IrqlEntryIndex::salOf).
const SalIrql *IndexState::salOfDecl(const FunctionDecl *FD) {
  FD = FD->getCanonicalDecl();
  auto It = SalCache.find(FD);
  if (It == SalCache.end())
    It = SalCache.try_emplace(FD, readRedecls(FD)).first;
  return It->second.get();
}

} // namespace

llvm::StringRef driverEntryName() { return Roles[ROLE_DRIVER_INITIALIZE].Field; }

bool isDriverEntry(const FunctionDecl *FD) {
  return FD && FD->getIdentifier() && FD->getName() == driverEntryName() &&
         FD->getNumParams() == 2;
}

//===----------------------------------------------------------------------===//
// The public interface
//===----------------------------------------------------------------------===//

struct IrqlEntryIndex::Impl : IndexState {};

IrqlEntryIndex::IrqlEntryIndex() : P(std::make_unique<Impl>()) {}
IrqlEntryIndex::~IrqlEntryIndex() = default;

void IrqlEntryIndex::build(const TranslationUnitDecl *TU, ASTContext &Ctx,
                           const Preprocessor *PP,
                           const llvm::StringSet<> *Elsewhere,
                           const DriverRoles *Driver) {
  P = std::make_unique<Impl>();
  P->PP = PP;
  P->Elsewhere = Elsewhere;
  P->Driver = Driver && !Driver->empty() ? Driver : nullptr;
  P->SM = &Ctx.getSourceManager();
  FactCollector Collector(*P, Ctx);
  Collector.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
  P->resolve();
}

const SalIrql *IrqlEntryIndex::salOf(const FunctionDecl *FD) const {
  return FD ? P->salOfDecl(FD) : nullptr;
}

const char *pageableNoun(PageableBy P) {
  switch (P) {
  case PageableBy::Section:
    return "a PAGE section";
  case PageableBy::PagedCode:
    return "PAGED_CODE()";
  case PageableBy::None:
    break;
  }
  return "";
}

const char *pageableClause(PageableBy P) {
  switch (P) {
  case PageableBy::Section:
    return "in a PAGE section";
  case PageableBy::PagedCode:
    return "it states PAGED_CODE()";
  case PageableBy::None:
    break;
  }
  return "";
}

PageableBy IrqlEntryIndex::pageableOf(const FunctionDecl *FD) const {
  return FD ? P->cachedPageable(FD) : PageableBy::None;
}

bool IrqlEntryIndex::inPageSection(const FunctionDecl *FD) const {
  return FD && wdfcheck::inPageSection(FD);
}

PagedMarks IrqlEntryIndex::pagedMarksOf(const FunctionDecl *FD) const {
  PagedMarks Marks;
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  const auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody())
                         : nullptr;
  if (!Body)
    return Marks;
  for (const Stmt *S : Body->body()) {
    if (!Marks.PagedCode.isValid() &&
        P->statesMacro(S, Def->getASTContext(), PagedCodeMacro))
      Marks.PagedCode = S->getBeginLoc();
    if (!Marks.PagedCodeLocked.isValid() &&
        P->statesMacro(S, Def->getASTContext(), PagedCodeLockedMacro))
      Marks.PagedCodeLocked = S->getBeginLoc();
  }
  return Marks;
}

// Entry = role ∩ assertions; without a role, the assertions alone.
EntryIrql IrqlEntryIndex::entryOf(const FunctionDecl *FD) const {
  EntryIrql E;
  if (!FD)
    return E;
  P->importRoles(FD->getCanonicalDecl());
  auto It = P->RolesOf.find(FD->getCanonicalDecl());
  if (It != P->RolesOf.end() && !It->second.Uses.empty()) {
    E = roleEntry(It->second);
  } else if (isDriverEntry(FD)) {
    E.Source = EntrySource::DriverEntry;
    E.Levels = E.RoleLevels = IrqlLevels::of(WDF_IRQL_PASSIVE);
  }

  const SalIrql *Sal = salOf(FD);
  if (Sal && !Sal->hasLimits())
    Sal = nullptr;
  IrqlLevels SalLevels = Sal ? IrqlLevels::in(Sal->range()) : IrqlLevels::all();
  PageableBy Pageable = pageableOf(FD);
  IrqlLevels Asserted = SalLevels;
  if (Pageable != PageableBy::None) {
    IrqlLevels Paged = IrqlLevels::in({WDF_IRQL_PASSIVE, WDF_IRQL_APC});
    // An annotation that contradicts the section is the annotation's word.
    if ((SalLevels & Paged).empty())
      Pageable = PageableBy::None;
    else
      Asserted = SalLevels & Paged;
  }
  if (!Sal && Pageable == PageableBy::None)
    return E;

  if (!E.known()) {
    // Pageable code alone is written for PASSIVE_LEVEL callers: it bounds
    // the level at APC_LEVEL, but APC_LEVEL arises only where the path or
    // an annotation puts it.
    E.Source = Sal ? EntrySource::Sal : EntrySource::Pageable;
    E.Levels = Sal ? Asserted : IrqlLevels::of(WDF_IRQL_PASSIVE);
    E.BySal = Sal != nullptr;
    E.Pageable = Pageable;
    E.Where = Sal ? Sal->Where : FD->getLocation();
    return E;
  }
  IrqlLevels Both = E.Levels & Asserted;
  if (Both.empty()) {
    // The framework calls it where the role says: the role wins, and the
    // contradiction is a finding at the registration.
    E.Conflict = true;
    E.SalConflict = Sal && (E.Levels & SalLevels).empty();
    E.BySal = Sal != nullptr;
    E.Pageable = Pageable;
    return E;
  }
  // SAL is named when it removed some of the role's levels; being pageable
  // when it removed more than SAL did.
  E.BySal = Sal && (E.Levels & SalLevels) != E.Levels;
  if (Pageable != PageableBy::None && (E.Levels & SalLevels) != Both)
    E.Pageable = Pageable;
  E.Levels = Both;
  return E;
}

bool IrqlEntryIndex::mayMatter(const FunctionDecl *FD) const {
  if (!FD || FD->getASTContext().getLangOpts().CPlusPlus)
    return true;
  IndexState::Reach R = P->reach(FD);
  return R.Ddi || (R.Sal && entryOf(FD).known());
}

std::vector<std::pair<const FunctionDecl *, RoleFact>>
IrqlEntryIndex::registrations() const {
  std::vector<std::pair<const FunctionDecl *, RoleFact>> Out;
  for (const auto &Entry : P->RolesOf)
    for (const RoleUse &U : Entry.second.Uses)
      if (U.Registered)
        Out.push_back({Entry.first,
                       {Roles[U.Role].Type, U.Levels,
                        U.Narrowing.value_or(RoleNarrowing::None)}});
  return Out;
}

void addRoleFact(DriverRoles &Roles, StringRef Function, const RoleFact &Fact) {
  std::vector<RoleFact> &Facts = Roles[Function];
  auto It = llvm::find_if(
      Facts, [&](const RoleFact &F) { return F.RoleType == Fact.RoleType; });
  if (It == Facts.end()) {
    Facts.push_back(Fact);
    return;
  }
  It->Levels = It->Levels | Fact.Levels;
  if (It->Narrowing != Fact.Narrowing)
    It->Narrowing = RoleNarrowing::None;
}

// One line a registration: "<length>:<lookup name> <role type> <levels>
// <narrowing>" (the length first, as in CTU's index: a name may hold
// anything).
std::string writeDriverRoles(const DriverRoles &Roles) {
  std::vector<StringRef> Names;
  for (const auto &Entry : Roles)
    Names.push_back(Entry.getKey());
  llvm::sort(Names);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  for (StringRef Name : Names)
    for (const RoleFact &F : Roles.find(Name)->second)
      OS << Name.size() << ':' << Name << ' ' << F.RoleType << ' '
         << F.Levels.raw() << ' ' << unsigned(F.Narrowing) << '\n';
  return OS.str();
}

bool readDriverRoles(StringRef Text, DriverRoles &Roles) {
  llvm::SmallVector<StringRef, 64> Lines;
  Text.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    auto [Length, Rest] = Line.split(':');
    unsigned N = 0;
    if (Length.getAsInteger(10, N) || Rest.size() <= N)
      return false;
    StringRef Name = Rest.take_front(N);
    llvm::SmallVector<StringRef, 3> Fields;
    Rest.drop_front(N).trim().split(Fields, ' ', -1, /*KeepEmpty=*/false);
    unsigned Levels = 0, Narrowing = 0;
    if (Fields.size() != 3 || Fields[1].getAsInteger(10, Levels) ||
        Fields[2].getAsInteger(10, Narrowing) ||
        Narrowing > unsigned(RoleNarrowing::PassiveHandling))
      return false;
    addRoleFact(Roles, Name,
                {Fields[0].str(), IrqlLevels::fromRaw(Levels),
                 RoleNarrowing(Narrowing)});
  }
  return true;
}

std::string registrationsOf(ASTContext &Ctx, const Preprocessor &PP) {
  IrqlEntryIndex Index;
  Index.build(Ctx.getTranslationUnitDecl(), Ctx, &PP);
  DriverRoles Roles;
  for (const auto &[FD, Fact] : Index.registrations())
    if (FD->hasExternalFormalLinkage())
      if (std::optional<std::string> Name =
              cross_tu::CrossTranslationUnitContext::getLookupName(FD))
        addRoleFact(Roles, *Name, Fact);
  return writeDriverRoles(Roles);
}

bool joinRegistrations(ArrayRef<std::string> Texts,
                       const llvm::StringSet<> &Ambiguous, std::string &Out) {
  DriverRoles Joined;
  for (const std::string &Text : Texts) {
    DriverRoles Roles;
    if (!readDriverRoles(Text, Roles))
      return false;
    for (const auto &Entry : Roles)
      if (!Ambiguous.contains(Entry.getKey()))
        for (const RoleFact &Fact : Entry.getValue())
          addRoleFact(Joined, Entry.getKey(), Fact);
  }
  Out = writeDriverRoles(Joined);
  return true;
}

std::vector<IrqlEntryIndex::Contradiction>
IrqlEntryIndex::contradictions() const {
  std::vector<Contradiction> Out;
  for (const auto &Entry : P->RolesOf) {
    EntryIrql E = entryOf(Entry.first);
    if (E.Conflict)
      Out.push_back({Entry.first, E});
  }
  llvm::sort(Out, [&](const Contradiction &A, const Contradiction &B) {
    return P->before(A.Entry.Where, B.Entry.Where);
  });
  return Out;
}

IrqlLevels IrqlLevels::in(IrqlRange R) {
  IrqlLevels Out;
  for (int Level : {WDF_IRQL_PASSIVE, WDF_IRQL_APC, WDF_IRQL_DISPATCH,
                    WDF_IRQL_DIRQL, WDF_IRQL_HIGH})
    if (R.Min <= Level && Level <= R.Max)
      Out = Out | of(Level);
  return Out;
}

unsigned IrqlLevels::bit(int Level) {
  if (Level <= WDF_IRQL_DISPATCH)
    return 1u << (Level < 0 ? 0 : Level);
  return Level < WDF_IRQL_HIGH ? 1u << 3 : 1u << 4;
}

constexpr int LevelOfBit[] = {WDF_IRQL_PASSIVE, WDF_IRQL_APC,
                              WDF_IRQL_DISPATCH, WDF_IRQL_DIRQL,
                              WDF_IRQL_HIGH};

int IrqlLevels::lowest() const {
  for (int B = 0; B < 5; ++B)
    if (Bits & (1u << B))
      return LevelOfBit[B];
  return WDF_IRQL_NONE;
}

int IrqlLevels::highest() const {
  for (int B = 4; B >= 0; --B)
    if (Bits & (1u << B))
      return LevelOfBit[B];
  return WDF_IRQL_NONE;
}

std::string IrqlLevels::text() const {
  if (empty())
    return "no level";
  int Low = lowest(), High = highest();
  if (Low == High)
    return irqlName(Low);
  if (*this == in({Low, High})) { // contiguous
    if (Low == WDF_IRQL_PASSIVE)
      return std::string("<= ") + irqlName(High);
    if (High == WDF_IRQL_HIGH)
      return std::string(">= ") + irqlName(Low);
    if (llvm::popcount(Bits) > 2)
      return std::string(irqlName(Low)) + ".." + irqlName(High);
  }
  std::string Out;
  for (int B = 0, Seen = 0, N = llvm::popcount(Bits); B < 5; ++B) {
    if (!(Bits & (1u << B)))
      continue;
    if (Seen)
      Out += ++Seen == N ? " or " : ", ";
    else
      ++Seen;
    Out += irqlName(LevelOfBit[B]);
  }
  return Out;
}

int normalizeIrql(unsigned long long V) {
  if (V <= WDF_IRQL_DISPATCH)
    return int(V);
  return V < WDF_IRQL_HIGH ? WDF_IRQL_DIRQL : WDF_IRQL_HIGH;
}

const char *irqlName(int Irql) {
  if (Irql <= WDF_IRQL_PASSIVE)
    return "PASSIVE_LEVEL";
  if (Irql == WDF_IRQL_APC)
    return "APC_LEVEL";
  if (Irql == WDF_IRQL_DISPATCH)
    return "DISPATCH_LEVEL";
  return Irql < WDF_IRQL_HIGH ? "DIRQL" : "HIGH_LEVEL";
}

} // namespace wdfcheck
