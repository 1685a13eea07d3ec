#!/usr/bin/env bash
# Installs what the lesson needs to build, test and serve, and nothing twice.
# Called by serve.sh and test.sh; safe to run again (quick when everything is present).
#   - Debian packages: compilers, Emscripten 3.1.6, Eigen, doctest, Chromium, Inter font
#   - Dear ImGui 1.86 sources from Debian's source package, into third_party/ (git-ignored)
#   - npm packages from the committed package-lock.json (playwright-core for browser tests)
# Set IMGUI_DIR to use your own ImGui v1.86 checkout instead of the Debian sources.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

say() { printf 'bootstrap: %s\n' "$*"; }

# ---- Debian packages -------------------------------------------------------
# command or file that proves the package is present -> package name
declare -A need=(
  [/usr/bin/emcc]=emscripten
  [/usr/bin/clang++]=clang
  [/usr/include/eigen3/Eigen/Core]=libeigen3-dev
  [/usr/include/doctest/doctest.h]=doctest-dev
  [/usr/bin/cmake]=cmake
  [/usr/bin/ninja]=ninja-build
  [/usr/bin/chromium]=chromium
  [/usr/share/fonts/opentype/inter/Inter-Regular.otf]=fonts-inter
  [/usr/share/nodejs/acorn]=node-acorn
  [/usr/bin/zip]=zip
  [/usr/bin/dpkg-source]=dpkg-dev
  [/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a]=libclang-rt-14-dev
)
# pyftsubset, run as /usr/bin/python3 -m fontTools.subset
need[/usr/lib/python3/dist-packages/fontTools/subset/__init__.py]=python3-fonttools

missing=()
for f in "${!need[@]}"; do
  [ -e "$f" ] || missing+=("${need[$f]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "missing: ${missing[*]}"
    say "on Debian 12, as root: apt-get install ${missing[*]}"
    say "elsewhere: install Emscripten 3.1.6 (emsdk install 3.1.6 && emsdk activate 3.1.6),"
    say "  Eigen 3.4, doctest 2.4, CMake >= 3.21, Ninja, Node.js >= 18 and Chromium,"
    say "  and see README.md 'Building without Debian'."
    exit 1
  fi
fi

# ---- Dear ImGui 1.86 sources ----------------------------------------------
# Debian's libimgui-dev has headers only; the .cpp files are in the source package.
imgui_dir=${IMGUI_DIR:-$root/third_party/imgui}
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  if [ -n "${IMGUI_DIR:-}" ]; then
    say "IMGUI_DIR=$IMGUI_DIR has no imgui.cpp; point it at an ImGui v1.86 checkout"; exit 1
  fi
  say "fetching Dear ImGui 1.86 sources (Debian source package imgui=1.86+ds-1)"
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/parts" "$tmp/lists/partial" "$tmp/src"
  # The machine's own archive entries turned into source entries, in a private apt
  # configuration so that the machine's sources.list stays untouched.
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$tmp/parts/src.sources"
  else
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > "$tmp/parts/src.list"
  fi
  # APT::Sandbox::User=root: the private folders are root's, so apt's _apt user cannot write them.
  O=(-o APT::Sandbox::User=root -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$tmp/parts" -o "Dir::State::Lists=$tmp/lists")
  apt-get "${O[@]}" update -qq
  (cd "$tmp/src" && apt-get "${O[@]}" source -qq --only-source imgui=1.86+ds-1 >/dev/null)
  mkdir -p "$(dirname "$imgui_dir")"
  rm -rf "$imgui_dir"
  mv "$tmp/src/imgui-1.86+ds" "$imgui_dir"
fi

# ---- npm packages ----------------------------------------------------------
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
  fi
fi
exit 0
