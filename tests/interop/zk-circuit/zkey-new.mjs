// Usage: node zk-circuit/zkey-new.mjs <circuit.r1cs> <pot.ptau> <out.zkey>
// snarkjs zkey new on our .r1cs, to compare its key and circuit hash with ours byte for byte. Prints {"csHash": hex}.
import * as snarkjs from "snarkjs"

const [r1csPath, ptauPath, outPath] = process.argv.slice(2)
const csHash = await snarkjs.zKey.newZKey(r1csPath, ptauPath, outPath)
process.stdout.write(JSON.stringify({ csHash: Buffer.from(csHash).toString("hex") }))
if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate()
process.exit(0)
