# Finds Emscripten's own CMake toolchain file, wherever Emscripten is installed:
#   - emsdk:  $EMSDK/upstream/emscripten  (after `emsdk activate 3.1.6`)
#   - $EMSCRIPTEN or $EMSCRIPTEN_ROOT, if set
#   - Debian: /usr/share/emscripten  (package emscripten, 3.1.6)
#   - next to em++ on PATH
# Used by the `wasm` preset so that one preset serves both kinds of install.
find_program(_lesson_empp em++)
set(_lesson_candidates
  "$ENV{EMSDK}/upstream/emscripten"
  "$ENV{EMSCRIPTEN}"
  "$ENV{EMSCRIPTEN_ROOT}"
  "/usr/share/emscripten")
if(_lesson_empp)
  get_filename_component(_lesson_real "${_lesson_empp}" REALPATH)
  get_filename_component(_lesson_dir "${_lesson_real}" DIRECTORY)
  list(APPEND _lesson_candidates "${_lesson_dir}")
endif()
foreach(dir IN LISTS _lesson_candidates)
  if(dir AND EXISTS "${dir}/cmake/Modules/Platform/Emscripten.cmake")
    include("${dir}/cmake/Modules/Platform/Emscripten.cmake")
    return()
  endif()
endforeach()
message(FATAL_ERROR "Emscripten not found. Install Debian's emscripten package, or emsdk: "
                    "emsdk install 3.1.6 && emsdk activate 3.1.6 && source emsdk_env.sh")
