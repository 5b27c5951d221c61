//===- Ctu.cpp - the whole driver: Clang's cross translation unit index ---===//
#include "Ctu.h"
#include "CaseFold.h"
#include "Tool.h"
#include "wdfcheck/DriverFacts.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/CrossTU/CrossTranslationUnit.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <atomic>
#include <set>
#include <chrono>
#include <thread>

using namespace clang;
using namespace clang::tooling;

namespace wdfcheck {
namespace {

constexpr llvm::StringLiteral IndexName = "externalDefMap.txt";
constexpr llvm::StringLiteral InvocationsName = "invocations.yaml";
constexpr llvm::StringLiteral RolesName = "roles.txt";
constexpr llvm::StringLiteral NxName = "nx-opt-in.txt";
constexpr llvm::StringLiteral PagedName = "paged-fields.txt";
constexpr llvm::StringLiteral HeadersName = "headers.txt";
constexpr llvm::StringLiteral StampName = "stamp";
constexpr llvm::StringLiteral NotesName = "notes.txt";
// Changes whenever what the cache holds changes shape.
constexpr llvm::StringLiteral CacheFormat = "wdfcheck-ctu-7";

// One file of the database and its part of the index.
struct Unit {
  std::string File;                 // absolute, without . or ..
  std::vector<std::string> Command; // as the analysis runs it
  // Its definitions: lookup name (USR) and the name as written.
  std::vector<std::pair<std::string, std::string>> Names;
  bool Exists = false;
  bool Compiled = false;
  std::string Ast; // its AST, saved in the cache; "" when it could not be
  std::string Registrations; // its callback registrations (DriverFacts.h)
  std::string PagedStores;   // what it stores into fields (DriverFacts.h)
  std::optional<DriverEntryFact> DriverEntry; // when it defines DriverEntry
  std::vector<std::string> Headers; // the files it includes, absolute
};

std::string yamlQuoted(StringRef S);
bool writeFile(const std::string &Path, StringRef Text, std::string &Error);

// The overlay that gives clang's own parser the spellings CaseFold found:
// each name as asked for, mapped to the file on disk.
std::string foldOverlay(
    const std::vector<std::pair<std::string, std::string>> &AskedOnDisk) {
  std::string Text = "{ 'version': 0, 'case-sensitive': 'true', "
                     "'use-external-names': 'true', 'roots': [\n";
  for (size_t I = 0; I < AskedOnDisk.size(); ++I)
    Text += (I ? ",\n  " : "  ") + ("{ 'type': 'file', 'name': " +
            yamlQuoted(AskedOnDisk[I].first) + ", 'external-contents': " +
            yamlQuoted(AskedOnDisk[I].second) + " }");
  return Text + "\n] }\n";
}

// The command the analysis runs for File, as Clang's on-demand parsing
// needs it: relative paths in it are resolved against the command's own
// directory (-working-directory), as ClangTool resolves them.
bool commandFor(const CompilationDatabase &DB, StringRef File,
                const AnalysisSettings &S, Unit &U) {
  std::vector<CompileCommand> Commands = DB.getCompileCommands(File);
  if (Commands.empty() || Commands.front().CommandLine.empty())
    return false;
  const CompileCommand &C = Commands.front();
  ArgumentsAdjuster Adjust = combineAdjusters(
      combineAdjusters(getClangStripOutputAdjuster(),
                       getClangSyntaxOnlyAdjuster()),
      combineAdjusters(getClangStripDependencyFileAdjuster(),
                       settingsAdjuster(S)));
  U.Command = Adjust(C.CommandLine, C.Filename);
  U.Command.insert(U.Command.begin() + 1, "-working-directory=" + C.Directory);
  U.File = commandFile(C);
  // The file by its absolute path, so that what is imported from it names
  // it whatever directory the analysis runs in.
  for (std::string &Arg : U.Command)
    if (Arg == C.Filename)
      Arg = U.File;
  return true;
}

// Externally visible functions defined in the main file.
class DefinitionCollector : public ASTConsumer {
public:
  explicit DefinitionCollector(
      std::vector<std::pair<std::string, std::string>> &Names)
      : Names(Names) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    collectIn(Ctx.getTranslationUnitDecl(), Ctx.getSourceManager());
  }

private:
  std::vector<std::pair<std::string, std::string>> &Names;

  void collectIn(const DeclContext *DC, const SourceManager &SM) {
    for (const Decl *D : DC->decls()) {
      if (isa<LinkageSpecDecl, NamespaceDecl>(D)) {
        collectIn(cast<DeclContext>(D), SM);
        continue;
      }
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (!FD || !FD->isThisDeclarationADefinition() || !FD->hasBody() ||
          !FD->hasExternalFormalLinkage() ||
          !SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
        continue;
      if (std::optional<std::string> Name =
              cross_tu::CrossTranslationUnitContext::getLookupName(FD))
        Names.push_back({std::move(*Name), FD->getQualifiedNameAsString()});
    }
  }
};

// Counts the errors and shows nothing: the analysis reports them.
class ErrorCounter : public DiagnosticConsumer {};

// Parses the file once: its definitions for the index, and its AST saved
// at AstPath, which the analysis loads (lazily: only what it imports is
// read) instead of parsing the file again for each file that calls into it.
void collect(const CompilationDatabase &DB, const AnalysisSettings &S,
             const std::string &DbFile, const std::string &AstPath, Unit &U) {
  U.Exists = llvm::sys::fs::exists(U.File);
  if (!U.Exists)
    return;
  // A file system of its own: ClangTool moves into the command's directory,
  // and the process's current directory is shared by the -j threads.
  // Names found without case, as Windows finds them (CaseFold.h).
  ClangTool Tool(DB, {DbFile}, std::make_shared<PCHContainerOperations>(),
                 createCaseFoldingFileSystem(
                     llvm::vfs::createPhysicalFileSystem()));
  Tool.appendArgumentsAdjuster(settingsAdjuster(S));
  // Quiet: no "1 error generated." either (the analysis reports the file).
  Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
      "-fno-caret-diagnostics", ArgumentInsertPosition::END));
  ErrorCounter Errors;
  Tool.setDiagnosticConsumer(&Errors);
  Tool.setPrintErrorMessage(false); // the analysis says it, once
  std::vector<std::unique_ptr<ASTUnit>> ASTs;
  U.Compiled = Tool.buildASTs(ASTs) == 0 && ASTs.size() == 1 &&
               Errors.getNumErrors() == 0 &&
               !ASTs.front()->getDiagnostics().hasErrorOccurred();
  if (!U.Compiled)
    return;
  ASTUnit &AST = *ASTs.front();
  DefinitionCollector(U.Names).HandleTranslationUnit(AST.getASTContext());
  // Its callback registrations: facts of the whole driver (a callback
  // registered here may be defined elsewhere).
  U.Registrations = registrationsOf(AST.getASTContext(), AST.getPreprocessor());
  U.DriverEntry = driverEntryFact(AST.getASTContext(), AST.getPreprocessor());
  U.PagedStores = pagedStoresOf(AST.getASTContext());
  // Its headers: a saved AST is refused once one of them changes, so the
  // cache must notice.
  const SourceManager &SM = AST.getSourceManager();
  // A header found only under another spelling (Windows case, CaseFold.h):
  // a saved AST names it as it was asked for, and clang loads ASTs to
  // follow a call on the plain file system, where that name does not
  // exist.  Such a file's AST is not saved: clang parses it when a call
  // enters it, with a file-system overlay (-ivfsoverlay) that maps each
  // spelling asked for to the file on disk.
  std::vector<std::pair<std::string, std::string>> AskedOnDisk;
  for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End; ++It) {
    if (It->first.getNameAsRequested() != It->first.getName()) {
      llvm::SmallString<256> Asked(It->first.getNameAsRequested());
      llvm::SmallString<256> OnDisk(It->first.getName());
      SM.getFileManager().makeAbsolutePath(Asked);
      SM.getFileManager().makeAbsolutePath(OnDisk);
      AskedOnDisk.push_back({std::string(Asked), std::string(OnDisk)});
    }
    llvm::SmallString<256> Path(It->first.getName());
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    if (Path != U.File)
      U.Headers.push_back(std::string(Path));
  }
  if (!AskedOnDisk.empty()) {
    llvm::sys::fs::remove(AstPath); // one of an earlier run
    std::string Overlay = AstPath + ".vfs.yaml", Unwritten;
    if (writeFile(Overlay, foldOverlay(AskedOnDisk), Unwritten))
      U.Command.insert(U.Command.begin() + 1, {"-ivfsoverlay", Overlay});
    return;
  }
  // Save returns true on failure.
  if (!AST.Save(AstPath))
    U.Ast = AstPath;
}

// "<size> <time>" of a file, "" when it cannot be read: what the cache
// compares to notice a change.
std::string fileStamp(StringRef Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    return "";
  return std::to_string(Status.getSize()) + " " +
         std::to_string(
             Status.getLastModificationTime().time_since_epoch().count());
}

// What the cache is valid for: the format, the settings, and each file's
// command, size and time.
std::string cacheKey(const std::vector<Unit> &Units,
                     const AnalysisSettings &S) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << CacheFormat << '\n' << S.ResourceDir << '\n' << S.ModelIncludeDir << '\n';
  for (const Unit &U : Units) {
    OS << U.File << '\n' << llvm::join(U.Command, "\x1f") << '\n'
       << fileStamp(U.File) << '\n';
  }
  return llvm::utohexstr(llvm::xxh3_64bits(OS.str()));
}

// "<path>\t<size> <time>" of each header the files include, once.
std::string headerStamps(const std::vector<Unit> &Units) {
  std::set<std::string> Headers;
  for (const Unit &U : Units)
    Headers.insert(U.Headers.begin(), U.Headers.end());
  std::string Text;
  for (const std::string &H : Headers)
    if (std::string Stamp = fileStamp(H); !Stamp.empty())
      Text += H + "\t" + Stamp + "\n";
  return Text;
}

// The first header of Stamps that changed since, or "".
std::string changedHeader(StringRef Stamps) {
  llvm::SmallVector<StringRef, 64> Lines;
  Stamps.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    auto [Path, Stamp] = Line.split('\t');
    if (Stamp.empty() || fileStamp(Path) != Stamp)
      return Path.str();
  }
  return "";
}

std::string yamlQuoted(StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

std::string invocationList(const std::vector<Unit> &Units) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  for (const Unit &U : Units) {
    if (!U.Compiled)
      continue;
    OS << yamlQuoted(U.File) << ": [";
    for (size_t I = 0; I < U.Command.size(); ++I)
      OS << (I ? ", " : "") << yamlQuoted(U.Command[I]);
    OS << "]\n";
  }
  return OS.str();
}

// The index: each name defined in exactly one file that compiled.  Names
// defined in several files are left out, with one note that counts them.
llvm::StringMap<std::string> mergeIndex(const std::vector<Unit> &Units,
                                        std::vector<std::string> &Notes,
                                        llvm::StringSet<> &Duplicated) {
  llvm::StringMap<std::string> Index;
  llvm::StringMap<unsigned> Where; // name -> first unit
  std::string Example;
  for (unsigned I = 0; I < Units.size(); ++I) {
    for (const auto &[Name, Written] : Units[I].Names) {
      auto [It, New] = Where.try_emplace(Name, I);
      if (New || It->second == I)
        continue;
      if (Duplicated.insert(Name).second && Example.empty())
        Example = llvm::formatv("{0} in {1} and {2}", Written,
                                shownPath(Units[It->second].File),
                                shownPath(Units[I].File));
    }
  }
  // A file's saved AST when there is one, else the file (parsed on demand
  // with its command from the invocation list).
  for (const auto &Entry : Where) {
    const Unit &U = Units[Entry.getValue()];
    if (!Duplicated.contains(Entry.getKey()))
      Index[Entry.getKey()] = U.Ast.empty() ? U.File : U.Ast;
  }
  if (!Duplicated.empty())
    Notes.push_back(llvm::formatv(
        "{0} function{1} defined in more than one file of the database (two "
        "drivers in one database?) {2} not followed across files, e.g. {3}",
        Duplicated.size(), Duplicated.size() == 1 ? "" : "s",
        Duplicated.size() == 1 ? "is" : "are", Example));
  for (const Unit &U : Units)
    if (!U.Compiled)
      Notes.push_back(shownPath(U.File) +
                      (U.Exists ? " does not compile" : " does not exist") +
                      ": calls into it are not followed");
  return Index;
}

// The registrations of the whole driver: a function defined in several
// files (two drivers) gets none.
std::string driverRoles(const std::vector<Unit> &Units,
                        const llvm::StringSet<> &Ambiguous) {
  std::vector<std::string> Texts;
  for (const Unit &U : Units)
    Texts.push_back(U.Registrations);
  std::string Out;
  joinRegistrations(Texts, Ambiguous, Out); // written by registrationsOf
  return Out;
}

// The driver's NX opt-in (DriverFacts.h): known when the database has
// exactly one DriverEntry.
std::string nxOptIn(const std::vector<Unit> &Units) {
  const DriverEntryFact *One = nullptr;
  for (const Unit &U : Units)
    if (U.DriverEntry) {
      if (One)
        return "";
      One = &*U.DriverEntry;
    }
  if (!One)
    return "";
  return One->OptsIn ? std::string(NxOptInMade)
                     : std::string(NxOptInMissingAt) + One->Where;
}

bool writeFile(const std::string &Path, StringRef Text, std::string &Error) {
  std::string Temp = Path + ".tmp";
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Temp, EC);
    if (EC) {
      Error = "cannot write '" + Temp + "': " + EC.message();
      return false;
    }
    OS << Text;
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    Error = "cannot write '" + Path + "': " + EC.message();
    return false;
  }
  return true;
}

std::string readFile(const std::string &Path, bool &Ok) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  Ok = bool(Buffer);
  return Ok ? (*Buffer)->getBuffer().str() : std::string();
}

// The cached files, when the stamp says they were built for Key and the
// index reads back.  Otherwise says why they are rebuilt.
bool reuse(CtuFiles &Out, const std::string &Key, std::string &Why) {
  bool HaveStamp = false, HaveNotes = false;
  std::string Stamp = readFile(Out.Dir + "/" + StampName.str(), HaveStamp);
  if (!HaveStamp)
    return false; // first run: nothing to say
  if (llvm::StringRef(Stamp).trim() != Key) {
    Why = "the files or their commands changed since the cross-file index "
          "was built: rebuilding it";
    return false;
  }
  auto Index = cross_tu::parseCrossTUIndex(Out.Index);
  bool HaveRest = llvm::sys::fs::exists(Out.InvocationList);
  bool HaveRoles = false;
  std::string Roles = readFile(Out.Roles, HaveRoles), Joined;
  HaveRest = HaveRest && HaveRoles &&
             joinRegistrations({Roles}, llvm::StringSet<>(), Joined);
  bool HaveNx = false;
  Out.NxOptIn = StringRef(readFile(Out.Dir + "/" + NxName.str(), HaveNx)).trim().str();
  HaveRest = HaveRest && HaveNx && llvm::sys::fs::exists(Out.PagedFields);
  if (!Index || !HaveRest) {
    if (!Index)
      llvm::consumeError(Index.takeError());
    Why = "the cross-file index in " + Out.Dir +
          " cannot be read: rebuilding it";
    return false;
  }
  for (const auto &Entry : *Index)
    if (!llvm::sys::fs::exists(Entry.getValue())) {
      Why = "the cross-file index in " + Out.Dir + " names '" +
            Entry.getValue() + "', which is gone: rebuilding it";
      return false;
    }
  bool HaveHeaders = false;
  std::string Headers = readFile(Out.Dir + "/" + HeadersName.str(), HaveHeaders);
  std::string Changed = HaveHeaders ? changedHeader(Headers) : "?";
  if (!Changed.empty()) {
    Why = HaveHeaders ? "'" + shownPath(Changed) +
                            "' changed since the cross-file index was built: "
                            "rebuilding it"
                      : "the cross-file index in " + Out.Dir +
                            " cannot be read: rebuilding it";
    return false;
  }
  Out.Functions = Index->size();
  std::string Notes = readFile(Out.Dir + "/" + NotesName.str(), HaveNotes);
  llvm::SmallVector<StringRef, 4> Lines;
  StringRef(Notes).split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines)
    Out.Notes.push_back(Line.str());
  return true;
}

// The driver's paged fields, from every file's stores.
std::string pagedFields(const std::vector<Unit> &Units) {
  std::vector<std::string> Texts;
  for (const Unit &U : Units)
    Texts.push_back(U.PagedStores);
  return joinPagedStores(Texts);
}

} // namespace

bool prepareCtu(const CompilationDatabase &DB, const AnalysisSettings &Settings,
                const std::string &CacheDir, unsigned Jobs, CtuFiles &Out,
                std::string &Error) {
  auto Start = std::chrono::steady_clock::now();
  llvm::SmallString<256> Dir(CacheDir);
  llvm::sys::fs::make_absolute(Dir);
  Out.Dir = std::string(Dir);
  Out.Index = Out.Dir + "/" + IndexName.str();
  Out.InvocationList = Out.Dir + "/" + InvocationsName.str();
  Out.Roles = Out.Dir + "/" + RolesName.str();
  Out.PagedFields = Out.Dir + "/" + PagedName.str();

  std::vector<std::string> DbFiles = DB.getAllFiles();
  llvm::sort(DbFiles); // the same index, notes and stamp on every run
  std::vector<Unit> Units;
  std::vector<std::string> UnitDbFiles;
  for (const std::string &File : DbFiles) {
    Unit U;
    if (!commandFor(DB, File, Settings, U))
      continue;
    Units.push_back(std::move(U));
    UnitDbFiles.push_back(File);
  }
  for (size_t I = 0; I < Units.size(); ++I) {
    Out.Sources.insert(Units[I].File);
    // Where its AST is saved (the same name on every run: Units are sorted).
    Out.AstOf[Units[I].File] = Out.Dir + "/" + std::to_string(I) + ".ast";
  }
  std::string Key = cacheKey(Units, Settings);
  std::string Why;
  if (reuse(Out, Key, Why))
    return true;
  if (!Why.empty())
    Out.Notes.push_back(Why);

  if (std::error_code EC = llvm::sys::fs::create_directories(Out.Dir)) {
    Error = "cannot create the cross-file index directory '" + Out.Dir +
            "': " + EC.message();
    return false;
  }
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I = Next++; I < Units.size(); I = Next++)
      collect(DB, Settings, UnitDbFiles[I],
              Out.Dir + "/" + std::to_string(I) + ".ast", Units[I]);
  };
  unsigned Threads = std::min<size_t>(std::max(1u, Jobs), Units.size());
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < Threads; ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &Th : Pool)
    Th.join();

  std::vector<std::string> BuildNotes;
  llvm::StringSet<> Duplicated;
  llvm::StringMap<std::string> Index =
      mergeIndex(Units, BuildNotes, Duplicated);
  Out.Functions = Index.size();
  Out.NxOptIn = nxOptIn(Units);
  Out.Notes.insert(Out.Notes.end(), BuildNotes.begin(), BuildNotes.end());
  // The stamp last: a run stopped halfway leaves no stamp that matches.
  llvm::sys::fs::remove(Out.Dir + "/" + StampName.str());
  if (!writeFile(Out.Index, cross_tu::createCrossTUIndexString(Index), Error) ||
      !writeFile(Out.InvocationList, invocationList(Units), Error) ||
      !writeFile(Out.Roles, driverRoles(Units, Duplicated), Error) ||
      !writeFile(Out.Dir + "/" + NxName.str(), nxOptIn(Units) + "\n", Error) ||
      !writeFile(Out.PagedFields, pagedFields(Units), Error) ||
      !writeFile(Out.Dir + "/" + HeadersName.str(), headerStamps(Units), Error) ||
      !writeFile(Out.Dir + "/" + NotesName.str(),
                 llvm::join(BuildNotes, "\n") + "\n", Error) ||
      !writeFile(Out.Dir + "/" + StampName.str(), Key + "\n", Error))
    return false;
  Out.Rebuilt = true;
  Out.BuildSeconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
  return true;
}

} // namespace wdfcheck
