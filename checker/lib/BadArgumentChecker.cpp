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
//
// A value the analyzer knows nothing about is never reported: only values
// that are constant, or constrained to one value by the path, are.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "wdfcheck/Catalog.h"
#include "wdfcheck/Ddi.h"

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporterVisitors.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "llvm/Support/FormatVariadic.h"

#include <optional>

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

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

class BadArgumentChecker : public Checker<check::PreCall> {
public:
  bool ShowFixIts = false;

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;

private:
  const BugType NullPointerBug{this, "NULL required pointer argument",
                               "WDF memory rules"};
  const BugType BadValueBug{this, "Invalid argument to a memory DDI",
                            "WDF memory rules"};
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

  void emit(Reporter &R, const CallEvent &Call, int Arg, std::string Msg,
            std::optional<FixItHint> Fix = std::nullopt) const;
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

void BadArgumentChecker::emit(Reporter &R, const CallEvent &Call, int Arg,
                              std::string Msg,
                              std::optional<FixItHint> Fix) const {
  ExplodedNode *N = R.node();
  if (!N)
    return;
  const Expr *ArgE = Call.getArgExpr(Arg);
  auto Report = std::make_unique<PathSensitiveBugReport>(BadValueBug, Msg, N);
  if (ArgE) {
    Report->addRange(ArgE->getSourceRange());
    bugreporter::trackExpressionValue(N, ArgE, *Report);
  }
  if (Fix && ShowFixIts)
    Report->addFixItHint(*Fix);
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
        std::make_unique<PathSensitiveBugReport>(NullPointerBug, Msg, N);
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

void BadArgumentChecker::checkPoolType(const CallEvent &Call, const DdiInfo &D,
                                       Reporter &R) const {
  if (D.PoolArg < 0 || D.PoolKind != WDF_POOL_TYPE)
    return;
  std::optional<llvm::APSInt> Pool = knownValue(Call, D.PoolArg, R.C);
  if (!Pool || !wdf_pool_type_is_executable(Pool->getZExtValue()))
    return;
  const Expr *E = Call.getArgExpr(D.PoolArg);
  const EnumConstantDecl *Named = E ? namedEnumerator(E) : nullptr;
  // NonPagedPoolExecute spells out that executable memory is intended.
  if (Named && Named->getName().ends_with("Execute"))
    return;

  std::optional<FixItHint> Fix;
  std::optional<StringRef> Nx = Named ? nxSpelling(Named->getName())
                                      : std::nullopt;
  if (Nx && E->getBeginLoc().isFileID() && E->getEndLoc().isFileID())
    Fix = FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(E->IgnoreParenImpCasts()->getSourceRange()),
        *Nx);
  std::string Msg = llvm::formatv(
      "{0} allocates executable non-paged memory: writable, executable "
      "kernel memory is a code-injection target and HVCI-compatible drivers "
      "must not use it; use {1}",
      D.Name, Nx ? *Nx : StringRef("NonPagedPoolNx"));
  emit(R, Call, D.PoolArg, std::move(Msg), Fix);
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
}

bool shouldRegisterBadArgumentChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
