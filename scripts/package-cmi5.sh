#!/usr/bin/env bash
# Packages the built lesson (dist/) as a cmi5 course, dist/lesson-cmi5.zip: cmi5.xml (one
# assignable unit, the lesson) and the lesson's files, cmi5.js included. Any cmi5 LMS
# (SCORM Cloud, Moodle with a cmi5 plugin, Rustici Engine, ...) imports it.
# Builds the site first if it is missing. DIST=... to package another build folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=${DIST:-$root/dist}
if [ ! -f "$dist/lesson.wasm" ] || [ ! -f "$dist/cmi5.js" ]; then
  (cd "$root" && ./scripts/bootstrap.sh && cmake --preset wasm >/dev/null && cmake --build --preset wasm --target site)
fi
command -v zip >/dev/null || { echo "package-cmi5: needs zip (apt-get install zip)"; exit 1; }

# The files one visit needs, as in the SCORM package, but no sw.js: the LMS owns the origin
# the lesson is served from, and a service worker there is not the lesson's to install.
files=(index.html lesson.css favicon.svg lesson.js lesson.wasm lesson-nosimd.wasm page.js learner.js cmi5.js quiz.json)
for f in "${files[@]}"; do
  [ -f "$dist/$f" ] || { echo "package-cmi5: $dist/$f is missing"; exit 1; }
done

# The version is package.json's; the mastery score is the quiz's pass rule (assets/quiz.json).
version=$(node -p "require('$root/package.json').version")
mastery=$(node -p "const q = require('$dist/quiz.json'); q.passingScore === undefined ? 1 : q.passingScore")
# The edition's language, title and description are the page's own (<html lang>, <title>,
# <meta name="description">): a Spanish edition (DIST=dist/es) makes a Spanish course.
page_fact() { node -p "require('fs').readFileSync('$dist/index.html', 'utf8').match(/$1/)[1]"; }
title=$(page_fact '<title>([^<]*)<\/title>')
description="$(page_fact '<meta name=\"description\" content=\"([^\"]*)\"') ($version)"
lang=$(page_fact '<html lang=\"([^\"]+)\"')
[ "$lang" = en ] && tag=en-US || tag=$lang
id="urn:lesson:biological-vs-artificial-neurons"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
for f in "${files[@]}"; do cp "$dist/$f" "$stage/"; done
# The page in a package registers no service worker (the package has no sw.js: the LMS
# serves the files), even when the unzipped package is opened outside an LMS.
grep -q "^<html lang=\"$lang\">" "$stage/index.html" || { echo "$(basename "$0"): index.html's <html> is not the expected one"; exit 1; }
sed -i "s/^<html lang=\"$lang\">/<html lang=\"$lang\" data-package=\"cmi5\">/" "$stage/index.html"
# A package holds one edition: no switch to the site's other folders.
sed -i '/^<nav class="editions"/d' "$stage/index.html"
# The page's policy allows fetches to its own origin only; in an LMS the statements go to the
# LMS's LRS, whose origin the package cannot know: connect-src is opened for this copy.
# Scripts stay 'self' only.
csp_from="default-src 'self'; script-src"
grep -q "$csp_from" "$stage/index.html" || { echo "package-cmi5: index.html's CSP is not the expected one"; exit 1; }
sed -i "s/$csp_from/default-src 'self'; connect-src *; script-src/" "$stage/index.html"

# moveOn CompletedAndPassed: the learner moves on after every question is checked and the
# quiz passed. AnyWindow: the lesson works in a frame, a new window or the LMS's own.
cat > "$stage/cmi5.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="$id">
    <title><langstring lang="$tag">$title</langstring></title>
    <description><langstring lang="$tag">$description</langstring></description>
  </course>
  <au id="$id:au" moveOn="CompletedAndPassed" masteryScore="$mastery" launchMethod="AnyWindow">
    <title><langstring lang="$tag">$title</langstring></title>
    <description><langstring lang="$tag">$description</langstring></description>
    <url>index.html</url>
  </au>
</courseStructure>
XML

rm -f "$dist/lesson-cmi5.zip"
(cd "$stage" && zip -q -X -r "$dist/lesson-cmi5.zip" cmi5.xml "${files[@]}")
echo "package-cmi5: wrote $dist/lesson-cmi5.zip ($(du -k "$dist/lesson-cmi5.zip" | cut -f1) KB)"
