//===- DiagnosticsMerge.h - clangd's and wdfcheck's diagnostics, merged ---===//
//
// Per document URI, the last publishDiagnostics clangd sent and the last
// findings wdfcheck produced.  Either side's update publishes the union:
// clangd's diagnostics, then wdfcheck's.  Thread-safe.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_CLANGD_DIAGNOSTICSMERGE_H
#define WDFCHECK_CLANGD_DIAGNOSTICSMERGE_H

#include "Findings.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace wdfclangd {

class DiagnosticsMerge {
public:
  // clangd published Params (PublishDiagnosticsParams); the merged params
  // to send instead.
  llvm::json::Object fromClangd(llvm::json::Object Params);

  // wdfcheck's new findings for Uri; the merged params to send.
  llvm::json::Object fromWdfcheck(const std::string &Uri,
                                  std::shared_ptr<const FileFindings> F);

  // The document was closed: wdfcheck's findings for it are dropped; the
  // params that clear them ({uri, []} with clangd's part, if any).
  llvm::json::Object forget(const std::string &Uri);

  // wdfcheck's current findings for Uri (null when none).
  std::shared_ptr<const FileFindings> findings(const std::string &Uri);

private:
  struct Entry {
    llvm::json::Object Clangd; // clangd's last params; empty before it sent any
    std::shared_ptr<const FileFindings> Wdfcheck;
  };
  std::mutex Lock;
  std::map<std::string, Entry> Entries;

  static llvm::json::Object merged(const std::string &Uri, const Entry &E);
};

} // namespace wdfclangd

#endif
