#!/usr/bin/env bash
# Starts, stops and inspects a local testnet written by `trustchain testnet init --out DIR`.
#   scripts/testnet.sh start DIR [nodeN ...]   start every node (DIR/nodeN/node.args), or only the named ones, in the
#                                              background, logs in DIR/nodeN/node.log
#   scripts/testnet.sh stop DIR [nodeN ...]    SIGTERM every (or each named) node and wait for it to exit
#   scripts/testnet.sh status DIR              pid, liveness and head block of every node
# The binary is $TRUSTCHAIN (a command, e.g. "trustchain"), else the newer of the Release and Debug build outputs
# of node/TrustChain.Node run with dotnet; build it first (dotnet build node/TrustChain.Node).
set -euo pipefail

usage() { echo "usage: $0 start|stop|status DIR [nodeN ...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1
dir=$(cd "$2" && pwd)
shift 2
only=("$@")
for name in "${only[@]}"; do
  [ -f "$dir/$name/node.args" ] || { echo "$dir/$name is not a node of this testnet (no node.args)" >&2; exit 2; }
done
repo=$(cd "$(dirname "$0")/.." && pwd)

# Sets the array `bin` to the command that runs trustchain.
resolve_binary() {
  if [ -n "${TRUSTCHAIN:-}" ]; then
    read -r -a bin <<<"$TRUSTCHAIN"
    return
  fi
  # The most recently built of the Release and Debug outputs.
  dll=$(ls -t "$repo"/node/TrustChain.Node/bin/{Release,Debug}/net10.0/trustchain.dll 2>/dev/null | head -n1 || true)
  if [ -z "$dll" ]; then
    echo "no trustchain binary: set TRUSTCHAIN or run 'dotnet build node/TrustChain.Node'" >&2
    exit 1
  fi
  bin=(dotnet "$dll")
}

nodes() {
  if [ ${#only[@]} -gt 0 ]; then
    for name in "${only[@]}"; do echo "$dir/$name"; done
  else
    find "$dir" -maxdepth 1 -type d -name 'node*' | sort -V
  fi
}

alive() { [ -f "$1/node.pid" ] && kill -0 "$(cat "$1/node.pid")" 2>/dev/null; }

rpc_port() { grep -A1 -x -- '--rpc-port' "$1/node.args" | tail -n1; }

case $cmd in
  start)
    resolve_binary
    for node in $(nodes); do
      if alive "$node"; then
        echo "$(basename "$node"): already running (pid $(cat "$node/node.pid"))"
        continue
      fi
      "${bin[@]}" "@$node/node.args" >>"$node/node.log" 2>&1 &
      echo $! >"$node/node.pid"
      echo "$(basename "$node"): started (pid $!), rpc http://127.0.0.1:$(rpc_port "$node"), log $node/node.log"
    done
    ;;
  stop)
    for node in $(nodes); do
      if alive "$node"; then
        pid=$(cat "$node/node.pid")
        kill -TERM "$pid"
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then
          echo "$(basename "$node"): did not stop within 10 s; sending SIGKILL"
          kill -KILL "$pid"
        else
          echo "$(basename "$node"): stopped"
        fi
      fi
      rm -f "$node/node.pid"
    done
    ;;
  status)
    for node in $(nodes); do
      port=$(rpc_port "$node")
      if alive "$node"; then
        head=$(curl -s -m 2 -H 'Content-Type: application/json' \
          -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' "http://127.0.0.1:$port/" \
          | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p' || true)
        if [ -n "$head" ]; then head=$((head)); else head=unknown; fi
        echo "$(basename "$node"): running (pid $(cat "$node/node.pid")), head $head, rpc http://127.0.0.1:$port"
      else
        echo "$(basename "$node"): stopped"
      fi
    done
    ;;
  *) usage ;;
esac
