//===- Share.h - where the rule pages and model headers live --------------===//
//
// Installed and build-tree layouts are the same: <prefix>/bin/wdfcheck and
// <prefix>/share/wdfcheck/{docs/rules,include}.  WDFCHECK_SHARE_DIR in the
// environment overrides the location.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_SHARE_H
#define WDFCHECK_TOOL_SHARE_H

#include "wdfcheck/Catalog.h"
#include <string>

namespace wdfcheck {

// <share>, found from the running executable.
std::string shareDir(const char *Argv0);

// Reads docs/rules/<Id>.md under DocsDir; false when it cannot be read.
bool readRulePage(const std::string &DocsDir, const RuleInfo &R,
                  std::string &Page);

} // namespace wdfcheck

#endif
