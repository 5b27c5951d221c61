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

// The projects of the input, in its order, then the projects they reference
// (recursively), each once.
bool loadProjects(const ProjectRequest &Request, const EvalSettings &Base,
                  const std::string &CacheDir, std::vector<ProjectInfo> &Out,
                  std::string &Error) {
  EvalSettings Settings = Base;
  std::vector<std::string> Queue;
  if (hasExtension(Request.Input, ".sln")) {
    if (!loadSolution(Request.Input, Queue, Error))
      return false;
    std::string Abs = absolutePath(Request.Input);
    Settings.Properties["SolutionDir"] =
        llvm::sys::path::parent_path(Abs).str() + "/";
    Settings.Properties["SolutionName"] = llvm::sys::path::stem(Abs).str();
  } else {
    Queue.push_back(absolutePath(Request.Input));
  }
  std::set<std::string> Seen(Queue.begin(), Queue.end());
  size_t Named = Queue.size(); // the projects the input names
  for (size_t I = 0; I < Queue.size(); ++I) {
    // $(IntDir) is where the build writes its generated headers: here, the
    // project's directory in the cache.
    EvalSettings Own = Settings;
    std::string Gen = CacheDir + "/gen/" + llvm::sys::path::stem(Queue[I]).str();
    Own.Properties["IntDir"] = Gen + "/";
    Own.Properties["OutDir"] = Gen + "/";
    if (std::error_code EC = llvm::sys::fs::create_directories(Gen)) {
      Error = "cannot create " + Gen + ": " + EC.message() +
              " (choose another directory with --cache-dir)";
      return false;
    }
    ProjectInfo P;
    if (!loadProject(Queue[I], Own, P, Error) ||
        !checkConfiguration(P, Settings, I < Named, Error))
      return false;
    for (const std::string &Ref : P.References)
      if (hasExtension(Ref, ".vcxproj") && Seen.insert(Ref).second)
        Queue.push_back(Ref);
    Out.push_back(std::move(P));
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
        Check(writeWppHeader(S.File, P.Wpp, GenDir, Error), S.File);
  for (const std::string &F : P.MessageFiles)
    Check(writeMessageHeader(F, GenDir, Error), F);
  for (const std::string &F : P.ManifestFiles)
    Check(writeManifestHeader(F, GenDir, Error), F);
  for (const std::string &F : P.MofFiles)
    Check(writeMofHeader(F, GenDir, Error), F);
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
  std::vector<ProjectInfo> Projects;
  if (!loadProjects(Request, Settings, DB.CacheDir, Projects, Error))
    return false;
  for (const ProjectInfo &P : Projects) {
    llvm::append_range(DB.Notes, P.Notes);
    std::string GenDir =
        DB.CacheDir + "/gen/" + llvm::sys::path::stem(P.Path).str();
    generateHeaders(P, GenDir, DB.Notes);
    for (const ProjectSource &S : P.Sources)
      DB.Commands.push_back(commandFor(P, S, Set, Request.Configuration,
                                       Request.Platform, GenDir));
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
