// Usage: node zk-circuit/ptau.mjs <power> <outDir>
// A small BN254 Powers of Tau made with snarkjs (new, one contribution, prepare phase2); reuses a finished file.
// Prints {"prepared": path}.
import fs from "node:fs"
import path from "node:path"
import * as snarkjs from "snarkjs"

const power = Number(process.argv[2])
const outDir = process.argv[3]
fs.mkdirSync(outDir, { recursive: true })
const prepared = path.join(outDir, `pot${power}_final.ptau`)
if (!fs.existsSync(prepared)) {
    const curve = await snarkjs.curves.getCurveFromName("bn128")
    const p0 = path.join(outDir, `pot${power}_0000.ptau`)
    const p1 = path.join(outDir, `pot${power}_0001.ptau`)
    await snarkjs.powersOfTau.newAccumulator(curve, power, p0)
    await snarkjs.powersOfTau.contribute(p0, p1, "trustchain circuit test", "fixed test entropy, not a secret")
    await snarkjs.powersOfTau.preparePhase2(p1, prepared + ".tmp")
    fs.renameSync(prepared + ".tmp", prepared)
    await curve.terminate()
}
process.stdout.write(JSON.stringify({ prepared }))
process.exit(0)
