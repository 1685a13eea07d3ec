#!/usr/bin/env bash
# Builds the lesson, packages it, tests the packages, and writes release/ with the version
# (package.json's, the one place it is written) in every name:
#   neurons-lesson-<version>-site.zip      the site: unzip onto any web server (dist/)
#   neurons-lesson-<version>.html          the whole lesson in one file (opens from a disk)
#   neurons-lesson-<version>-scorm12.zip   a SCORM 1.2 package (Moodle, Canvas, Blackboard, …)
#   neurons-lesson-<version>-cmi5.zip      a cmi5 course (SCORM Cloud, ILIAS, TalentLMS, …)
#   neurons-lesson-<version>-es.html, -es-scorm12.zip, -es-cmi5.zip
#                                          the same for each other edition (dist/es/, ...);
#                                          the site zip holds every edition
#   SHA256SUMS                             `sha256sum -c SHA256SUMS` checks them all
#   CHANGELOG.md                           what changed, release by release
# Then each package is unpacked, served and opened in headless Chromium, where its quiz is
# passed (tests/web/release.test.mjs).
#   DIST=dir       package that build instead of building (the tests do this)
#   OUT=dir        write there instead of release/
#   SKIP_TESTS=1   do not open the packages in Chromium
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ -z "${DIST:-}" ]; then
  ./scripts/bootstrap.sh
  cmake --preset wasm >/dev/null
  cmake --build --preset wasm
fi
dist=$(cd "${DIST:-$root/dist}" && pwd)
out=${OUT:-$root/release}
version=$(node -p "require('$root/package.json').version")
name="neurons-lesson-$version"
command -v zip >/dev/null || { echo "release: needs zip (apt-get install zip)"; exit 1; }
[ -f "$dist/index.html" ] && [ -f "$dist/lesson.wasm" ] || { echo "release: no built lesson in $dist"; exit 1; }

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
# The site: everything a server needs, every edition, precompressed copies included
# (servers that can, like scripts/serve.sh, send those); not the packages, nor the single
# files, which are releases of their own.
(cd "$dist" && zip -q -X -r "$out/$name-site.zip" . \
  -x 'lesson-scorm.zip' 'lesson-cmi5.zip' 'lesson-standalone.html*' \
     '*/lesson-scorm.zip' '*/lesson-cmi5.zip' '*/lesson-standalone.html*')
# Each edition (dist/ is English, dist/<lang>/ another language) as a single file and two
# packages. The packages are written next to the build they come from (as the package
# scripts always do), then copied under their release names.
files=("$name-site.zip")
for edition in "$dist" "$dist"/*/; do
  edition=${edition%/}
  [ -f "$edition/index.html" ] && [ -f "$edition/lesson.wasm" ] || continue
  lang=$(sed -n 's/^<html lang="\([^"]*\)">.*/\1/p' "$edition/index.html")
  [ "$lang" = en ] && suffix= || suffix="-$lang"
  DIST="$edition" ./scripts/package-scorm.sh >/dev/null
  DIST="$edition" ./scripts/package-cmi5.sh >/dev/null
  cp "$edition/lesson-standalone.html" "$out/$name$suffix.html"
  cp "$edition/lesson-scorm.zip" "$out/$name$suffix-scorm12.zip"
  cp "$edition/lesson-cmi5.zip" "$out/$name$suffix-cmi5.zip"
  files+=("$name$suffix.html" "$name$suffix-scorm12.zip" "$name$suffix-cmi5.zip")
done
cp "$root/CHANGELOG.md" "$out/CHANGELOG.md"
(cd "$out" && sha256sum "${files[@]}" > SHA256SUMS)

echo "release: $version in $out"
(cd "$out" && for f in "${files[@]}"; do
  printf '  %-40s %6s KB\n' "$f" "$(( ($(stat -c %s "$f") + 1023) / 1024 ))"
done)

if [ -z "${SKIP_TESTS:-}" ]; then
  LESSON_DIST="$dist" LESSON_RELEASE="$out" node --test tests/web/release.test.mjs
fi
