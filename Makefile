# Datacoach: the two commands a newcomer needs.
#   make run    install what is missing, build, migrate and seed the demo data, serve :3000
#   make test   every test (unit, integration on SQLite and PostgreSQL, wasm build, browser)
SHELL := /bin/bash
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: run test tools test-tools build release bench clean-data

tools:
	@scripts/install-tools.sh

test-tools:
	@scripts/install-tools.sh --test

## Build the release app and serve it on http://127.0.0.1:3000 (demo data on first start).
run: tools release
	@mkdir -p data
	DATACOACH_SEED_DEMO=$${DATACOACH_SEED_DEMO:-true} ./target/release/server

release:
	@scripts/build-release.sh

## Debug build for development (the browser tests use the release build).
build: tools
	RUSTFLAGS="--cfg erase_components" cargo leptos build --split

## Every test. Its first step is the release build `make run` serves (the same
## scripts/build-release.sh, `cargo leptos build --release`); the browser tests run against it,
## so a release that does not compile fails `make test`.
test: test-tools
	@scripts/test.sh

## Autosave under load (64 concurrent respondents on SQLite): p50/p99 and saves per second;
## the coach's pages with 10,000 companies (seed-bench) beside a static file of the same size,
## the server's memory; the first load in Chromium
## (bytes per page, time to hydrate on loopback and slow 4G, kept-alive latency).
bench: test-tools release
	cargo bench -p server --bench autosave --bench pages
	cd end2end && npx playwright test --config bench.config.ts --reporter=line

## Remove the local SQLite database (the demo data is seeded again on the next `make run`).
clean-data:
	rm -rf data
