#!/usr/bin/env bash
# Installs what wdfcheck needs on Debian (bookworm or newer), and nothing when
# everything is already there.  When it cannot install (not root and no
# password-less sudo, or no apt-get), it says what to do and exits 1.
set -euo pipefail

packages=(
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19 clang-tools-19
  clangd-19 llvm-19-tools libclang-rt-19-dev lld-19
  cmake ninja-build python3 python3-psutil perl gcc libstdc++-12-dev git
  chromium neovim libxml2-dev mingw-w64-common
)

installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<MSG
wdfcheck setup: this is not a Debian system (no dpkg/apt-get).
Install LLVM/Clang 19 (with its CMake package and libclang-cpp), libxml2's
development files, CMake, Ninja and Python 3 yourself (and mingw-w64's
headers for --kmdf-headers), then configure with
  cmake -G Ninja -S . -B build -DLLVM_DIR=<llvm-19>/lib/cmake/llvm
MSG
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "wdfcheck setup: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  cat >&2 <<MSG
wdfcheck setup: these packages are missing and this user cannot install them:
  ${missing[*]}
Ask an administrator to run (or run as root):
  apt-get update && apt-get install -y ${missing[*]}
MSG
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "wdfcheck setup: done" >&2
