//===- Findings.h - wdfcheck's JSON output as LSP diagnostics -------------===//
//
// One analysis of one file (`wdfcheck --format=json --stdin-path=<file>`)
// becomes the file's wdfcheck diagnostics: severity, source "wdfcheck",
// code = the rule ID with codeDescription.href = the rule page, the path
// notes as relatedInformation; and each finding's fix-its, kept for the
// quick-fix code actions.  Positions are converted on the text that was
// analysed.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_CLANGD_FINDINGS_H
#define WDFCHECK_CLANGD_FINDINGS_H

#include "Text.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace wdfclangd {

struct Fix {
  std::string Title;              // "Fix WM001: replace 'A' with 'B'"
  llvm::json::Value Diagnostic = nullptr; // the diagnostic it fixes
  llvm::json::Array Edits;        // TextEdits in the analysed file
};

struct Finding {
  std::string RuleId;
  Range Where;
  std::vector<Fix> Fixes;
};

struct FileFindings {
  int64_t Version = 0;            // the document version analysed
  llvm::json::Array Diagnostics;  // LSP Diagnostics
  std::vector<Finding> Findings;  // in the order of Diagnostics
};

struct FindingsInput {
  std::string File;   // absolute path of the analysed file
  llvm::StringRef Text; // the text analysed
  Encoding Enc = Encoding::UTF16;
  std::string DocsDir; // <share>/docs: rule pages are DocsDir/rules/<Id>.md
};

// Parses wdfcheck's JSON.  False with Error set when it is not wdfcheck's
// JSON output.
bool parseFindings(llvm::StringRef Json, const FindingsInput &In,
                   FileFindings &Out, std::string &Error);

// A rule's title and one-paragraph summary from rules/rules.def; null for
// an unknown ID.
struct RuleText {
  const char *Id, *Title, *Summary;
};
const RuleText *ruleText(llvm::StringRef Id);

// The rule page's file:// URI.
std::string rulePageUri(const std::string &DocsDir, llvm::StringRef Id);

} // namespace wdfclangd

#endif
