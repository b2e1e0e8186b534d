using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// A local key with the double-sign guard: the new (height, round, step) and the hash of the bytes to sign are
/// persisted through the <see cref="ISignStateStore"/> before the signature leaves this object. Re-signing the
/// identical message returns the stored signature. Thread-safe.
/// </summary>
public sealed class PrivValidator : IPrivValidator
{
    private readonly PrivateKey _key;
    private readonly ulong _chainId;
    private readonly ISignStateStore _store;
    private readonly Lock _lock = new();
    private LastSignState? _last;

    public PrivValidator(PrivateKey key, ulong chainId, ISignStateStore store)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(store);
        _key = key;
        _chainId = chainId;
        _store = store;
        _last = store.Load();
    }

    /// <summary>A validator whose guard survives restarts: state in <paramref name="stateFile"/>, fsync'd per signature.</summary>
    public static PrivValidator CreateFileBacked(PrivateKey key, ulong chainId, string stateFile) =>
        new(key, chainId, new FileSignStateStore(stateFile));

    public Address Address => _key.Address;

    public LastSignState? LastSigned
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    public byte[] SignVote(VoteType type, ulong height, int round, Hash256? blockHash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        ConsensusStep step = type switch
        {
            VoteType.Prevote => ConsensusStep.Prevote,
            VoteType.Precommit => ConsensusStep.Precommit,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown vote type."),
        };
        return Sign(height, round, step, VoteSignBytes.Compute(_chainId, height, (uint)round, blockHash ?? Hash256.Zero, type));
    }

    public byte[] SignProposal(ulong height, int round, int validRound, in Hash256 blockHash) =>
        Sign(height, round, ConsensusStep.Propose, ProposalSignBytes.Compute(_chainId, height, round, validRound, blockHash));

    private byte[] Sign(ulong height, int round, ConsensusStep step, in Hash256 signBytesHash)
    {
        lock (_lock)
        {
            if (_last is { } last)
            {
                int order = Compare(height, round, step, last);
                if (order < 0)
                {
                    throw new DoubleSignRefusedException(
                        $"Refusing to sign h={height} r={round} {step}: already signed h={last.Height} r={last.Round} {last.Step}.");
                }

                if (order == 0)
                {
                    if (last.SignBytesHash == signBytesHash)
                    {
                        return (byte[])last.Signature.Clone();
                    }

                    throw new DoubleSignRefusedException($"Refusing to sign a different message at h={height} r={round} {step}.");
                }
            }

            byte[] signature = _key.Sign(signBytesHash).ToBytes65();
            LastSignState next = new(height, round, step, signBytesHash, signature);
            _store.Save(next);
            _last = next;
            return (byte[])signature.Clone();
        }
    }

    private static int Compare(ulong height, int round, ConsensusStep step, LastSignState last)
    {
        int c = height.CompareTo(last.Height);
        if (c == 0)
        {
            c = round.CompareTo(last.Round);
        }

        return c != 0 ? c : ((byte)step).CompareTo((byte)last.Step);
    }
}
