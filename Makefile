# Gridhall. Quick start: `make dev` serves http://127.0.0.1:8787; `make test` runs every test.
# Both install what is missing first (scripts/setup.sh) and are safe to run again.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export WRANGLER_SEND_METRICS := false

DEV_STATE  := .wrangler/state
TEST_STATE := .wrangler/test-state
TEST_PORT  := 8788

.PHONY: dev test setup setup-browser build build-app build-worker db lint unit api e2e bench bench-profile scale-data clean

dev: setup build
	scripts/db.sh $(DEV_STATE)
	wrangler dev --ip 127.0.0.1 --port 8787 --persist-to $(DEV_STATE) --show-interactive-dev-session=false

test: setup-browser lint unit build
	EXPECTED_RESTARTS=1 scripts/with-server.sh $(TEST_STATE) $(TEST_PORT) scripts/run-server-tests.sh

setup:
	scripts/setup.sh

setup-browser:
	scripts/setup.sh --browser

build: build-app build-worker

build-app:
	scripts/build-apps.sh

build-worker:
	cd functions && WASM_BINDGEN_BIN=$$(command -v wasm-bindgen) worker-build --release

db:
	scripts/db.sh $(DEV_STATE)

lint:
	cargo fmt --all --check
	cargo clippy -p domain -p demo -p api-tests -p bench --all-targets -- -D warnings
	cargo clippy -p ui -p home-app -p ticket-app -p customer-app -p account-app -p service-app -p projects-app -p staff-app -p devices-app -p kiosk-app -p video-app -p functions --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo nextest run -p domain -p demo -p ui --features domain/schema --no-fail-fast

# Against a server started with the test clock: scripts/with-server.sh .wrangler/mine 8788 make api
api:
	cargo nextest run -p api-tests --no-fail-fast --test-threads 4

e2e:
	npx playwright test --config e2e/playwright.config.mjs

bench: setup-browser build
	scripts/with-server.sh .wrangler/bench-state $(TEST_PORT) bench/run.sh $(B)

# A generated city of N accounts in .wrangler/scale-state, for `make bench B=scale` (docs/SCALE.md).
N ?= 100000
scale-data: setup
	scripts/scale-data.sh $(N)

# The size of each browser app's WebAssembly by crate (after `make build`).
bench-profile:
	bench/profile.sh

clean:
	rm -rf dist functions/build .wrangler target
