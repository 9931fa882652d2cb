#!/usr/bin/env bash
# Every test of Datacoach: unit and integration tests (SQLite and PostgreSQL), the wasm
# dependency check, the bundle sizes, and the Playwright suite in Debian's Chromium against
# the release build, which this script builds first exactly as `make run` does
# (scripts/build-release.sh). Run it as `make test`. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The same flags cargo-leptos uses for debug builds, so tests and the app share one build cache.
export RUSTFLAGS="--cfg erase_components"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
warn() { printf '\n\033[1;33m%s\033[0m\n' "$*"; }

PG_URL="${DATACOACH_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export DATACOACH_TEST_POSTGRES_URL="$PG_URL"

pg_up() { psql "$PG_URL" -qtAc 'select 1' >/dev/null 2>&1; }

say "The release build that \`make run\` serves (cargo leptos build --release: server and wasm)"
# Without the test flags: exactly the build `make run` makes. Incremental when nothing changed.
env -u RUSTFLAGS scripts/build-release.sh

say "PostgreSQL"
if ! pg_up && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  # The local cluster may just be stopped (it is on a fresh machine of this kind after a reboot).
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start >/dev/null 2>&1 || true
  for _ in $(seq 1 20); do pg_up && break; sleep 0.5; done
fi
if pg_up; then
  echo "PostgreSQL reachable at $PG_URL: persistence tests run on SQLite and PostgreSQL."
  # Databases left by earlier runs (one per test) are dropped first.
  for d in $(psql "$PG_URL" -qtAc "select datname from pg_database where datname like 'dc_test_%'"); do
    psql "$PG_URL" -qc "drop database if exists $d" >/dev/null 2>&1 || true
  done
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable at $PG_URL and CI=true: the PostgreSQL tests are mandatory." >&2
  exit 1
else
  warn "!!! PostgreSQL is not reachable at $PG_URL: the PostgreSQL tests are SKIPPED (SQLite only). !!!"
  export DATACOACH_SKIP_POSTGRES=1
fi

say "Unit and integration tests (app, persistence, server)"
cargo test -p app -p datacoach-db -p server --features app/ssr

say "The wasm build contains no server-only crates"
forbidden=$(cargo tree -p frontend --target wasm32-unknown-unknown -e normal --prefix none 2>/dev/null \
  | awk '{print $1}' | sort -u \
  | grep -xE 'sea-orm|sea-query|sea-orm-migration|sqlx|sqlx-core|sqlx-sqlite|sqlx-postgres|tokio|mio|datacoach-db|argon2|lettre|axum|hyper|leptos_axum|totp-rs|qrcode|chrono-tz' || true)
if [ -n "$forbidden" ]; then
  echo "server-only crates in the wasm build: $forbidden" >&2
  exit 1
fi
echo "wasm dependency check: 1 passed, 0 failed"


say "Bundle sizes: no lazily loaded wasm part past its limit"
scripts/check-bundle.sh

say "Browser tests against the release build (Playwright, Chromium; JavaScript on and off)"
(cd end2end && npx playwright test)
