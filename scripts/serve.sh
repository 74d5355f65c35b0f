#!/usr/bin/env bash
# Sets up everything and serves Kontor at http://127.0.0.1:8080 (release
# build; Trunk rebuilds on change). Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
# Cargo-installed tools (trunk, wasm-bindgen) and npm ones (wasm-opt).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
./scripts/setup.sh
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
