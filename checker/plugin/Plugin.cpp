//===- Plugin.cpp - the wdfcheck checkers as a clang analyzer plugin -----===//
//
//   clang-19 --analyze -Xclang -load -Xclang wdfcheck-plugin.so \
//            -Xclang -analyzer-checker=wdf ...
//   scan-build-19 -load-plugin wdfcheck-plugin.so -enable-checker wdf ...
//
// The loader compares clang_analyzerAPIVersionString with its own version
// exactly, so the plugin is built per LLVM point release.
//
//===----------------------------------------------------------------------===//
#include "wdfcheck/Catalog.h"
#include "clang/Basic/Version.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

extern "C" void clang_registerCheckers(clang::ento::CheckerRegistry &Registry) {
  wdfcheck::registerCheckers(Registry);
}

extern "C" const char clang_analyzerAPIVersionString[] =
    CLANG_ANALYZER_API_VERSION_STRING;
