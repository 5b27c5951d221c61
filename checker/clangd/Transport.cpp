//===- Transport.cpp - LSP base protocol framing over file descriptors ----===//
#include "Transport.h"

#include <cerrno>
#include <unistd.h>

namespace wdfclangd {

bool FramedReader::fill() {
  if (Eof)
    return false;
  if (Start > 0 && Start == Buffer.size()) {
    Buffer.clear();
    Start = 0;
  } else if (Start > (1u << 20)) {
    Buffer.erase(0, Start);
    Start = 0;
  }
  char Chunk[65536];
  for (;;) {
    ssize_t N = ::read(Fd, Chunk, sizeof Chunk);
    if (N > 0) {
      Buffer.append(Chunk, size_t(N));
      return true;
    }
    if (N < 0 && errno == EINTR)
      continue;
    Eof = true;
    return false;
  }
}

bool FramedReader::readLine(std::string &Line) {
  for (;;) {
    size_t Nl = Buffer.find('\n', Start);
    if (Nl != std::string::npos) {
      Line.assign(Buffer, Start, Nl - Start);
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      Start = Nl + 1;
      return true;
    }
    if (!fill())
      return false;
  }
}

bool FramedReader::readBytes(size_t N, std::string &Out) {
  while (Buffer.size() - Start < N)
    if (!fill())
      return false;
  Out.assign(Buffer, Start, N);
  Start += N;
  return true;
}

FramedReader::Result FramedReader::next(std::string &Body,
                                        std::string &Problem) {
  std::string Line;
  // Blank lines between messages are tolerated, as clangd tolerates them.
  do {
    if (!readLine(Line))
      return End;
  } while (Line.empty());

  bool HaveLength = false, BadLength = false;
  size_t Length = 0;
  std::string Junk;
  for (; !Line.empty(); ) {
    llvm::StringRef Header(Line);
    auto [Name, Value] = Header.split(':');
    if (Name.trim().equals_insensitive("Content-Length")) {
      unsigned long long N;
      if (Value.trim().getAsInteger(10, N) || N > (1ull << 31))
        BadLength = true;
      else {
        Length = size_t(N);
        HaveLength = true;
      }
    } else if (!Name.trim().equals_insensitive("Content-Type") &&
               Junk.empty()) {
      Junk = Line.substr(0, 60);
    }
    if (!readLine(Line))
      return End;
  }
  if (!HaveLength || BadLength) {
    Problem = BadLength ? "a header block with a bad Content-Length"
                        : "a header block without Content-Length";
    if (!Junk.empty())
      Problem += " (starting '" + Junk + "')";
    return Malformed;
  }
  if (!readBytes(Length, Body))
    return End;
  return Message;
}

bool FramedWriter::write(llvm::StringRef Body) {
  std::string Frame = "Content-Length: " + std::to_string(Body.size()) +
                      "\r\n\r\n";
  Frame.append(Body.data(), Body.size());
  std::lock_guard<std::mutex> Guard(Lock);
  const char *P = Frame.data();
  size_t Left = Frame.size();
  while (Left > 0) {
    ssize_t N = ::write(Fd, P, Left);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    P += N;
    Left -= size_t(N);
  }
  return true;
}

} // namespace wdfclangd
