//===- DdiTable.cpp - rules/ddis.def as a CallDescriptionMap ---------------===//
#include "Ddi.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"

#include <vector>

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

std::vector<DdiInfo> buildTable() {
  std::vector<DdiInfo> Rows = {
#define WDF_DDI(Name, Params, Family, MinIrql, MaxIrql, PagedMaxIrql, PoolArg, \
                PoolKind, TagArg, SizeArg, AttrArg, HandleArg, OutArg,        \
                OutBufArg, BufArg, CheckedMaxIrql, MinimumArg,                \
                LengthArg, SizeOutArg, ConfigArg, Creates)                    \
  {WDF_DDI_##Name,        #Name,   Params,  WDF_FAMILY_##Family,              \
   WDF_IRQL_##MinIrql,    WDF_IRQL_CHECKED(MaxIrql, CheckedMaxIrql),          \
   WDF_IRQL_##PagedMaxIrql,                                                   \
   PoolArg,               WDF_POOL_##PoolKind, TagArg,  SizeArg,              \
   AttrArg,               HandleArg, OutArg, OutBufArg, BufArg,              \
   MinimumArg,            LengthArg, SizeOutArg, ConfigArg,                   \
   WDF_CREATES_##Creates},
#include "ddis.def"
  };
#define WDF_DDI_ZERO_TIMEOUT(Name, TimeoutArg, MaxIrql)                        \
  Rows[WDF_DDI_##Name].ZeroTimeoutArg = TimeoutArg;                            \
  Rows[WDF_DDI_##Name].ZeroTimeoutMaxIrql = WDF_IRQL_##MaxIrql;
#include "ddis.def"
#define WDF_DDI_ZEROES(Name) Rows[WDF_DDI_##Name].Zeroes = true;
#include "ddis.def"
  return Rows;
}

const std::vector<DdiInfo> &table() {
  static const std::vector<DdiInfo> Rows = buildTable();
  return Rows;
}

bool isIntegerParam(const FunctionDecl *FD, int I) {
  return I < 0 || FD->getParamDecl(I)->getType()->isIntegralOrEnumerationType();
}

bool isPointerParam(const FunctionDecl *FD, int I) {
  return I < 0 || FD->getParamDecl(I)->getType()->isPointerType();
}

// The parameters the row gives a role must have that role's kind.
bool parametersFit(const DdiInfo &D, const FunctionDecl *FD) {
  if (FD->getNumParams() != D.Params)
    return false;
  return isIntegerParam(FD, D.SizeArg) && isIntegerParam(FD, D.TagArg) &&
         (D.PoolKind == WDF_POOL_LOOKASIDE || isIntegerParam(FD, D.PoolArg)) &&
         isPointerParam(FD, D.AttrArg) && isPointerParam(FD, D.OutArg) &&
         isPointerParam(FD, D.OutBufArg) && isPointerParam(FD, D.BufArg);
}

} // namespace

const DdiInfo &ddi(wdf_ddi_id Id) { return table()[Id]; }

bool inSystemHeader(const Decl *D) {
  if (!D || isa<TranslationUnitDecl>(D))
    return false;
  const SourceManager &SM = D->getASTContext().getSourceManager();
  SourceLocation Loc = D->getLocation();
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

DdiMatcher::DdiMatcher()
    : Map({
#define WDF_DDI(Name, Params, Family, MinIrql, MaxIrql, PagedMaxIrql, PoolArg, \
                PoolKind, TagArg, SizeArg, AttrArg, HandleArg, OutArg,        \
                OutBufArg, BufArg, CheckedMaxIrql, MinimumArg,                \
                LengthArg, SizeOutArg, ConfigArg, Creates)                    \
  {{CDM::SimpleFunc, {#Name}, Params}, &table()[WDF_DDI_##Name]},
#include "ddis.def"
      }) {
}

CalleeKey calleeKey(const CallEvent &Call) {
  if (Call.getKind() == CE_ObjCMessage)
    return {nullptr, 0};
  return {dyn_cast_or_null<FunctionDecl>(Call.getDecl()), Call.getNumArgs()};
}

// The name and argument count are remembered per callee (CalleeMap); the
// parameter check runs only for the calls that name a DDI.
const DdiInfo *DdiMatcher::match(const CallEvent &Call) const {
  const DdiInfo *const *Row = Map.lookup(Call);
  if (!Row)
    return nullptr;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  return FD && parametersFit(**Row, FD) ? *Row : nullptr;
}

const DdiInfo *DdiMatcher::matchDecl(const FunctionDecl *FD) const {
  if (!FD || !FD->getIdentifier())
    return nullptr;
  auto [It, Inserted] = DeclMemo.try_emplace(FD, nullptr);
  if (!Inserted)
    return It->second;
  StringRef Name = FD->getName();
  for (const DdiInfo &Row : table())
    if (Name == Row.Name && parametersFit(Row, FD)) {
      It->second = &Row;
      break;
    }
  return It->second;
}

} // namespace wdfcheck
