//===- Solution.cpp - the projects a Visual Studio solution names ---------===//
//
//   Project("{8BC9CEB8-...}") = "echo", "driver\echo.vcxproj", "{44FE...}"
//
// Solution folders and projects of other kinds (.csproj, .wixproj, ...)
// have lines of the same shape: only .vcxproj files are taken.
//
//===----------------------------------------------------------------------===//
#include "DiskPath.h"
#include "Project.h"
#include "Tool.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace wdfcheck {

namespace {

// The second quoted field after '=' of a Project(...) line, or "".
llvm::StringRef projectPathOf(llvm::StringRef Line) {
  Line = Line.trim();
  if (!Line.starts_with("Project("))
    return "";
  llvm::StringRef Fields = Line.split('=').second;
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  Fields.split(Parts, '"');
  // Parts: [ ' ', name, ', ', path, ', ', guid, '' ]
  return Parts.size() >= 4 ? Parts[3] : "";
}

} // namespace

bool loadSolution(const std::string &Path, std::vector<std::string> &Projects,
                  std::string &Error) {
  auto Text = llvm::MemoryBuffer::getFile(Path);
  if (!Text) {
    Error = "cannot read " + Path + ": " + Text.getError().message();
    return false;
  }
  std::string Dir = llvm::sys::path::parent_path(absolutePath(Path)).str();
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  (*Text)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Written = projectPathOf(Line);
    if (!llvm::sys::path::extension(Written).equals_insensitive(".vcxproj"))
      continue;
    bool Found = false;
    std::string Project = diskPath(Written, Dir, Found);
    if (!llvm::is_contained(Projects, Project))
      Projects.push_back(Project);
  }
  if (Projects.empty()) {
    Error = Path + " names no .vcxproj project (is it a Visual Studio "
                   "solution?)";
    return false;
  }
  return true;
}

} // namespace wdfcheck
