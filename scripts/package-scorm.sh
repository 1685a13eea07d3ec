#!/usr/bin/env bash
# Packages the built lesson (dist/) as a SCORM 1.2 package, dist/lesson-scorm.zip: the
# lesson as one SCO, with an imsmanifest.xml that Moodle, Canvas and other LMSs import.
# Builds the site first if it is missing. DIST=... to package another build folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=${DIST:-$root/dist}
if [ ! -f "$dist/lesson.wasm" ] || [ ! -f "$dist/page.js" ]; then
  (cd "$root" && ./scripts/bootstrap.sh && cmake --preset wasm >/dev/null && cmake --build --preset wasm --target site)
fi
command -v zip >/dev/null || { echo "package-scorm: needs zip (apt-get install zip)"; exit 1; }

# The files one visit needs (the examples, the single-file build and old zips stay out).
# Not sw.js: inside an LMS the LMS serves the lesson, and the page registers no service
# worker there (main.mjs), so it would only be a file no one loads.
files=(index.html lesson.css favicon.svg lesson.js lesson.wasm lesson-nosimd.wasm page.js learner.js quiz.json)
for f in "${files[@]}"; do
  [ -f "$dist/$f" ] || { echo "package-scorm: $dist/$f is missing"; exit 1; }
done

# Each fact from its one source: the version from package.json, the mastery score from the
# quiz's pass rule (quiz.mjs: passed when the share right is at least passingScore, 1 when
# absent), the description from the page's own <meta name="description">.
version=$(node -p "require('$root/package.json').version")
mastery=$(node -p "Math.round(100 * (require('$dist/quiz.json').passingScore ?? 1))")
# The edition's language, title and description are the page's own (<html lang>, <title>,
# <meta name="description">): a Spanish edition (DIST=dist/es) makes a Spanish package.
page_fact() { node -p "require('fs').readFileSync('$dist/index.html', 'utf8').match(/$1/)[1]"; }
description=$(page_fact '<meta name=\"description\" content=\"([^\"]*)\"')
title=$(page_fact '<title>([^<]*)<\/title>')
lang=$(page_fact '<html lang=\"([^\"]+)\"')
keywords=(neuron "artificial neuron" "spiking neuron" perceptron "deep learning" "neural network")
en() { echo "<langstring xml:lang=\"en\">$1</langstring>"; }
in_lang() { echo "<langstring xml:lang=\"$lang\">$1</langstring>"; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
for f in "${files[@]}"; do cp "$dist/$f" "$stage/"; done
# The page in a package registers no service worker (the package has no sw.js: the LMS
# serves the files), even when the unzipped package is opened outside an LMS.
grep -q "^<html lang=\"$lang\">" "$stage/index.html" || { echo "$(basename "$0"): index.html's <html> is not the expected one"; exit 1; }
sed -i "s/^<html lang=\"$lang\">/<html lang=\"$lang\" data-package=\"scorm12\">/" "$stage/index.html"
# A package holds one edition: no switch to the site's other folders.
sed -i '/^<nav class="editions"/d' "$stage/index.html"
# No xsi:schemaLocation: it would name XSD files the zip does not carry (and LMSs import
# SCORM 1.2 manifests without them). The metadata is IMS LOM 1.2.1, inline, as SCORM 1.2
# allows, its elements in the order the LOM schema sets.
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo "<manifest identifier=\"biological-vs-artificial-neurons\" version=\"$version\""
  echo '    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"'
  echo '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">'
  echo '  <metadata>'
  echo '    <schema>ADL SCORM</schema>'
  echo '    <schemaversion>1.2</schemaversion>'
  echo '    <lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">'
  echo '      <general>'
  echo "        <title>$(in_lang "$title")</title>"
  echo "        <language>$lang</language>"
  echo "        <description>$(in_lang "$description")</description>"
  for k in "${keywords[@]}"; do echo "        <keyword>$(en "$k")</keyword>"; done
  echo '      </general>'
  echo "      <lifecycle><version>$(en "$version")</version></lifecycle>"
  echo '      <metametadata><metadatascheme>ADL SCORM 1.2</metadatascheme><language>en</language></metametadata>'
  echo '    </lom>'
  echo '  </metadata>'
  echo '  <organizations default="lesson-org">'
  echo '    <organization identifier="lesson-org">'
  echo "      <title>$title</title>"
  echo '      <item identifier="lesson-item" identifierref="lesson-sco" isvisible="true">'
  echo "        <title>$title</title>"
  echo "        <adlcp:masteryscore>$mastery</adlcp:masteryscore>"
  echo '      </item>'
  echo '    </organization>'
  echo '  </organizations>'
  echo '  <resources>'
  echo '    <resource identifier="lesson-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">'
  for f in "${files[@]}"; do echo "      <file href=\"$f\"/>"; done
  echo '    </resource>'
  echo '  </resources>'
  echo '</manifest>'
} > "$stage/imsmanifest.xml"

rm -f "$dist/lesson-scorm.zip"
(cd "$stage" && zip -q -X -r "$dist/lesson-scorm.zip" imsmanifest.xml "${files[@]}")
echo "package-scorm: wrote $dist/lesson-scorm.zip, version $version ($(du -k "$dist/lesson-scorm.zip" | cut -f1) KB)"
