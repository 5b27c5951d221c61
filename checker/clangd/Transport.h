//===- Transport.h - LSP base protocol framing over file descriptors ------===//
//
// The base protocol of the Language Server Protocol: a header block
// ("Content-Length: N", optionally "Content-Type: ..."), an empty line, and N
// bytes of JSON.  The bridge reads and writes bodies as bytes: what it only
// forwards is written exactly as it was read.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_CLANGD_TRANSPORT_H
#define WDFCHECK_CLANGD_TRANSPORT_H

#include "llvm/ADT/StringRef.h"
#include <mutex>
#include <string>

namespace wdfclangd {

// Reads framed messages from a file descriptor.  A header block without a
// usable Content-Length is reported as Malformed and skipped: reading goes
// on with the next header block.
class FramedReader {
public:
  enum Result { Message, Malformed, End };

  explicit FramedReader(int Fd) : Fd(Fd) {}

  // The next message's body (Message), or why a header block was skipped
  // (Malformed, Problem set), or End at end of input or a read error.
  Result next(std::string &Body, std::string &Problem);

private:
  int Fd;
  std::string Buffer; // read but not yet consumed
  size_t Start = 0;   // where the unconsumed bytes begin in Buffer
  bool Eof = false;

  bool fill(); // reads more; false at end of input
  bool readLine(std::string &Line);
  bool readBytes(size_t N, std::string &Out);
};

// Writes framed messages to a file descriptor; safe from several threads
// (one message is written whole before the next).
class FramedWriter {
public:
  explicit FramedWriter(int Fd) : Fd(Fd) {}
  // False when the other side is gone.
  bool write(llvm::StringRef Body);

private:
  int Fd;
  std::mutex Lock;
};

} // namespace wdfclangd

#endif
