# InitLab: `make serve` to run the page, `make test` to check everything.
#
#   setup   install what is missing (wasm target, wasm-bindgen-cli, mdBook, Chromium, npm deps)
#   build   compile the engine to wasm and generate pkg/ (the JS glue) and sw.js (offline)
#   sw      regenerate sw.js only (after editing www/ or index.html, without a rebuild)
#   serve   build, then serve the page on http://127.0.0.1:$(PORT)/
#   test    native cargo tests, wasm tests in headless Chromium, end-to-end page tests
#   fuzz    the property tests (tests/properties.rs) by the million, in release mode
#   size    where the wasm's bytes go (by crate and module, with twiggy) and the first-load weight of dist/
#   bench   throughput of the engine and of the textbook baseline, native and wasm; the page in Chromium,
#           and its first drawn frame on an emulated phone (cold and warm), with the size guards (dist/)
#   dist    a self-contained static site in dist/, its scripts and styles minified (what the numbers weigh)
#   shots   screenshots of every view and lesson (desktop, phone, embed frame) in test-output/shots/
#   clean   remove everything built

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export PATH := $(HOME)/.cargo/bin:$(PATH)

WASM_TARGET := wasm32-unknown-unknown
WASM := $(or $(CARGO_TARGET_DIR),target)/$(WASM_TARGET)/release/initlab.wasm
# The CLI must be exactly the version of the wasm-bindgen crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen *= *"=\([0-9][0-9.]*\)".*/\1/p' Cargo.toml)
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
PORT ?= 8000
# chromedriver leaves profile folders in TMPDIR; keep them inside target/.
SCRATCH := $(CURDIR)/target/tmp
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help setup setup-build setup-browser setup-course build sw serve dist test test-native test-wasm test-e2e fuzz bench size clean

help:
	@sed -n 's/^#   //p' Makefile

setup: setup-build setup-browser setup-course node_modules/.package-lock.json

# What building the wasm needs.
setup-build:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "no exact wasm-bindgen pin (=x.y.z) found in Cargo.toml" >&2; exit 1; }
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
	  || ! command -v wasm-bindgen-test-runner >/dev/null; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 3 minutes, once)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

# The course-notes site of the embed test (tests/course/) is built with mdBook, this version.
# Without default features: no web server or file watcher, which the test does not need.
MDBOOK_VERSION := 0.4.40
setup-course:
	@if [ "$$(mdbook --version 2>/dev/null)" != "mdbook v$(MDBOOK_VERSION)" ]; then \
	  echo "installing mdbook $(MDBOOK_VERSION) (about 3 to 5 minutes, once)"; \
	  cargo install mdbook --version $(MDBOOK_VERSION) --no-default-features --locked; \
	fi

# What the browser tests need: Debian's Chromium and its driver, and fonts with Chinese
# and Devanagari glyphs (the page's zh and hi screenshots): WenQuanYi Micro Hei (~5 MB) and
# Lohit Devanagari (~0.1 MB), the smallest Debian packages that cover them.
FONT_PACKAGES := fonts-wqy-microhei fonts-lohit-deva
setup-browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  $(SUDO) apt-get update; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends chromium chromium-driver; \
	fi
	@if ! fc-list | grep -q 'WenQuanYi Micro Hei' || ! fc-list | grep -q 'Lohit Devanagari'; then \
	  $(SUDO) apt-get update; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $(FONT_PACKAGES); \
	fi

# npm ci rewrites node_modules/.package-lock.json, so this reruns only when the lockfile changes.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

build: setup-build
	cargo build --release --target $(WASM_TARGET)
	wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir pkg $(WASM)
	node scripts/trim-glue.mjs pkg/initlab.js
	@ls -l pkg/initlab_bg.wasm | awk '{print "pkg/initlab_bg.wasm: " $$5 " bytes"}'
	node scripts/build-sw.mjs

# The service worker, versioned by the content hash of the files it caches (scripts/build-sw.mjs).
sw:
	node scripts/build-sw.mjs

# Compressed (brotli or gzip), as a static host serves it: scripts/static-server.mjs.
serve: build
	node scripts/serve.mjs $(PORT)

# What a static host serves: the page's modules bundled by esbuild (scripts/bundle.mjs: main.js
# with its static imports, each on-demand module its own chunk, index.html's modulepreloads
# rewritten for them), the other scripts (glue, workers) and the stylesheets minified one file
# at a time (scripts/minify.mjs), and a service worker built for these files (its VERSION
# hashes them, its list is dist's).
dist: build node_modules/.package-lock.json
	rm -rf dist
	mkdir -p dist/pkg dist/data
	cp index.html dist/
	cp -r www dist/
	cp data/digits.bin dist/data/ # fetched on demand, not pre-cached (README: The handwritten digits)
	cp pkg/initlab.js pkg/initlab_bg.wasm dist/pkg/
	node scripts/bundle.mjs dist
	node scripts/minify.mjs dist
	node scripts/build-sw.mjs dist
	rm dist/www/service-worker.js # its code is in sw.js
	@echo "dist/ is ready: copy it to any static host (it needs .wasm served as application/wasm)"

test: setup dist test-native test-wasm test-css test-e2e
	@echo "make test: all three layers passed"

test-native:
	cargo test --no-fail-fast

test-wasm: setup-build setup-browser
	mkdir -p $(SCRATCH)
	status=0; CHROMEDRIVER=$(CHROMEDRIVER) TMPDIR=$(SCRATCH) \
	  cargo test --target $(WASM_TARGET) --test web || status=$$?; \
	rm -rf $(SCRATCH); exit $$status

# The stylesheets, read by a CSS parser (no browser, no build).
.PHONY: test-css
test-css: node_modules/.package-lock.json
	node --test tests/css/*.test.mjs

test-e2e: setup-course node_modules/.package-lock.json
	@test -f pkg/initlab_bg.wasm || $(MAKE) build
	@# Two files at a time: each starts its own server (a free port) and its own browser, and
	@# much of a test is waiting on the page, so two share the cores well (node's default is one
	@# fewer than the cores: 1 here).
	node --test --test-concurrency=2 tests/e2e/*.test.mjs tests/js/*.test.mjs

# The properties `cargo test` checks on a few thousand inputs (tests/properties.rs), here on
# FUZZ_CASES inputs each, and FUZZ_RUNS training runs: about 10 minutes on 2 cores. Each property
# prints its cases/s; a failure prints the minimal failing input as a query string.
FUZZ_CASES ?= 1000000
FUZZ_RUNS ?= 100000
fuzz:
	INITLAB_FUZZ_CASES=$(FUZZ_CASES) INITLAB_FUZZ_RUNS=$(FUZZ_RUNS) \
	  cargo test --release --test properties -- --nocapture --test-threads=2

bench: dist setup-browser node_modules/.package-lock.json
	cargo bench --bench throughput
	cargo build --release --target $(WASM_TARGET) --features bench
	wasm-bindgen --target nodejs --out-dir target/bench-node $(WASM)
	node scripts/bench-wasm.mjs
	@# pkg/ and dist/ still hold the page's own build (from `build`, without the bench feature).
	node scripts/bench-browser.mjs

# Screenshots to look at (not a test): every view and lesson at 1280×800 and 390×844, and in
# the 640×480 frame of ?embed=1.
.PHONY: shots
shots: build setup-browser node_modules/.package-lock.json
	node scripts/shots.mjs

# The size profiler, pinned like the other tools (a one-off ~3 minute install).
TWIGGY_VERSION := 0.8.0
size: dist
	@# It calls itself "twiggy-opt <version>".
	@if ! twiggy --version 2>/dev/null | grep -q " $(TWIGGY_VERSION)$$"; then \
	  echo "installing twiggy $(TWIGGY_VERSION) (about 3 minutes, once)"; \
	  cargo install twiggy --version $(TWIGGY_VERSION); \
	fi
	@# Profile the wasm as shipped (after wasm-bindgen removed its descriptors), names kept.
	wasm-bindgen --target web --out-dir target/size-named $(WASM)
	twiggy top -n 100000 -f csv target/size-named/initlab_bg.wasm > target/twiggy.csv
	node scripts/size-profile.mjs target/twiggy.csv target/size.json

clean:
	cargo clean
	rm -rf pkg dist test-output sw.js
