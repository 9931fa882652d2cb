#!/usr/bin/env bash
# Lists the release bundle (raw, gzip and brotli bytes per file) and fails when a lazily
# loaded wasm split grows past its limit. The whole first load per page (main module plus the
# splits and shared chunks that page needs) is checked in the browser by
# end2end/tests/delivery.spec.ts.
#
# The goal (issue #9) is no lazily loaded chunk over 150 KB brotli; the company and workspace
# pages are still over it (README, "Delivery and first load"), so the enforced limit stops
# growth near today's size while the goal is reported. (2026-11-30: 350 KB, up from 340 KB,
# when the company page gained co-coaching requests, member removal and the audit link; the
# company split is 340 KB.)
set -euo pipefail
cd "$(dirname "$0")/.."
PKG=target/site/pkg
CHUNK_GOAL=150000
CHUNK_LIMIT=${CHUNK_LIMIT_BYTES:-350000}
[ -d "$PKG" ] || { echo "no release bundle in $PKG: run scripts/build-release.sh" >&2; exit 1; }
main_hash=$(awk -F': *' '$1 == "wasm" {print $2}' target/release/hash.txt)

size() { stat -c %s "$1" 2>/dev/null || echo 0; }
printf '%-64s %10s %10s %10s\n' file raw gzip brotli
failed=0 passed=0 over_goal=0 total_br=0
for f in $(ls "$PKG" | grep -E '\.(wasm|js|css)$' | sort); do
  raw=$(size "$PKG/$f"); gz=$(size "$PKG/$f.gz"); br=$(size "$PKG/$f.br")
  total_br=$((total_br + br))
  printf '%-64s %10s %10s %10s\n' "$f" "$raw" "$gz" "$br"
  if [ "$br" -eq 0 ]; then
    echo "  !! $f has no precompressed .br file" >&2
    failed=$((failed + 1))
  elif [[ "$f" == *.wasm && "$f" != *"$main_hash"* ]]; then
    [ "$br" -gt "$CHUNK_GOAL" ] && over_goal=$((over_goal + 1))
    if [ "$br" -gt "$CHUNK_LIMIT" ]; then
      echo "  !! lazily loaded $f is $br bytes brotli, over the limit of $CHUNK_LIMIT" >&2
      failed=$((failed + 1))
    else
      passed=$((passed + 1))
    fi
  fi
done
echo "all files, brotli: $total_br bytes; lazily loaded wasm over the ${CHUNK_GOAL}-byte goal: $over_goal"
echo "chunk limit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
