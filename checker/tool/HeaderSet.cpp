//===- HeaderSet.cpp - the kernel headers a driver project is checked with ===//
// (placeholder: the model headers only, until the other sets are written)
#include "HeaderSet.h"

namespace wdfcheck {

bool chooseHeaderSet(const HeaderSetOptions &Options, const std::string &Share,
                     HeaderSet &Set, std::string &Error) {
  if (!Options.Wdk.empty() || !Options.KmdfHeaders.empty()) {
    Error = "--wdk and --kmdf-headers are not implemented yet";
    return false;
  }
  Set.K = HeaderSet::Model;
  Set.ModelDir = Share + "/include";
  return true;
}

std::map<std::string, std::string> headerProperties(const HeaderSet &Set) {
  return {{"DDK_INC_PATH", Set.ModelDir}, {"SDK_INC_PATH", Set.ModelDir}};
}

HeaderFlags headerFlags(const HeaderSet &Set, unsigned, unsigned, bool Cxx,
                        bool Debug, const std::string &) {
  HeaderFlags F;
  F.Before = {Cxx ? "-std=c++17" : "-std=c11"};
  if (Cxx)
    F.Before.insert(F.Before.begin(), {"-x", "c++"});
  if (Debug)
    F.Before.push_back("-DDBG=1");
  F.After = {"-I", Set.ModelDir};
  return F;
}

} // namespace wdfcheck
