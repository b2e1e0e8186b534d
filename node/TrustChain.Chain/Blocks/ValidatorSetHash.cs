using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;

namespace TrustChain.Chain.Blocks;

/// <summary>
/// Commitment to a validator set for the header's validatorsHash/nextValidatorsHash:
/// keccak(rlp([[address, publicKey, stake], ...])) in the set's order (genesis order until staking reorders it).
/// </summary>
public static class ValidatorSetHash
{
    public static Hash256 Compute(IReadOnlyList<GenesisValidator> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        int content = 0;
        Span<int> itemLengths = validators.Count <= 256 ? stackalloc int[validators.Count] : new int[validators.Count];
        for (int i = 0; i < validators.Count; i++)
        {
            GenesisValidator v = validators[i];
            itemLengths[i] = Rlp.LengthOf(v.Address) + Rlp.LengthOf(v.PublicKey) + Rlp.LengthOf(v.Stake);
            content += Rlp.LengthOfList(itemLengths[i]);
        }

        byte[] buffer = new byte[Rlp.LengthOfList(content)];
        RlpWriter writer = new(buffer);
        writer.WriteListHeader(content);
        for (int i = 0; i < validators.Count; i++)
        {
            GenesisValidator v = validators[i];
            writer.WriteListHeader(itemLengths[i]);
            writer.WriteAddress(v.Address);
            writer.WriteBytes(v.PublicKey);
            writer.WriteUInt256(v.Stake);
        }

        return Keccak256.Compute(buffer);
    }
}
