#!/usr/bin/env bash
# Lists the release bundle (raw, gzip and brotli bytes per file) and fails when a lazily
# loaded wasm chunk is over its budget. The whole first load per page (main module plus the
# chunks that page needs) is checked in the browser by end2end/tests/delivery.spec.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
PKG=target/site/pkg
CHUNK_BUDGET=${CHUNK_BUDGET_BYTES:-150000}
[ -d "$PKG" ] || { echo "no release bundle in $PKG: run scripts/build-release.sh" >&2; exit 1; }
main_wasm=$(awk -F': *' '$1 == "wasm" {print $2}' target/release/hash.txt)

size() { stat -c %s "$1" 2>/dev/null || echo 0; }
printf '%-58s %10s %10s %10s\n' file raw gzip brotli
failed=0 passed=0 total_br=0
for f in $(ls "$PKG" | grep -E '\.(wasm|js|css)$' | sort); do
  raw=$(size "$PKG/$f"); gz=$(size "$PKG/$f.gz"); br=$(size "$PKG/$f.br")
  total_br=$((total_br + br))
  printf '%-58s %10s %10s %10s\n' "$f" "$raw" "$gz" "$br"
  if [[ "$f" == *.wasm && "$f" != *"$main_wasm"* ]]; then
    if [ "$br" -gt "$CHUNK_BUDGET" ]; then
      echo "  !! lazily loaded chunk $f is $br bytes brotli, over the budget of $CHUNK_BUDGET" >&2
      failed=$((failed + 1))
    else
      passed=$((passed + 1))
    fi
  fi
  if [ "$br" -eq 0 ]; then
    echo "  !! $f has no precompressed .br file" >&2
    failed=$((failed + 1))
  fi
done
echo "all files, brotli: $total_br bytes"
echo "chunk budget: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
