#!/usr/bin/env bash
# Side-by-side ZK figures: TrustChain's engine and its JavaScript peers (snarkjs, circomlibjs, @zk-kit/lean-imt with
# poseidon-lite) in one run on this machine, with the load average recorded next to every figure.
# Usage: bash bench/run-zk.sh [--skip-build] [--depth 20] [--imt-log2 16]
# The peers come from tests/interop/node_modules (npm ci there first). The Semaphore circuit is the official
# @zk-kit/semaphore-artifacts one; its .wtns is computed by snarkjs for a real group, as in the interop tests.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
depth=20
imt_log2=16
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) build=0; shift ;;
    --depth) depth="$2"; shift 2 ;;
    --imt-log2) imt_log2="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

artifacts="$root/tests/interop/node_modules/@zk-kit/semaphore-artifacts"
zkey="$artifacts/semaphore-$depth.zkey"
[ -f "$zkey" ] || { echo "missing $zkey: run npm ci in tests/interop" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$build" = 1 ]; then
  dotnet build -c Release "$root/bench/TrustChain.Bench" -v quiet -nologo >/dev/null
fi
bench_dll="$root/bench/TrustChain.Bench/bin/Release/net10.0/TrustChain.Bench.dll"

echo "== witness for Semaphore depth $depth (snarkjs wtns.calculate)" >&2
(cd "$root/tests/interop" && node zk-groth16/semaphore-prove.mjs "$depth" "$work" >/dev/null)
wtns="$work/semaphore-$depth.wtns"

echo "== JavaScript peers" >&2
node "$here/zk-peers/zk-peers.mjs" --zkey "$zkey" --wtns "$wtns" --imt-log2 "$imt_log2" > "$work/peers.json"

echo "== TrustChain" >&2
dotnet "$bench_dll" zk run --zkey "$zkey" --wtns "$wtns" --imt-log2 "$imt_log2" > "$work/ours.json"

node "$here/zk-peers/report.mjs" "$work/ours.json" "$work/peers.json"
