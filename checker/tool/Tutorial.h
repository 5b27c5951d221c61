//===- Tutorial.h - wdfcheck tutorial [N | check N] ------------------------===//
//
//   wdfcheck tutorial            lists the chapters with their titles
//   wdfcheck tutorial N          prints chapter N (as explain prints a page)
//   wdfcheck tutorial check N    checks the reader's fix of chapter N's exercise
//
// The chapters are read from <share>/docs/tutorial/NN-topic.md (copied from
// docs/tutorial by checker/tool/CMakeLists.txt, as docs/rules is); a
// chapter's title is its first line, "# NN. Title".
//
// The exercises are examples/tutorial/NN-topic/driver.c with its
// expected.txt ("WMxxx driver.c:LINE", one a line): from the current
// directory's examples/tutorial when there is one (the reader's checkout,
// with their edits), else from the source tree wdfcheck was built from
// (WDFCHECK_SOURCE_DIR). `check` runs this wdfcheck on driver.c and says
// "fixed" (exit 0) when nothing is reported, or "not yet: <finding>" for
// each finding still reported (exit 1); it never shows the solution.
// An unknown chapter, or an exercise that does not compile, exits 2.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_TUTORIAL_H
#define WDFCHECK_TOOL_TUTORIAL_H

#include <string>
#include <vector>

namespace wdfcheck {

int runTutorial(const std::vector<std::string> &Args, const std::string &Share,
                const char *Argv0);

} // namespace wdfcheck

#endif
