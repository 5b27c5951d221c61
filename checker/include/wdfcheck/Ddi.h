//===- Ddi.h - the DDI table for the checkers ----------------------------===//
//
// rules/ddis.def turned into a CallDescriptionMap.  A call matches a row when
// the callee has the DDI's name and parameter count and its parameters have
// the kinds the row claims (a pointer where an out-handle goes, an integer
// where the size goes): a user function that merely shares a DDI's name is
// not a DDI.  The WDK's FORCEINLINE wrappers have the DDI's public name and
// signature, so they match as the plain prototypes do.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_DDI_H
#define WDFCHECK_DDI_H

#include "wdfrules.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"

namespace clang {
class FunctionDecl;
namespace ento {
class CallEvent;
}
} // namespace clang

namespace wdfcheck {

struct DdiInfo {
  wdf_ddi_id Id;
  const char *Name;
  unsigned Params;
  wdf_family Family;
  int MinIrql, MaxIrql, PagedMaxIrql;
  int PoolArg;
  wdf_pool_kind PoolKind;
  int TagArg, SizeArg, AttrArg, HandleArg, OutArg, OutBufArg, BufArg;
  // WDF_DDI_ZERO_TIMEOUT: with a zero timeout, the maximum is this instead.
  int ZeroTimeoutArg = -1, ZeroTimeoutMaxIrql = WDF_IRQL_NONE;

  bool isPoolAllocation() const {
    return Family == WDF_FAMILY_POOL_ALLOC;
  }
};

const DdiInfo &ddi(wdf_ddi_id Id);

class DdiMatcher {
public:
  DdiMatcher();
  // The row for this call, or nullptr.
  const DdiInfo *match(const clang::ento::CallEvent &Call) const;
  // The row for a function declaration (a DDI's FORCEINLINE wrapper being
  // analysed as an inlined frame), or nullptr.
  const DdiInfo *matchDecl(const clang::FunctionDecl *FD) const;

private:
  clang::ento::CallDescriptionMap<const DdiInfo *> Map;
};

} // namespace wdfcheck

#endif
