//===- Merge.cpp - wdfcheck merge: one SARIF log from the shards' ---------===//
#include "Merge.h"
#include "SarifLog.h"
#include "Tool.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <tuple>

namespace wdfcheck {

namespace json = llvm::json;
using llvm::StringRef;

namespace {

// A log's single run, checked to be wdfcheck's.
json::Object *wdfcheckRun(json::Value &Log, const std::string &Path,
                          llvm::raw_ostream &Err) {
  json::Object *Root = Log.getAsObject();
  json::Array *Runs = Root ? Root->getArray("runs") : nullptr;
  if (!Runs || Runs->size() != 1 || !(*Runs)[0].getAsObject()) {
    Err << "wdfcheck: error: '" << Path
        << "' is not a SARIF log of one wdfcheck run\n";
    return nullptr;
  }
  json::Object *Run = (*Runs)[0].getAsObject();
  std::optional<StringRef> Name = toolName(*Run);
  if (!Name || *Name != "wdfcheck") {
    Err << "wdfcheck: error: '" << Path << "' comes from another tool ('"
        << Name.value_or("unnamed") << "'), not wdfcheck\n";
    return nullptr;
  }
  return Run;
}

std::optional<json::Value> readLog(const std::string &Path,
                                   llvm::raw_ostream &Err) {
  JsonFile File = readJsonFile(Path);
  if (!File.IoError.empty())
    Err << "wdfcheck: error: cannot read '" << Path << "': " << File.IoError
        << "\n";
  else if (!File.ParseError.empty())
    Err << "wdfcheck: error: '" << Path << "' is not JSON: " << File.ParseError
        << "\n";
  return std::move(File.Value);
}

// The ordering key of a result: its first location, then its rule and text.
std::tuple<std::string, int64_t, int64_t, std::string, std::string>
resultKey(const json::Value &V) {
  const json::Object *R = V.getAsObject();
  std::string Uri, Rule, Text;
  int64_t Line = 0, Column = 0;
  if (!R)
    return {};
  if (std::optional<StringRef> Id = R->getString("ruleId"))
    Rule = Id->str();
  if (const json::Object *M = R->getObject("message"))
    Text = M->getString("text").value_or("").str();
  if (const json::Array *Locations = R->getArray("locations"))
    if (!Locations->empty())
      if (const json::Object *L = (*Locations)[0].getAsObject())
        if (const json::Object *P = L->getObject("physicalLocation")) {
          if (const json::Object *A = P->getObject("artifactLocation"))
            Uri = A->getString("uri").value_or("").str();
          if (const json::Object *Region = P->getObject("region")) {
            Line = Region->getInteger("startLine").value_or(0);
            Column = Region->getInteger("startColumn").value_or(0);
          }
        }
  return {Uri, Line, Column, Rule, Text};
}

} // namespace

int runMerge(const std::vector<std::string> &Logs,
             const std::string &OutputFile, llvm::raw_ostream &Out,
             llvm::raw_ostream &Err) {
  if (Logs.empty()) {
    Err << "wdfcheck: error: merge takes the SARIF logs of a run's shards: "
           "wdfcheck merge <a.sarif> <b.sarif>... [-o <all.sarif>]\n";
    return ExitFailure;
  }
  std::vector<json::Value> Parsed;
  std::vector<json::Object *> Runs;
  for (const std::string &Path : Logs) {
    std::optional<json::Value> Log = readLog(Path, Err);
    if (!Log)
      return ExitFailure;
    Parsed.push_back(std::move(*Log));
  }
  for (size_t I = 0; I < Parsed.size(); ++I) {
    json::Object *Run = wdfcheckRun(Parsed[I], Logs[I], Err);
    if (!Run)
      return ExitFailure;
    Runs.push_back(Run);
  }

  json::Object &First = *Runs.front();
  const json::Value *Base = First.get("originalUriBaseIds");
  // The joined rules, by ID, in the order they first appear.
  json::Array Rules;
  llvm::StringMap<int64_t> RuleIndex;
  json::Array Results, Notifications;
  bool Successful = true;
  for (size_t I = 0; I < Runs.size(); ++I) {
    json::Object &Run = *Runs[I];
    const json::Value *ThisBase = Run.get("originalUriBaseIds");
    if ((Base == nullptr) != (ThisBase == nullptr) ||
        (Base && *Base != *ThisBase)) {
      Err << "wdfcheck: error: '" << Logs[I] << "' was made in another "
          << "directory than '" << Logs.front()
          << "' (originalUriBaseIds differ); run the shards from the same "
             "directory\n";
      return ExitFailure;
    }
    std::vector<int64_t> Remap;
    json::Object *Driver = Run.getObject("tool")->getObject("driver");
    if (json::Array *Own = Driver->getArray("rules"))
      for (json::Value &Rule : *Own) {
        const json::Object *R = Rule.getAsObject();
        std::string Id = R ? R->getString("id").value_or("").str() : "";
        auto [It, Inserted] = RuleIndex.try_emplace(Id, Rules.size());
        if (Inserted)
          Rules.push_back(Rule);
        Remap.push_back(It->second);
      }
    if (json::Array *Own = Run.getArray("results"))
      for (json::Value &Result : *Own) {
        if (json::Object *R = Result.getAsObject())
          if (std::optional<int64_t> Index = R->getInteger("ruleIndex"))
            if (*Index >= 0 && size_t(*Index) < Remap.size())
              (*R)["ruleIndex"] = Remap[*Index];
        Results.push_back(std::move(Result));
      }
    if (json::Array *Invocations = Run.getArray("invocations"))
      for (json::Value &V : *Invocations)
        if (json::Object *Invocation = V.getAsObject()) {
          Successful &=
              Invocation->getBoolean("executionSuccessful").value_or(true);
          if (json::Array *N =
                  Invocation->getArray("toolExecutionNotifications"))
            for (json::Value &Note : *N)
              Notifications.push_back(std::move(Note));
        }
  }
  // Ordered by key, then by the order given (a stable order of equals).
  std::vector<std::pair<decltype(resultKey(json::Value(nullptr))), size_t>>
      Order;
  for (size_t I = 0; I < Results.size(); ++I)
    Order.push_back({resultKey(Results[I]), I});
  llvm::sort(Order);
  json::Array Sorted;
  for (const auto &Entry : Order)
    Sorted.push_back(std::move(Results[Entry.second]));
  Results = std::move(Sorted);

  First.getObject("tool")->getObject("driver")->operator[]("rules") =
      std::move(Rules);
  json::Object Invocation{{"executionSuccessful", Successful}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  First["invocations"] = json::Array{std::move(Invocation)};
  First["results"] = std::move(Results);

  std::error_code EC;
  std::unique_ptr<llvm::raw_fd_ostream> File;
  if (!OutputFile.empty()) {
    File = std::make_unique<llvm::raw_fd_ostream>(OutputFile, EC);
    if (EC) {
      Err << "wdfcheck: error: cannot write '" << OutputFile
          << "': " << EC.message() << "\n";
      return ExitFailure;
    }
  }
  llvm::raw_ostream &OS = File ? *File : Out;
  OS << llvm::formatv("{0:2}", Parsed.front()) << "\n";
  return ExitOk;
}

} // namespace wdfcheck
