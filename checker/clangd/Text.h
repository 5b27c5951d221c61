//===- Text.h - document text, positions and file URIs --------------------===//
//
// LSP positions count characters in the negotiated encoding (UTF-16 unless
// the client and clangd agreed on UTF-8 or UTF-32); wdfcheck counts bytes
// (1-based line and column).  These functions convert between the two on
// the text the positions refer to.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_CLANGD_TEXT_H
#define WDFCHECK_CLANGD_TEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>

namespace wdfclangd {

enum class Encoding { UTF8, UTF16, UTF32 };

// "utf-8", "utf-16", "utf-32" (LSP's PositionEncodingKind); UTF-16 otherwise.
Encoding encodingNamed(llvm::StringRef Name);

struct Position {
  unsigned Line = 0, Character = 0; // 0-based, Character in the encoding
  bool operator<(const Position &O) const {
    return Line != O.Line ? Line < O.Line : Character < O.Character;
  }
  bool operator<=(const Position &O) const { return !(O < *this); }
};

struct Range {
  Position Start, End;
};

// Byte offset of an LSP position in Text; past the end of a line or of the
// text, its end (as LSP asks).
size_t offsetOf(llvm::StringRef Text, Position P, Encoding E);

// The LSP position of wdfcheck's 1-based Line and byte Column in Text.
Position positionOf(llvm::StringRef Text, unsigned Line, unsigned Column,
                    Encoding E);

// The identifier (or, failing that, the one character) that starts at P:
// the range a finding underlines.
Range wordAt(llvm::StringRef Text, Position P, Encoding E);

// Applies one TextDocumentContentChangeEvent (a whole text, or a range and
// its replacement).  False when the change is malformed.
bool applyChange(std::string &Text, const llvm::json::Object &Change,
                 Encoding E);

std::optional<Position> parsePosition(const llvm::json::Value *V);
std::optional<Range> parseRange(const llvm::json::Value *V);
llvm::json::Value toJson(const Position &P);
llvm::json::Value toJson(const Range &R);

// file:// URIs and paths.  uriToPath returns "" for a URI of another scheme.
std::string uriToPath(llvm::StringRef Uri);
std::string pathToUri(llvm::StringRef Path);

} // namespace wdfclangd

#endif
