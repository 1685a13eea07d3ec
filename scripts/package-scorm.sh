#!/usr/bin/env bash
# Packages the built lesson (dist/) as a SCORM 1.2 package, dist/lesson-scorm.zip: the
# lesson as one SCO, with an imsmanifest.xml that Moodle, Canvas and other LMSs import.
# Builds the site first if it is missing. DIST=... to package another build folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=${DIST:-$root/dist}
if [ ! -f "$dist/lesson.wasm" ] || [ ! -f "$dist/sw.js" ]; then
  (cd "$root" && ./scripts/bootstrap.sh && cmake --preset wasm >/dev/null && cmake --build --preset wasm --target site)
fi
command -v zip >/dev/null || { echo "package-scorm: needs zip (apt-get install zip)"; exit 1; }

# The files one visit needs (the examples, the single-file build and old zips stay out).
files=(index.html lesson.css favicon.svg lesson.js lesson.wasm lesson-nosimd.wasm page.js quiz.json sw.js)
for f in "${files[@]}"; do
  [ -f "$dist/$f" ] || { echo "package-scorm: $dist/$f is missing"; exit 1; }
done

title="Biological vs Artificial Neurons: How the Brain Inspired Deep Learning"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
for f in "${files[@]}"; do cp "$dist/$f" "$stage/"; done
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<manifest identifier="biological-vs-artificial-neurons" version="1"'
  echo '    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"'
  echo '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"'
  echo '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
  echo '    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">'
  echo '  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>'
  echo '  <organizations default="lesson-org">'
  echo '    <organization identifier="lesson-org">'
  echo "      <title>$title</title>"
  echo '      <item identifier="lesson-item" identifierref="lesson-sco" isvisible="true">'
  echo "        <title>$title</title>"
  echo '        <adlcp:masteryscore>100</adlcp:masteryscore>'
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
echo "package-scorm: wrote $dist/lesson-scorm.zip ($(du -k "$dist/lesson-scorm.zip" | cut -f1) KB)"
