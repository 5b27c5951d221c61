# lit configuration for the wdfcheck test suites.
import os
import lit.formats

config.name = "wdfcheck"
# RUN lines run in bash: tests check exact exit statuses with $?.
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.wdfcheck_obj_root, "test")

src = config.wdfcheck_src_root
tools = config.llvm_tools_dir
plugin = os.path.join(config.wdfcheck_lib_dir, "wdfcheck-plugin.so")
model = os.path.join(src, "runtime", "include")
clang = os.path.join(tools, "clang")

# FileCheck, not, count, split-file from LLVM 19 first on PATH.
config.environment["PATH"] = os.pathsep.join(
    [tools, config.wdfcheck_bin_dir, config.environment.get("PATH", "")])
# Tool tests see the build tree's share/ (rule pages, model headers).
config.environment["WDFCHECK_SHARE_DIR"] = os.path.join(
    config.wdfcheck_obj_root, "share", "wdfcheck")

# clang -cc1 with the builtin headers, the model headers and the plugin.
cc1 = (f"{clang} -cc1 -internal-isystem {config.clang_resource_dir}/include "
       f"-nostdsysteminc -isystem {model} -load {plugin}")

def lib(name):
    return os.path.join(config.wdfcheck_lib_dir, f"lib{name}.a")

wdfrt_driver_flags = (f"-std=c11 -Wall -Wextra -Werror -g -DWDFCHECK_RUNTIME=1 "
                      f"-I {model} -I {src}/rules")
wdfrt_msan_flags = ("-fsanitize=memory -fsanitize-recover=memory "
                    "-fno-omit-frame-pointer -O1")

config.substitutions.extend([
    # -analyze with the core checkers; a test adds -analyzer-checker=wdf.X
    ("%wdf_analyze", f"{cc1} -analyze -analyzer-checker=core "
                     "-analyzer-output=text"),
    # the WDK's real shape: each DDI a FORCEINLINE wrapper over WdfFunctions
    ("%wdk_shape", "-DWDFCHECK_WDK_SHAPE=1"),
    # mingw-w64's DDK headers: POOL_NX_OPTIN leaves NonPagedPool the constant 0
    ("%mingw_nx", "-DWDFCHECK_MINGW_NX=1"),
    ("%msvc", "-triple x86_64-pc-windows-msvc -fms-extensions -fms-compatibility"),
    ("%wdf_cc1", cc1),
    ("%clangxx", clang + "++"),
    ("%clang", clang),
    ("%plugin", plugin),
    ("%model_include", model),
    ("%wdfcheck_clangd", os.path.join(config.wdfcheck_bin_dir, "wdfcheck-clangd")),
    ("%wdfcheck", os.path.join(config.wdfcheck_bin_dir, "wdfcheck")),
    ("%src_root", src),
    # a program built against the model headers and the runtime library
    ("%wdfrt_cflags", f"-std=c11 -Wall -Wextra -Werror -I {model} -I {src}/rules"),
    ("%wdfrt_lib", os.path.join(config.wdfcheck_lib_dir, "libwdfrt.a")),
    # a driver built for the runtime (its DDI calls carry file:line) and the
    # harness with its runtime, to link after it; the same with
    # MemorySanitizer: %wdfrt_msan_driver %s %wdfrt_msan_link -o %t
    ("%wdfrt_driver", f"{clang} {wdfrt_driver_flags}"),
    ("%wdfrt_link", f"{lib('wdfrt-harness')} {lib('wdfrt')}"),
    ("%wdfrt_msan_driver", f"{clang} {wdfrt_msan_flags} {wdfrt_driver_flags}"),
    ("%wdfrt_msan_link", f"{lib('wdfrt-harness-msan')} {lib('wdfrt-msan')}"),
    # the example driver under the runtime, built by runtime/cmake's helper
    ("%echo_runtime", os.path.join(config.wdfcheck_bin_dir, "echo-runtime")),
    ("%scan_build", os.path.join(tools, "scan-build")),
])

# The editor tests (test/ide): clangd-19 for the bridge, Neovim for the
# real-editor test (scripts/setup.sh installs both).
import shutil
clangd = shutil.which("clangd-19") or os.path.join(tools, "clangd")
if os.path.exists(clangd):
    config.available_features.add("clangd")
    config.substitutions.append(("%clangd", clangd))
nvim = shutil.which("nvim")
if nvim:
    config.available_features.add("neovim")
    config.substitutions.append(("%nvim", nvim))

# Microsoft's SARIF validator (npm @microsoft/sarif-multitool), installed by
# scripts/test.sh into the build tree when npm is available.
validator = os.path.join(config.wdfcheck_obj_root, "node", "node_modules",
                         ".bin", "sarif-multitool")
if os.path.exists(validator):
    config.available_features.add("sarif-validator")
    config.substitutions.append(("%sarif_multitool", validator))

# A hung test fails after fifteen minutes instead of stalling the run (lit
# needs psutil for that; scripts/setup.sh installs python3-psutil).  The
# longest test, corpus-run (every corpus driver built twice and run), takes
# about two and a half minutes on an idle 2-core machine and twice that
# when the machine is shared.
try:
    import psutil  # noqa: F401
    lit_config.maxIndividualTestTime = 900
except ImportError:
    pass

# util-linux's script(1) gives a command a terminal (the progress line).
import shutil
if shutil.which("script"):
    config.available_features.add("script")

# Debian's chromium renders the HTML report (scripts/setup.sh installs it).
if shutil.which("chromium"):
    config.available_features.add("chromium")

# mingw-w64's DDK headers (Debian's mingw-w64-common): the --kmdf-headers
# set's tests compile real driver code against them (test/kmdf-headers).
if os.path.exists("/usr/share/mingw-w64/include/ddk/wdm.h"):
    config.available_features.add("mingw-ddk")
