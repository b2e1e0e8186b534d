using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Circuits;

/// <summary>
/// Builds a rank-1 constraint system and its witness together: every wire is created with its value, and gadgets
/// compute their outputs from their inputs as they are declared, so witness generation is plain C#.
/// Wires follow circom/snarkjs order: 0 = constant 1, public outputs, public inputs, private inputs, then internal
/// wires; declaring a wire of an earlier kind after a later one throws. Output values are bound later with
/// <see cref="AssignOutput"/>, as circom's <c>out &lt;== expr</c>.
/// </summary>
public sealed class R1csBuilder
{
    private enum Phase
    {
        Outputs,
        PublicInputs,
        PrivateInputs,
        Internal,
    }

    private readonly List<Fr> _values = [Fr.One];
    private readonly List<(LinearCombination A, LinearCombination B, LinearCombination C)> _constraints = [];
    private readonly List<bool> _outputAssigned = [];
    private Phase _phase = Phase.Outputs;

    public int WireCount => _values.Count;

    public int ConstraintCount => _constraints.Count;

    public int PublicOutputCount { get; private set; }

    public int PublicInputCount { get; private set; }

    public int PrivateInputCount { get; private set; }

    /// <summary>Public signals (outputs then public inputs): the Groth16 nPublic.</summary>
    public int PublicCount => PublicOutputCount + PublicInputCount;

    /// <summary>Declares a public output; its value is set by <see cref="AssignOutput"/>.</summary>
    /// <exception cref="InvalidOperationException">Inputs or internal wires were already declared.</exception>
    public LinearCombination AddOutput()
    {
        EnterPhase(Phase.Outputs, "output");
        PublicOutputCount++;
        _outputAssigned.Add(false);
        return NewWire(Fr.Zero);
    }

    /// <exception cref="InvalidOperationException">Private inputs or internal wires were already declared.</exception>
    public LinearCombination AddPublicInput(in Fr value)
    {
        EnterPhase(Phase.PublicInputs, "public input");
        PublicInputCount++;
        return NewWire(value);
    }

    /// <exception cref="InvalidOperationException">Internal wires were already declared.</exception>
    public LinearCombination AddPrivateInput(in Fr value)
    {
        EnterPhase(Phase.PrivateInputs, "private input");
        PrivateInputCount++;
        return NewWire(value);
    }

    /// <summary>A new internal wire holding <paramref name="value"/> (a hint: it is only as sound as the constraints on it).</summary>
    public LinearCombination AddInternal(in Fr value)
    {
        _phase = Phase.Internal;
        return NewWire(value);
    }

    /// <summary>Constrains the output wire to equal <paramref name="value"/> and records its witness value.</summary>
    /// <exception cref="ArgumentException">Not a single output wire, or assigned twice.</exception>
    public void AssignOutput(LinearCombination output, LinearCombination value)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        if (output.TermCount != 1 || !output.Coefficients[0].IsOne || output.Wires[0] < 1 || output.Wires[0] > PublicOutputCount)
        {
            throw new ArgumentException("Not an output wire returned by AddOutput.", nameof(output));
        }

        int wire = output.Wires[0];
        if (_outputAssigned[wire - 1])
        {
            throw new ArgumentException($"Output wire {wire} is already assigned.", nameof(output));
        }

        _outputAssigned[wire - 1] = true;
        _values[wire] = Evaluate(value);
        Constrain(value, LinearCombination.One, output);
    }

    /// <summary>Adds a · b = c. Nothing is checked here: a wrong witness shows up in <see cref="IsSatisfied"/>.</summary>
    /// <exception cref="ArgumentException">A combination refers to a wire that does not exist.</exception>
    public void Constrain(LinearCombination a, LinearCombination b, LinearCombination c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        int max = Math.Max(a.MaxWire, Math.Max(b.MaxWire, c.MaxWire));
        if (max >= _values.Count)
        {
            throw new ArgumentException($"A constraint refers to wire {max}, but only {_values.Count} wires exist.");
        }

        _constraints.Add((a, b, c));
    }

    public Fr Evaluate(LinearCombination lc)
    {
        ArgumentNullException.ThrowIfNull(lc);
        return lc.Evaluate(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values));
    }

    /// <summary>Overrides one wire's value (for tests of soundness: a changed witness must violate a constraint).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Wire 0 (the constant) or beyond the last wire.</exception>
    public void SetValue(int wire, in Fr value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wire, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(wire, _values.Count);
        _values[wire] = value;
    }

    /// <summary>The full witness (one value per wire).</summary>
    /// <exception cref="InvalidOperationException">An output was never assigned.</exception>
    public Fr[] Witness()
    {
        RequireOutputsAssigned();
        return [.. _values];
    }

    /// <summary>Index of the first constraint the current witness violates, or −1.</summary>
    public int FirstViolatedConstraint()
    {
        ReadOnlySpan<Fr> w = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values);
        for (int i = 0; i < _constraints.Count; i++)
        {
            (LinearCombination a, LinearCombination b, LinearCombination c) = _constraints[i];
            if (a.Evaluate(w) * b.Evaluate(w) != c.Evaluate(w))
            {
                return i;
            }
        }

        return -1;
    }

    public bool IsSatisfied() => FirstViolatedConstraint() < 0;

    /// <summary>The circuit as a circom-compatible .r1cs (version 1, sections header, constraints, identity label map).</summary>
    /// <exception cref="InvalidOperationException">An output was never assigned.</exception>
    public byte[] ToR1csBytes()
    {
        RequireOutputsAssigned();
        return R1csWriter.Write(_values.Count, PublicOutputCount, PublicInputCount, PrivateInputCount, _constraints);
    }

    public R1csFile ToR1csFile() => R1csFile.Read(ToR1csBytes());

    /// <summary>The witness as a snarkjs .wtns.</summary>
    public byte[] ToWtnsBytes() => WtnsFile.Write(Witness());

    private LinearCombination NewWire(in Fr value)
    {
        _values.Add(value);
        return LinearCombination.FromWire(_values.Count - 1);
    }

    private void EnterPhase(Phase phase, string what)
    {
        if (_phase > phase)
        {
            throw new InvalidOperationException(
                $"Cannot declare a {what} after {_phase} wires: the wire order is outputs, public inputs, private inputs, internal.");
        }

        _phase = phase;
    }

    private void RequireOutputsAssigned()
    {
        int missing = _outputAssigned.IndexOf(false);
        if (missing >= 0)
        {
            throw new InvalidOperationException($"Output wire {missing + 1} was declared but never assigned.");
        }
    }
}
