// Usage: node zk-groth16/ptau.mjs <power> <outDir>
// Creates a small BN254 Powers-of-Tau file with snarkjs: powersoftau new, one contribution, and prepare phase2 (which
// adds the Lagrange sections 12-15). Prints the paths of the contributed and the prepared file.
import path from "node:path"
import fs from "node:fs"
import * as snarkjs from "snarkjs"

const power = Number(process.argv[2])
const outDir = process.argv[3]
fs.mkdirSync(outDir, { recursive: true })
const curve = await snarkjs.curves.getCurveFromName("bn128")
const p0 = path.join(outDir, "pot_0000.ptau")
const contributed = path.join(outDir, "pot_0001.ptau")
const prepared = path.join(outDir, "pot_final.ptau")
await snarkjs.powersOfTau.newAccumulator(curve, power, p0)
await snarkjs.powersOfTau.contribute(p0, contributed, "trustchain test", "fixed test entropy, not a secret")
await snarkjs.powersOfTau.preparePhase2(contributed, prepared)
process.stdout.write(JSON.stringify({ power, contributed, prepared }))
await curve.terminate()
process.exit(0)
