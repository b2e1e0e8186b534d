#!/bin/bash
# Issue 7: `palm enroll` end-to-end latency against three `trustchain run --prover` processes (SYNTHETIC people).
# A Tendermint validator + 3 prover followers on loopback (ports 46100-46103 P2P, 46200-46203 RPC), the committee from
# the dev genesis, its DEV-ONLY shares from `prover keygen --dev`; N people enrol one after another, each by a fresh
# `palm enroll` process. Usage: palm-processes.sh [N] (build bench/TrustChain.Bench in Release first).
set -u
TC="dotnet $(cd "$(dirname "$0")/.." && pwd)/bin/Release/net10.0/trustchain.dll"
D=$(mktemp -d /tmp/palm7lat.XXXX)
N=${1:-30}
echo pw > $D/pw
$TC testnet init --validators 1 --followers 3 --out $D/net --base-p2p-port 46100 --base-rpc-port 46200 --timeout-commit 200 --timeout-propose 1500 --timeout-vote 400 > /dev/null || exit 1
$TC prover keygen --dev --out $D/c --password-file $D/pw --light-kdf > /dev/null || exit 1
# Dev accounts 5, 6, 7 (public DEV-ONLY keys): the dev committee's prover accounts.
KEYS=(x 8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba 92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e 4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356)
PIDS=()
for i in 0 1 2 3; do
  A=$D/net/node$i/node.args
  if [ $i -gt 0 ]; then
    echo ${KEYS[$i]} > $D/net/node$i/prover.key
    printf -- "--prover\n--prover-share\n$D/c/prover-$i.share.json\n--prover-key\n$D/net/node$i/prover.key\n--prover-password-file\n$D/pw\n" >> $A
  fi
  $TC @$A > $D/node$i.log 2>&1 &
  PIDS+=($!)
done
cleanup() { for p in "${PIDS[@]}"; do kill $p 2>/dev/null; done; }
trap cleanup EXIT
for port in 46200 46201 46202 46203; do
  for t in $(seq 1 120); do
    curl -s -X POST -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' http://127.0.0.1:$port/ | grep -q result && break; sleep 0.5
  done
done
$TC stake add --rpc http://127.0.0.1:46200/ --dev-account 1 --role operator --amount 1000 || exit 1
# Dev account 1 is the enrolment operator.
echo 59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d > $D/op.key
sleep 3  # the provers check the stake on their own head: let them sync the block
: > $D/lat.txt
for p in $(seq 0 $((N-1))); do
  $TC palm scan --person $p --seed 99 --out $D/s$p.json > /dev/null
  s=$(date +%s%N)
  $TC palm enroll --scan $D/s$p.json --operator-key $D/op.key --provers http://127.0.0.1:46201/,http://127.0.0.1:46202/,http://127.0.0.1:46203/ --rpc http://127.0.0.1:46200/ --genesis $D/net/genesis.json --out $D/p$p.json > $D/e$p.log 2>&1
  rc=$?
  e=$(date +%s%N)
  echo "$p $rc $(( (e-s)/1000000 ))" >> $D/lat.txt
done
python3 - $D/lat.txt <<'PY'
import sys
rows=[l.split() for l in open(sys.argv[1])]
ok=sorted(int(r[2]) for r in rows if r[1]=='0'); bad=[r for r in rows if r[1]!='0']
def pct(q): return ok[min(len(ok)-1,int(q*len(ok)))]
print(f"runs {len(rows)} ok {len(ok)} failed {len(bad)}; p50 {pct(0.5)} ms p99 {pct(0.99)} ms min {ok[0]} max {ok[-1]}")
PY
grep -l error $D/e*.log | head -3 | xargs -r cat
cleanup; wait; rm -rf "$D"
