using TrustChain.Core;
using TrustChain.Core.Rlp;

namespace TrustChain.Chain.State;

/// <summary>Canonical RLP [nonce, balance] codec for <see cref="Account"/> values in the state tree.</summary>
public static class AccountEncoding
{
    public static byte[] Encode(in Account account)
    {
        int content = Rlp.LengthOf(account.Nonce) + Rlp.LengthOf(account.Balance);
        byte[] result = new byte[Rlp.LengthOfList(content)];
        RlpWriter writer = new(result);
        writer.WriteListHeader(content);
        writer.WriteUInt64(account.Nonce);
        writer.WriteUInt256(account.Balance);
        return result;
    }

    /// <summary>Strict decode; a stored empty account is itself a corruption because empty accounts are deleted.</summary>
    public static Account Decode(ReadOnlySpan<byte> encoded)
    {
        RlpReader reader = new(encoded);
        RlpReader list = reader.ReadList();
        reader.CheckEnd();
        ulong nonce = list.ReadUInt64();
        UInt256 balance = list.ReadUInt256();
        list.CheckEnd();
        Account account = new(nonce, balance);
        if (account.IsEmpty)
        {
            throw new RlpException("Stored account is empty; empty accounts must be absent from the state.");
        }

        return account;
    }
}
