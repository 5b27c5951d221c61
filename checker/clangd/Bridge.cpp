//===- Bridge.cpp - the messages between the editor and clangd ------------===//
#include "Bridge.h"

#include "Actions.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

namespace wdfclangd {

using llvm::StringRef;
namespace json = llvm::json;

std::string idKey(const json::Value &Id) {
  std::string Key;
  llvm::raw_string_ostream(Key) << Id;
  return Key;
}

namespace {

bool analysable(StringRef LanguageId) {
  return LanguageId == "c" || LanguageId == "cpp";
}

} // namespace

Bridge::Bridge(FramedWriter &ToEditor, FramedWriter &ToClangd,
               Scheduler::Config SchedulerConfig,
               const std::string &CompileCommandsDir, std::string DocsDir)
    : Editor(ToEditor), Clangd(ToClangd), DocsDir(std::move(DocsDir)),
      Commands(CompileCommandsDir) {
  Analyses = std::make_unique<Scheduler>(
      std::move(SchedulerConfig), Commands,
      [this](const Analysed &A) { analysed(A); },
      [this](int Type, const std::string &M) { log(Type, M); });
}

Bridge::~Bridge() { stop(); }

void Bridge::stop() {
  if (Analyses)
    Analyses->stop();
}

void Bridge::send(FramedWriter &To, json::Value Msg) {
  std::string Text;
  llvm::raw_string_ostream(Text) << Msg;
  To.write(Text);
}

void Bridge::log(int Type, const std::string &Message) {
  llvm::errs() << "wdfcheck-clangd: " << Message << "\n";
  send(Editor, json::Object{{"jsonrpc", "2.0"},
                            {"method", "window/logMessage"},
                            {"params", json::Object{{"type", Type},
                                                    {"message", Message}}}});
}

void Bridge::fromEditor(const std::string &Body) {
  llvm::Expected<json::Value> V = json::parse(Body);
  if (!V) {
    llvm::errs() << "wdfcheck-clangd: skipped a message from the editor that "
                    "is not JSON: "
                 << llvm::toString(V.takeError()) << "\n";
    return;
  }
  json::Object *Msg = V->getAsObject();
  if (!Msg) {
    llvm::errs() << "wdfcheck-clangd: skipped a message from the editor that "
                    "is not a JSON object\n";
    return;
  }
  std::optional<StringRef> Method = Msg->getString("method");
  const json::Value *Id = Msg->get("id");
  if (Method && Id) {
    std::optional<Asked> Kind;
    if (*Method == "textDocument/codeAction")
      Kind = Asked::CodeAction;
    else if (*Method == "textDocument/hover")
      Kind = Asked::Hover;
    else if (*Method == "initialize")
      Kind = Asked::Initialize;
    if (Kind) {
      const json::Object *Params = Msg->getObject("params");
      std::lock_guard<std::mutex> Guard(Lock);
      Pending[idKey(*Id)] = {*Kind, Params ? *Params : json::Object()};
    }
  }
  // Forwarded first, unchanged; what the bridge makes of it comes after.
  Clangd.write(Body);
  if (Method && !Id)
    if (const json::Object *Params = Msg->getObject("params"))
      observe(*Method, *Params);
}

void Bridge::observe(StringRef Method, const json::Object &Params) {
  const json::Object *Doc = Params.getObject("textDocument");
  std::optional<StringRef> Uri = Doc ? Doc->getString("uri") : std::nullopt;
  if (!Uri)
    return;
  std::string Key = Uri->str();
  if (Method == "textDocument/didOpen") {
    std::string Path = uriToPath(*Uri);
    std::optional<StringRef> Text = Doc->getString("text");
    if (Path.empty() || !Text ||
        !analysable(Doc->getString("languageId").value_or("")))
      return;
    int64_t Version = Doc->getInteger("version").value_or(0);
    {
      std::lock_guard<std::mutex> Guard(Lock);
      Docs[Key] = Document{Path, Version, Text->str(), true};
    }
    Analyses->update(Key, Path, Version, Text->str(), /*Now=*/true);
  } else if (Method == "textDocument/didChange") {
    std::string Path, Text;
    int64_t Version;
    {
      std::lock_guard<std::mutex> Guard(Lock);
      auto It = Docs.find(Key);
      if (It == Docs.end() || !It->second.Synced)
        return;
      Document &D = It->second;
      const json::Array *Changes = Params.getArray("contentChanges");
      bool Ok = Changes != nullptr;
      if (Ok)
        for (const json::Value &C : *Changes) {
          const json::Object *Change = C.getAsObject();
          if (!Change || !applyChange(D.Text, *Change, Enc)) {
            Ok = false;
            break;
          }
        }
      if (!Ok) {
        D.Synced = false;
        llvm::errs() << "wdfcheck-clangd: a change to " << D.Path
                     << " could not be applied; it is not analysed again "
                        "until it is reopened\n";
        return;
      }
      D.Version = Doc->getInteger("version").value_or(D.Version + 1);
      Path = D.Path;
      Text = D.Text;
      Version = D.Version;
    }
    Analyses->update(Key, Path, Version, std::move(Text), /*Now=*/false);
  } else if (Method == "textDocument/didSave") {
    {
      std::lock_guard<std::mutex> Guard(Lock);
      auto It = Docs.find(Key);
      if (It == Docs.end() || !It->second.Synced)
        return;
    }
    Analyses->saved(Key);
  } else if (Method == "textDocument/didClose") {
    {
      std::lock_guard<std::mutex> Guard(Lock);
      if (!Docs.erase(Key))
        return;
    }
    Analyses->closed(Key);
    if (Merge.findings(Key))
      send(Editor, json::Object{{"jsonrpc", "2.0"},
                                {"method", "textDocument/publishDiagnostics"},
                                {"params", Merge.forget(Key)}});
  }
}

std::shared_ptr<const FileFindings>
Bridge::currentFindings(const std::string &Uri) {
  std::shared_ptr<const FileFindings> F = Merge.findings(Uri);
  if (!F)
    return nullptr;
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Docs.find(Uri);
  // Fixes and ranges hold for the version analysed only.
  if (It == Docs.end() || It->second.Version != F->Version)
    return nullptr;
  return F;
}

void Bridge::analysed(const Analysed &A) {
  Encoding E;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Docs.find(A.Uri);
    if (It == Docs.end() || It->second.Version != A.Version)
      return; // closed or changed meanwhile: a newer analysis will come
    E = Enc;
  }
  auto F = std::make_shared<FileFindings>();
  F->Version = A.Version;
  std::string Error;
  FindingsInput In{A.Path, A.Text, E, DocsDir};
  if (!parseFindings(A.Output, In, *F, Error)) {
    log(2, "the wdfcheck analysis of " + A.Path + " gave no usable output: " +
               Error);
    return;
  }
  send(Editor, json::Object{{"jsonrpc", "2.0"},
                            {"method", "textDocument/publishDiagnostics"},
                            {"params", Merge.fromWdfcheck(A.Uri, F)}});
}

void Bridge::fromClangd(const std::string &Body) {
  bool Diagnostics =
      StringRef(Body).contains("\"textDocument/publishDiagnostics\"");
  bool Waiting;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Waiting = !Pending.empty();
  }
  if (!Diagnostics && !Waiting) {
    Editor.write(Body);
    return;
  }
  llvm::Expected<json::Value> V = json::parse(Body);
  json::Object *Msg = V ? V->getAsObject() : nullptr;
  if (!V)
    llvm::consumeError(V.takeError());
  if (!Msg) {
    Editor.write(Body);
    return;
  }
  std::optional<StringRef> Method = Msg->getString("method");
  if (Method && *Method == "textDocument/publishDiagnostics") {
    if (json::Object *Params = Msg->getObject("params")) {
      (*Msg)["params"] = Merge.fromClangd(std::move(*Params));
      send(Editor, std::move(*V));
      return;
    }
  }
  const json::Value *Id = Msg->get("id");
  if (!Method && Id) {
    std::string Key = idKey(*Id);
    std::optional<PendingRequest> P;
    {
      std::lock_guard<std::mutex> Guard(Lock);
      auto It = Pending.find(Key);
      if (It != Pending.end()) {
        P = std::move(It->second);
        Pending.erase(It);
      }
    }
    // Sent re-serialised only when wdfcheck added something to it.
    if (P && reply(std::move(*P), *Msg)) {
      send(Editor, std::move(*V));
      return;
    }
  }
  Editor.write(Body);
}

bool Bridge::reply(PendingRequest P, json::Object &Msg) {
  json::Value *Result = Msg.get("result");
  if (!Result)
    return false; // an error reply: passed on as it is
  if (P.Kind == Asked::Initialize) {
    const json::Object *R = Result->getAsObject();
    const json::Object *Caps = R ? R->getObject("capabilities") : nullptr;
    if (Caps)
      if (auto Name = Caps->getString("positionEncoding")) {
        std::lock_guard<std::mutex> Guard(Lock);
        Enc = encodingNamed(*Name);
      }
    return false;
  }
  const json::Object *Doc = P.Params.getObject("textDocument");
  std::optional<StringRef> Uri = Doc ? Doc->getString("uri") : std::nullopt;
  if (!Uri)
    return false;
  std::shared_ptr<const FileFindings> F = currentFindings(Uri->str());
  if (!F)
    return false;
  return P.Kind == Asked::CodeAction ? addCodeActions(*Result, P.Params, *F)
                                     : addHover(*Result, P.Params, *F, DocsDir);
}

} // namespace wdfclangd
