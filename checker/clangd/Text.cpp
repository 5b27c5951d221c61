//===- Text.cpp - document text, positions and file URIs ------------------===//
#include "Text.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"

namespace wdfclangd {

using llvm::StringRef;

Encoding encodingNamed(StringRef Name) {
  if (Name == "utf-8")
    return Encoding::UTF8;
  if (Name == "utf-32")
    return Encoding::UTF32;
  return Encoding::UTF16;
}

namespace {

// Bytes of the UTF-8 sequence starting with C (1 for a stray byte).
unsigned sequenceLength(unsigned char C) {
  if (C < 0xC0)
    return 1;
  if (C < 0xE0)
    return 2;
  if (C < 0xF0)
    return 3;
  return 4;
}

// Units of one character of SeqLen UTF-8 bytes in encoding E.
unsigned unitsOf(unsigned SeqLen, Encoding E) {
  switch (E) {
  case Encoding::UTF8:
    return SeqLen;
  case Encoding::UTF16:
    return SeqLen == 4 ? 2 : 1;
  case Encoding::UTF32:
    return 1;
  }
  return 1;
}

// Offset of the start of 0-based Line (Text.size() past the last).
size_t lineStart(StringRef Text, unsigned Line) {
  size_t Off = 0;
  for (unsigned L = 0; L < Line; ++L) {
    size_t Nl = Text.find('\n', Off);
    if (Nl == StringRef::npos)
      return Text.size();
    Off = Nl + 1;
  }
  return Off;
}

size_t lineEnd(StringRef Text, size_t Start) {
  size_t Nl = Text.find('\n', Start);
  if (Nl == StringRef::npos)
    return Text.size();
  if (Nl > Start && Text[Nl - 1] == '\r')
    return Nl - 1;
  return Nl;
}

bool isWordChar(char C) { return llvm::isAlnum(C) || C == '_'; }

} // namespace

size_t offsetOf(StringRef Text, Position P, Encoding E) {
  size_t Off = lineStart(Text, P.Line);
  size_t End = lineEnd(Text, Off);
  unsigned Units = 0;
  while (Off < End && Units < P.Character) {
    unsigned Len = sequenceLength((unsigned char)Text[Off]);
    Units += unitsOf(Len, E);
    Off = std::min(End, Off + Len);
  }
  return Off;
}

Position positionOf(StringRef Text, unsigned Line, unsigned Column,
                    Encoding E) {
  Position P;
  P.Line = Line > 0 ? Line - 1 : 0;
  size_t Start = lineStart(Text, P.Line);
  size_t End = lineEnd(Text, Start);
  size_t Target = std::min(End, Start + (Column > 0 ? Column - 1 : 0));
  for (size_t Off = Start; Off < Target;) {
    unsigned Len = sequenceLength((unsigned char)Text[Off]);
    P.Character += unitsOf(Len, E);
    Off += Len;
  }
  return P;
}

Range wordAt(StringRef Text, Position P, Encoding E) {
  size_t Begin = offsetOf(Text, P, E);
  size_t End = Begin;
  while (End < Text.size() && isWordChar(Text[End]))
    ++End;
  if (End == Begin && End < Text.size() && Text[End] != '\n')
    End += sequenceLength((unsigned char)Text[End]);
  Range R{P, P};
  for (size_t Off = Begin; Off < End && Off < Text.size();) {
    unsigned Len = sequenceLength((unsigned char)Text[Off]);
    R.End.Character += unitsOf(Len, E);
    Off += Len;
  }
  return R;
}

bool applyChange(std::string &Text, const llvm::json::Object &Change,
                 Encoding E) {
  std::optional<StringRef> NewText = Change.getString("text");
  if (!NewText)
    return false;
  const llvm::json::Value *RangeV = Change.get("range");
  if (!RangeV) {
    Text = NewText->str();
    return true;
  }
  std::optional<Range> R = parseRange(RangeV);
  if (!R)
    return false;
  size_t Begin = offsetOf(Text, R->Start, E);
  size_t End = offsetOf(Text, R->End, E);
  if (End < Begin)
    return false;
  Text.replace(Begin, End - Begin, NewText->data(), NewText->size());
  return true;
}

std::optional<Position> parsePosition(const llvm::json::Value *V) {
  const llvm::json::Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return std::nullopt;
  std::optional<int64_t> Line = O->getInteger("line");
  std::optional<int64_t> Char = O->getInteger("character");
  if (!Line || !Char || *Line < 0 || *Char < 0)
    return std::nullopt;
  return Position{unsigned(*Line), unsigned(*Char)};
}

std::optional<Range> parseRange(const llvm::json::Value *V) {
  const llvm::json::Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return std::nullopt;
  std::optional<Position> S = parsePosition(O->get("start"));
  std::optional<Position> E = parsePosition(O->get("end"));
  if (!S || !E)
    return std::nullopt;
  return Range{*S, *E};
}

llvm::json::Value toJson(const Position &P) {
  return llvm::json::Object{{"line", P.Line}, {"character", P.Character}};
}

llvm::json::Value toJson(const Range &R) {
  return llvm::json::Object{{"start", toJson(R.Start)},
                            {"end", toJson(R.End)}};
}

std::string uriToPath(StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return "";
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] == '%' && I + 2 < Uri.size() + 0 &&
        llvm::isHexDigit(Uri[I + 1]) && llvm::isHexDigit(Uri[I + 2])) {
      Path.push_back(char(llvm::hexFromNibbles(Uri[I + 1], Uri[I + 2])));
      I += 2;
    } else {
      Path.push_back(Uri[I]);
    }
  }
  return Path;
}

std::string pathToUri(StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || StringRef("/-_.~").contains(C))
      Uri.push_back(char(C));
    else {
      Uri.push_back('%');
      Uri.push_back(llvm::hexdigit(C >> 4, /*LowerCase=*/false));
      Uri.push_back(llvm::hexdigit(C & 15, false));
    }
  }
  return Uri;
}

} // namespace wdfclangd
