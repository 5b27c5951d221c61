//===- Actions.h - wdfcheck's part of codeAction and hover replies --------===//
//
// clangd answers textDocument/codeAction and textDocument/hover; the bridge
// adds to its answer: a quick fix for each fix-it of a finding the request's
// range touches, and the rule's summary when the hovered position is inside
// a finding's range.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_CLANGD_ACTIONS_H
#define WDFCHECK_CLANGD_ACTIONS_H

#include "Findings.h"
#include "llvm/Support/JSON.h"

namespace wdfclangd {

// Adds the quick fixes to Result (clangd's reply: an array or null) for the
// request Params.  Findings must describe the document's current version.
// True when something was added.
bool addCodeActions(llvm::json::Value &Result,
                    const llvm::json::Object &Params,
                    const FileFindings &Findings);

// Adds the rule summaries of the findings at the hovered position to Result
// (clangd's Hover or null).  True when something was added.
bool addHover(llvm::json::Value &Result, const llvm::json::Object &Params,
              const FileFindings &Findings, const std::string &DocsDir);

} // namespace wdfclangd

#endif
