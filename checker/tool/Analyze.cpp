//===- Analyze.cpp - run the analyzer with the wdfcheck checkers ----------===//
//
// Each file gets its own ClangTool run, so a file that does not compile is
// reported on its own and the others are still analysed.  The analyzer's
// own output is switched off; a PathDiagnosticConsumer turns its reports
// into Findings instead, and a DiagnosticConsumer keeps the compiler's
// errors for the file.
//
//===----------------------------------------------------------------------===//
#include "Analyze.h"
#include "CaseFold.h"
#include "Ctu.h"
#include "Tool.h"

#include "clang/Analysis/PathDiagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "llvm/Config/llvm-config.h"
#include "clang/StaticAnalyzer/Frontend/AnalysisConsumer.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <set>
#include <tuple>
#include <mutex>
#include <thread>

using namespace clang;
using namespace clang::ento;
using namespace clang::tooling;

namespace wdfcheck {
namespace {

SourcePoint pointAt(SourceLocation Loc, const SourceManager &SM) {
  SourcePoint P;
  if (Loc.isInvalid())
    return P;
  Loc = SM.getExpansionLoc(Loc);
  PresumedLoc PL = SM.getPresumedLoc(Loc);
  if (PL.isInvalid())
    return P;
  // Absolute: a compile command may name its file relative to its own
  // directory, which is not necessarily the current one.
  llvm::SmallString<256> File(PL.getFilename());
  SM.getFileManager().makeAbsolutePath(File);
  llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/true);
  P.File = std::string(File);
  P.Line = PL.getLine();
  P.Column = PL.getColumn();
  return P;
}

// Collects the reports of the wdf checkers; the others (core checkers that
// run for their modelling) are dropped.
class FindingCollector : public PathDiagnosticConsumer {
public:
  FindingCollector(std::vector<Finding> &Out, const LangOptions &LO,
                   const AnalysisSettings &Settings)
      : Out(Out), LangOpts(LO), Settings(Settings) {}

  StringRef getName() const override { return "wdfcheck"; }
  PathGenerationScheme getGenerationScheme() const override { return Minimal; }
  bool supportsCrossFileDiagnostics() const override { return true; }

  // Every wdf report, in the analyzer's order; keepFirstOfEachPlace then
  // keeps one per rule and place.
  void FlushDiagnosticsImpl(std::vector<const PathDiagnostic *> &Diags,
                            FilesMade *) override {
    for (const PathDiagnostic *D : Diags) {
      const RuleInfo *R = findRule(D->getCheckerName());
      if (!R)
        continue;
      Out.push_back(toFinding(*D, *R));
    }
  }

private:
  std::vector<Finding> &Out;
  const LangOptions &LangOpts;
  const AnalysisSettings &Settings;

  FixIt toFixIt(const FixItHint &Hint, const SourceManager &SM) const {
    FixIt F;
    CharSourceRange Range =
        Lexer::makeFileCharRange(Hint.RemoveRange, SM, LangOpts);
    F.Begin = pointAt(Range.getBegin(), SM);
    F.End = pointAt(Range.getEnd(), SM);
    F.Replacement = Hint.CodeToInsert;
    F.Replaced = Lexer::getSourceText(Range, SM, LangOpts).str();
    return F;
  }

  void addEvent(const PathDiagnosticPiece &Piece, const SourceManager &SM,
                Finding &F, const std::string &Suffix = "") const {
    for (const FixItHint &Hint : Piece.getFixits())
      F.Fixes.push_back(toFixIt(Hint, SM));
    if (Piece.getString().empty())
      return;
    PathNote Note{pointAt(Piece.getLocation().asLocation(), SM),
                  Piece.getString().str() + Suffix};
    // The same event twice in a row (a condition spelled through a macro
    // is explained at each expansion step) says nothing new.
    if (!F.Path.empty() && F.Path.back().Message == Note.Message &&
        F.Path.back().Where == Note.Where)
      return;
    F.Path.push_back(std::move(Note));
  }

  // The path's events in order, calls opened (as PathPieces::flatten,
  // macros kept whole).  A call into another file of the driver says which
  // file: "Calling 'Helper' in util.c".
  void addEvents(const PathPieces &Pieces, const SourceManager &SM,
                 Finding &F) const {
    for (const PathDiagnosticPieceRef &Piece : Pieces) {
      const auto *Call = dyn_cast<PathDiagnosticCallPiece>(Piece.get());
      if (!Call) {
        addEvent(*Piece, SM, F);
        continue;
      }
      if (auto Enter = Call->getCallEnterEvent())
        addEvent(*Enter, SM, F, inOtherFile(*Call, SM));
      addEvents(Call->path, SM, F);
      if (auto Exit = Call->getCallExitEvent())
        addEvent(*Exit, SM, F);
    }
  }

  // " in util.c" when the callee comes from another source file of the
  // driver (a definition CTU imported), else "".
  std::string inOtherFile(const PathDiagnosticCallPiece &Call,
                          const SourceManager &SM) const {
    if (!Settings.Ctu || !Call.getCallee())
      return "";
    SourceLocation Def = SM.getExpansionLoc(Call.getCallee()->getLocation());
    SourceLocation Site = SM.getExpansionLoc(Call.callEnter.asLocation());
    if (Def.isInvalid() || SM.getFileID(Def) == SM.getFileID(Site))
      return "";
    SourcePoint Callee = pointAt(Def, SM);
    if (!Settings.Ctu->Sources.count(Callee.File))
      return "";
    return " in " + pathUnder(Callee.File, Settings.BaseDir);
  }

  Finding toFinding(const PathDiagnostic &D, const RuleInfo &R) const {
    Finding F;
    F.Rule = &R;
    F.Message = D.getVerboseDescription().str();
    const SourceManager &SM = D.getLocation().getManager();
    F.Where = pointAt(D.getLocation().asLocation(), SM);
    if (const auto *ND = dyn_cast_or_null<NamedDecl>(D.getDeclWithIssue()))
      F.Function = ND->getQualifiedNameAsString();
    addEvents(D.path, SM, F);
    F.Notes = F.Path;
    // The final event repeats the warning itself.
    if (!F.Notes.empty() && F.Notes.back().Message == F.Message)
      F.Notes.pop_back();
    return F;
  }
};

// Keeps the compiler's errors (and the notes attached to them) as text; the
// compiler's warnings are not wdfcheck's business.
class ErrorCollector : public DiagnosticConsumer {
public:
  ErrorCollector()
      : Opts(new DiagnosticOptions), Stream(Text), Printer(Stream, Opts.get()) {}

  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Printer.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Printer.EndSourceFile(); }

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    if (Level == DiagnosticsEngine::Note) {
      if (!ShowNotes)
        return;
    } else {
      ShowNotes = Level >= DiagnosticsEngine::Error;
      if (!ShowNotes)
        return;
      DiagnosticConsumer::HandleDiagnostic(Level, Info); // counts errors
    }
    Printer.HandleDiagnostic(Level, Info);
  }

  std::string take() {
    Stream.flush();
    return Text;
  }

private:
  // The printer shares ownership of its options (reference-counted).
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Opts;
  std::string Text;
  llvm::raw_string_ostream Stream;
  TextDiagnosticPrinter Printer;
  bool ShowNotes = false;
};

class AnalyzeAction : public ASTFrontendAction {
public:
  AnalyzeAction(const AnalysisSettings &S, std::vector<Finding> &Out)
      : Settings(S), Out(Out) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    AnalyzerOptions &AO = CI.getAnalyzerOpts();
    AO.CheckersAndPackages.clear();
    // The core checkers run for their modelling (and so paths end where
    // clang --analyze ends them); only wdf findings are reported.
    AO.CheckersAndPackages.emplace_back("core", true);
    // memcpy/memset modelled precisely (only the destination changes), as
    // clang --analyze does by default.
    AO.CheckersAndPackages.emplace_back("unix.cstring.CStringModeling", true);
    for (const RuleInfo *R : Settings.Rules) {
      AO.CheckersAndPackages.emplace_back(R->CheckerName, true);
      AO.Config[(llvm::Twine(R->CheckerName) + ":" + ShowFixItsOption).str()] =
          "true";
    }
    // Only wdf findings are shown: functions that cannot lead to one need
    // not be explored.
    AO.Config[(llvm::Twine(IrqlModelName) + ":" + SkipUnrelatedOption).str()] =
        "true";
    if (Settings.MaxNodes)
      AO.MaxNodesPerTopLevelFunction = Settings.MaxNodes;
    if (!Settings.FunctionShard.empty())
      AO.Config[(llvm::Twine(IrqlModelName) + ":" + FunctionShardOption).str()] =
          Settings.FunctionShard;
    if (const CtuFiles *Ctu = Settings.Ctu) {
      // Calls into the driver's other files are inlined as soon as they are
      // met, like calls within the file (no second phase): the same paths,
      // only longer.
      AO.IsNaiveCTUEnabled = true;
      AO.CTUDir = Ctu->Dir;
      AO.CTUIndexName = Ctu->Index;
      AO.CTUInvocationList = Ctu->InvocationList;
      AO.CTUPhase1InliningMode = "all";
      // Each other file a path enters stays loaded, and read whole, until
      // this file is done: some 80 MB each with the WDK's headers.  A
      // driver file's paths reach helpers in one to three other files (the
      // corpus's deepest, senshub/samples.c, three); a fourth and later are
      // not entered, their calls evaluated as calls out of the file.
      AO.CTUImportThreshold = AO.CTUImportCppThreshold = 3;
      AO.Config[(llvm::Twine(IrqlModelName) + ":" + DriverRolesOption).str()] =
          Ctu->Roles;
      AO.Config[(llvm::Twine(rule(WDF_RULE_WM007).CheckerName) + ":" +
                 DriverNxOptInOption)
                    .str()] = Ctu->NxOptIn;
      AO.Config[(llvm::Twine(rule(WDF_RULE_WM010).CheckerName) + ":" +
                 DriverPagedFieldsOption)
                    .str()] = Ctu->PagedFields;
    }
    AO.AnalysisDiagOpt = PD_NONE;
    AO.AnalyzerDisplayProgress = false;
    // Each report's path is refuted with Z3 before it is shown
    // (checker/lib/Refutation.h: clang's own cross-check gives Z3 the
    // constraints in an order that changes from run to run, and with it
    // the findings near its resource limit).  The range solver does not
    // relate a quotient to its dividend (len >= 16 and len / 16 == 0), so a
    // loop over len / sizeof(ENTRY) seems to run zero times on a path that
    // cannot exist, and a buffer it fills would look never written.  Only
    // reported paths are checked: it costs little.
    AO.Config[(llvm::Twine(IrqlModelName) + ":" + RefuteOption).str()] =
        "true";

    std::unique_ptr<AnalysisASTConsumer> Consumer = CreateAnalysisConsumer(CI);
    Consumer->AddCheckerRegistrationFn(
        [](CheckerRegistry &Registry) { registerCheckers(Registry); });
    // The analysis manager owns and deletes the consumer.
    Consumer->AddDiagnosticConsumer(
        new FindingCollector(Out, CI.getLangOpts(), Settings));
    return Consumer;
  }

private:
  const AnalysisSettings &Settings;
  std::vector<Finding> &Out;
};

class AnalyzeActionFactory : public FrontendActionFactory {
public:
  AnalyzeActionFactory(const AnalysisSettings &S, std::vector<Finding> &Out)
      : Settings(S), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalyzeAction>(Settings, Out);
  }

private:
  const AnalysisSettings &Settings;
  std::vector<Finding> &Out;
};

bool hasArgPrefix(const CommandLineArguments &Args, StringRef Prefix) {
  for (const std::string &A : Args)
    if (StringRef(A).starts_with(Prefix))
      return true;
  return false;
}

} // namespace

std::string commandFile(const CompileCommand &Command) {
  llvm::SmallString<256> Path(Command.Filename);
  if (!llvm::sys::path::is_absolute(Path)) {
    Path = Command.Directory;
    llvm::sys::path::append(Path, Command.Filename);
  }
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

ArgumentsAdjuster settingsAdjuster(const AnalysisSettings &S) {
  return [S](const CommandLineArguments &Args, StringRef) {
    CommandLineArguments Result;
    Result.push_back(Args.front());
    if (!S.ResourceDir.empty() && !hasArgPrefix(Args, "-resource-dir"))
      Result.push_back("-resource-dir=" + S.ResourceDir);
    auto DashDash = std::find(Args.begin() + 1, Args.end(), "--");
    Result.insert(Result.end(), Args.begin() + 1, DashDash);
    if (!S.ModelIncludeDir.empty()) {
      Result.push_back("-idirafter");
      Result.push_back(S.ModelIncludeDir);
    }
    Result.push_back("-Wno-error");
    Result.push_back("-w");
    Result.insert(Result.end(), DashDash, Args.end());
    return Result;
  };
}


namespace {

// The saved AST of the file of Commands, when --ctu has one.
const std::string *savedAst(const AnalysisSettings &Settings,
                            const std::vector<CompileCommand> &Commands) {
  if (!Settings.Ctu || Commands.empty())
    return nullptr;
  auto It = Settings.Ctu->AstOf.find(commandFile(Commands.front()));
  if (It == Settings.Ctu->AstOf.end() || !llvm::sys::fs::exists(It->second))
    return nullptr;
  return &It->second;
}

// Runs the analysis on File, from its source or from Ast (the file's saved
// AST: the command's input becomes "-x ast <Ast>").  True when it ran.
bool runTool(const CompilationDatabase &DB, const std::string &File,
             const AnalysisSettings &Settings, const std::string *Ast,
             FileResult &Result) {
  // A file system of its own: ClangTool moves into the command's directory,
  // and the process's current directory is shared by the -j threads.
  // Names found without case, as Windows finds them (CaseFold.h).
  ClangTool Tool(DB, {File}, std::make_shared<PCHContainerOperations>(),
                 createCaseFoldingFileSystem(
                     llvm::vfs::createPhysicalFileSystem()));
  Tool.appendArgumentsAdjuster(settingsAdjuster(Settings));
  if (Ast)
    Tool.appendArgumentsAdjuster(
        [Ast](const CommandLineArguments &Args, StringRef Filename) {
          CommandLineArguments Out;
          for (const std::string &Arg : Args) {
            if (Arg == Filename) {
              Out.push_back("-x");
              Out.push_back("ast");
              Out.push_back(*Ast);
            } else {
              Out.push_back(Arg);
            }
          }
          return Out;
        });
  if (!Settings.Overlay.File.empty())
    Tool.mapVirtualFile(Settings.Overlay.File, Settings.Overlay.Text);
  ErrorCollector Errors;
  Tool.setDiagnosticConsumer(&Errors);
  if (Ast)
    Tool.setPrintErrorMessage(false);
  AnalyzeActionFactory Factory(Settings, Result.Findings);
  int Status = Tool.run(&Factory);
  Result.Errors = Errors.take();
  Result.Analysed = Status == 0 && Errors.getNumErrors() == 0;
  return Result.Analysed;
}

FileResult analyzeOne(const CompilationDatabase &DB, const std::string &File,
                      const AnalysisSettings &Settings) {
  FileResult Result;
  Result.File = File;
  // A database entry whose file is gone: said plainly, not as the driver's
  // "no input files".
  // (The database is asked with the absolute path, as ClangTool asks it.)
  std::string Absolute = absolutePath(File);
  std::vector<CompileCommand> Commands = DB.getCompileCommands(Absolute);
  bool Overlaid = !Settings.Overlay.File.empty() &&
                  Absolute == Settings.Overlay.File;
  if (!Commands.empty() && !Overlaid) {
    std::string Path = commandFile(Commands.front());
    if (!llvm::sys::fs::exists(Path)) {
      Result.Errors = "error: no such file: '" + Path + "'\n";
      return Result;
    }
  }
  // With --ctu the file's AST was saved when the index was built (this run
  // or one with the same stamps): analysed from it, the file is not parsed
  // again.  If it cannot be loaded (a header changed since), from source.
  // A file whose text came from standard input is parsed from that text.
  if (const std::string *Ast = Overlaid ? nullptr : savedAst(Settings, Commands)) {
    if (runTool(DB, File, Settings, Ast, Result))
      return Result;
    Result.Findings.clear();
  }
  runTool(DB, File, Settings, nullptr, Result);
  if (!Result.Analysed && Result.Errors.empty())
    Result.Errors = "the compiler could not process this file (no compile "
                    "command, or the file does not exist)\n";
  if (!Result.Analysed)
    Result.Findings.clear();
  return Result;
}

// The progress line: files done of all, findings so far, time elapsed and
// the time left at the pace so far, redrawn in place after each file.
class Progress {
public:
  Progress(size_t Total, bool Shown)
      : Total(Total), Shown(Shown), Start(std::chrono::steady_clock::now()) {}

  void done(size_t NewFindings) {
    if (!Shown)
      return;
    std::lock_guard<std::mutex> Lock(M);
    ++Done;
    Findings += NewFindings;
    double Elapsed = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    double Left = Done ? Elapsed / Done * (Total - Done) : 0;
    llvm::errs() << llvm::formatv(
        "\r\x1b[Kwdfcheck: {0}/{1} files, {2} findings, {3} elapsed, ETA {4}",
        Done, Total, Findings, clock(Elapsed), clock(Left));
    llvm::errs().flush();
  }
  void finish() {
    if (Shown && Done)
      llvm::errs() << "\r\x1b[K";
  }

private:
  // m:ss
  static std::string clock(double Seconds) {
    unsigned S = unsigned(Seconds + 0.5);
    char Text[32];
    snprintf(Text, sizeof Text, "%u:%02u", S / 60, S % 60);
    return Text;
  }
  size_t Total, Done = 0, Findings = 0;
  bool Shown;
  std::chrono::steady_clock::time_point Start;
  std::mutex M;
};

// The parts of one file analysed by several threads as one result: analysed
// when every part was, the first part's errors, the findings of all in
// source order (a callee inlined in two parts' functions reports twice;
// keepFirstOfEachPlace keeps one).
FileResult joinParts(FileResult *Parts, unsigned Count) {
  if (Count == 1)
    return std::move(Parts[0]);
  FileResult Joined = std::move(Parts[0]);
  for (unsigned P = 1; P < Count; ++P) {
    Joined.Analysed = Joined.Analysed && Parts[P].Analysed;
    if (Joined.Errors.empty())
      Joined.Errors = std::move(Parts[P].Errors);
    for (Finding &F : Parts[P].Findings)
      Joined.Findings.push_back(std::move(F));
  }
  if (!Joined.Analysed) {
    Joined.Findings.clear();
    return Joined;
  }
  std::vector<size_t> Order(Joined.Findings.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  const std::vector<Finding> &All = Joined.Findings;
  llvm::sort(Order, [&](size_t A, size_t B) {
    return std::make_tuple(All[A].Where.File, All[A].Where.Line,
                           All[A].Where.Column, A) <
           std::make_tuple(All[B].Where.File, All[B].Where.Line,
                           All[B].Where.Column, B);
  });
  std::vector<Finding> Sorted;
  for (size_t I : Order)
    Sorted.push_back(std::move(Joined.Findings[I]));
  Joined.Findings = std::move(Sorted);
  return Joined;
}

// One finding per rule and place over the whole run.  Within a file, the
// analyzer keeps reports whose messages differ (a WM003 names the bytes its
// path left unwritten, and several paths reach one copy); it has already
// dropped the paths Z3 refuted, so the first stands for a path that can
// happen.  Across files, a header's function, or with --ctu a function of
// another file, is reached from several files.  The first (in the order
// given) keeps it.
void keepFirstOfEachPlace(std::vector<FileResult> &Results) {
  std::set<std::tuple<std::string, std::string, unsigned, unsigned>> Seen;
  for (FileResult &R : Results)
    llvm::erase_if(R.Findings, [&](const Finding &F) {
      auto [File, Line, Column] = F.Where.key();
      return !Seen.insert({F.Rule->Id, File, Line, Column}).second;
    });
}

} // namespace

std::vector<FileResult> analyzeFiles(const CompilationDatabase &DB,
                                     const std::vector<std::string> &Files,
                                     const AnalysisSettings &Settings,
                                     unsigned Jobs) {
  // More jobs than files (one file from an editor, a small change): each
  // file is analysed by several threads, each exploring its share of the
  // top-level functions, and their findings joined.
  unsigned Parts = Files.empty() ? 1 : std::max<size_t>(1, Jobs / Files.size());
  std::vector<FileResult> Partial(Files.size() * Parts);
  std::vector<AnalysisSettings> PartSettings(Parts, Settings);
  if (Parts > 1)
    for (unsigned P = 0; P < Parts; ++P)
      PartSettings[P].FunctionShard =
          std::to_string(P) + "/" + std::to_string(Parts);
  std::atomic<size_t> Next{0};
  Progress Line(Files.size(), Settings.Progress && Parts == 1);
  auto Worker = [&] {
    for (size_t I = Next++; I < Partial.size(); I = Next++) {
      Partial[I] = analyzeOne(DB, Files[I / Parts], PartSettings[I % Parts]);
      Line.done(Partial[I].Findings.size());
    }
  };
  unsigned Threads = std::min<size_t>(std::max(1u, Jobs), Partial.size());
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < Threads; ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &Th : Pool)
    Th.join();
  Line.finish();
  std::vector<FileResult> Results(Files.size());
  for (size_t F = 0; F < Files.size(); ++F)
    Results[F] = joinParts(&Partial[F * Parts], Parts);
  keepFirstOfEachPlace(Results);
  return Results;
}

} // namespace wdfcheck
