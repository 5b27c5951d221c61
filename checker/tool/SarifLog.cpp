//===- SarifLog.cpp - reading the logs wdfcheck is given -------------------===//
#include "SarifLog.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

namespace wdfcheck {

JsonFile readJsonFile(const std::string &Path) {
  JsonFile File;
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    File.IoError = Buffer.getError().message();
    return File;
  }
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    File.ParseError = llvm::toString(Parsed.takeError());
    return File;
  }
  File.Value = std::move(*Parsed);
  return File;
}

std::optional<llvm::StringRef> toolName(const llvm::json::Object &Run) {
  const llvm::json::Object *Tool = Run.getObject("tool");
  const llvm::json::Object *Driver = Tool ? Tool->getObject("driver") : nullptr;
  return Driver ? Driver->getString("name") : std::nullopt;
}

} // namespace wdfcheck
