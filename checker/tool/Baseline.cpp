//===- Baseline.cpp - findings known before a change ----------------------===//
#include "Baseline.h"
#include "SarifLog.h"
#include "Tool.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace wdfcheck {

using llvm::StringRef;
namespace json = llvm::json;

namespace {

constexpr StringRef BaselineKind = "baseline";
constexpr int64_t BaselineVersion = 1;

// The analyzer's own path steps, which move with every edit of the
// control flow around a finding; they are not key lines.
constexpr StringRef ControlFlowPrefixes[] = {
    "Assuming",   "Taking",        "Entering loop", "Looping back",
    "Loop condition", "Exiting loop", "Returning",  "Returned",
    "Calling",    "Value assigned", "Left side",    "Field ",
    "Null pointer", "Storing",      "Passing",      "Control jumps",
    "Execution",  "'",
};

bool isKeyNote(StringRef Message) {
  return llvm::none_of(ControlFlowPrefixes, [&](StringRef Prefix) {
    return Message.starts_with(Prefix);
  });
}

// Whitespace runs as one space, none at the ends: re-indentation keeps
// the fingerprint.
std::string normalise(StringRef Line) {
  std::string Out;
  bool Space = false;
  for (char C : Line.trim()) {
    if (llvm::isSpace(C)) {
      Space = true;
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

// The lines of the files findings point into, each read once.
class SourceLines {
public:
  StringRef line(const std::string &File, unsigned Line) {
    auto [It, Inserted] = Files.try_emplace(File);
    if (Inserted)
      if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
        It->second.Text = (*Buffer)->getBuffer().str();
        StringRef(It->second.Text).split(It->second.Lines, '\n');
      }
    const auto &Lines = It->second.Lines;
    return Line >= 1 && Line <= Lines.size() ? Lines[Line - 1] : StringRef();
  }

private:
  struct Text {
    std::string Text;
    llvm::SmallVector<StringRef, 0> Lines;
  };
  std::map<std::string, Text> Files;
};

std::string baseFingerprint(const Finding &F, const std::string &BaseDir,
                            SourceLines &Source) {
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  OS << F.Rule->Id << '\n'
     << pathUnder(F.Where.File, BaseDir) << '\n'
     << F.Function << '\n'
     << normalise(Source.line(F.Where.File, F.Where.Line)) << '\n';
  std::string Previous;
  for (const PathNote &N : F.Notes) {
    if (!isKeyNote(N.Message))
      continue;
    std::string Text = normalise(Source.line(N.Where.File, N.Where.Line));
    if (Text == Previous)
      continue;
    OS << Text << '\n';
    Previous = std::move(Text);
  }
  OS.flush();
  return llvm::utohexstr(llvm::xxh3_64bits(Key), /*LowerCase=*/true, 16);
}

bool fail(std::string &Error, const std::string &Path, const std::string &Why) {
  Error = "cannot use '" + Path + "' as a baseline: " + Why;
  return false;
}

// The fingerprints of a wdfcheck SARIF file's results.
bool readSarif(const json::Object &Root, const std::string &Path,
               std::set<std::string> &Known, std::string &Error) {
  const json::Array *Runs = Root.getArray("runs");
  if (!Runs)
    return fail(Error, Path, "a SARIF file without runs");
  for (const json::Value &RunValue : *Runs) {
    const json::Object *Run = RunValue.getAsObject();
    std::optional<StringRef> Name = Run ? toolName(*Run) : std::nullopt;
    if (!Name || *Name != "wdfcheck")
      return fail(Error, Path,
                  "the SARIF comes from another tool ('" +
                      Name.value_or("unnamed").str() + "'), not wdfcheck");
    const json::Array *Results = Run->getArray("results");
    if (!Results)
      continue;
    for (const json::Value &ResultValue : *Results) {
      const json::Object *Result = ResultValue.getAsObject();
      const json::Object *Prints =
          Result ? Result->getObject("partialFingerprints") : nullptr;
      std::optional<StringRef> Print =
          Prints ? Prints->getString(FingerprintKey) : std::nullopt;
      if (!Print)
        return fail(Error, Path,
                    "a result has no partialFingerprints '" +
                        std::string(FingerprintKey) +
                        "' (written by an older wdfcheck? run it again)");
      Known.insert(Print->str());
    }
  }
  return true;
}

} // namespace

void assignFingerprints(std::vector<FileResult> &Results,
                        const std::string &BaseDir) {
  SourceLines Source;
  llvm::StringMap<unsigned> Seen;
  for (FileResult &R : Results)
    for (Finding &F : R.Findings) {
      std::string Base = baseFingerprint(F, BaseDir, Source);
      unsigned Count = ++Seen[Base];
      F.Fingerprint =
          Count == 1 ? Base : Base + "#" + std::to_string(Count);
    }
}

bool writeBaseline(const std::string &Path,
                   const std::vector<FileResult> &Results,
                   const std::string &BaseDir, std::string &Error) {
  json::Array Findings;
  for (const FileResult &R : Results)
    for (const Finding &F : R.Findings)
      Findings.push_back(json::Object{
          {"fingerprint", F.Fingerprint},
          {"rule", F.Rule->Id},
          {"file", pathUnder(F.Where.File, BaseDir)},
          {"line", F.Where.Line},
          {"function", F.Function},
          {"message", F.Message}});
  json::Object Root{{"tool", "wdfcheck"},
                    {"kind", BaselineKind},
                    {"version", BaselineVersion},
                    {"findings", std::move(Findings)}};
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC) {
    Error = "cannot write the baseline '" + Path + "': " + EC.message();
    return false;
  }
  OS << llvm::formatv("{0:2}", json::Value(std::move(Root))) << "\n";
  return true;
}

bool readBaseline(const std::string &Path, std::set<std::string> &Known,
                  std::string &Error) {
  JsonFile File = readJsonFile(Path);
  if (!File.IoError.empty())
    return fail(Error, Path, File.IoError);
  if (!File.ParseError.empty())
    return fail(Error, Path, "not JSON (" + File.ParseError + ")");
  const json::Object *Root = File.Value->getAsObject();
  if (!Root)
    return fail(Error, Path, "not a wdfcheck baseline or SARIF file");
  if (Root->get("runs"))
    return readSarif(*Root, Path, Known, Error);
  std::optional<StringRef> Tool = Root->getString("tool");
  std::optional<StringRef> Kind = Root->getString("kind");
  if (!Tool || *Tool != "wdfcheck" || !Kind || *Kind != BaselineKind)
    return fail(Error, Path,
                "not a wdfcheck baseline (written by --write-baseline) or "
                "wdfcheck SARIF file");
  if (Root->getInteger("version") != BaselineVersion)
    return fail(Error, Path, "a baseline of another version; write it again");
  const json::Array *Findings = Root->getArray("findings");
  if (!Findings)
    return fail(Error, Path, "the baseline has no findings list");
  for (const json::Value &V : *Findings) {
    const json::Object *F = V.getAsObject();
    std::optional<StringRef> Print =
        F ? F->getString("fingerprint") : std::nullopt;
    if (!Print || Print->empty())
      return fail(Error, Path, "a finding without a fingerprint");
    Known.insert(Print->str());
  }
  return true;
}

unsigned dropKnown(std::vector<FileResult> &Results,
                   const std::set<std::string> &Known) {
  unsigned Dropped = 0;
  for (FileResult &R : Results) {
    size_t Before = R.Findings.size();
    llvm::erase_if(R.Findings, [&](const Finding &F) {
      return Known.count(F.Fingerprint) != 0;
    });
    Dropped += Before - R.Findings.size();
  }
  return Dropped;
}

} // namespace wdfcheck
