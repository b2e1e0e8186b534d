// Usage: node zk-circuit/zkey-contribute.mjs <in.zkey> <out.zkey>
// snarkjs zkey contribute on a key written by TrustChain, so our verifier checks a contribution made by snarkjs.
import * as snarkjs from "snarkjs"

const [inPath, outPath] = process.argv.slice(2)
const hash = await snarkjs.zKey.contribute(inPath, outPath, "snarkjs contributor", "fixed test entropy for snarkjs")
process.stdout.write(JSON.stringify({ contributionHash: Buffer.from(hash).toString("hex") }))
if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate()
process.exit(0)
