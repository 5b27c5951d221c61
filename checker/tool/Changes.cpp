//===- Changes.cpp - --changed-since: what a change introduced ------------===//
#include "Changes.h"
#include "Tool.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <unistd.h> // environ

namespace wdfcheck {

using llvm::StringRef;
using namespace clang::tooling;

namespace {

// The environment without the variables that point git at a repository:
// inside a git hook they name the hook's repository and index (relative
// paths, too), and would send `git -C <checkout>` to the wrong one.
std::vector<std::string> cleanEnvironment() {
  static const char *const Located[] = {
      "GIT_DIR=",        "GIT_WORK_TREE=",        "GIT_INDEX_FILE=",
      "GIT_PREFIX=",     "GIT_COMMON_DIR=",       "GIT_OBJECT_DIRECTORY=",
      "GIT_ALTERNATE_OBJECT_DIRECTORIES="};
  std::vector<std::string> Env;
  for (char **E = environ; E && *E; ++E) {
    StringRef Var(*E);
    if (llvm::none_of(Located,
                      [&](const char *Name) { return Var.starts_with(Name); }))
      Env.push_back(Var.str());
  }
  return Env;
}

// Runs git with Args in Dir; its standard output in Out.  False when git
// is missing or fails (its standard error in Error).
bool git(const std::string &Dir, std::vector<std::string> Args,
         std::string &Out, std::string &Error) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git) {
    Error = "--changed-since needs git, which is not on PATH";
    return false;
  }
  llvm::SmallString<128> OutFile, ErrFile;
  if (llvm::sys::fs::createTemporaryFile("wdfcheck-git", "out", OutFile) ||
      llvm::sys::fs::createTemporaryFile("wdfcheck-git", "err", ErrFile)) {
    Error = "cannot create a temporary file for git's output";
    return false;
  }
  std::vector<StringRef> Argv{*Git, "-C", Dir};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(OutFile),
                                          StringRef(ErrFile)};
  std::vector<std::string> Env = cleanEnvironment();
  std::vector<StringRef> EnvRefs(Env.begin(), Env.end());
  int Status = llvm::sys::ExecuteAndWait(*Git, Argv, EnvRefs, Redirects);
  auto Read = [](StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  Out = Read(OutFile);
  std::string Err = StringRef(Read(ErrFile)).trim().str();
  llvm::sys::fs::remove(OutFile);
  llvm::sys::fs::remove(ErrFile);
  if (Status != 0) {
    Error = Err.empty() ? "git failed" : Err;
    return false;
  }
  return true;
}

std::string absolute(StringRef Root, StringRef Relative) {
  llvm::SmallString<256> Path(Root);
  llvm::sys::path::append(Path, Relative);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

bool isHeader(StringRef Path) {
  StringRef Ext = llvm::sys::path::extension(Path);
  return Ext.equals_insensitive(".h") || Ext.equals_insensitive(".hpp") ||
         Ext.equals_insensitive(".hh") || Ext.equals_insensitive(".inl");
}

// Whether Text holds Word as a whole identifier.
bool mentions(StringRef Text, StringRef Word) {
  for (size_t At = Text.find(Word); At != StringRef::npos;
       At = Text.find(Word, At + 1)) {
    bool Before = At > 0 && (llvm::isAlnum(Text[At - 1]) || Text[At - 1] == '_');
    size_t End = At + Word.size();
    bool After = End < Text.size() && (llvm::isAlnum(Text[End]) || Text[End] == '_');
    if (!Before && !After)
      return true;
  }
  return false;
}

// The functions the CTU index says the changed files define: the names of
// its C and C++ lookup names ("c:@F@UtilDelete" -> UtilDelete).
llvm::StringSet<> definedIn(const llvm::StringSet<> &Changed,
                            const CtuFiles &Ctu) {
  llvm::StringMap<std::string> SourceOfAst;
  for (const auto &Entry : Ctu.AstOf)
    SourceOfAst[Entry.getValue()] = Entry.getKey().str();
  llvm::StringSet<> Names;
  auto Index = llvm::MemoryBuffer::getFile(Ctu.Index);
  if (!Index)
    return Names;
  llvm::SmallVector<StringRef, 0> Lines;
  (*Index)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    auto [Name, File] = Line.rsplit(' ');
    auto It = SourceOfAst.find(File);
    StringRef Source = It != SourceOfAst.end() ? StringRef(It->second) : File;
    if (!Changed.contains(Source))
      continue;
    StringRef Short = Name.rsplit('@').second;
    if (!Short.empty())
      Names.insert(Short);
  }
  return Names;
}

} // namespace

bool changesSince(const std::string &Rev, const std::string &Dir,
                  ChangeSet &Out, std::string &Error) {
  std::string Text;
  if (!git(Dir, {"rev-parse", "--show-toplevel"}, Text, Error)) {
    Error = "--changed-since needs a git repository: " + Error;
    return false;
  }
  Out.Root = StringRef(Text).trim().str();
  if (!git(Dir, {"rev-parse", "--verify", "--quiet", Rev + "^{commit}"}, Text,
           Error)) {
    Error = "--changed-since: git does not know the revision '" + Rev + "'";
    return false;
  }
  Out.Commit = StringRef(Text).trim().str();
  if (!git(Out.Root, {"diff", "--name-only", "--no-renames", Out.Commit},
           Text, Error))
    return false;
  llvm::SmallVector<StringRef, 16> Names;
  StringRef(Text).split(Names, '\n', -1, /*KeepEmpty=*/false);
  Out.Files.clear();
  for (StringRef Name : Names)
    Out.Files.push_back(absolute(Out.Root, Name.trim()));
  return true;
}

std::vector<std::string> filesReached(const std::vector<std::string> &Files,
                                      const ChangeSet &Changes,
                                      const CtuFiles *Ctu) {
  llvm::StringSet<> Changed;
  std::vector<std::string> Headers;
  for (const std::string &F : Changes.Files) {
    Changed.insert(F);
    if (isHeader(F))
      Headers.push_back(llvm::sys::path::filename(F).str());
  }
  llvm::StringSet<> Called;
  if (Ctu)
    Called = definedIn(Changed, *Ctu);
  std::vector<std::string> Reached;
  for (const std::string &File : Files) {
    std::string Path = absolutePath(File);
    if (Changed.contains(Path)) {
      Reached.push_back(File);
      continue;
    }
    if (Headers.empty() && Called.empty())
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer)
      continue;
    StringRef Text = (*Buffer)->getBuffer();
    bool Includes = Text.contains("#include") &&
                    llvm::any_of(Headers, [&](const std::string &H) {
                      return Text.contains(H);
                    });
    bool Calls = llvm::any_of(Called, [&](const auto &Name) {
      return mentions(Text, Name.getKey());
    });
    if (Includes || Calls)
      Reached.push_back(File);
  }
  return Reached;
}

BaseCheckout::~BaseCheckout() {
  if (Dir.empty())
    return;
  std::string Out, Error;
  if (!git(RepoRoot, {"worktree", "remove", "--force", Dir}, Out, Error))
    llvm::sys::fs::remove_directories(Dir);
}

bool BaseCheckout::create(const ChangeSet &Changes, std::string &Error) {
  llvm::SmallString<128> Temp;
  if (llvm::sys::fs::createUniqueDirectory("wdfcheck-base", Temp)) {
    Error = "cannot create a temporary directory for the base checkout";
    return false;
  }
  llvm::sys::fs::remove(Temp); // git worktree add wants to create it
  std::string Out;
  if (!git(Changes.Root,
           {"worktree", "add", "--detach", "--quiet", std::string(Temp),
            Changes.Commit},
           Out, Error)) {
    Error = "cannot check out the base revision: " + Error;
    return false;
  }
  RepoRoot = Changes.Root;
  Dir = std::string(Temp);
  return true;
}

std::string remapPath(const std::string &Path, const std::string &From,
                      const std::string &To) {
  if (Path == From)
    return To;
  std::string Under = pathUnder(Path, From);
  return Under == Path ? Path : absolute(To, Under);
}

namespace {

// The commands of another database with their paths moved.
class RemappedDatabase : public CompilationDatabase {
public:
  RemappedDatabase(const CompilationDatabase &DB, std::string From,
                   std::string To)
      : DB(DB), From(std::move(From)), To(std::move(To)) {}

  std::vector<CompileCommand>
  getCompileCommands(StringRef FilePath) const override {
    std::vector<CompileCommand> Commands =
        DB.getCompileCommands(remapPath(FilePath.str(), To, From));
    for (CompileCommand &C : Commands) {
      C.Directory = existing(remapPath(C.Directory, From, To), C.Directory);
      C.Filename = remapPath(C.Filename, From, To);
      for (std::string &Arg : C.CommandLine)
        Arg = remap(Arg);
    }
    return Commands;
  }
  std::vector<std::string> getAllFiles() const override {
    std::vector<std::string> Files = DB.getAllFiles();
    for (std::string &F : Files)
      F = remapPath(F, From, To);
    return Files;
  }

private:
  // An argument naming a path under From, alone or after an option
  // (-I/src/inc, -include=/src/x.h).
  std::string remap(const std::string &Arg) const {
    size_t At = Arg.find(From);
    if (At == std::string::npos)
      return Arg;
    std::string Path = Arg.substr(At);
    std::string Moved = existing(remapPath(Path, From, To), Path);
    return Moved == Path ? Arg : Arg.substr(0, At) + Moved;
  }

  // Moved when the base checkout has it: an untracked directory (a build
  // directory's generated headers) stays where it is.
  static std::string existing(const std::string &Moved,
                              const std::string &Original) {
    return llvm::sys::fs::exists(Moved) ? Moved : Original;
  }

  const CompilationDatabase &DB;
  std::string From, To;
};

} // namespace

std::unique_ptr<CompilationDatabase>
remapDatabase(const CompilationDatabase &DB, const std::string &From,
              const std::string &To) {
  return std::make_unique<RemappedDatabase>(DB, From, To);
}

} // namespace wdfcheck
