//===- Generated.cpp - the headers a driver's build generates -------------===//
// (placeholder: writes nothing yet)
#include "Generated.h"

namespace wdfcheck {

bool writeWppHeader(const std::string &, const WppSettings &,
                    const std::string &, std::string &Error) {
  Error = "WPP headers are not generated yet";
  return false;
}
bool writeMessageHeader(const std::string &, const std::string &,
                        std::string &Error) {
  Error = "message headers are not generated yet";
  return false;
}
bool writeManifestHeader(const std::string &, const std::string &,
                         std::string &Error) {
  Error = "manifest headers are not generated yet";
  return false;
}
bool writeMofHeader(const std::string &, const std::string &,
                    std::string &Error) {
  Error = "MOF headers are not generated yet";
  return false;
}

} // namespace wdfcheck
