// Usage: node zk-groth16/r1cs-export.mjs <file.r1cs>
// Prints snarkjs's reading of an .r1cs file (r1cs.exportJson) with every bigint as a decimal string.
import * as snarkjs from "snarkjs"

const json = await snarkjs.r1cs.exportJson(process.argv[2])
const str = (v) =>
    typeof v === "bigint" ? v.toString()
    : Array.isArray(v) ? v.map(str)
    : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, str(x)]))
    : v
process.stdout.write(JSON.stringify(str(json)))
if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate()
process.exit(0)
