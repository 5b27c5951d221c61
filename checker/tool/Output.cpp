//===- Output.cpp - findings as text, JSON or SARIF -----------------------===//
#include "Output.h"
#include "Tool.h"
#include "Share.h"
#include "Baseline.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace wdfcheck {
namespace {

// A path relative to the base directory when it lies inside it.
std::string displayPath(const std::string &File, const OutputContext &Ctx) {
  return pathUnder(File, Ctx.BaseDir);
}

std::string ruleTag(const Finding &F) {
  return std::string("[") + F.Rule->Id + " " + F.Rule->CheckerName + "]";
}

} // namespace

// --- text: the compiler's format --------------------------------------------

void writeText(llvm::raw_ostream &OS, const std::vector<FileResult> &Results,
               const OutputContext &Ctx) {
  auto Where = [&](const SourcePoint &P) {
    return displayPath(P.File, Ctx) + ":" + std::to_string(P.Line) + ":" +
           std::to_string(P.Column);
  };
  for (const FileResult &R : Results)
    for (const Finding &F : R.Findings) {
      OS << Where(F.Where) << ": warning: " << F.Message << " " << ruleTag(F)
         << "\n";
      for (const PathNote &N : F.Notes)
        OS << Where(N.Where) << ": note: " << N.Message << "\n";
      for (const FixIt &Fix : F.Fixes)
        OS << Where(Fix.Begin) << ": note: fix-it: replace '" << Fix.Replaced
           << "' with '" << Fix.Replacement << "'\n";
    }
}

// --- JSON: for scripts ---------------------------------------------------------

namespace {

Value jsonPoint(const SourcePoint &P, const OutputContext &Ctx) {
  return Object{{"file", displayPath(P.File, Ctx)},
                {"line", P.Line},
                {"column", P.Column}};
}

} // namespace

void writeJson(llvm::raw_ostream &OS, const std::vector<FileResult> &Results,
               const OutputContext &Ctx) {
  Array Findings, Errors;
  for (const FileResult &R : Results) {
    if (!R.Analysed)
      Errors.push_back(Object{{"file", R.File}, {"message", R.Errors}});
    for (const Finding &F : R.Findings) {
      Array Notes, Fixes;
      for (const PathNote &N : F.Notes)
        Notes.push_back(Object{{"location", jsonPoint(N.Where, Ctx)},
                               {"message", N.Message}});
      for (const FixIt &Fix : F.Fixes)
        Fixes.push_back(Object{{"begin", jsonPoint(Fix.Begin, Ctx)},
                               {"end", jsonPoint(Fix.End, Ctx)},
                               {"replaced", Fix.Replaced},
                               {"replacement", Fix.Replacement}});
      Findings.push_back(Object{{"ruleId", F.Rule->Id},
                                {"checker", F.Rule->CheckerName},
                                {"severity", F.Rule->severityName()},
                                {"message", F.Message},
                                {"location", jsonPoint(F.Where, Ctx)},
                                {"function", F.Function},
                                {"fingerprint", F.Fingerprint},
                                {"notes", std::move(Notes)},
                                {"fixits", std::move(Fixes)}});
    }
  }
  Object Root{{"tool", "wdfcheck"},
              {"version", WDFCHECK_VERSION},
              {"findings", std::move(Findings)},
              {"errors", std::move(Errors)}};
  OS << llvm::formatv("{0:2}", Value(std::move(Root))) << "\n";
}

// --- SARIF 2.1.0: for code scanning ------------------------------------------

namespace {

// RFC 3986 percent-encoding of a path: the unreserved characters and '/'
// stay, every other byte (UTF-8 bytes of non-ASCII names included) becomes
// %XX with two upper-case hex digits.
std::string percentEncode(llvm::StringRef Path) {
  std::string Out;
  Out.reserve(Path.size());
  for (char C : Path) {
    unsigned char Byte = static_cast<unsigned char>(C);
    if (llvm::isAlnum(C) || llvm::StringRef("/-_.~").contains(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit(Byte >> 4);
    Out += llvm::hexdigit(Byte & 0xF);
  }
  return Out;
}

std::string fileUri(llvm::StringRef Path) { return "file://" + percentEncode(Path); }

// Paths inside the base directory are relative to %SRCROOT%, the others
// absolute file URIs.
Value artifactLocation(const std::string &File, const OutputContext &Ctx) {
  std::string Shown = displayPath(File, Ctx);
  if (Shown != File) {
    return Object{{"uri", percentEncode(Shown)}, {"uriBaseId", "%SRCROOT%"}};
  }
  return Object{{"uri", fileUri(File)}};
}

// GitHub code scanning's documented upload limits (per run / per result);
// beyond them it rejects the file, so the log stops short of them.
constexpr size_t MaxResultsPerRun = 25000;
constexpr size_t MaxRelatedLocations = 1000;
constexpr size_t MaxThreadFlowLocations = 10000;

Value physicalLocation(const SourcePoint &P, const OutputContext &Ctx) {
  return Object{{"artifactLocation", artifactLocation(P.File, Ctx)},
                {"region", Object{{"startLine", P.Line},
                                  {"startColumn", P.Column}}}};
}

// GitHub code scanning's problem.severity: the SARIF level, except that a
// note is a recommendation.
llvm::StringRef problemSeverity(const RuleInfo &R) {
  return R.Severity == WDF_SEV_note ? "recommendation" : R.severityName();
}

Value sarifRule(const RuleInfo &R, const OutputContext &Ctx) {
  Object Rule{{"id", R.Id},
              {"name", R.Name},
              {"shortDescription", Object{{"text", R.Title}}},
              {"fullDescription", Object{{"text", R.Summary}}},
              {"defaultConfiguration",
               Object{{"level", R.severityName()}}},
              {"properties",
               Object{{"checker", R.CheckerName},
                      {"sdv", R.Sdv},
                      {"prefast", R.Prefast},
                      {"codeql", R.Codeql},
                      // What code scanning filters and ranks by.  Every
                      // rule is measured at no false alarm on Microsoft's
                      // samples (test/realworld/triage.txt).
                      {"tags", Array{"kmdf", "correctness",
                                     R.Model == WDF_MODEL_IRQL ? "irql"
                                                               : "memory"}},
                      {"precision", "high"},
                      {"problem.severity", problemSeverity(R)}}}};
  std::string PagePath = Ctx.DocsDir + "/" + R.docPage();
  std::string Page;
  if (readRulePage(Ctx.DocsDir, R, Page)) {
    Rule["help"] = Object{{"text", R.Summary}, {"markdown", Page}};
    Rule["helpUri"] = fileUri(PagePath);
  } else {
    Rule["help"] = Object{{"text", R.Summary}};
  }
  return Rule;
}

Value sarifResult(const Finding &F, unsigned RuleIndex,
                  const OutputContext &Ctx) {
  Object Result{{"ruleId", F.Rule->Id},
                {"ruleIndex", RuleIndex},
                {"partialFingerprints",
                 Object{{FingerprintKey, F.Fingerprint}}},
                {"level", F.Rule->severityName()},
                {"message", Object{{"text", F.Message}}},
                {"locations",
                 Array{Object{{"physicalLocation",
                               physicalLocation(F.Where, Ctx)}}}}};
  Array Related, Flow;
  unsigned Id = 0;
  for (const PathNote &N : F.Notes) {
    if (Related.size() == MaxRelatedLocations)
      break;
    Related.push_back(Object{{"id", Id++},
                             {"message", Object{{"text", N.Message}}},
                             {"physicalLocation",
                              physicalLocation(N.Where, Ctx)}});
  }
  for (const PathNote &N : F.Path) {
    if (Flow.size() == MaxThreadFlowLocations)
      break;
    Flow.push_back(Object{
        {"location", Object{{"physicalLocation", physicalLocation(N.Where, Ctx)},
                            {"message", Object{{"text", N.Message}}}}}});
  }
  if (!Related.empty())
    Result["relatedLocations"] = std::move(Related);
  if (!Flow.empty())
    Result["codeFlows"] =
        Array{Object{{"threadFlows", Array{Object{{"locations", std::move(Flow)}}}}}};
  if (!F.Fixes.empty()) {
    Array Fixes;
    for (const FixIt &Fix : F.Fixes) {
      Object Region{{"startLine", Fix.Begin.Line},
                    {"startColumn", Fix.Begin.Column},
                    {"endLine", Fix.End.Line},
                    {"endColumn", Fix.End.Column}};
      Object Change{
          {"artifactLocation", artifactLocation(Fix.Begin.File, Ctx)},
          {"replacements",
           Array{Object{{"deletedRegion", std::move(Region)},
                        {"insertedContent",
                         Object{{"text", Fix.Replacement}}}}}}};
      Fixes.push_back(Object{
          {"description",
           Object{{"text", "Replace '" + Fix.Replaced + "' with '" +
                               Fix.Replacement + "'"}}},
          {"artifactChanges", Array{std::move(Change)}}});
    }
    Result["fixes"] = std::move(Fixes);
  }
  return Result;
}

} // namespace

void writeSarif(llvm::raw_ostream &OS, const std::vector<FileResult> &Results,
                const OutputContext &Ctx) {
  Array Rules;
  std::vector<int> IndexOf(rules().size(), -1);
  for (const RuleInfo *R : Ctx.Rules) {
    IndexOf[R->Rule] = Rules.size();
    Rules.push_back(sarifRule(*R, Ctx));
  }
  Array SarifResults, Notifications;
  bool AllAnalysed = true;
  size_t LeftOut = 0;
  for (const FileResult &R : Results) {
    if (!R.Analysed) {
      AllAnalysed = false;
      Notifications.push_back(Object{
          {"level", "error"},
          {"message", Object{{"text", R.File + " could not be analysed:\n" +
                                          R.Errors}}},
          {"locations",
           Array{Object{{"physicalLocation",
                         Object{{"artifactLocation",
                                 artifactLocation(R.File, Ctx)}}}}}}});
    }
    for (const Finding &F : R.Findings) {
      if (SarifResults.size() == MaxResultsPerRun) {
        ++LeftOut;
        continue;
      }
      SarifResults.push_back(sarifResult(F, IndexOf[F.Rule->Rule], Ctx));
    }
  }
  Object Driver{{"name", "wdfcheck"},
                {"version", WDFCHECK_VERSION},
                {"semanticVersion", WDFCHECK_VERSION},
                {"rules", std::move(Rules)}};
  if (LeftOut)
    Notifications.push_back(Object{
        {"level", "warning"},
        {"message",
         Object{{"text", llvm::formatv("{0} findings beyond code scanning's "
                                       "{1} results per run were left out; "
                                       "split the run with --shard",
                                       LeftOut, MaxResultsPerRun)
                             .str()}}}});
  Object Invocation{{"executionSuccessful", AllAnalysed}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  Object Run{{"tool", Object{{"driver", std::move(Driver)}}},
             {"invocations", Array{std::move(Invocation)}},
             {"results", std::move(SarifResults)}};
  if (!Ctx.BaseDir.empty())
    Run["originalUriBaseIds"] =
        Object{{"%SRCROOT%", Object{{"uri", fileUri(Ctx.BaseDir + "/")}}}};
  Object Root{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", Value(std::move(Root))) << "\n";
}

} // namespace wdfcheck
