#!/usr/bin/env bash
# The release build that `make run` serves and `make test` tests: the server, and the wasm
# split into lazily loaded chunks per page (`--split`), with every file in target/site
# precompressed as .br and .gz (`--precompress`) and named by its content hash.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo leptos build --release --split --precompress
