//===- Findings.cpp - wdfcheck's JSON output as LSP diagnostics -----------===//
#include "Findings.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace wdfclangd {

using llvm::StringRef;
namespace json = llvm::json;

namespace {

const RuleText Rules[] = {
#define WDF_RULE(Id, Checker, Severity, Title, Summary, Sdv, Prefast, Codeql,  \
                 Model)                                                        \
  {#Id, Title, Summary},
#include "rules.def"
#undef WDF_RULE
};

// LSP's DiagnosticSeverity for wdfcheck's severity names.
int lspSeverity(StringRef Severity) {
  if (Severity == "error")
    return 1;
  if (Severity == "warning")
    return 2;
  return 3; // note: advice, shown as information
}

std::string absolute(StringRef File) {
  llvm::SmallString<256> P(File);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

struct Point {
  std::string File;
  unsigned Line = 0, Column = 0;
};

bool readPoint(const json::Value *V, Point &P) {
  const json::Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return false;
  auto File = O->getString("file");
  auto Line = O->getInteger("line");
  auto Column = O->getInteger("column");
  if (!File || !Line || !Column || *Line < 1 || *Column < 1)
    return false;
  P.File = absolute(*File);
  P.Line = unsigned(*Line);
  P.Column = unsigned(*Column);
  return true;
}

std::string fixTitle(StringRef RuleId, StringRef Replaced,
                     StringRef Replacement) {
  std::string T = ("Fix " + RuleId + ": ").str();
  if (Replaced.empty())
    return T + "insert '" + Replacement.str() + "'";
  if (Replacement.empty())
    return T + "remove '" + Replaced.str() + "'";
  return T + "replace '" + Replaced.str() + "' with '" + Replacement.str() +
         "'";
}

} // namespace

const RuleText *ruleText(StringRef Id) {
  for (const RuleText &R : Rules)
    if (Id == R.Id)
      return &R;
  return nullptr;
}

std::string rulePageUri(const std::string &DocsDir, StringRef Id) {
  llvm::SmallString<256> P(DocsDir);
  llvm::sys::path::append(P, "rules", Id + ".md");
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return pathToUri(P);
}

bool parseFindings(StringRef Json, const FindingsInput &In, FileFindings &Out,
                   std::string &Error) {
  llvm::Expected<json::Value> Root = json::parse(Json);
  if (!Root) {
    Error = "wdfcheck's output is not JSON: " + llvm::toString(Root.takeError());
    return false;
  }
  const json::Object *R = Root->getAsObject();
  const json::Array *Findings = R ? R->getArray("findings") : nullptr;
  if (!R || R->getString("tool") != StringRef("wdfcheck") || !Findings) {
    Error = "wdfcheck's output has no findings list";
    return false;
  }
  for (const json::Value &FV : *Findings) {
    const json::Object *F = FV.getAsObject();
    Point Where;
    if (!F || !readPoint(F->get("location"), Where))
      continue;
    // Findings located in headers belong to those files, not this one.
    if (Where.File != In.File)
      continue;
    StringRef RuleId = F->getString("ruleId").value_or("");
    StringRef Message = F->getString("message").value_or("");
    StringRef Severity = F->getString("severity").value_or("warning");

    Finding Found;
    Found.RuleId = RuleId.str();
    Found.Where = wordAt(In.Text, positionOf(In.Text, Where.Line, Where.Column,
                                             In.Enc),
                         In.Enc);
    json::Object Diag{{"range", toJson(Found.Where)},
                      {"severity", lspSeverity(Severity)},
                      {"source", "wdfcheck"},
                      {"code", RuleId.str()},
                      {"message", Message.str()}};
    if (ruleText(RuleId))
      Diag["codeDescription"] =
          json::Object{{"href", rulePageUri(In.DocsDir, RuleId)}};
    json::Array Related;
    if (const json::Array *Notes = F->getArray("notes"))
      for (const json::Value &NV : *Notes) {
        const json::Object *N = NV.getAsObject();
        Point At;
        if (!N || !readPoint(N->get("location"), At))
          continue;
        // Positions in other files count bytes: exact for ASCII lines.
        Position P = At.File == In.File
                         ? positionOf(In.Text, At.Line, At.Column, In.Enc)
                         : Position{At.Line - 1, At.Column - 1};
        Related.push_back(json::Object{
            {"location", json::Object{{"uri", pathToUri(At.File)},
                                      {"range", toJson(Range{P, P})}}},
            {"message", N->getString("message").value_or("").str()}});
      }
    if (!Related.empty())
      Diag["relatedInformation"] = std::move(Related);

    if (const json::Array *Fixits = F->getArray("fixits"))
      for (const json::Value &XV : *Fixits) {
        const json::Object *X = XV.getAsObject();
        Point Begin, End;
        if (!X || !readPoint(X->get("begin"), Begin) ||
            !readPoint(X->get("end"), End) || Begin.File != In.File ||
            End.File != In.File)
          continue;
        StringRef Replacement = X->getString("replacement").value_or("");
        Fix Fx;
        Fx.Title = fixTitle(RuleId, X->getString("replaced").value_or(""),
                            Replacement);
        Fx.Diagnostic = json::Object(Diag);
        Range Edit{positionOf(In.Text, Begin.Line, Begin.Column, In.Enc),
                   positionOf(In.Text, End.Line, End.Column, In.Enc)};
        // The same fix-it comes with the warning and with its path note.
        if (llvm::any_of(Found.Fixes, [&](const Fix &Other) {
              return Other.Title == Fx.Title;
            }))
          continue;
        Fx.Edits.push_back(
            json::Object{{"range", toJson(Edit)}, {"newText", Replacement.str()}});
        Found.Fixes.push_back(std::move(Fx));
      }
    Out.Diagnostics.push_back(std::move(Diag));
    Out.Findings.push_back(std::move(Found));
  }
  return true;
}

} // namespace wdfclangd
