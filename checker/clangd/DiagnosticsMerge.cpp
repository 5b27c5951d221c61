//===- DiagnosticsMerge.cpp - clangd's and wdfcheck's diagnostics, merged -===//
#include "DiagnosticsMerge.h"

namespace wdfclangd {

namespace json = llvm::json;

json::Object DiagnosticsMerge::merged(const std::string &Uri, const Entry &E) {
  json::Object Params = E.Clangd;
  Params["uri"] = Uri;
  json::Array All;
  if (const json::Array *C = E.Clangd.getArray("diagnostics"))
    All = *C;
  if (E.Wdfcheck)
    for (const json::Value &D : E.Wdfcheck->Diagnostics)
      All.push_back(D);
  Params["diagnostics"] = std::move(All);
  return Params;
}

json::Object DiagnosticsMerge::fromClangd(json::Object Params) {
  std::string Uri(Params.getString("uri").value_or(""));
  std::lock_guard<std::mutex> Guard(Lock);
  Entry &E = Entries[Uri];
  E.Clangd = std::move(Params);
  return merged(Uri, E);
}

json::Object
DiagnosticsMerge::fromWdfcheck(const std::string &Uri,
                               std::shared_ptr<const FileFindings> F) {
  std::lock_guard<std::mutex> Guard(Lock);
  Entry &E = Entries[Uri];
  E.Wdfcheck = std::move(F);
  return merged(Uri, E);
}

json::Object DiagnosticsMerge::forget(const std::string &Uri) {
  std::lock_guard<std::mutex> Guard(Lock);
  Entry &E = Entries[Uri];
  E.Wdfcheck.reset();
  json::Object Params = merged(Uri, E);
  Entries.erase(Uri);
  return Params;
}

std::shared_ptr<const FileFindings>
DiagnosticsMerge::findings(const std::string &Uri) {
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Entries.find(Uri);
  return It == Entries.end() ? nullptr : It->second.Wdfcheck;
}

} // namespace wdfclangd
