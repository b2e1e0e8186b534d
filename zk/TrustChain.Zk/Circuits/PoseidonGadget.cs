using TrustChain.Zk.Bn254;
using TrustChain.Zk.Poseidon;

namespace TrustChain.Zk.Circuits;

/// <summary>
/// circomlib's Poseidon(nInputs) as constraints: the textbook permutation (round constants, x^5 S-box with three
/// multiplications, MDS), capacity element 0 first, output state[0]; the output equals <see cref="Poseidon.Poseidon.Hash(ReadOnlySpan{Fr})"/>.
/// The linear layers stay symbolic; in partial rounds the untouched state grows by one term per round, so it is
/// bound to fresh wires whenever it gets long, which keeps every constraint sparse.
/// </summary>
public static class PoseidonGadget
{
    private const int MaxSymbolicTerms = 8;

    /// <exception cref="ArgumentOutOfRangeException">Not 1..16 inputs.</exception>
    public static LinearCombination Hash(this R1csBuilder builder, params LinearCombination[] inputs)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(inputs);
        PoseidonParameters parameters = PoseidonParameters.ForInputs(inputs.Length);
        int t = parameters.Width;
        LinearCombination[] state = new LinearCombination[t];
        LinearCombination[] mixed = new LinearCombination[t];
        state[0] = LinearCombination.Zero;
        inputs.CopyTo(state, 1);

        int rounds = PoseidonParameters.FullRounds + parameters.PartialRounds;
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < t; i++)
            {
                state[i] += parameters.RoundConstants[r * t + i];
            }

            bool full = r < PoseidonParameters.HalfFullRounds || r >= PoseidonParameters.HalfFullRounds + parameters.PartialRounds;
            for (int i = 0; i < (full ? t : 1); i++)
            {
                state[i] = Pow5(builder, state[i]);
            }

            for (int i = 0; i < t; i++)
            {
                LinearCombination sum = LinearCombination.Zero;
                for (int j = 0; j < t; j++)
                {
                    sum = LinearCombination.Combine(sum, Fr.One, state[j], parameters.Mds[i * t + j]);
                }

                mixed[i] = sum;
            }

            for (int i = 0; i < t; i++)
            {
                state[i] = mixed[i].VariableTermCount > MaxSymbolicTerms ? Bind(builder, mixed[i]) : mixed[i];
            }
        }

        return state[0].TermCount == 1 && state[0].Wires[0] != 0 && state[0].Coefficients[0].IsOne ? state[0] : Bind(builder, state[0]);
    }

    private static LinearCombination Pow5(R1csBuilder builder, LinearCombination x)
    {
        LinearCombination x2 = builder.Mul(x, x);
        LinearCombination x4 = builder.Mul(x2, x2);
        return builder.Mul(x4, x);
    }

    private static LinearCombination Bind(R1csBuilder builder, LinearCombination value)
    {
        LinearCombination wire = builder.AddInternal(builder.Evaluate(value));
        builder.Constrain(value, LinearCombination.One, wire);
        return wire;
    }
}
