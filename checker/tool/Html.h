//===- Html.h - --format=html: browsable reports --------------------------===//
#ifndef WDFCHECK_TOOL_HTML_H
#define WDFCHECK_TOOL_HTML_H

#include "Output.h"

#include <string>
#include <vector>

namespace wdfcheck {

// Writes index.html and one page per finding into Dir (made if missing);
// false with Error set when it cannot.
bool writeHtml(const std::string &Dir, const std::vector<FileResult> &Results,
               const OutputContext &Ctx, std::string &Error);

} // namespace wdfcheck

#endif
