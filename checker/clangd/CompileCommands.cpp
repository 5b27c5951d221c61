//===- CompileCommands.cpp - the command an analysis of a file uses -------===//
#include "CompileCommands.h"

#include <algorithm>
#include <thread>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace wdfclangd {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace {

std::string normalized(llvm::StringRef Dir, llvm::StringRef File) {
  llvm::SmallString<256> P(File);
  if (!path::is_absolute(P)) {
    P = Dir;
    path::append(P, File);
  }
  fs::make_absolute(P);
  path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::string database(llvm::StringRef Dir) {
  llvm::SmallString<256> P(Dir);
  path::append(P, "compile_commands.json");
  return std::string(P);
}

} // namespace

std::string CompileCommands::databaseDirFor(const std::string &File) {
  if (!OverrideDir.empty())
    return fs::exists(database(OverrideDir)) ? OverrideDir : "";
  llvm::SmallString<256> Dir(path::parent_path(File));
  for (; !Dir.empty(); Dir = path::parent_path(Dir)) {
    if (fs::exists(database(Dir)))
      return std::string(Dir);
    llvm::SmallString<256> Build(Dir);
    path::append(Build, "build");
    if (fs::exists(database(Build)))
      return std::string(Build);
    if (path::parent_path(Dir) == Dir)
      break;
  }
  return "";
}

bool CompileCommands::lists(const std::string &Dir, const std::string &File) {
  std::string Path = database(Dir);
  fs::file_status Status;
  if (fs::status(Path, Status))
    return false;
  std::string Stamp;
  llvm::raw_string_ostream(Stamp)
      << Status.getLastModificationTime().time_since_epoch().count() << "/"
      << Status.getSize();

  std::lock_guard<std::mutex> Guard(Lock);
  Database &DB = Databases[Dir];
  if (DB.Modified != Stamp) {
    DB.Modified = Stamp;
    DB.Files.clear();
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (Buffer) {
      llvm::Expected<llvm::json::Value> V =
          llvm::json::parse((*Buffer)->getBuffer());
      if (!V) {
        llvm::consumeError(V.takeError());
      } else if (const llvm::json::Array *Entries = V->getAsArray()) {
        for (const llvm::json::Value &E : *Entries) {
          const llvm::json::Object *O = E.getAsObject();
          if (!O)
            continue;
          auto F = O->getString("file");
          auto D = O->getString("directory");
          if (F)
            DB.Files.insert(normalized(D.value_or(""), *F));
        }
      }
    }
  }
  return DB.Files.count(File) != 0;
}

std::vector<std::string> CompileCommands::analysisArgs(const std::string &File) {
  std::string Normal = normalized("", File);
  // One file with a job per core: wdfcheck deals the file's functions out
  // to that many threads (still one process, at low priority).
  unsigned Jobs = std::max(1u, std::thread::hardware_concurrency());
  // The editor's budget: 50,000 nodes per top-level function instead of the
  // analyzer's 225,000.  On the corpus it finds the same 67 of 68 (74 of 74
  // with --ctu) seeded bugs; on the 2,506-line bench file the same 22
  // findings in 0.75 s instead of 2.4-3.3 s (bench/README.md).  The paths
  // past it are long loops' later turns, which found nothing more there.
  constexpr unsigned EditorMaxNodes = 50000;
  std::vector<std::string> Args{"--format=json", "--quiet",
                                "--stdin-path=" + Normal, "-j",
                                std::to_string(Jobs),
                                "--max-nodes=" + std::to_string(EditorMaxNodes)};
  std::string Dir = databaseDirFor(Normal);
  if (!Dir.empty() && lists(Dir, Normal)) {
    Args.push_back("-p");
    Args.push_back(Dir);
    llvm::SmallString<256> Ctu(Dir);
    path::append(Ctu, ".wdfcheck-ctu");
    if (fs::is_directory(Ctu))
      Args.push_back("--ctu");
    return Args;
  }
  Args.push_back("--");
  return Args;
}

} // namespace wdfclangd
