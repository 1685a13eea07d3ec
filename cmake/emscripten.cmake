# Every Emscripten flag of the project, in one place, each with the reason it is there.
# Included by the top-level CMakeLists.txt when building with the wasm toolchain.

# Run wasm test binaries under Node. Debian's emcmake would set
# `node;--experimental-wasm-threads`, which Node 20 rejects ("bad option"), and Node's
# global fetch confuses the 3.1.6 loader ("Failed to parse URL from ....wasm").
# Emscripten's toolchain file sets a bare `node`; replaced here, always.
find_program(NODE_EXECUTABLE node REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${NODE_EXECUTABLE};--no-experimental-fetch" CACHE STRING
    "How CTest runs wasm test binaries" FORCE)

# Emscripten's JS optimizer needs `acorn`; with a Node newer than Debian's it cannot find it
# ("Cannot find module 'acorn'") unless NODE_PATH names Debian's node modules. A launcher
# sets it for every compile and link, whatever shell the build runs from.
set(lesson_build_env "")
if(EXISTS /usr/share/nodejs/acorn)
  list(APPEND lesson_build_env NODE_PATH=/usr/share/nodejs)
endif()

# Closure minifies Emscripten's JS glue to about half. Debian's Emscripten has no closure
# compiler of its own; the project's npm packages bring the version 3.1.6 expects, and
# EM_CLOSURE_COMPILER points Emscripten at it (emsdk ships its own).
set(LESSON_CLOSURE_COMPILER ${CMAKE_SOURCE_DIR}/node_modules/.bin/google-closure-compiler)
set(LESSON_USE_CLOSURE OFF)
if(EXISTS ${LESSON_CLOSURE_COMPILER})
  list(APPEND lesson_build_env EM_CLOSURE_COMPILER=${LESSON_CLOSURE_COMPILER})
  set(LESSON_USE_CLOSURE ON)
elseif(DEFINED ENV{EMSDK})
  set(LESSON_USE_CLOSURE ON)
endif()
if(lesson_build_env)
  set(CMAKE_CXX_COMPILER_LAUNCHER env ${lesson_build_env})
  set(CMAKE_CXX_LINKER_LAUNCHER env ${lesson_build_env})
endif()

# Size-optimised release (the `wasm` preset builds MinSizeRel). -Oz over -Os and LTO
# across ImGui, the core and the app: measured in bench/README.md.
set(CMAKE_CXX_FLAGS_MINSIZEREL "-Oz -DNDEBUG -flto" CACHE STRING "" FORCE)
set(CMAKE_EXE_LINKER_FLAGS_MINSIZEREL "-Oz -flto" CACHE STRING "" FORCE)

# Release (the benchmark presets): Binaryen's optimiser runs at link time too.
set(CMAKE_EXE_LINKER_FLAGS_RELEASE "-O3" CACHE STRING "" FORCE)

# Link options of the lesson app (the test binaries use Emscripten's defaults plus exceptions).
set(LESSON_WASM_APP_LINK_OPTIONS
  -sUSE_GLFW=3              # Emscripten's built-in JS GLFW (no download, unlike SDL2 ports)
  -sUSE_WEBGL2=1            # WebGL2 = OpenGL ES 3.0, what ImGui's GL3 backend needs
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0  # ImGui's backend uses no extension; enabling
                            #  them all took ~60 ms of a phone's start (bench/README.md)
  -sMIN_WEBGL_VERSION=2
  -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1   # the heap starts small and grows if a figure needs more
  -sFILESYSTEM=0            # no files: the lesson reads nothing from a virtual disk
  -sMALLOC=emmalloc         # smaller than dlmalloc; allocation is not hot in the app
  -sENVIRONMENT=web         # no Node/worker branches in the glue
  -sMODULARIZE=1            # createLesson(Module) instead of a global that runs on load,
  -sEXPORT_NAME=createLesson #  so the page decides when and where it starts
  -sEXPORTED_RUNTIME_METHODS=[UTF8ToString]  # strings from the wasm to page.js (to it: seam.mjs, through Module.HEAPU8)
  -sEXPORTED_FUNCTIONS=[_main,_malloc,_free]  # page.js passes query strings in
  -sASSERTIONS=0
  # Glue the page never uses, left out (about 1.5 KB of gzip in lesson.js):
  -sINCOMING_MODULE_JS_API=[canvas,wasmBinary,instantiateWasm,preRun,onRuntimeInitialized,postRun,print,printErr]  # what load.mjs passes
  -sTEXTDECODER=2           # strings through TextDecoder only (every browser with WebGL2 has it)
  -sSUPPORT_LONGJMP=0       # nothing calls setjmp
  -sGL_TRACK_ERRORS=0       # ImGui's backend does not read glGetError
  -sBINARYEN_EXTRA_PASSES=-Oz  # Binaryen's size pipeline a second time: 1.4 KB of gzip less
  -sBINARYEN_IGNORE_IMPLICIT_TRAPS=1  # the optimizer may assume no load or division traps (none
                            #  does in a correct program; the figure traps on none): 0.4 KB gzip
  $<$<BOOL:${LESSON_USE_CLOSURE}>:--closure=1>
)
set(LESSON_WASM_APP_COMPILE_OPTIONS
  -fno-exceptions -fno-rtti  # the app never throws and never asks a type its name; both cost size
)
