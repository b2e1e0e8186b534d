#!/usr/bin/env bash
# Installs everything TrustChain needs on a Debian 12 machine (as root), builds the node, and with --run starts
# the single-validator dev chain on the default embedded RocksDB data directory.
#
#   bash scripts/setup.sh          install native packages + npm peers, build (Release)
#   bash scripts/setup.sh --run    ... then run `trustchain run --dev`
#
# Idempotent: packages already present are not reinstalled, so it is cheap to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

log() { printf '[setup] %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# librocksdb7.8 and libsecp256k1-1 are the engines the node binds with P/Invoke; nodejs/npm run the interop
# peers (ethers, snarkjs, Semaphore) in the tests; chromium is the headless browser the explorer's Playwright test drives.
NEEDED=(librocksdb7.8 libsecp256k1-1 ca-certificates chromium)
command -v node >/dev/null 2>&1 || NEEDED+=(nodejs)
command -v npm >/dev/null 2>&1 || NEEDED+=(npm)
MISSING=()
for p in "${NEEDED[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || MISSING+=("$p")
done
if [ ${#MISSING[@]} -gt 0 ]; then
  log "installing Debian packages: ${MISSING[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
else
  log "Debian packages present: ${NEEDED[*]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  log "error: the .NET 10 SDK (dotnet) is not on PATH. Debian does not package it; install the SDK from"
  log "Microsoft's Debian feed or the dotnet-install script, then run this again."
  exit 1
fi
case "$(dotnet --version)" in
  10.*) ;;
  *) log "error: .NET SDK 10.x is required, found $(dotnet --version)"; exit 1 ;;
esac

if [ "${SKIP_NPM:-0}" != 1 ]; then
  log "installing npm interop peers (tests/interop)"
  (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

log "building TrustChain (Release)"
dotnet build TrustChain.sln -c Release -nologo -clp:ErrorsOnly -v:quiet

if [ "${1:-}" = "--run" ]; then
  shift
  log "starting the dev chain: trustchain run --dev $*"
  exec dotnet "$ROOT/node/TrustChain.Node/bin/Release/net10.0/trustchain.dll" run --dev "$@"
fi
log "done. Start the dev chain with: bash scripts/setup.sh --run"
