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
// read back from the text of each redeclaration: every file holding one is
// raw-lexed once (the lexer spans the whole NUL-terminated buffer, as the
// design notes require) and the tokens between the previous `;`, `{`, `}` or
// preprocessor line and the function's name are searched.  The parameter
// list is searched for _IRQL_saves_ / _IRQL_restores_ in front of each
// parameter.  A declaration written as `EVT_X F;` has only `EVT_X` before
// its name: the annotations of the role typedef are never the function's.
//
// Names of roles, config fields and DDIs come from rules/roles.def and
// rules/ddis.def; only SAL spellings, IRQL level names and the execution
// level field and enumerators (in no table) are written here.
//
//===----------------------------------------------------------------------===//
#include "wdfcheck/IrqlEntry.h"
#include "wdfcheck/Ddi.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerHelpers.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <vector>

using namespace clang;

namespace wdfcheck {
namespace {

//===----------------------------------------------------------------------===//
// The role tables (rules/roles.def)
//===----------------------------------------------------------------------===//

enum RoleId : unsigned {
#define WDF_ROLE(RoleType, ConfigField, MinIrql, MaxIrql, PassiveQueue)        \
  ROLE_##RoleType,
#include "roles.def"
  ROLE_COUNT
};

struct RoleInfo {
  const char *Type;  // the role typedef: EVT_WDF_IO_QUEUE_IO_READ
  const char *Field; // the config field, also the role's name: EvtIoRead
  int Min, Max;
  bool PassiveQueue; // narrowed by a passive execution level
};

const RoleInfo Roles[] = {
#define WDF_ROLE(RoleType, ConfigField, MinIrql, MaxIrql, PassiveQueue)        \
  {#RoleType, #ConfigField, WDF_IRQL_##MinIrql, WDF_IRQL_##MaxIrql,            \
   (PassiveQueue) != 0},
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

// WDF_OBJECT_ATTRIBUTES's execution level is in no rule table.
constexpr llvm::StringLiteral ExecutionLevelField = "ExecutionLevel";
constexpr llvm::StringLiteral PassiveLevelEnumerator =
    "WdfExecutionLevelPassive";
constexpr llvm::StringLiteral DispatchLevelEnumerator =
    "WdfExecutionLevelDispatch";

enum LevelBits : unsigned {
  LevelPassive = 1,
  LevelDispatch = 2,
  LevelOther = 4
};

unsigned levelBits(StringRef Enumerator) {
  if (Enumerator == PassiveLevelEnumerator)
    return LevelPassive;
  if (Enumerator == DispatchLevelEnumerator)
    return LevelDispatch;
  return LevelOther;
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

enum class CreateKind { Queue, Timer, Device };

struct Creation {
  CreateKind Kind;
  const VarDecl *Config;     // null for WdfDeviceCreate
  const VarDecl *Attributes; // null without attributes
  SourceLocation Where;
};

// An ExecutionLevel assignment to an attributes variable.
struct LevelSet {
  const VarDecl *Var;
  unsigned Level;
  SourceLocation Where;
};

// How a function relates to one role after resolution.
struct RoleUse {
  RoleId Role;
  SourceLocation Where;
  bool Registered = false; // at least one registration (not only declared)
  bool AllNarrowed = true; // every registration is in a passive config
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
  std::vector<LevelSet> Levels;
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

  void resolve();
  bool before(SourceLocation A, SourceLocation B) const;
  unsigned levelAt(const VarDecl *Attributes, SourceLocation At);
  bool creationIsPassive(const Creation &C, bool DevicePassive);
  const Creation *creationOf(const Registration &R);
  void addUse(const Registration &R, bool Narrowed);

  // SAL reading.
  const std::vector<RawTok> &tokensOf(FileID FID, const SourceManager &SM,
                                      const LangOptions &LO);
  std::unique_ptr<SalIrql> readRedecls(const FunctionDecl *FD);
  void readDecl(const FunctionDecl *D, SalIrql &Sal, bool &Any);
  void readAnnotations(const DeclText &Text, SalIrql &Sal, bool &Any) const;
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
  FactCollector(IndexState &I, const SourceManager &SM) : I(I), SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitBinaryOperator(BinaryOperator *BO);
  bool VisitCallExpr(CallExpr *CE);
  bool VisitVarDecl(VarDecl *VD);
  bool VisitInitListExpr(InitListExpr *ILE);
  bool VisitFunctionDecl(FunctionDecl *FD);

private:
  IndexState &I;
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
  bool creationCall(const CallExpr *CE, StringRef Callee);
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
  if (Name != ExecutionLevelField || !Owner)
    return;
  const auto *DRE = dyn_cast<DeclRefExpr>(Value->IgnoreParenCasts());
  const auto *Enumerator =
      DRE ? dyn_cast<EnumConstantDecl>(DRE->getDecl()) : nullptr;
  if (Enumerator && Enumerator->getIdentifier())
    I.Levels.push_back(
        {Owner, levelBits(Enumerator->getName()), Value->getExprLoc()});
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
    const Expr *Arg = argOrNull(CE, Row->Arg);
    if (const FunctionDecl *F = namedFunction(Arg))
      addRegistration(F, Row->Role, Arg->getExprLoc(),
                      Row->Arg > 0 ? namedVariable(argOrNull(CE, 0)) : nullptr);
  }
}

// WdfIoQueueCreate(Device, Config, Attributes, Queue) and the like: in every
// create DDI the config comes right before the attributes (AttrArg).
bool FactCollector::creationCall(const CallExpr *CE, StringRef Callee) {
  static const std::pair<wdf_ddi_id, CreateKind> Creates[] = {
      {WDF_DDI_WdfIoQueueCreate, CreateKind::Queue},
      {WDF_DDI_WdfTimerCreate, CreateKind::Timer},
      {WDF_DDI_WdfDeviceCreate, CreateKind::Device},
  };
  for (const auto &[Id, Kind] : Creates) {
    const DdiInfo &D = ddi(Id);
    if (Callee != D.Name || CE->getNumArgs() != D.Params)
      continue;
    const VarDecl *Config = Kind == CreateKind::Device
                                ? nullptr
                                : namedVariable(argOrNull(CE, D.AttrArg - 1));
    I.Creations.push_back(
        {Kind, Config, namedVariable(argOrNull(CE, D.AttrArg)), CE->getExprLoc()});
    return true;
  }
  return false;
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
    if (creationCall(CE, Name))
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
  Raises,
  Same,
  Saves,
  Restores
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
         K == SalKind::RequiresMin || K == SalKind::Raises;
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
  if (V <= WDF_IRQL_DISPATCH)
    return int(V);
  return V < WDF_IRQL_HIGH ? WDF_IRQL_DIRQL : WDF_IRQL_HIGH;
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

// The execution level an attributes variable has at a creation: the last
// ExecutionLevel set before it (a variable reused for several objects), or
// the first one set at all when none comes before (set in a helper).
unsigned IndexState::levelAt(const VarDecl *Attributes, SourceLocation At) {
  if (!Attributes)
    return 0;
  const LevelSet *Last = nullptr, *First = nullptr;
  for (const LevelSet &L : Levels) {
    if (alias(L.Var) != alias(Attributes))
      continue;
    if (!First || before(L.Where, First->Where))
      First = &L;
    if (before(L.Where, At) && (!Last || before(Last->Where, L.Where)))
      Last = &L;
  }
  const LevelSet *Used = Last ? Last : First;
  return Used ? Used->Level : 0;
}

bool IndexState::creationIsPassive(const Creation &C, bool DevicePassive) {
  unsigned Level = levelAt(C.Attributes, C.Where);
  if (Level == LevelPassive)
    return true;
  return C.Kind == CreateKind::Queue && DevicePassive && Level != LevelDispatch;
}

// The creation a registration belongs to: the first creation with the same
// config after it, or (registered in a helper called later) the last one.
const Creation *IndexState::creationOf(const Registration &R) {
  if (!R.Config)
    return nullptr;
  const Creation *Next = nullptr, *Any = nullptr;
  for (const Creation &C : Creations) {
    if (C.Kind == CreateKind::Device || !C.Config ||
        alias(C.Config) != alias(R.Config))
      continue;
    if (!Any || before(Any->Where, C.Where))
      Any = &C;
    if (before(R.Where, C.Where) && (!Next || before(C.Where, Next->Where)))
      Next = &C;
  }
  return Next ? Next : Any;
}

void IndexState::addUse(const Registration &R, bool Narrowed) {
  auto &Uses = RolesOf[R.Function].Uses;
  auto It =
      llvm::find_if(Uses, [&](const RoleUse &U) { return U.Role == R.Role; });
  if (It == Uses.end()) {
    Uses.push_back({R.Role, R.Where});
    It = std::prev(Uses.end());
  }
  if (R.Declared)
    return;
  It->Registered = true;
  It->AllNarrowed = It->AllNarrowed && Narrowed;
}

void IndexState::resolve() {
  bool DevicePassive = llvm::any_of(Creations, [&](const Creation &C) {
    return C.Kind == CreateKind::Device &&
           levelAt(C.Attributes, C.Where) == LevelPassive;
  });
  for (const Registration &R : Registrations) {
    bool Narrowed = false;
    if (!R.Declared && Roles[R.Role].PassiveQueue)
      if (const Creation *C = creationOf(R))
        Narrowed = creationIsPassive(*C, DevicePassive);
    addUse(R, Narrowed);
  }
}

//===----------------------------------------------------------------------===//
// IndexState: SAL reading
//===----------------------------------------------------------------------===//

// All tokens of a file, lexed once; a preprocessor line becomes one tok::hash.
const std::vector<RawTok> &IndexState::tokensOf(FileID FID,
                                                const SourceManager &SM,
                                                const LangOptions &LO) {
  std::unique_ptr<std::vector<RawTok>> &Slot = FileTokens[FID];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<std::vector<RawTok>>();
  std::vector<RawTok> &Toks = *Slot;
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return Toks;
  Lexer L(SM.getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin(),
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
  }
  return Toks;
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
  default:
    return false;
  }
}

// Reads the annotations written on one declaration of a function.
void IndexState::readDecl(const FunctionDecl *D, SalIrql &Sal, bool &Any) {
  SourceLocation NameLoc = D->getLocation();
  if (D->isImplicit() || NameLoc.isInvalid() || NameLoc.isMacroID())
    return;
  const ASTContext &Ctx = D->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  auto [FID, NameOffset] = SM.getDecomposedLoc(NameLoc);
  DeclText Text{tokensOf(FID, SM, Ctx.getLangOpts()), 0, FID,
                SM.getLocForStartOfFile(FID)};
  Text.Name = tokenAt(Text.Toks, NameOffset);
  if (Text.Name == Text.Toks.size())
    return;
  readAnnotations(Text, Sal, Any);
  readParameterMarks(D, Text, SM, Sal, Any);
}

// Before the name: the function's own annotations.
void IndexState::readAnnotations(const DeclText &Text, SalIrql &Sal,
                                 bool &Any) const {
  const std::vector<RawTok> &Toks = Text.Toks;
  for (size_t K = declarationStart(Toks, Text.Name); K < Text.Name; ++K) {
    bool Opens = K + 1 < Text.Name && Toks[K + 1].Kind == tok::l_paren;
    if (isConditional(Toks[K]) && Opens) {
      K = closingParen(Toks, K + 1, Text.Name) - 1;
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
  E.Range = {WDF_IRQL_HIGH, WDF_IRQL_PASSIVE};
  int BestMax = -1;
  for (const RoleUse &U : FR.Uses) {
    const RoleInfo &R = Roles[U.Role];
    bool Narrowed = U.Registered && U.AllNarrowed;
    IrqlRange Range = Narrowed ? IrqlRange{WDF_IRQL_PASSIVE, WDF_IRQL_PASSIVE}
                               : IrqlRange{R.Min, R.Max};
    E.Range.Min = std::min(E.Range.Min, Range.Min);
    E.Range.Max = std::max(E.Range.Max, Range.Max);
    if (Range.Max > BestMax) {
      BestMax = Range.Max;
      E.RoleType = R.Type;
      E.RoleName = R.Field;
      E.PassiveExecution = Narrowed;
      E.Where = U.Where;
    }
  }
  return E;
}

bool isDriverEntry(const FunctionDecl *FD) {
  return FD->getIdentifier() &&
         FD->getName() == Roles[ROLE_DRIVER_INITIALIZE].Field &&
         FD->getNumParams() == 2;
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

} // namespace

//===----------------------------------------------------------------------===//
// The public interface
//===----------------------------------------------------------------------===//

struct IrqlEntryIndex::Impl : IndexState {};

IrqlEntryIndex::IrqlEntryIndex() : P(std::make_unique<Impl>()) {}
IrqlEntryIndex::~IrqlEntryIndex() = default;

void IrqlEntryIndex::build(const TranslationUnitDecl *TU, ASTContext &Ctx,
                           const Preprocessor *PP) {
  P = std::make_unique<Impl>();
  P->PP = PP;
  P->SM = &Ctx.getSourceManager();
  FactCollector Collector(*P, Ctx.getSourceManager());
  Collector.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
  P->resolve();
}

const SalIrql *IrqlEntryIndex::salOf(const FunctionDecl *FD) const {
  if (!FD)
    return nullptr;
  FD = FD->getCanonicalDecl();
  auto It = P->SalCache.find(FD);
  if (It == P->SalCache.end())
    It = P->SalCache.try_emplace(FD, P->readRedecls(FD)).first;
  return It->second.get();
}

EntryIrql IrqlEntryIndex::entryOf(const FunctionDecl *FD) const {
  EntryIrql E;
  if (!FD)
    return E;
  if (const SalIrql *Sal = salOf(FD); Sal && Sal->hasLimits()) {
    E.Source = EntrySource::Sal;
    E.Range = Sal->range();
    E.Where = Sal->Where;
    return E;
  }
  auto It = P->RolesOf.find(FD->getCanonicalDecl());
  if (It != P->RolesOf.end() && !It->second.Uses.empty())
    return roleEntry(It->second);
  if (isDriverEntry(FD)) {
    E.Source = EntrySource::DriverEntry;
    E.Range = {WDF_IRQL_PASSIVE, WDF_IRQL_PASSIVE};
  }
  return E;
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
