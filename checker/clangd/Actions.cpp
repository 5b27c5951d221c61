//===- Actions.cpp - wdfcheck's part of codeAction and hover replies ------===//
#include "Actions.h"

#include <set>

namespace wdfclangd {

using llvm::StringRef;
namespace json = llvm::json;

namespace {

bool touches(const Range &A, const Range &B) {
  return A.Start <= B.End && B.Start <= A.End;
}

bool contains(const Range &R, const Position &P) {
  return R.Start <= P && P <= R.End;
}

// The request asks only for kinds that exclude quick fixes.
bool quickFixesExcluded(const json::Object &Params) {
  const json::Object *Context = Params.getObject("context");
  const json::Array *Only = Context ? Context->getArray("only") : nullptr;
  if (!Only || Only->empty())
    return false;
  for (const json::Value &K : *Only) {
    std::optional<StringRef> Kind = K.getAsString();
    if (Kind && (*Kind == "quickfix" || Kind->starts_with("quickfix.") ||
                 *Kind == ""))
      return false;
  }
  return true;
}

} // namespace

bool addCodeActions(json::Value &Result, const json::Object &Params,
                    const FileFindings &Findings) {
  const json::Object *Doc = Params.getObject("textDocument");
  std::optional<StringRef> Uri = Doc ? Doc->getString("uri") : std::nullopt;
  std::optional<Range> Asked = parseRange(Params.get("range"));
  if (!Uri || !Asked || quickFixesExcluded(Params))
    return false;
  json::Array Actions;
  for (const Finding &F : Findings.Findings) {
    if (!touches(F.Where, *Asked))
      continue;
    for (const Fix &X : F.Fixes) {
      json::Object Changes{{Uri->str(), json::Array(X.Edits)}};
      Actions.push_back(json::Object{
          {"title", X.Title},
          {"kind", "quickfix"},
          {"isPreferred", true},
          {"diagnostics", json::Array{X.Diagnostic}},
          {"edit", json::Object{{"changes", std::move(Changes)}}}});
    }
  }
  if (Actions.empty())
    return false;
  if (json::Array *Existing = Result.getAsArray()) {
    for (json::Value &A : Actions)
      Existing->push_back(std::move(A));
  } else {
    Result = std::move(Actions);
  }
  return true;
}

bool addHover(json::Value &Result, const json::Object &Params,
              const FileFindings &Findings, const std::string &DocsDir) {
  std::optional<Position> At = parsePosition(Params.get("position"));
  if (!At)
    return false;
  std::string Text;
  std::set<std::string> Shown;
  std::optional<Range> Where;
  for (const Finding &F : Findings.Findings) {
    if (!contains(F.Where, *At) || !Shown.insert(F.RuleId).second)
      continue;
    const RuleText *R = ruleText(F.RuleId);
    if (!R)
      continue;
    if (!Text.empty())
      Text += "\n\n";
    Text += std::string("**") + R->Id + " " + R->Title + "** (wdfcheck)\n\n" +
            R->Summary + "\n\n[" + R->Id + " rule page](" +
            rulePageUri(DocsDir, R->Id) + ")";
    if (!Where)
      Where = F.Where;
  }
  if (Text.empty())
    return false;

  json::Object *Hover = Result.getAsObject();
  if (!Hover) {
    Result = json::Object{
        {"contents", json::Object{{"kind", "markdown"}, {"value", Text}}},
        {"range", toJson(*Where)}};
    return true;
  }
  json::Value *Contents = Hover->get("contents");
  json::Object *Markup = Contents ? Contents->getAsObject() : nullptr;
  if (Markup && Markup->getString("kind")) {
    // MarkupContent: clangd's form.
    std::string Value(Markup->getString("value").value_or(""));
    bool Markdown = Markup->getString("kind") == StringRef("markdown");
    Value += Markdown ? "\n\n---\n\n" : "\n\n";
    Value += Text;
    (*Markup)["value"] = std::move(Value);
  } else if (Contents && Contents->getAsArray()) {
    Contents->getAsArray()->push_back(
        json::Object{{"language", "markdown"}, {"value", Text}});
  } else if (Contents) {
    json::Value Old = std::move(*Contents);
    (*Hover)["contents"] = json::Array{
        std::move(Old), json::Object{{"language", "markdown"}, {"value", Text}}};
  } else {
    (*Hover)["contents"] =
        json::Object{{"kind", "markdown"}, {"value", Text}};
  }
  return true;
}

} // namespace wdfclangd
