using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.Tests.Validation;

/// <summary>Hardhat/Anvil development accounts (public, well-known keys) plus deterministic extra keys.</summary>
internal static class DevKeys
{
    public static readonly PrivateKey Key0 = new("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    public static readonly PrivateKey Key1 = new("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    public static readonly PrivateKey Key2 = new("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
    public static readonly PrivateKey Key3 = new("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");

    public static readonly Address Address0 = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    public static readonly Address Address1 = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    public static readonly Address Address2 = Address.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    public static readonly Address Address3 = Address.Parse("0x90F79bf6EB2c4f870365E785982E1f101E93b906");

    /// <summary>Another dev account, used as the recipient of transfers.</summary>
    public static readonly Address Recipient = Address.Parse("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");

    /// <summary>A reproducible key for load tests: keccak256 of the index.</summary>
    public static PrivateKey Derived(int index) => new(Keccak256.Compute(BitConverter.GetBytes(index)).Bytes);
}
