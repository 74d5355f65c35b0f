#!/usr/bin/env bash
# Installs everything Kontor needs to build, serve and test, from package
# registries only (rustup, crates.io, Debian, npm). Idempotent: each step
# checks first and is skipped when the right version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
# firefox-esr, webkit2gtk-driver (WebKitWebDriver + MiniBrowser) and xvfb:
# the smoke journeys in the other two engines (tests/e2e/specs/engines.test.mjs).
APT_PACKAGES=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb hledger ledger age libxml2-utils poppler-utils nodejs npm)

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# Debian packages: browser and driver for tests, cross-check tools, Node.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The machine may already have Node/npm from elsewhere; then skip Debian's.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Rust: the wasm target, rustfmt and clippy for the checks.
rustup target list --installed | grep -qx wasm32-unknown-unknown || { log "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

# Trunk 0.21.x builds with rustc 1.95 (0.22 needs a newer rustc).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "cargo install trunk $TRUNK_VERSION (about 15 CPU-minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi

# wasm-bindgen-cli: without --locked (its lockfile pins a yanked crate).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 CPU-minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --quiet
fi

# Node packages from the committed lockfile: playwright-core (drives Debian's
# Chromium, never downloads a browser), puppeteer-core (Debian's Firefox ESR
# over WebDriver BiDi), selenium-webdriver (Debian's WebKitWebDriver, started
# by the specs, so Selenium Manager never runs) and binaryen's wasm-opt 132
# for Trunk (Debian's wasm-opt 108 breaks wasm-bindgen's externref table).
if ! cmp -s package-lock.json node_modules/.kontor-lock 2>/dev/null; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.kontor-lock
fi
export PATH="$PWD/node_modules/.bin:$PATH"

log "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1), $(chromium --version 2>/dev/null | head -1), $(firefox-esr --version 2>/dev/null | head -1), WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null)"
