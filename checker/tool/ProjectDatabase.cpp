//===- ProjectDatabase.cpp - compile commands from a .vcxproj or .sln -----===//
#include "ProjectDatabase.h"
#include "Generated.h"
#include "Project.h"
#include "Tool.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <set>

namespace wdfcheck {

namespace {

using clang::tooling::CompileCommand;

bool hasExtension(llvm::StringRef Path, llvm::StringRef Ext) {
  return llvm::sys::path::extension(Path).equals_insensitive(Ext);
}

// A configuration the project does not list is most likely a typo: an
// error for a project the input names, a note for one it references (a
// solution may map configurations onto other names).
bool checkConfiguration(ProjectInfo &P, const EvalSettings &Settings,
                        bool Named, std::string &Error) {
  std::string Wanted = Settings.Configuration + "|" + Settings.Platform;
  if (P.Configurations.empty() ||
      llvm::any_of(P.Configurations, [&](llvm::StringRef C) {
        return C.equals_insensitive(Wanted);
      }))
    return true;
  std::string Message = shownPath(P.Path) + " has no configuration " +
                        Wanted + " (it has " +
                        llvm::join(P.Configurations, ", ") +
                        "); choose one with --config and --platform";
  if (Named) {
    Error = Message;
    return false;
  }
  P.Notes.push_back(Message);
  return true;
}

// A project as the database sees it: what it builds, and its directory of
// generated headers (its $(IntDir)).
struct LoadedProject {
  ProjectInfo Info;
  std::string GenDir;
};

// <cache>/gen/<name>, made unique: a solution may hold two projects of one
// name (a driver's osrusbfx2.vcxproj and its test application's).
std::string genDirFor(llvm::StringRef Project, const std::string &CacheDir,
                      std::set<std::string> &Used) {
  std::string Name = llvm::sys::path::stem(Project).str();
  std::string Dir = CacheDir + "/gen/" + Name;
  for (unsigned N = 2; !Used.insert(Dir).second; ++N)
    Dir = CacheDir + "/gen/" + Name + "-" + std::to_string(N);
  return Dir;
}

// A user-mode program of a solution (its test application) is not a driver:
// checked with kernel headers it would only fail to compile.
bool userMode(const ProjectInfo &P) {
  llvm::StringRef Type = P.ConfigurationType;
  return P.DriverType.empty() && (Type.equals_insensitive("Application") ||
                                  Type.equals_insensitive("DynamicLibrary"));
}

// The projects of the input, in its order, then the projects they reference
// (recursively), each once.  A .vcxproj named alone is taken whatever it
// builds; a solution's or a reference's user-mode program is left out.
bool loadProjects(const ProjectRequest &Request, const EvalSettings &Base,
                  const std::string &CacheDir, std::vector<LoadedProject> &Out,
                  std::string &Error) {
  EvalSettings Settings = Base;
  std::vector<std::string> Queue;
  bool Solution = hasExtension(Request.Input, ".sln");
  if (Solution) {
    if (!loadSolution(Request.Input, Queue, Error))
      return false;
    std::string Abs = absolutePath(Request.Input);
    Settings.Properties["SolutionDir"] =
        llvm::sys::path::parent_path(Abs).str() + "/";
    Settings.Properties["SolutionName"] = llvm::sys::path::stem(Abs).str();
  } else {
    Queue.push_back(absolutePath(Request.Input));
  }
  std::set<std::string> Seen(Queue.begin(), Queue.end()), UsedDirs;
  size_t Named = Queue.size(); // the projects the input names
  for (size_t I = 0; I < Queue.size(); ++I) {
    LoadedProject L;
    if (Solution && I < Named && !llvm::sys::fs::exists(Queue[I])) {
      // Visual Studio shows it unloaded and builds the others.
      L.Info.Path = Queue[I];
      L.Info.Notes = {shownPath(Request.Input) + " names " +
                      shownPath(Queue[I]) + ", which is not there; it was "
                      "left out"};
      Out.push_back(std::move(L));
      continue;
    }
    L.GenDir = genDirFor(Queue[I], CacheDir, UsedDirs);
    if (std::error_code EC = llvm::sys::fs::create_directories(L.GenDir)) {
      Error = "cannot create " + L.GenDir + ": " + EC.message() +
              " (choose another directory with --cache-dir)";
      return false;
    }
    EvalSettings Own = Settings;
    Own.Properties["IntDir"] = L.GenDir + "/";
    Own.Properties["OutDir"] = L.GenDir + "/";
    if (!loadProject(Queue[I], Own, L.Info, Error) ||
        !checkConfiguration(L.Info, Settings, I < Named, Error))
      return false;
    for (const std::string &Ref : L.Info.References)
      if (hasExtension(Ref, ".vcxproj") && Seen.insert(Ref).second)
        Queue.push_back(Ref);
    if ((Solution || I >= Named) && userMode(L.Info)) {
      ProjectInfo Skipped;
      Skipped.Path = L.Info.Path;
      Skipped.Notes = {shownPath(L.Info.Path) + " builds a user-mode " +
                       L.Info.ConfigurationType +
                       ", not a driver; it was left out"};
      L.Info = std::move(Skipped);
    }
    Out.push_back(std::move(L));
  }
  return true;
}

// Writes the headers the project's build would generate into GenDir; a
// header that cannot be written is a note (the sources that include it
// will say what is missing).
void generateHeaders(const ProjectInfo &P, const std::string &GenDir,
                     std::vector<std::string> &Notes) {
  std::string Error;
  auto Check = [&](bool Ok, llvm::StringRef File) {
    if (!Ok)
      Notes.push_back(shownPath(P.Path) + ": no generated header for " +
                      shownPath(File) + ": " + Error);
  };
  if (P.Wpp.Enabled)
    for (const ProjectSource &S : P.Sources)
      if (S.Wpp)
        Check(writeWppHeader(S, P.Wpp, GenDir, Error), S.File);
  auto HeaderOf = [&](const std::string &Input) -> std::string {
    auto It = P.HeaderNames.find(Input);
    if (It == P.HeaderNames.end())
      return "";
    llvm::SmallString<256> Header(GenDir);
    llvm::sys::path::append(Header, It->second);
    return std::string(Header);
  };
  for (const std::string &F : P.MessageFiles)
    Check(writeMessageHeaderTo(F, HeaderOf(F), Error), F);
  for (const std::string &F : P.ManifestFiles)
    Check(writeManifestHeaderTo(F, HeaderOf(F), Error), F);
  // wmimofck writes a header only where the project asks for one.
  for (const std::string &F : P.MofFiles)
    if (std::string Header = HeaderOf(F); !Header.empty())
      Check(writeMofHeaderTo(F, Header, Error), F);
}

// A project that defines DBG itself says what its checked build is.
bool definesDbg(const ProjectSource &S) {
  return llvm::any_of(S.Defines, [](llvm::StringRef D) {
    return D.split('=').first.trim() == "DBG";
  });
}

CompileCommand commandFor(const ProjectInfo &P, const ProjectSource &S,
                          const HeaderSet &Set, const std::string &Config,
                          const std::string &Platform,
                          const std::string &GenDir) {
  bool Debug = llvm::StringRef(Config).contains_insensitive("debug") &&
               !definesDbg(S);
  HeaderFlags Flags =
      headerFlags(Set, P.KmdfMajor, P.KmdfMinor, S.Cxx, Debug, Platform);
  std::vector<std::string> Args = {"clang"};
  llvm::append_range(Args, Flags.Before);
  for (const std::string &D : S.Defines)
    Args.push_back("-D" + D);
  for (const std::string &I : S.IncludeDirs)
    Args.insert(Args.end(), {"-I", I});
  Args.insert(Args.end(), {"-I", GenDir});
  for (const std::string &F : S.ForcedIncludes)
    Args.insert(Args.end(), {"-include", F});
  llvm::append_range(Args, Flags.After);
  Args.insert(Args.end(), {"-c", S.File});
  return CompileCommand(llvm::sys::path::parent_path(S.File), S.File,
                        std::move(Args), "");
}

bool writeDatabase(const ProjectDatabase &DB, std::string &Error) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(DB.DatabasePath, EC);
  if (EC) {
    Error = "cannot write " + DB.DatabasePath + ": " + EC.message() +
            " (choose another directory with --cache-dir)";
    return false;
  }
  writeCompileCommands(OS, DB.Commands);
  return true;
}

} // namespace

bool isProjectInput(llvm::StringRef Path) {
  return hasExtension(Path, ".vcxproj") || hasExtension(Path, ".sln");
}

std::string defaultCacheDir(const ProjectRequest &Request) {
  std::string Key = absolutePath(Request.Input) + '\0' +
                    Request.Configuration + '\0' + Request.Platform + '\0' +
                    (Request.Headers.Wdk.empty()
                         ? ""
                         : absolutePath(Request.Headers.Wdk)) +
                    '\0' +
                    (Request.Headers.KmdfHeaders.empty()
                         ? ""
                         : absolutePath(Request.Headers.KmdfHeaders));
  uint64_t Hash = llvm::xxh3_64bits(llvm::StringRef(Key));
  llvm::SmallString<256> Dir;
  if (!llvm::sys::path::cache_directory(Dir))
    llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/false, Dir);
  std::string Hex;
  llvm::raw_string_ostream(Hex) << llvm::format_hex_no_prefix(Hash, 16);
  llvm::sys::path::append(Dir, "wdfcheck", Hex);
  return std::string(Dir);
}

bool buildProjectDatabase(const ProjectRequest &Request, ProjectDatabase &DB,
                          std::string &Error) {
  HeaderSet Set;
  if (!chooseHeaderSet(Request.Headers, Request.Share, Set, Error))
    return false;
  DB.CacheDir = absolutePath(Request.CacheDir.empty() ? defaultCacheDir(Request)
                                                      : Request.CacheDir);
  DB.DatabasePath = DB.CacheDir + "/compile_commands.json";
  EvalSettings Settings;
  Settings.Configuration = Request.Configuration;
  Settings.Platform = Request.Platform;
  Settings.Properties = headerProperties(Set);
  std::vector<LoadedProject> Projects;
  if (!loadProjects(Request, Settings, DB.CacheDir, Projects, Error))
    return false;
  for (const LoadedProject &L : Projects) {
    llvm::append_range(DB.Notes, L.Info.Notes);
    generateHeaders(L.Info, L.GenDir, DB.Notes);
    for (const ProjectSource &S : L.Info.Sources)
      DB.Commands.push_back(commandFor(L.Info, S, Set, Request.Configuration,
                                       Request.Platform, L.GenDir));
  }
  return writeDatabase(DB, Error);
}

// Each entry's directory and file first: a reader finds the file an
// entry is about before its long argument list.
void writeCompileCommands(llvm::raw_ostream &OS,
                          const std::vector<CompileCommand> &Commands) {
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.array([&] {
    for (const CompileCommand &C : Commands)
      J.object([&] {
        J.attribute("directory", C.Directory);
        J.attribute("file", C.Filename);
        J.attributeArray("arguments", [&] {
          for (const std::string &A : C.CommandLine)
            J.value(A);
        });
      });
  });
  OS << "\n";
}

} // namespace wdfcheck
