//===- Bridge.h - the messages between the editor and clangd --------------===//
//
// Every message is forwarded as it came, in order, except:
//  - publishDiagnostics from clangd: sent with wdfcheck's diagnostics of the
//    same document added (DiagnosticsMerge);
//  - clangd's replies to textDocument/codeAction and textDocument/hover:
//    sent with wdfcheck's quick fixes and rule summaries added (Actions);
//  - input from the editor that is not a JSON object: logged and skipped.
// The bridge also follows the documents (didOpen/didChange/didSave/didClose)
// to know their text, and hands them to the Scheduler.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_CLANGD_BRIDGE_H
#define WDFCHECK_CLANGD_BRIDGE_H

#include "CompileCommands.h"
#include "DiagnosticsMerge.h"
#include "Scheduler.h"
#include "Text.h"
#include "Transport.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace wdfclangd {

class Bridge {
public:
  Bridge(FramedWriter &ToEditor, FramedWriter &ToClangd,
         Scheduler::Config SchedulerConfig, const std::string &CompileCommandsDir,
         std::string DocsDir);
  ~Bridge();

  // A message body from the editor / from clangd.
  void fromEditor(const std::string &Body);
  void fromClangd(const std::string &Body);
  // Logs a message (stderr, and window/logMessage to the editor).
  void log(int Type, const std::string &Message);
  // Kills the analyses; no more results are published.
  void stop();

private:
  enum class Asked { CodeAction, Hover, Initialize };
  struct PendingRequest {
    Asked Kind;
    llvm::json::Object Params;
  };
  struct Document {
    std::string Path;
    int64_t Version = 0;
    std::string Text;
    bool Synced = true; // false after a change that could not be applied
  };

  FramedWriter &Editor, &Clangd;
  std::string DocsDir;
  CompileCommands Commands;
  DiagnosticsMerge Merge;
  std::mutex Lock; // guards Enc, Docs, Pending
  Encoding Enc = Encoding::UTF16;
  std::map<std::string, Document> Docs;
  std::map<std::string, PendingRequest> Pending; // by the id, as JSON text
  std::unique_ptr<Scheduler> Analyses;

  void observe(llvm::StringRef Method, const llvm::json::Object &Params);
  void analysed(const Analysed &A);
  // Adds wdfcheck's part to clangd's reply Msg to P; true when it did.
  bool reply(PendingRequest P, llvm::json::Object &Msg);
  void send(FramedWriter &To, llvm::json::Value Msg);
  std::shared_ptr<const FileFindings> currentFindings(const std::string &Uri);
};

// JSON text of a request id (the key of Pending).
std::string idKey(const llvm::json::Value &Id);

} // namespace wdfclangd

#endif
