#!/usr/bin/env bash
# Weighs the citizen pages as a phone loads them the first time: the HTML plus every stylesheet
# and script it links (no user images), uncompressed and as gzip would send them.
# Usage: bench/page-weight.sh [base-url]   (default http://localhost:8080, e.g. after ./mvnw spring-boot:run)
set -euo pipefail
base=${1:-http://localhost:8080}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-16s %10s %10s\n' page bytes gzip
for path in / /lapor /lacak /laporan /masuk /daftar; do
  curl -fsS "$base$path" -o "$tmp/page.html"
  files=("$tmp/page.html")
  i=0
  for asset in $(grep -oE '(href|src)="/[^"]+\.(css|js)"' "$tmp/page.html" | sed -E 's/.*="([^"]+)"/\1/' | sort -u); do
    i=$((i + 1))
    curl -fsS "$base$asset" -o "$tmp/asset$i"
    files+=("$tmp/asset$i")
  done
  raw=$(cat "${files[@]}" | wc -c)
  gz=0
  for f in "${files[@]}"; do gz=$((gz + $(gzip -9c "$f" | wc -c))); done
  printf '%-16s %10d %10d\n' "$path" "$raw" "$gz"
done
