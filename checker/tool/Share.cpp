//===- Share.cpp - where the rule pages and model headers live ------------===//
#include "Share.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

namespace wdfcheck {

static int Anchor;

std::string shareDir(const char *Argv0) {
  if (std::optional<std::string> Env =
          llvm::sys::Process::GetEnv("WDFCHECK_SHARE_DIR"))
    return *Env;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Exe));
  llvm::sys::path::remove_filename(Dir); // bin/.. = prefix
  llvm::sys::path::append(Dir, "share", "wdfcheck");
  return std::string(Dir);
}

bool readRulePage(const std::string &DocsDir, const RuleInfo &R,
                  std::string &Page) {
  std::string Path = DocsDir + "/" + R.docPage();
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return false;
  Page = (*Buffer)->getBuffer().str();
  return true;
}

} // namespace wdfcheck
