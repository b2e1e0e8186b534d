using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Tests.SystemContracts.Credentials;

/// <summary>
/// A <see cref="RegistryTestChain"/> with the CredentialRegistry installed as the node installs it. After every block it
/// checks that the registry holds no wei and that Staking's balance equals what it owes.
/// </summary>
internal sealed class CredentialHarness : RegistryTestChain
{
    public const ulong CallGas = 14_500_000;
    public const ulong SlashWindow = 6;
    public const ulong JailBlocks = 8;

    public static readonly UInt256 Trust = ChainParameters.WeiPerTrust;

    // Hardhat dev accounts #3..#5 (funded in the repo genesis).
    public static readonly PrivateKey Key3 = new("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
    public static readonly PrivateKey Key4 = new("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");
    public static readonly PrivateKey Key5 = new("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");

    /// <param name="validators">Genesis validators with their stake in TRUST; null keeps the repo genesis (dev key 0 alone).</param>
    public CredentialHarness(IReadOnlyList<(PrivateKey Key, ulong StakeTrust)>? validators = null, Action<JsonObject>? editSpec = null)
        : this(Spec(validators, editSpec), new StrongBox<StakingState?>(), new StrongBox<CredentialRegistryState?>())
    {
    }

    private CredentialHarness(ChainSpec spec, StrongBox<StakingState?> staking, StrongBox<CredentialRegistryState?> registry)
        : base(spec, () =>
        {
            BlockchainOptions options = new();
            staking.Value = StakingModule.Install(options, spec.Parameters);
            registry.Value = CredentialModule.Install(options, spec.Parameters, staking.Value);
            return options;
        }, CallGas, maxFeeGwei: 50)
    {
        Staking = staking.Value!;
        Registry = registry.Value!;
        Credentials = (CredentialRegistryContract)RegistryContract(Chain.SystemContracts);
    }

    public ChainParameters Parameters => Chain.Spec.Parameters;

    public StakingState Staking { get; }

    public CredentialRegistryState Registry { get; }

    public CredentialRegistryContract Credentials { get; }

    /// <summary>block.timestamp in seconds of the next block (what simulations and the next transaction see).</summary>
    public ulong NextBlockSeconds => (Chain.Head.Timestamp + 1000) / 1000;

    public static byte[] CompressedKey(PrivateKey key)
    {
        byte[] compressed = new byte[33];
        Assert.That(Secp256k1.TryCompressPublicKey(key.PublicKey, compressed), Is.True);
        return compressed;
    }

    public static Hash256 H(byte fill) => new(Enumerable.Repeat(fill, 32).ToArray());

    public Transaction Tx(PrivateKey key, SystemContract contract, string function, UInt256 value, params object?[] args) =>
        Tx(contract, key, function, value, args);

    public Transaction Tx(PrivateKey key, string function, UInt256 value, params object?[] args) => Tx(key, Credentials, function, value, args);

    public TxReceipt Send(PrivateKey key, string function, UInt256 value, params object?[] args) =>
        Produce(Tx(key, function, value, args)).Receipts.Single();

    /// <summary>Sends to the registry and requires success; returns the receipt.</summary>
    public TxReceipt SendOk(PrivateKey key, string function, UInt256 value, params object?[] args)
    {
        string? reason = RevertReasonOf(key.Address, function, value, args);
        TxReceipt receipt = Send(key, function, value, args);
        Assert.That(receipt.Succeeded, Is.True, $"{function} failed: {receipt.Error} {reason}");
        return receipt;
    }

    /// <summary>Sends and requires a revert with exactly <paramref name="reason"/>, both simulated and mined.</summary>
    public TxReceipt SendReverts(PrivateKey key, string function, UInt256 value, string reason, params object?[] args)
    {
        Assert.That(RevertReasonOf(key.Address, function, value, args), Is.EqualTo(reason));
        TxReceipt receipt = Send(key, function, value, args);
        Assert.That(receipt.Succeeded, Is.False, $"{function} should have reverted with \"{reason}\"");
        return receipt;
    }

    public void StakeOk(PrivateKey key, StakingRole role, UInt256 amount)
    {
        TxReceipt receipt = Produce(Tx(key, StakingContract, "stake", amount, (byte)role)).Receipts.Single();
        Assert.That(receipt.Succeeded, Is.True, $"stake failed: {receipt.Error}");
    }

    public void StakeIssuer(PrivateKey key) => StakeOk(key, StakingRole.Issuer, Parameters.MinIssuerStake);

    public void StakingTxOk(PrivateKey key, string function, UInt256 value, params object?[] args)
    {
        TxReceipt receipt = Produce(Tx(key, StakingContract, function, value, args)).Receipts.Single();
        Assert.That(receipt.Succeeded, Is.True, $"{function} failed: {receipt.Error}");
    }

    public Hash256 RegisterSchema(PrivateKey key, string schema, bool revocable)
    {
        TxReceipt receipt = SendOk(key, "registerSchema", UInt256.Zero, schema, revocable);
        return new Hash256((byte[])Decode(CredentialEvents.SchemaRegistered, receipt.Logs[0])[0]);
    }

    /// <summary>Issues one credential and returns its uid (from the CredentialIssued event).</summary>
    public Hash256 Issue(PrivateKey issuer, Hash256 schema, Address recipient, ulong expiration = 0, Hash256 refUid = default, byte seed = 1)
    {
        TxReceipt receipt = SendOk(issuer, "issue", UInt256.Zero, schema, recipient, H(seed), expiration, refUid, H((byte)(seed + 1)));
        return new Hash256((byte[])Decode(CredentialEvents.CredentialIssued, receipt.Logs[0])[0]);
    }

    public override void AssertBalanceInvariants()
    {
        Assert.That(Balance(CredentialRegistryState.ContractAddress), Is.EqualTo(UInt256.Zero), $"the registry holds wei after block {HeadNumber}");
        Assert.That(Balance(StakingState.ContractAddress), Is.EqualTo(Staking.GetLiabilities(Head)), $"Staking balance != liabilities after block {HeadNumber}");
    }

    public bool IsValid(Hash256 uid) => (bool)View("isValid", uid)[0];

    public string InvalidReason(Hash256 uid) => (string)View("invalidReason", uid)[0];

    public static object[] Decode(AbiEvent @event, LogEntry log) => @event.Decode(log);

    protected override SystemContract RegistryContract(SystemContractRegistry contracts) =>
        contracts.Contracts.OfType<CredentialRegistryContract>().Single();

    private static ChainSpec Spec(IReadOnlyList<(PrivateKey Key, ulong StakeTrust)>? validators, Action<JsonObject>? editSpec) =>
        ChainTestKit.ModifiedSpec(json =>
        {
            json["params"]!["unbondingBlocks"] = 5;
            json["params"]!["issuerSlashWindowBlocks"] = SlashWindow;
            json["params"]!["issuerJailBlocks"] = JailBlocks;
            if (validators is not null)
            {
                JsonArray list = [];
                foreach ((PrivateKey key, ulong stake) in validators)
                {
                    list.Add(new JsonObject
                    {
                        ["address"] = key.Address.ToString(),
                        ["publicKey"] = "0x" + Convert.ToHexString(CompressedKey(key)).ToLowerInvariant(),
                        ["stake"] = ((UInt256)stake * Trust).ToString(),
                    });
                }

                json["validators"] = list;
            }

            editSpec?.Invoke(json);
        });
}
