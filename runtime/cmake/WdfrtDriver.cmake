# WdfrtDriver.cmake - building a KMDF driver into a program that runs under
# the wdfcheck runtime model.
#
#   wdfrt_add_driver(<name> SOURCES <file>...
#                    [INCLUDE_DIRECTORIES <dir>...] [DEFINITIONS <def>...])
#
# makes two programs from the driver's unchanged sources, each linked with
# the runtime (wdfrt) and the harness (wdfrt-harness, which has main):
#
#   <name>        built by the project's C compiler; never-written bytes are
#                 found by the coarse model
#   <name>-msan   built by clang 19 with -fsanitize=memory, against the
#                 MemorySanitizer build of the runtime and harness; never-
#                 written bytes are found byte for byte
#
# Both are compiled with WDFCHECK_RUNTIME=1, which makes the model headers
# record the driver's file:line at every DDI call.  The MSan program is made
# by custom commands that call clang directly, so it is clang 19 whatever
# compiler the project is configured with.

set(WDFRT_MSAN_FLAGS -fsanitize=memory -fsanitize-recover=memory
    -fno-omit-frame-pointer -g -O1 CACHE INTERNAL "MemorySanitizer build flags")

# Compiles SOURCES with clang 19 and MemorySanitizer into objects under
# <binary dir>/<name>.msan/; their paths go to the variable OBJECTS.
function(wdfrt_int_msan_objects NAME OBJECTS)
  cmake_parse_arguments(ARG "" "" "SOURCES;INCLUDES;DEFINITIONS;FLAGS" ${ARGN})
  set(objects "")
  set(flags ${WDFRT_MSAN_FLAGS} ${ARG_FLAGS})
  foreach(dir ${ARG_INCLUDES})
    list(APPEND flags -I${dir})
  endforeach()
  foreach(def ${ARG_DEFINITIONS})
    list(APPEND flags -D${def})
  endforeach()
  set(index 0)
  foreach(source ${ARG_SOURCES})
    get_filename_component(base ${source} NAME_WE)
    get_filename_component(extension ${source} LAST_EXT)
    if(extension STREQUAL ".cpp" OR extension STREQUAL ".cc")
      # C++ drivers: kernel C++ (no exceptions, no run-time type information)
      set(compile ${WDFRT_CLANGXX} -std=c++17 -fno-exceptions -fno-rtti)
    else()
      set(compile ${WDFRT_CLANG} -std=c11)
    endif()
    math(EXPR index "${index} + 1")
    set(object ${CMAKE_CURRENT_BINARY_DIR}/${NAME}.msan/${index}-${base}.o)
    add_custom_command(
      OUTPUT ${object}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/${NAME}.msan
      COMMAND ${compile} ${flags} -MD -MF ${object}.d -c ${source} -o ${object}
      DEPENDS ${source}
      DEPFILE ${object}.d
      COMMENT "Building ${base}${extension} for ${NAME} with MemorySanitizer"
      VERBATIM)
    list(APPEND objects ${object})
  endforeach()
  set(${OBJECTS} ${objects} PARENT_SCOPE)
endfunction()

# A static library of MSan objects: <name> is a custom target, the archive
# is ${CMAKE_ARCHIVE_OUTPUT_DIRECTORY}/lib<name>.a.
function(wdfrt_msan_library NAME)
  cmake_parse_arguments(ARG "" "" "SOURCES;INCLUDES;DEFINITIONS;FLAGS" ${ARGN})
  wdfrt_int_msan_objects(${NAME} objects SOURCES ${ARG_SOURCES}
                      INCLUDES ${ARG_INCLUDES} DEFINITIONS ${ARG_DEFINITIONS}
                      FLAGS ${ARG_FLAGS})
  set(archive ${CMAKE_ARCHIVE_OUTPUT_DIRECTORY}/lib${NAME}.a)
  add_custom_command(
    OUTPUT ${archive}
    COMMAND ${CMAKE_COMMAND} -E rm -f ${archive}
    COMMAND ${WDFRT_AR} rcs ${archive} ${objects}
    DEPENDS ${objects}
    COMMENT "Archiving lib${NAME}.a"
    VERBATIM)
  add_custom_target(${NAME} ALL DEPENDS ${archive})
  set_target_properties(${NAME} PROPERTIES WDFRT_ARCHIVE ${archive})
endfunction()

function(wdfrt_add_driver NAME)
  cmake_parse_arguments(ARG "" "" "SOURCES;INCLUDE_DIRECTORIES;DEFINITIONS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "wdfrt_add_driver(${NAME}) needs SOURCES")
  endif()
  set(sources "")
  foreach(source ${ARG_SOURCES})
    get_filename_component(source ${source} ABSOLUTE)
    list(APPEND sources ${source})
  endforeach()

  # The plain program.
  add_executable(${NAME} ${sources})
  target_compile_definitions(${NAME} PRIVATE WDFCHECK_RUNTIME=1 ${ARG_DEFINITIONS})
  target_include_directories(${NAME} PRIVATE ${ARG_INCLUDE_DIRECTORIES})
  target_compile_options(${NAME} PRIVATE -g)
  target_link_libraries(${NAME} PRIVATE wdfrt-harness wdfrt)

  # The MemorySanitizer program.
  wdfrt_int_msan_objects(${NAME} objects SOURCES ${sources}
                      INCLUDES ${ARG_INCLUDE_DIRECTORIES} ${WDFRT_INCLUDE_DIR}
                               ${WDFRT_RULES_DIR}
                      DEFINITIONS WDFCHECK_RUNTIME=1 ${ARG_DEFINITIONS})
  get_target_property(harness wdfrt-harness-msan WDFRT_ARCHIVE)
  get_target_property(runtime wdfrt-msan WDFRT_ARCHIVE)
  set(program ${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/${NAME}-msan)
  set(linker ${WDFRT_CLANG})
  if(sources MATCHES "\\.(cpp|cc)(;|$)")
    set(linker ${WDFRT_CLANGXX})
  endif()
  add_custom_command(
    OUTPUT ${program}
    COMMAND ${linker} ${WDFRT_MSAN_FLAGS} ${objects} ${harness} ${runtime}
            -o ${program}
    DEPENDS ${objects} ${harness} ${runtime} wdfrt-msan wdfrt-harness-msan
    COMMENT "Linking ${NAME}-msan"
    VERBATIM)
  add_custom_target(${NAME}-msan ALL DEPENDS ${program})
endfunction()
