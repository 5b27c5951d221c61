//===- Output.h - findings as text, JSON or SARIF -------------------------===//
#ifndef WDFCHECK_TOOL_OUTPUT_H
#define WDFCHECK_TOOL_OUTPUT_H

#include "Finding.h"
#include "Options.h"
#include "llvm/Support/raw_ostream.h"

namespace wdfcheck {

struct OutputContext {
  std::vector<const RuleInfo *> Rules; // the rules that ran
  std::string DocsDir;                 // rule pages, for SARIF help
  std::string BaseDir;                 // paths are shown relative to it
};

void writeText(llvm::raw_ostream &OS, const std::vector<FileResult> &Results,
               const OutputContext &Ctx);
void writeJson(llvm::raw_ostream &OS, const std::vector<FileResult> &Results,
               const OutputContext &Ctx);
void writeSarif(llvm::raw_ostream &OS, const std::vector<FileResult> &Results,
                const OutputContext &Ctx);

} // namespace wdfcheck

#endif
