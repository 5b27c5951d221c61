//===- main.cpp - the wdfcheck command ------------------------------------===//
//
//   wdfcheck [options] <file>... [-- <compiler arguments>]
//   wdfcheck -p <build-dir> [options] [<file>...]
//   wdfcheck [options] <driver>.vcxproj|<solution>.sln
//   wdfcheck compdb <driver>.vcxproj|<solution>.sln [-o <file>]
//   wdfcheck explain <rule>
//   wdfcheck list-rules
//   wdfcheck tutorial [N | check N]
//   wdfcheck confirm <static.sarif> <dynamic.sarif> [-o <merged.sarif>]
//   wdfcheck merge <a.sarif> <b.sarif>... [-o <all.sarif>]
//
// The exit statuses are in Tool.h.
//
//===----------------------------------------------------------------------===//
#include "Analyze.h"
#include "Baseline.h"
#include "Changes.h"
#include "CompileFailure.h"
#include "HeaderFlagsCommand.h"
#include "Html.h"
#include "Merge.h"
#include "Confirm.h"
#include "Ctu.h"
#include "GenerateCommand.h"
#include "HugePages.h"
#include "Options.h"
#include "Output.h"
#include "ProjectDatabase.h"
#include "Share.h"
#include "Tool.h"
#include "Tutorial.h"
#include "wdfcheck/Deal.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

using namespace wdfcheck;
using namespace clang::tooling;

namespace {

int usageError(const std::string &Message) {
  llvm::errs() << "wdfcheck: error: " << Message
               << "\n(wdfcheck --help shows the usage)\n";
  return ExitFailure;
}

// A misspelt option is answered in one line, with the option meant.
int usageError(const UsageError &Error) {
  if (Error.DidYouMean.empty())
    return usageError(Error.Message);
  llvm::errs() << "wdfcheck: error: " << Error.Message << "; did you mean '"
               << Error.DidYouMean << "'?\n";
  return ExitFailure;
}

int listRules() {
  llvm::outs() << llvm::formatv("{0,-6} {1,-22} {2,-8} {3,-10} {4}\n", "ID",
                                "checker", "severity", "status", "title");
  for (const RuleInfo &R : rules())
    llvm::outs() << llvm::formatv("{0,-6} {1,-22} {2,-8} {3,-10} {4}\n", R.Id,
                                  R.CheckerName, R.severityName(),
                                  R.Available ? "available" : "planned",
                                  R.Title);
  return ExitOk;
}

int explain(const Options &Opts, const std::string &Share) {
  if (Opts.CommandArgs.size() != 1)
    return usageError("explain takes one rule ID or checker name, e.g. "
                      "'wdfcheck explain WM007'");
  const RuleInfo *R = findRule(Opts.CommandArgs.front());
  if (!R)
    return usageError("unknown rule '" + Opts.CommandArgs.front() +
                      "' (wdfcheck list-rules shows the rules)");
  std::string Page;
  if (!readRulePage(Share + "/docs", *R, Page)) {
    llvm::errs() << "wdfcheck: error: the page of " << R->Id
                 << " is missing from " << Share
                 << "/docs/rules (is wdfcheck installed completely?)\n";
    return ExitFailure;
  }
  llvm::outs() << Page;
  return ExitOk;
}

// -p's compilation database: the file named, or compile_commands.json in
// the directory named.
std::string databasePath(const Options &Opts) {
  llvm::SmallString<256> Path(Opts.BuildDir);
  if (!llvm::sys::path::extension(Path).equals_insensitive(".json"))
    llvm::sys::path::append(Path, "compile_commands.json");
  return std::string(Path);
}

// The compile commands: "-- args" for the files given, or -p's database, or
// no flags at all.
std::unique_ptr<CompilationDatabase> loadDatabase(const Options &Opts,
                                                  std::string &Error) {
  if (!Opts.BuildDir.empty()) {
    if (Opts.HaveCompilerArgs) {
      Error = "give either -p <build-dir> or '-- <compiler arguments>', not "
              "both";
      return nullptr;
    }
    std::string LoadError;
    std::unique_ptr<CompilationDatabase> DB;
    std::string Path = databasePath(Opts);
    if (!llvm::sys::fs::exists(Path)) {
      Error = "no compilation database at '" + Path +
              "' (generate it with cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "
              "or bear)";
      return nullptr;
    }
    DB = JSONCompilationDatabase::loadFromFile(
        Path, LoadError, JSONCommandLineSyntax::AutoDetect);
    if (!DB)
      Error = "cannot read the compilation database '" + Path +
              "': " + LoadError;
    return DB;
  }
  return std::make_unique<FixedCompilationDatabase>(".", Opts.CompilerArgs);
}

void printSummary(const std::vector<FileResult> &Results) {
  std::map<std::string, unsigned> ByRule;
  unsigned Findings = 0, Failed = 0;
  for (const FileResult &R : Results) {
    Failed += !R.Analysed;
    for (const Finding &F : R.Findings) {
      ++Findings;
      ++ByRule[F.Rule->Id];
    }
  }
  llvm::errs() << "wdfcheck: " << Findings
               << (Findings == 1 ? " finding" : " findings");
  if (!ByRule.empty()) {
    llvm::errs() << " (";
    bool First = true;
    for (auto &[Id, N] : ByRule) {
      llvm::errs() << (First ? "" : ", ") << N << " " << Id;
      First = false;
    }
    llvm::errs() << ")";
  }
  llvm::errs() << " in " << Results.size()
               << (Results.size() == 1 ? " file" : " files");
  if (Failed)
    llvm::errs() << "; " << Failed
                 << (Failed == 1 ? " file" : " files") << " not analysed";
  llvm::errs() << "\n";
}

// --shard=I/N: the files of part I of N.  Each file goes, largest first,
// to the part with the fewest bytes so far (ties: the lowest part, then
// the path), so every machine computes the same parts; a file that cannot
// be read counts as empty.  The files keep their order within the part.
std::vector<std::string> shardOf(const std::vector<std::string> &Files,
                                 unsigned Shard, unsigned Shards) {
  std::vector<uint64_t> Sizes;
  for (const std::string &File : Files) {
    uint64_t Size = 0;
    if (llvm::sys::fs::file_size(File, Size))
      Size = 0;
    Sizes.push_back(Size);
  }
  std::vector<unsigned> PartOf = dealBySize(
      Sizes, Shards, [&](size_t A, size_t B) { return Files[A] < Files[B]; });
  std::vector<std::string> Part;
  for (size_t I = 0; I < Files.size(); ++I)
    if (PartOf[I] + 1 == Shard)
      Part.push_back(Files[I]);
  return Part;
}

// --changed-since without --baseline: the fingerprints of the same files'
// findings at the base revision, from a temporary checkout of it analysed
// with the database's commands moved there (a file the base lacks has no
// findings).  The checkout is removed before returning.
bool baseFindings(const CompilationDatabase &DB,
                  const std::vector<std::string> &Files,
                  const AnalysisSettings &Settings, const Options &Opts,
                  const ChangeSet &Changes, std::set<std::string> &Known,
                  std::string &Error) {
  if (Files.empty())
    return true;
  BaseCheckout Base;
  if (!Base.create(Changes, Error))
    return false;
  std::unique_ptr<CompilationDatabase> BaseDB =
      remapDatabase(DB, Changes.Root, Base.root());
  AnalysisSettings BaseSettings = Settings;
  BaseSettings.BaseDir = remapPath(Settings.BaseDir, Changes.Root, Base.root());
  // The base is analysed from inside its checkout: a saved AST names its
  // files relative to the directory it was built in, and they are found
  // again relative to the current one.  No other thread runs yet.
  struct Chdir {
    std::string Back;
    ~Chdir() {
      if (!Back.empty())
        llvm::sys::fs::set_current_path(Back);
    }
  } Restore;
  if (!llvm::sys::fs::set_current_path(BaseSettings.BaseDir))
    Restore.Back = Settings.BaseDir;
  BaseSettings.Ctu = nullptr;
  CtuFiles BaseCtu;
  if (Opts.Ctu) {
    if (!prepareCtu(*BaseDB, BaseSettings, Base.root() + "/.wdfcheck-ctu",
                    Opts.Jobs, BaseCtu, Error))
      return false;
    BaseSettings.Ctu = &BaseCtu;
  }
  std::vector<std::string> BaseFiles;
  for (const std::string &F : Files) {
    std::string Moved = remapPath(absolutePath(F), Changes.Root, Base.root());
    if (llvm::sys::fs::exists(Moved))
      BaseFiles.push_back(Moved);
  }
  if (BaseFiles.empty())
    return true;
  std::vector<FileResult> BaseResults =
      analyzeFiles(*BaseDB, BaseFiles, BaseSettings, Opts.Jobs);
  assignFingerprints(BaseResults, BaseSettings.BaseDir);
  for (const FileResult &R : BaseResults)
    for (const Finding &F : R.Findings)
      Known.insert(F.Fingerprint);
  return true;
}

// The headers the files were compiled against, for a failure's cause.
// (--wdk and --kmdf-headers choose the headers of a project input only.)
HeaderOrigin headerOrigin(const Options &Opts) {
  if (Opts.FromProject)
    return !Opts.Wdk.empty()           ? HeaderOrigin::Wdk
           : !Opts.KmdfHeaders.empty() ? HeaderOrigin::KmdfHeaders
                                       : HeaderOrigin::Model;
  return Opts.ModelHeaders ? HeaderOrigin::Model : HeaderOrigin::Own;
}

// Where --ctu keeps its index: beside the compile database.
std::string ctuCacheDir(const Options &Opts) {
  llvm::SmallString<256> Dir(databasePath(Opts));
  llvm::sys::path::remove_filename(Dir);
  if (Dir.empty())
    Dir = ".";
  llvm::sys::path::append(Dir, ".wdfcheck-ctu");
  return std::string(Dir);
}

int analyze(const Options &Opts, const std::string &Share) {
  std::vector<const RuleInfo *> Rules;
  std::string Error;
  if (!selectRules(Opts.Checks, Rules, Error))
    return usageError(Error);
  if (Opts.Ctu && Opts.BuildDir.empty())
    return usageError("--ctu needs a compilation database: -p <build-dir>");

  std::unique_ptr<CompilationDatabase> DB = loadDatabase(Opts, Error);
  if (!DB)
    return usageError(Error);

  std::vector<std::string> Files = Opts.Files;
  std::string Overlay;
  if (!Opts.StdinPath.empty()) {
    // One file, its text from standard input (an editor's unsaved buffer).
    Overlay = absolutePath(Opts.StdinPath);
    for (const std::string &F : Files)
      if (absolutePath(F) != Overlay)
        return usageError("--stdin-path=" + Opts.StdinPath +
                          " analyses that file only; '" + F +
                          "' was given as well");
    Files = {Opts.StdinPath};
  }
  if (Files.empty() && !Opts.BuildDir.empty())
    Files = DB->getAllFiles();
  if (Files.empty())
    return usageError("no input files");

  ChangeSet Changes;
  if (!Opts.ChangedSince.empty() &&
      !changesSince(Opts.ChangedSince, currentDir(), Changes, Error)) {
    llvm::errs() << "wdfcheck: error: " << Error << "\n";
    return ExitFailure;
  }

  // The baseline is read before the analysis: a bad one wastes no run.
  std::set<std::string> Known;
  if (!Opts.Baseline.empty() && !readBaseline(Opts.Baseline, Known, Error)) {
    llvm::errs() << "wdfcheck: error: " << Error << "\n";
    return ExitFailure;
  }

  // Open the output first: a run that cannot write its results is wasted.
  std::error_code EC;
  std::unique_ptr<llvm::raw_fd_ostream> File;
  if (Opts.Fmt == Format::Html) {
    if (Opts.OutputFile.empty())
      return usageError("--format=html writes a directory of pages: name it "
                        "with -o <dir>");
    if ((EC = llvm::sys::fs::create_directories(Opts.OutputFile))) {
      llvm::errs() << "wdfcheck: error: cannot create the report directory '"
                   << Opts.OutputFile << "': " << EC.message() << "\n";
      return ExitFailure;
    }
  } else if (!Opts.OutputFile.empty()) {
    File = std::make_unique<llvm::raw_fd_ostream>(Opts.OutputFile, EC);
    if (EC) {
      llvm::errs() << "wdfcheck: error: cannot write '" << Opts.OutputFile
                   << "': " << EC.message() << "\n";
      return ExitFailure;
    }
  }

  AnalysisSettings Settings;
  Settings.Rules = Rules;
  Settings.ResourceDir = WDFCHECK_RESOURCE_DIR;
  Settings.BaseDir = currentDir();
  Settings.MaxNodes = Opts.MaxNodes;
  // Progress only where someone watches: stderr a terminal.
  Settings.Progress = !Opts.Quiet && llvm::sys::Process::StandardErrIsDisplayed();
  if (Opts.ModelHeaders)
    Settings.ModelIncludeDir = Share + "/include";
  if (!Overlay.empty()) {
    auto Text = llvm::MemoryBuffer::getSTDIN();
    if (!Text) {
      llvm::errs() << "wdfcheck: error: cannot read standard input for --stdin-path: "
                   << Text.getError().message() << "\n";
      return ExitFailure;
    }
    Settings.Overlay.File = Overlay;
    Settings.Overlay.Text = (*Text)->getBuffer().str();
  }

  CtuFiles Ctu;
  if (Opts.Ctu) {
    if (!prepareCtu(*DB, Settings, ctuCacheDir(Opts), Opts.Jobs, Ctu, Error)) {
      llvm::errs() << "wdfcheck: error: " << Error << "\n";
      return ExitFailure;
    }
    if (!Opts.Quiet) {
      for (const std::string &Note : Ctu.Notes)
        llvm::errs() << "wdfcheck: note: " << Note << "\n";
      if (Ctu.Rebuilt)
        llvm::errs() << llvm::formatv(
            "wdfcheck: note: cross-file index of {0} functions from {1} "
            "files built in {2:f1} s\n",
            Ctu.Functions, Ctu.Sources.size(), Ctu.BuildSeconds);
    }
    Settings.Ctu = &Ctu;
  }

  if (!Opts.ChangedSince.empty()) {
    Files = filesReached(Files, Changes, Opts.Ctu ? &Ctu : nullptr);
    if (!Opts.Quiet)
      llvm::errs() << "wdfcheck: " << Files.size()
                   << (Files.size() == 1 ? " file" : " files")
                   << " reached by the change since " << Opts.ChangedSince
                   << "\n";
    if (Opts.Baseline.empty() &&
        !baseFindings(*DB, Files, Settings, Opts, Changes, Known, Error)) {
      llvm::errs() << "wdfcheck: error: " << Error << "\n";
      return ExitFailure;
    }
  }
  if (Opts.Shards)
    Files = shardOf(Files, Opts.Shard, Opts.Shards);

  std::vector<FileResult> Results =
      Files.empty() ? std::vector<FileResult>()
                    : analyzeFiles(*DB, Files, Settings, Opts.Jobs);
  assignFingerprints(Results, Settings.BaseDir);
  if (!Opts.WriteBaseline.empty() &&
      !writeBaseline(Opts.WriteBaseline, Results, Settings.BaseDir, Error)) {
    llvm::errs() << "wdfcheck: error: " << Error << "\n";
    return ExitFailure;
  }
  bool Compare = !Opts.Baseline.empty() || !Opts.ChangedSince.empty();
  unsigned InBaseline = Compare ? dropKnown(Results, Known) : 0;

  bool AnyFailed = false, AnyFinding = false;
  for (const FileResult &R : Results) {
    if (!R.Analysed) {
      AnyFailed = true;
      CompileFailure Why = explainFailure(R.Errors, headerOrigin(Opts));
      llvm::errs() << "wdfcheck: error: " << R.File
                   << " could not be compiled; it was not analysed:\n"
                   << Why.First;
      if (Why.More)
        llvm::errs() << "(and " << Why.More << " more "
                     << (Why.More == 1 ? "error" : "errors") << ")\n";
      if (!Why.Cause.empty())
        llvm::errs() << "wdfcheck: note: likely cause: " << Why.Cause << "\n";
    }
    AnyFinding |= !R.Findings.empty();
  }

  OutputContext Ctx{Rules, Share + "/docs", currentDir()};
  llvm::raw_ostream &OS = File ? *File : llvm::outs();
  switch (Opts.Fmt) {
  case Format::Text:
    writeText(OS, Results, Ctx);
    break;
  case Format::Json:
    writeJson(OS, Results, Ctx);
    break;
  case Format::Sarif:
    writeSarif(OS, Results, Ctx);
    break;
  case Format::Html:
    if (!writeHtml(Opts.OutputFile, Results, Ctx, Error)) {
      llvm::errs() << "wdfcheck: error: " << Error << "\n";
      return ExitFailure;
    }
    if (!Opts.Quiet)
      llvm::errs() << "wdfcheck: report in " << Opts.OutputFile
                   << "/index.html\n";
    break;
  }
  OS.flush();
  if (!Opts.Quiet) {
    printSummary(Results);
    if (Compare)
      llvm::errs() << "wdfcheck: " << InBaseline
                   << (InBaseline == 1 ? " finding" : " findings")
                   << " already in the baseline, not reported\n";
  }
  if (AnyFailed)
    return ExitFailure;
  // Recording a baseline is not a check: its run succeeds.
  if (!Opts.WriteBaseline.empty())
    return ExitOk;
  return AnyFinding ? ExitFindings : ExitOk;
}

// The project request the options make for Input.
ProjectRequest projectRequest(const Options &Opts, const std::string &Input,
                              const std::string &Share) {
  ProjectRequest R;
  R.Input = Input;
  R.Configuration = Opts.Config;
  R.Platform = Opts.Platform;
  R.Headers.Wdk = Opts.Wdk;
  R.Headers.KmdfHeaders = Opts.KmdfHeaders;
  R.CacheDir = Opts.CacheDir;
  R.Share = Share;
  return R;
}

// Evaluates the project and says what it noticed.  False after printing
// the error.
bool evaluateProject(const Options &Opts, const std::string &Input,
                     const std::string &Share, ProjectDatabase &DB) {
  std::string Error;
  bool Ok = buildProjectDatabase(projectRequest(Opts, Input, Share), DB, Error);
  if (!Opts.Quiet)
    for (const std::string &Note : DB.Notes)
      llvm::errs() << "wdfcheck: note: " << Note << "\n";
  if (!Ok)
    llvm::errs() << "wdfcheck: error: " << Error << "\n";
  return Ok;
}

// wdfcheck compdb <project> [-o <file>]: the compile commands for clangd
// and other tools.
int compdb(const Options &Opts, const std::string &Share) {
  if (Opts.CommandArgs.size() != 1 || !isProjectInput(Opts.CommandArgs[0]))
    return usageError("compdb takes one .vcxproj or .sln, e.g. 'wdfcheck "
                      "compdb driver.vcxproj -o compile_commands.json'");
  ProjectDatabase DB;
  if (!evaluateProject(Opts, Opts.CommandArgs[0], Share, DB))
    return ExitFailure;
  if (Opts.OutputFile.empty()) {
    writeCompileCommands(llvm::outs(), DB.Commands);
    return ExitOk;
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Opts.OutputFile, EC);
  if (EC) {
    llvm::errs() << "wdfcheck: error: cannot write '" << Opts.OutputFile
                 << "': " << EC.message() << "\n";
    return ExitFailure;
  }
  writeCompileCommands(OS, DB.Commands);
  return ExitOk;
}

// wdfcheck <project>: the project evaluated into a database in its cache
// directory, then analysed as -p <cache dir> with all its files.  The
// header set decides the headers: the model headers are not added again.
int analyzeInput(const Options &Opts, const std::string &Share) {
  if (llvm::none_of(Opts.Files, isProjectInput))
    return analyze(Opts, Share);
  if (Opts.Files.size() != 1 || Opts.HaveCompilerArgs ||
      !Opts.BuildDir.empty())
    return usageError("a .vcxproj or .sln is analysed on its own: give no "
                      "other files, no -p and no '--'");
  ProjectDatabase DB;
  if (!evaluateProject(Opts, Opts.Files[0], Share, DB))
    return ExitFailure;
  if (DB.Commands.empty()) {
    llvm::errs() << "wdfcheck: error: " << Opts.Files[0]
                 << " compiles no source in " << Opts.Config << "|"
                 << Opts.Platform << " (choose another with --config and "
                 "--platform)\n";
    return ExitFailure;
  }
  // The project's files in its order (the database's own order is a hash
  // table's): the report reads in the order the project lists its sources.
  Options ForDatabase = Opts;
  ForDatabase.Files.clear();
  for (const clang::tooling::CompileCommand &C : DB.Commands)
    if (Opts.StdinPath.empty() &&
        !llvm::is_contained(ForDatabase.Files, C.Filename))
      ForDatabase.Files.push_back(C.Filename);
  ForDatabase.BuildDir = DB.CacheDir;
  ForDatabase.ModelHeaders = false;
  ForDatabase.FromProject = true;
  return analyze(ForDatabase, Share);
}

} // namespace

int main(int Argc, const char **Argv) {
  restartWithHugePageHeap(Argv);
  llvm::InitLLVM X(Argc, Argv);
  if (Argc > 1 && llvm::StringRef(Argv[1]) == "header-flags") // diagnostic
    return headerFlagsCommand(Argc - 2, Argv + 2, shareDir(Argv[0]));
  // A diagnostic command with its own arguments (GenerateCommand.h).
  if (Argc > 1 && llvm::StringRef(Argv[1]) == "generate")
    return runGenerate(Argc - 2, Argv + 2);
  Options Opts;
  UsageError Error;
  if (!parseOptions(Argc, Argv, Opts, Error))
    return usageError(Error);
  std::string Share = shareDir(Argv[0]);
  switch (Opts.Cmd) {
  case Command::Help:
    printUsage();
    return ExitOk;
  case Command::Version:
    llvm::outs() << "wdfcheck " << WDFCHECK_VERSION << " (analyzer "
                 << WDFCHECK_LLVM_VERSION << ")\n";
    return ExitOk;
  case Command::ListRules:
    return listRules();
  case Command::Explain:
    return explain(Opts, Share);
  case Command::Tutorial:
    return runTutorial(Opts.CommandArgs, Share, Argv[0]);
  case Command::Confirm:
    return runConfirm(Opts.CommandArgs, Opts.OutputFile, llvm::outs(),
                      llvm::errs());
  case Command::Merge:
    return runMerge(Opts.CommandArgs, Opts.OutputFile, llvm::outs(),
                    llvm::errs());
  case Command::Compdb:
    return compdb(Opts, Share);
  case Command::Analyze:
    return analyzeInput(Opts, Share);
  }
  return ExitFailure;
}
