//===- BadArgumentChecker.cpp - WM007 wdf.BadArgument ---------------------===//
//
// Arguments of a memory or pool DDI that the framework rejects, or that
// weaken the system, as far as the path pins them down:
//
//   required pointer NULL   the out-handle (Memory, Lookaside), a retrieved
//                           buffer's out-pointer or a caller buffer is NULL:
//                           the framework stops the machine (bug check 0x10D
//                           WDF_VIOLATION, REQUIRED_PARAMETER_IS_NULL), so
//                           the path ends here.
//   size 0                  BufferSize (NumberOfBytes, ...) is 0 on this path:
//                           the WDF DDIs fail with STATUS_INVALID_PARAMETER, a
//                           zero-byte pool allocation is a Driver Verifier
//                           violation (0xC4/0x0).
//   pool tag                a byte above 0x7F, or a pointer (a string) cast to
//                           the tag.
//   executable pool         a non-paged pool type without the NX bit, where
//                           NonPagedPoolNx serves; NonPagedPoolExecute says
//                           the executable memory is intended and is accepted.
//                           WdfLookasideListCreate allocates NX whatever it
//                           is given, but the type it is given is what Driver
//                           Verifier's NX check sees: still reported, saying so.
//
// The NX opt-in.  When the file defines POOL_NX_OPTIN non-zero, NonPagedPool
// and NonPagedPoolCacheAligned mean the NX pool once DriverEntry has called
// ExInitializeDriverRuntime(DrvRtPoolNxOptIn): the WDK turns NonPagedPool
// into the variable ExDefaultNonPagedPoolType, which that call sets;
// mingw-w64's DDK headers leave it the constant 0.  A walk of the translation
// unit before any path decides, in both shapes:
//
//   DriverEntry not in the file           NX (the opt-in is made elsewhere),
//                                         unless wdfcheck --ctu found the
//                                         driver's one DriverEntry, in
//                                         another file, never opting in:
//                                         executable, reported (option
//                                         DriverNxOptIn)
//   DriverEntry makes the call            NX (also through a function of this
//                                         file that DriverEntry calls)
//   DriverEntry never makes it            executable: reported, with a note
//                                         at DriverEntry
//
// POOL_NX_OPTIN_AUTO makes them NX with no call at all.
//
// A value the analyzer knows nothing about is never reported: only values
// that are constant, or constrained to one value by the path, are.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "IrqlEntry.h"
#include "Refutation.h"
#include "wdfcheck/DriverFacts.h"
#include "wdfcheck/Catalog.h"
#include "Ddi.h"

#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporterVisitors.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerHelpers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/FormatVariadic.h"

#include <optional>

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

// A pool tag as poolmon shows it: its bytes from the least significant.
std::string tagText(uint64_t Tag) {
  std::string Text;
  for (int I = 0; I < 4; ++I)
    Text += static_cast<char>((Tag >> (8 * I)) & 0x7F);
  return Text;
}

// The DDI families whose arguments WM007 checks: memory and pool DDIs.
bool isMemoryFamily(wdf_family F) {
  switch (F) {
  case WDF_FAMILY_MEMORY_CREATE:
  case WDF_FAMILY_LOOKASIDE_CREATE:
  case WDF_FAMILY_MEMORY_ACCESS:
  case WDF_FAMILY_MEMORY_COPY_OUT:
  case WDF_FAMILY_MEMORY_COPY_IN:
  case WDF_FAMILY_REQUEST_MEMORY:
  case WDF_FAMILY_REQUEST_OUT_MEMORY:
  case WDF_FAMILY_REQUEST_BUFFER:
  case WDF_FAMILY_REQUEST_OUT_BUFFER:
  case WDF_FAMILY_POOL_ALLOC:
  case WDF_FAMILY_POOL_SETUP:
    return true;
  default:
    return false;
  }
}

// A retrieved request buffer's out-pointer is required; WdfMemoryCreate's
// Buffer out-pointer is optional.
bool outBufferRequired(wdf_family F) {
  return F == WDF_FAMILY_REQUEST_BUFFER || F == WDF_FAMILY_REQUEST_OUT_BUFFER;
}

// The NX spelling of an executable non-paged pool type, for the fix-it.
std::optional<StringRef> nxSpelling(StringRef PoolType) {
  if (PoolType == "NonPagedPool")
    return StringRef("NonPagedPoolNx");
  if (PoolType == "NonPagedPoolCacheAligned")
    return StringRef("NonPagedPoolNxCacheAligned");
  if (PoolType == "NonPagedPoolSession")
    return StringRef("NonPagedPoolSessionNx");
  return std::nullopt;
}

// The enumerator an argument names directly, if any.
const EnumConstantDecl *namedEnumerator(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<EnumConstantDecl>(DRE->getDecl());
  return nullptr;
}

// --- the NX opt-in -----------------------------------------------------------

// The names the opt-in is spelled with, in the WDK and in mingw-w64 + shims.
constexpr llvm::StringLiteral OptInMacro = "POOL_NX_OPTIN";
constexpr llvm::StringLiteral OptInAutoMacro = "POOL_NX_OPTIN_AUTO";
constexpr llvm::StringLiteral OptInFlag = "DrvRtPoolNxOptIn";
constexpr llvm::StringLiteral DefaultPoolVariable = "ExDefaultNonPagedPoolType";
constexpr unsigned OptInFlagValue = 1; // DrvRtPoolNxOptIn's documented value

// What NonPagedPool and NonPagedPoolCacheAligned mean in this file.
struct NxOptIn {
  enum Kind {
    Off,     // no opt-in: executable
    Auto,    // POOL_NX_OPTIN_AUTO: NX
    On,      // POOL_NX_OPTIN, and DriverEntry opts in or is elsewhere: NX
    Missing  // POOL_NX_OPTIN, and DriverEntry here never opts in: executable
  } K = Off;
  const FunctionDecl *DriverEntry = nullptr; // when Missing here
  std::string Elsewhere; // when Missing in another file: "driver.c:12"
};

// Whether the file defines Name to a non-zero value (the command line's -D
// included).  A body that is not a plain number counts as non-zero: the
// WDK's headers test the macro with #if, and 1 is the only value in use.
bool macroNonZero(StringRef Name, const Preprocessor &PP) {
  const MacroInfo *MI = PP.getMacroInfo(PP.getIdentifierInfo(Name));
  if (!MI)
    return false;
  bool HasValue = llvm::any_of(MI->tokens(), [](const Token &T) {
    return !T.isOneOf(tok::l_paren, tok::r_paren);
  });
  if (!HasValue)
    return false; // #define POOL_NX_OPTIN: #if POOL_NX_OPTIN would not compile
  std::optional<int> V = tryExpandAsInteger(Name, PP);
  return !V || *V != 0;
}

// Whether E is spelled with the macro (or names the constant) Name.
bool spelledWith(const Stmt *S, StringRef Name, const SourceManager &SM,
                 const LangOptions &LO) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (DRE->getDecl()->getIdentifier() && DRE->getDecl()->getName() == Name)
      return true;
  for (SourceLocation L = S->getBeginLoc(); L.isMacroID();
       L = SM.getImmediateMacroCallerLoc(L))
    if (Lexer::getImmediateMacroName(L, SM, LO) == Name)
      return true;
  for (const Stmt *Child : S->children())
    if (spelledWith(Child, Name, SM, LO))
      return true;
  return false;
}

// Whether E reads the WDK's ExDefaultNonPagedPoolType (what NonPagedPool
// expands to under POOL_NX_OPTIN), possibly with modifier bits added.
bool readsDefaultPoolType(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasGlobalStorage() && VD->getIdentifier() &&
          VD->getName() == DefaultPoolVariable)
        return true;
  for (const Stmt *Child : S->children())
    if (readsDefaultPoolType(Child))
      return true;
  return false;
}

// The pool types the opt-in remaps, modifier bits aside: NonPagedPool (0)
// and NonPagedPoolCacheAligned (4); not the must-succeed or session types.
bool remappedByOptIn(uint64_t PoolType) {
  return (PoolType & 0x23u) == 0;
}

// Whether DriverEntry, or a function of this file it calls, makes the opt-in
// call.  Only those bodies are walked.
class OptInCallFinder {
public:
  OptInCallFinder(const SourceManager &SM, const LangOptions &LO, unsigned Flag)
      : SM(SM), LO(LO), Flag(Flag) {}

  bool optsIn(const FunctionDecl *F) {
    const FunctionDecl *Def = F->getDefinition();
    if (!Def || !Seen.insert(Def->getCanonicalDecl()).second)
      return false;
    return inBody(Def->getBody());
  }

private:
  bool inBody(const Stmt *S) {
    if (!S)
      return false;
    if (const auto *CE = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = CE->getDirectCallee())
        if (isOptInCall(CE, Callee) || optsIn(Callee))
          return true;
    for (const Stmt *Child : S->children())
      if (inBody(Child))
        return true;
    return false;
  }

  // ExInitializeDriverRuntime(DrvRtPoolNxOptIn): a call of a function taking
  // one integer, with an argument spelled with the flag (whose value, when
  // known, has the flag's bit).
  bool isOptInCall(const CallExpr *CE, const FunctionDecl *Callee) const {
    if (CE->getNumArgs() != 1 || Callee->getNumParams() != 1 ||
        !Callee->getParamDecl(0)->getType()->isIntegerType())
      return false;
    const Expr *Arg = CE->getArg(0);
    if (!spelledWith(Arg, OptInFlag, SM, LO))
      return false;
    Expr::EvalResult R;
    if (!Arg->isValueDependent() &&
        Arg->EvaluateAsInt(R, Callee->getASTContext()))
      return (R.Val.getInt().getZExtValue() & Flag) != 0;
    return true;
  }

  const SourceManager &SM;
  const LangOptions &LO;
  unsigned Flag;
  llvm::DenseSet<const FunctionDecl *> Seen;
};

// DriverEntry, when this file defines it (C linkage, so at file scope).
const FunctionDecl *driverEntryOf(const TranslationUnitDecl *TU,
                                  ASTContext &Ctx) {
  for (const NamedDecl *ND : TU->lookup(&Ctx.Idents.get(driverEntryName())))
    if (const auto *FD = dyn_cast<FunctionDecl>(ND))
      if (const FunctionDecl *Def = FD->getDefinition())
        if (isDriverEntry(Def) && !inSystemHeader(Def))
          return Def;
  return nullptr;
}

// Whether DriverEntry, or a function of this file it calls, opts in (with
// the flag's value as this file defines it).
bool optsIn(const FunctionDecl *DriverEntry, ASTContext &Ctx,
            const Preprocessor &PP) {
  std::optional<int> Flag = tryExpandAsInteger(OptInFlag, PP);
  OptInCallFinder Finder(Ctx.getSourceManager(), Ctx.getLangOpts(),
                         Flag && *Flag ? unsigned(*Flag) : OptInFlagValue);
  return Finder.optsIn(DriverEntry);
}

NxOptIn readNxOptIn(const TranslationUnitDecl *TU, ASTContext &Ctx,
                    const Preprocessor &PP, StringRef Driver) {
  NxOptIn Result;
  if (macroNonZero(OptInAutoMacro, PP)) {
    Result.K = NxOptIn::Auto;
    return Result;
  }
  if (!macroNonZero(OptInMacro, PP))
    return Result;
  Result.K = NxOptIn::On;
  const FunctionDecl *DriverEntry = driverEntryOf(TU, Ctx);
  if (DriverEntry && !optsIn(DriverEntry, Ctx, PP)) {
    Result.K = NxOptIn::Missing;
    Result.DriverEntry = DriverEntry;
  } else if (!DriverEntry && Driver.consume_front(NxOptInMissingAt)) {
    Result.K = NxOptIn::Missing;
    Result.Elsewhere = Driver.str();
  }
  return Result;
}

} // namespace

std::optional<DriverEntryFact> driverEntryFact(ASTContext &Ctx,
                                               const Preprocessor &PP) {
  const FunctionDecl *DriverEntry =
      driverEntryOf(Ctx.getTranslationUnitDecl(), Ctx);
  if (!DriverEntry)
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  PresumedLoc At = SM.getPresumedLoc(SM.getExpansionLoc(DriverEntry->getLocation()));
  DriverEntryFact Fact;
  Fact.OptsIn = optsIn(DriverEntry, Ctx, PP);
  if (At.isValid())
    Fact.Where = (llvm::sys::path::filename(At.getFilename()) + ":" +
                  llvm::Twine(At.getLine()))
                     .str();
  return Fact;
}

namespace {

class BadArgumentChecker
    : public Checker<check::ASTDecl<TranslationUnitDecl>, check::PreCall> {
public:
  bool ShowFixIts = false;
  // What wdfcheck --ctu says of the driver's DriverEntry (DriverFacts.h).
  std::string DriverOptIn;

  void checkASTDecl(const TranslationUnitDecl *TU, AnalysisManager &Mgr,
                    BugReporter &BR) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;

private:
  // Learnt from the whole file before any path (one checker per file).
  mutable NxOptIn OptIn;

  const BugType Bug = ruleBug(this, WDF_RULE_WM007);
  const DdiMatcher Ddis;

  // One non-fatal error node per call, shared by all its findings.
  struct Reporter {
    CheckerContext &C;
    ExplodedNode *Node = nullptr;
    ExplodedNode *node() {
      if (!Node)
        Node = C.generateNonFatalErrorNode();
      return Node;
    }
  };

  bool checkRequiredPointers(const CallEvent &Call, const DdiInfo &D,
                             CheckerContext &C) const;
  void checkSize(const CallEvent &Call, const DdiInfo &D, Reporter &R) const;
  void checkTag(const CallEvent &Call, const DdiInfo &D, Reporter &R) const;
  void checkPoolType(const CallEvent &Call, const DdiInfo &D,
                     Reporter &R) const;

  void checkNxFlags(const CallEvent &Call, const DdiInfo &D, Reporter &R) const;
  void emit(Reporter &R, const CallEvent &Call, int Arg, std::string Msg,
            std::optional<FixItHint> Fix = std::nullopt,
            const FunctionDecl *OptInMissing = nullptr,
            bool TrackValue = true) const;
};

StringRef paramName(const CallEvent &Call, int Arg) {
  if (const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl()))
    if (!FD->getParamDecl(Arg)->getName().empty())
      return FD->getParamDecl(Arg)->getName();
  return "argument";
}

// The value of an argument when the path pins it to one constant.
std::optional<llvm::APSInt> knownValue(const CallEvent &Call, int Arg,
                                       CheckerContext &C) {
  SVal V = Call.getArgSVal(Arg);
  if (const llvm::APSInt *I =
          C.getSValBuilder().getKnownValue(C.getState(), V))
    return *I;
  return std::nullopt;
}

void BadArgumentChecker::checkASTDecl(const TranslationUnitDecl *TU,
                                      AnalysisManager &Mgr,
                                      BugReporter &) const {
  OptIn = readNxOptIn(TU, Mgr.getASTContext(), Mgr.getPreprocessor(),
                      DriverOptIn);
}

void BadArgumentChecker::emit(Reporter &R, const CallEvent &Call, int Arg,
                              std::string Msg, std::optional<FixItHint> Fix,
                              const FunctionDecl *OptInMissing,
                              bool TrackValue) const {
  ExplodedNode *N = R.node();
  if (!N)
    return;
  const Expr *ArgE = Call.getArgExpr(Arg);
  auto Report = makeReport(Bug, Msg, N);
  if (ArgE) {
    Report->addRange(ArgE->getSourceRange());
    if (TrackValue)
      bugreporter::trackExpressionValue(N, ArgE, *Report);
  }
  if (Fix && ShowFixIts)
    Report->addFixItHint(*Fix);
  if (OptInMissing)
    Report->addNote(
        "DriverEntry never calls ExInitializeDriverRuntime(DrvRtPoolNxOptIn): "
        "POOL_NX_OPTIN leaves NonPagedPool executable until that call",
        PathDiagnosticLocation::create(OptInMissing, R.C.getSourceManager()));
  R.C.emitReport(std::move(Report));
}

bool BadArgumentChecker::checkRequiredPointers(const CallEvent &Call,
                                               const DdiInfo &D,
                                               CheckerContext &C) const {
  const int Required[] = {D.OutArg, D.BufArg,
                          outBufferRequired(D.Family) ? D.OutBufArg : -1};
  ProgramStateRef State = C.getState();
  for (int Arg : Required) {
    if (Arg < 0)
      continue;
    auto V = Call.getArgSVal(Arg).getAs<DefinedOrUnknownSVal>();
    if (!V)
      continue;
    auto [NonNull, Null] = State->assume(*V);
    if (!Null || NonNull)
      continue;
    // The framework bugchecks: nothing after this call runs.
    ExplodedNode *N = C.generateErrorNode(Null);
    if (!N)
      return true;
    std::string Msg = llvm::formatv(
        "'{0}' is NULL: {1} stops the machine (bug check 0x10D WDF_VIOLATION, "
        "REQUIRED_PARAMETER_IS_NULL); pass a valid pointer",
        paramName(Call, Arg), D.Name);
    auto Report =
        makeReport(Bug, Msg, N);
    if (const Expr *E = Call.getArgExpr(Arg)) {
      Report->addRange(E->getSourceRange());
      bugreporter::trackExpressionValue(N, E, *Report);
    }
    C.emitReport(std::move(Report));
    return true;
  }
  return false;
}

void BadArgumentChecker::checkSize(const CallEvent &Call, const DdiInfo &D,
                                   Reporter &R) const {
  if (D.SizeArg < 0)
    return;
  auto V = Call.getArgSVal(D.SizeArg).getAs<DefinedOrUnknownSVal>();
  if (!V)
    return;
  auto [NonZero, Zero] = R.C.getState()->assume(*V);
  if (!Zero || NonZero)
    return; // not known to be 0 on this path
  StringRef Name = paramName(Call, D.SizeArg);
  std::string Msg =
      D.isPoolAllocation()
          ? llvm::formatv("'{0}' is 0 on this path: a zero-byte pool "
                          "allocation is a Driver Verifier violation (bug "
                          "check 0xC4, 0x0); check the size before "
                          "allocating",
                          Name)
                .str()
          : llvm::formatv("'{0}' is 0 on this path: {1} rejects a zero size "
                          "with STATUS_INVALID_PARAMETER; check the size "
                          "before the call",
                          Name, D.Name)
                .str();
  emit(R, Call, D.SizeArg, std::move(Msg));
}

void BadArgumentChecker::checkTag(const CallEvent &Call, const DdiInfo &D,
                                  Reporter &R) const {
  if (D.TagArg < 0)
    return;
  const Expr *E = Call.getArgExpr(D.TagArg);
  if (!E)
    return;
  const Expr *Inner = E->IgnoreParenCasts();
  if (Inner->getType()->isPointerType() || Inner->getType()->isArrayType()) {
    emit(R, Call, D.TagArg,
         "pool tag is a pointer converted to an integer: the tag becomes "
         "part of an address, different on every boot and unreadable in "
         "!pool and poolmon; use a character constant such as 'gaTm'");
    return;
  }
  std::optional<llvm::APSInt> Tag = knownValue(Call, D.TagArg, R.C);
  if (!Tag)
    return;
  uint64_t Value = Tag->getZExtValue();
  if (wdf_pool_tag_is_default(Value)) {
    emit(R, Call, D.TagArg,
         llvm::formatv("pool tag {0:x8} is a tag the system gives untagged "
                       "allocations ('{1}'): the memory cannot be told from "
                       "other drivers' in !pool and poolmon; use a tag of "
                       "the driver's own such as 'gaTm'",
                       Value & 0xFFFFFFFFu, tagText(Value))
             .str());
    return;
  }
  int Bad = wdf_pool_tag_bad_byte(Value);
  if (Bad < 0)
    return;
  emit(R, Call, D.TagArg,
       llvm::formatv("pool tag {0:x8} has a byte above 0x7F ({1:x2}): tags "
                     "are four ASCII characters and the top bit is reserved "
                     "(PROTECTED_POOL); use a character constant such as "
                     "'gaTm'",
                     Value & 0xFFFFFFFFu, Bad)
           .str());
}

// A non-paged lookaside list whose Flags lack POOL_NX_ALLOCATION: its
// entries come from executable pool, unless the WDK's opt-in adds the bit
// (POOL_NX_OPTIN_AUTO, or POOL_NX_OPTIN with DriverEntry opting in).
void BadArgumentChecker::checkNxFlags(const CallEvent &Call, const DdiInfo &D,
                                      Reporter &R) const {
  std::optional<llvm::APSInt> Flags = knownValue(Call, D.PoolArg, R.C);
  if (!Flags || (Flags->getZExtValue() & WDF_POOL_NX_BIT) != 0)
    return;
  if (OptIn.K == NxOptIn::Auto || OptIn.K == NxOptIn::On)
    return;
  bool OptInMissing = OptIn.K == NxOptIn::Missing;
  std::optional<FixItHint> Fix;
  const Expr *E = Call.getArgExpr(D.PoolArg);
  if (E && Flags->isZero() && E->getBeginLoc().isFileID() &&
      E->getEndLoc().isFileID())
    Fix = FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(E->IgnoreParenImpCasts()->getSourceRange()),
        "POOL_NX_ALLOCATION");
  std::string Msg =
      OptInMissing
          ? llvm::formatv(
                "{0} makes a list of executable non-paged entries: its Flags "
                "lack POOL_NX_ALLOCATION, POOL_NX_OPTIN is defined but "
                "DriverEntry{1} never opts in, and writable, executable "
                "kernel memory is a code-injection target; pass "
                "POOL_NX_ALLOCATION in Flags",
                D.Name,
                OptIn.Elsewhere.empty() ? "" : " (" + OptIn.Elsewhere + ")")
                .str()
          : llvm::formatv(
                "{0} makes a list of executable non-paged entries: its Flags "
                "lack POOL_NX_ALLOCATION, and writable, executable kernel "
                "memory is a code-injection target; pass POOL_NX_ALLOCATION "
                "in Flags",
                D.Name)
                .str();
  emit(R, Call, D.PoolArg, std::move(Msg), Fix,
       OptInMissing ? OptIn.DriverEntry : nullptr);
}

void BadArgumentChecker::checkPoolType(const CallEvent &Call, const DdiInfo &D,
                                       Reporter &R) const {
  if (D.PoolArg >= 0 && D.PoolKind == WDF_POOL_NX_FLAGS)
    return checkNxFlags(Call, D, R);
  if (D.PoolArg < 0 || D.PoolKind != WDF_POOL_TYPE)
    return;
  const Expr *E = Call.getArgExpr(D.PoolArg);
  std::optional<llvm::APSInt> Pool = knownValue(Call, D.PoolArg, R.C);
  bool Executable = Pool && wdf_pool_type_is_executable(Pool->getZExtValue());
  const EnumConstantDecl *Named = E ? namedEnumerator(E) : nullptr;
  bool OptInMissing = false;
  bool ReadsDefault = E && readsDefaultPoolType(E);
  if (ReadsDefault) {
    // The WDK's NonPagedPool under POOL_NX_OPTIN: its value is the opt-in's.
    if (Pool && !Executable)
      return;
    if (OptIn.K != NxOptIn::Missing)
      return;
    OptInMissing = true;
  } else {
    if (!Executable)
      return;
    // NonPagedPoolExecute spells out that executable memory is intended.
    if (Named && Named->getName().ends_with("Execute"))
      return;
    // NonPagedPool as a constant while the file opts in (mingw-w64's
    // headers do not remap it).
    if (OptIn.K != NxOptIn::Off && remappedByOptIn(Pool->getZExtValue())) {
      if (OptIn.K != NxOptIn::Missing)
        return;
      OptInMissing = true;
    }
  }

  std::optional<FixItHint> Fix;
  std::optional<StringRef> Nx = Named ? nxSpelling(Named->getName())
                                      : std::nullopt;
  if (Nx && E->getBeginLoc().isFileID() && E->getEndLoc().isFileID())
    Fix = FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(E->IgnoreParenImpCasts()->getSourceRange()),
        *Nx);
  StringRef Use = Nx ? *Nx : StringRef("NonPagedPoolNx");
  std::string Msg;
  if (D.Family == WDF_FAMILY_LOOKASIDE_CREATE)
    // KMDF ORs POOL_NX_ALLOCATION into every lookaside list it creates, but
    // hands the caller's type to Driver Verifier's NX check.
    Msg = llvm::formatv(
        "{0} is given an executable pool type: the framework allocates the "
        "list's memory NX anyway, but Driver Verifier's NX check and HVCI "
        "readiness tests flag the type passed; pass {1}",
        D.Name, Use);
  else if (OptInMissing)
    Msg = llvm::formatv(
        "{0} allocates executable non-paged memory: POOL_NX_OPTIN is defined "
        "but DriverEntry{2} never opts in, and writable, executable kernel "
        "memory is a code-injection target; call "
        "ExInitializeDriverRuntime(DrvRtPoolNxOptIn) in DriverEntry or use {1}",
        D.Name, Use,
        OptIn.Elsewhere.empty() ? "" : " (" + OptIn.Elsewhere + ")");
  else
    Msg = llvm::formatv(
        "{0} allocates executable non-paged memory: writable, executable "
        "kernel memory is a code-injection target and HVCI-compatible drivers "
        "must not use it; use {1}",
        D.Name, Use);
  // The variable's history on the path (invalidated by every unknown call)
  // explains nothing: the note at DriverEntry does.
  emit(R, Call, D.PoolArg, std::move(Msg), Fix,
       OptInMissing ? OptIn.DriverEntry : nullptr, /*TrackValue=*/!ReadsDefault);
}

void BadArgumentChecker::checkPreCall(const CallEvent &Call,
                                      CheckerContext &C) const {
  const DdiInfo *D = Ddis.match(Call);
  if (!D || !isMemoryFamily(D->Family))
    return;
  if (checkRequiredPointers(Call, *D, C))
    return;
  Reporter R{C};
  checkSize(Call, *D, R);
  checkTag(Call, *D, R);
  checkPoolType(Call, *D, R);
}

} // namespace

void registerBadArgumentChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<BadArgumentChecker>();
  Checker->ShowFixIts = Mgr.getAnalyzerOptions().getCheckerBooleanOption(
      Checker, ShowFixItsOption);
  Checker->DriverOptIn = Mgr.getAnalyzerOptions()
                             .getCheckerStringOption(Checker, DriverNxOptInOption)
                             .str();
}

bool shouldRegisterBadArgumentChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
