-- wrk script: every request is a JSON-RPC eth_blockNumber POST, as a dApp's provider sends it.
wrk.method = "POST"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}'
wrk.headers["Content-Type"] = "application/json"
