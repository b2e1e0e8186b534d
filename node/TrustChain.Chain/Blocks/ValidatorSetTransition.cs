using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.Blocks;

/// <summary>
/// The header rules for validator-set commitments: a block's validatorsHash is its parent's nextValidatorsHash, and
/// nextValidatorsHash equals validatorsHash except at an epoch boundary, where it commits to the set the
/// <see cref="IValidatorSetSource"/> reads from the boundary's post-state. Without a source the set never changes.
/// </summary>
public sealed class ValidatorSetTransition
{
    private readonly ulong _epochLength;
    private readonly IValidatorSetSource? _source;

    public ValidatorSetTransition(ulong epochLength, IValidatorSetSource? source)
    {
        ArgumentOutOfRangeException.ThrowIfZero(epochLength);
        _epochLength = epochLength;
        _source = source;
    }

    public bool ChangesAfter(ulong number) => _source is not null && number % _epochLength == 0;

    /// <exception cref="InvalidOperationException">The set after a boundary would be empty, which would halt the chain.</exception>
    public Hash256 NextValidatorsHash(ulong number, Hash256 validatorsHash, IStateReader postState)
    {
        if (!ChangesAfter(number))
        {
            return validatorsHash;
        }

        IReadOnlyList<GenesisValidator> next = _source!.GetNextValidators(postState, number);
        if (next.Count == 0)
        {
            throw new InvalidOperationException($"no active validators after epoch boundary block {number}");
        }

        return ValidatorSetHash.Compute(next);
    }
}
