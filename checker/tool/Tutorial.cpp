//===- Tutorial.cpp - wdfcheck tutorial [N | check N] ----------------------===//
#include "Tutorial.h"
#include "SarifLog.h"
#include "Tool.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <optional>

#ifndef WDFCHECK_SOURCE_DIR
#define WDFCHECK_SOURCE_DIR ""
#endif

namespace wdfcheck {
namespace {

static int Anchor;

struct Chapter {
  unsigned Number = 0;
  std::string Name;  // "01-memory"
  std::string Path;  // the page
  std::string Title; // "Buffers, WDFMEMORY and memory descriptors"
};

std::optional<std::string> readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

// The pages NN-topic.md of <share>/docs/tutorial, by number.
std::vector<Chapter> chapters(const std::string &Dir) {
  std::vector<Chapter> Result;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef File = llvm::sys::path::filename(It->path());
    unsigned Number;
    if (!File.ends_with(".md") || File.size() < 4 || File[2] != '-' ||
        File.take_front(2).getAsInteger(10, Number))
      continue;
    Chapter C;
    C.Number = Number;
    C.Name = File.drop_back(3).str();
    C.Path = It->path();
    if (std::optional<std::string> Text = readFile(C.Path)) {
      llvm::StringRef First = llvm::StringRef(*Text).split('\n').first;
      First.consume_front("#");
      First = First.trim();
      // "NN. Title" -> "Title"
      size_t Dot = First.find(". ");
      C.Title = (Dot != llvm::StringRef::npos ? First.drop_front(Dot + 2)
                                              : First).str();
    }
    Result.push_back(C);
  }
  llvm::sort(Result, [](const Chapter &A, const Chapter &B) {
    return A.Number < B.Number;
  });
  return Result;
}

const Chapter *findChapter(const std::vector<Chapter> &All,
                           llvm::StringRef Arg) {
  unsigned Number;
  if (!Arg.getAsInteger(10, Number)) {
    for (const Chapter &C : All)
      if (C.Number == Number)
        return &C;
    return nullptr;
  }
  for (const Chapter &C : All)
    if (C.Name == Arg)
      return &C;
  return nullptr;
}

int error(const std::string &Message) {
  llvm::errs() << "wdfcheck: error: " << Message << "\n";
  return ExitFailure;
}

int unknownChapter(llvm::StringRef Arg) {
  return error("unknown tutorial chapter '" + Arg.str() +
               "' ('wdfcheck tutorial' lists the chapters)");
}

// examples/tutorial/<Name>: the current directory's, else the source tree's.
std::string exerciseDir(const std::string &Name) {
  llvm::SmallString<256> Here("examples/tutorial");
  llvm::sys::path::append(Here, Name);
  if (llvm::sys::fs::is_directory(Here))
    return std::string(Here);
  llvm::SmallString<256> Source(WDFCHECK_SOURCE_DIR);
  llvm::sys::path::append(Source, "examples", "tutorial", Name);
  return std::string(Source);
}

int list(const std::vector<Chapter> &All) {
  for (const Chapter &C : All)
    llvm::outs() << llvm::formatv("{0,2}  {1}\n", C.Number, C.Title);
  llvm::outs() << "\n'wdfcheck tutorial N' prints chapter N; 'wdfcheck "
                  "tutorial check N' checks your fix of its exercise.\n";
  return ExitOk;
}

int show(const Chapter &C) {
  std::optional<std::string> Text = readFile(C.Path);
  if (!Text)
    return error("cannot read " + C.Path);
  llvm::outs() << *Text;
  return ExitOk;
}

// How often Text holds Word.
size_t occurrences(llvm::StringRef Text, llvm::StringRef Word) {
  size_t N = 0;
  for (size_t At = Text.find(Word); At != llvm::StringRef::npos;
       At = Text.find(Word, At + Word.size()))
    ++N;
  return N;
}

// An IRQL promise the reader's driver makes more often than the solution,
// as "PAGED_CODE()"; "" when none.
std::string addedPromise(const std::string &Driver, const std::string &Dir) {
  llvm::SmallString<256> Solution(Dir);
  llvm::sys::path::append(Solution, "solution", "driver.c");
  std::optional<std::string> Mine = readFile(Driver);
  std::optional<std::string> Theirs = readFile(std::string(Solution));
  if (!Mine || !Theirs)
    return "";
  // Each promise as searched for and as said.
  const std::pair<llvm::StringRef, llvm::StringRef> Promises[] = {
      {"PAGED_CODE", "PAGED_CODE()"},
      {"_IRQL_requires_max_", "_IRQL_requires_max_(...)"},
      {"_IRQL_requires_(", "_IRQL_requires_(...)"},
      {"_IRQL_always_function_max_", "_IRQL_always_function_max_(...)"}};
  for (const auto &[Token, Shown] : Promises)
    if (occurrences(*Mine, Token) > occurrences(*Theirs, Token))
      return Shown.str();
  return "";
}

int check(const Chapter &C, const char *Argv0) {
  std::string Dir = exerciseDir(C.Name);
  llvm::SmallString<256> Driver(Dir), Expected(Dir);
  llvm::sys::path::append(Driver, "driver.c");
  llvm::sys::path::append(Expected, "expected.txt");
  if (!llvm::sys::fs::exists(Driver))
    return error("the exercise of chapter " + C.Name + " is missing: no " +
                 std::string(Driver) +
                 " (run this in the wdfcheck checkout)");

  // wdfcheck believes what the code promises about its IRQL (PAGED_CODE(),
  // an _IRQL_requires_ annotation): a promise added where the framework
  // may still call at DISPATCH_LEVEL silences the finding without fixing
  // the bug.  The solution makes no promise the exercise lacks.
  if (std::string Promise = addedPromise(std::string(Driver), Dir);
      !Promise.empty()) {
    llvm::outs() << "chapter " << C.Number << ": not yet: " << Driver
                 << " has " << Promise << " where the exercise had none: "
                 << "wdfcheck believes the promise that only PASSIVE_LEVEL "
                 << "callers reach that code, but the framework may still "
                 << "call it at DISPATCH_LEVEL, so the bug is only hidden; "
                 << "remove it and fix the cause (see the hints)\n";
    return ExitFindings;
  }
  // This wdfcheck, on the exercise, as JSON.
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  llvm::SmallString<128> Out;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("wdfcheck-tutorial", "json", Out))
    return error("cannot create a temporary file: " + EC.message());
  llvm::FileRemover Remove(Out);
  llvm::SmallString<128> Err;
  llvm::sys::fs::createTemporaryFile("wdfcheck-tutorial", "txt", Err);
  llvm::FileRemover RemoveErr(Err);
  std::string DriverPath(Driver), OutPath(Out);
  llvm::SmallVector<llvm::StringRef, 8> Args = {
      Exe, "--format=json", "--quiet", "-o", OutPath, DriverPath, "--"};
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, llvm::StringRef(""),
                                                llvm::StringRef(Err)};
  std::string ExecError;
  int Status = llvm::sys::ExecuteAndWait(Exe, Args, std::nullopt, Redirects,
                                         0, 0, &ExecError);
  if (Status != ExitOk && Status != ExitFindings) {
    llvm::errs() << "wdfcheck: error: " << DriverPath
                 << " could not be analysed:\n";
    if (std::optional<std::string> Text = readFile(std::string(Err)))
      llvm::errs() << *Text;
    return ExitFailure;
  }
  JsonFile Report = readJsonFile(OutPath);
  if (!Report.Value)
    return error("cannot read wdfcheck's output: " + Report.IoError +
                 Report.ParseError);
  const llvm::json::Object *Root = Report.Value->getAsObject();
  const llvm::json::Array *Findings = Root ? Root->getArray("findings")
                                           : nullptr;
  if (!Findings || Findings->empty()) {
    llvm::outs() << "chapter " << C.Number << ": fixed: wdfcheck reports "
                 << "nothing on " << DriverPath << "\n";
    return ExitOk;
  }
  // The findings still reported, and whether each is the exercise's own.
  std::string ExpectedText = readFile(std::string(Expected)).value_or("");
  for (const llvm::json::Value &V : *Findings) {
    const llvm::json::Object *F = V.getAsObject();
    if (!F)
      continue;
    llvm::StringRef Rule = F->getString("ruleId").value_or("?");
    int64_t Line = 0, Column = 0;
    if (const llvm::json::Object *L = F->getObject("location")) {
      Line = L->getInteger("line").value_or(0);
      Column = L->getInteger("column").value_or(0);
    }
    std::string Key = llvm::formatv("{0} driver.c:{1}", Rule, Line).str();
    bool Planted = llvm::StringRef(ExpectedText).contains(Key);
    llvm::outs() << "chapter " << C.Number << ": not yet: " << DriverPath
                 << ":" << Line << ":" << Column << ": "
                 << F->getString("message").value_or("") << " [" << Rule
                 << "]" << (Planted ? "" : " (a new finding, not the one "
                                           "planted in the exercise)")
                 << "\n";
  }
  return ExitFindings;
}

} // namespace

int runTutorial(const std::vector<std::string> &Args, const std::string &Share,
                const char *Argv0) {
  std::string Dir = Share + "/docs/tutorial";
  std::vector<Chapter> All = chapters(Dir);
  if (All.empty())
    return error("no tutorial chapters in " + Dir +
                 " (is wdfcheck installed completely?)");
  if (Args.empty())
    return list(All);
  if (Args[0] == "check") {
    if (Args.size() != 2)
      return error("tutorial check takes one chapter number, e.g. "
                   "'wdfcheck tutorial check 1'");
    const Chapter *C = findChapter(All, Args[1]);
    return C ? check(*C, Argv0) : unknownChapter(Args[1]);
  }
  if (Args.size() != 1)
    return error("usage: wdfcheck tutorial [N | check N]");
  const Chapter *C = findChapter(All, Args[0]);
  return C ? show(*C) : unknownChapter(Args[0]);
}

} // namespace wdfcheck
