using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

/// <summary>
/// A <see cref="RegistryTestChain"/> with the ModelRegistry installed as the node installs it. After every block it
/// checks that Staking's balance equals what it owes and the registry's balance equals the sum of escrows.
/// </summary>
internal sealed class ModelHarness : RegistryTestChain
{
    public const ulong CallGas = 2_000_000;
    public const ulong ChainId = 7357;

    public static readonly UInt256 Trust = ChainParameters.WeiPerTrust;

    // Hardhat's well-known dev accounts, all funded in genesis.json.
    public static readonly PrivateKey Owner1 = ChainTestKit.Key1;
    public static readonly PrivateKey Owner2 = ChainTestKit.Key2;
    public static readonly PrivateKey Host = new("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
    public static readonly PrivateKey User = new("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");
    public static readonly PrivateKey Rogue = new("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
    public static readonly PrivateKey Reporter = new("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e");
    public static readonly PrivateKey Owner3 = new("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");

    public ModelHarness(Action<JsonObject>? editSpec = null, IHumanProofOracle? humanProofs = null)
        : this(ChainTestKit.ModifiedSpec(json => editSpec?.Invoke(json)), humanProofs, new StrongBox<StakingState?>(), new StrongBox<ModelRegistryState?>())
    {
    }

    private ModelHarness(ChainSpec spec, IHumanProofOracle? humanProofs, StrongBox<StakingState?> staking, StrongBox<ModelRegistryState?> models)
        : base(spec, () =>
        {
            BlockchainOptions options = new();
            staking.Value = StakingModule.Install(options, spec.Parameters);
            models.Value = ModelModule.Install(options, spec.Parameters, staking.Value, humanProofs);
            return options;
        }, CallGas, maxFeeGwei: 5)
    {
        Staking = staking.Value!;
        Models = models.Value!;
        Contract = (ModelRegistryContract)RegistryContract(Chain.SystemContracts);
    }

    public StakingState Staking { get; }

    public ModelRegistryState Models { get; }

    public ModelRegistryContract Contract { get; }

    public UInt256 RegistryBalance => Balance(ModelRegistryState.ContractAddress);

    /// <summary>One block with one registry transaction; returns its receipt.</summary>
    public TxReceipt Send(PrivateKey key, string function, UInt256 value, params object?[] args) =>
        Produce(Tx(Contract, key, function, value, args)).Receipts.Single();

    /// <summary>Sends to the registry and requires success; returns the gas cost in wei the sender paid.</summary>
    public UInt256 SendOk(PrivateKey key, string function, UInt256 value, params object?[] args)
    {
        TxReceipt receipt = Send(key, function, value, args);
        Assert.That(receipt.Succeeded, Is.True, $"{function} failed: {receipt.Error}");
        return receipt.EffectiveGasPrice * receipt.GasUsed;
    }

    public void StakeHost(PrivateKey host, UInt256? amount = null)
    {
        TxReceipt receipt = Produce(Tx(StakingContract, host, "stake", amount ?? 1_000 * Trust, (byte)StakingRole.ModelHost)).Receipts.Single();
        Assert.That(receipt.Succeeded, Is.True, "stake failed");
    }

    public override void AssertBalanceInvariants()
    {
        Assert.That(Balance(StakingState.ContractAddress), Is.EqualTo(Staking.GetLiabilities(Head)), $"Staking balance != liabilities after block {HeadNumber}");
        Assert.That(RegistryBalance, Is.EqualTo(Models.GetTotalEscrow(Head)), $"registry balance != escrow after block {HeadNumber}");
    }

    /// <summary>Registers a model owned by <paramref name="owners"/> and returns its id.</summary>
    public ulong Register(PrivateKey from, FingerprintSet set, Hash256 weights, UInt256 price, (PrivateKey Key, ushort Bps)[] owners,
        ushort hostBps, ushort validatorBps, bool requireHuman = false)
    {
        object?[] args = RegisterArgs(set.Root, (uint)set.Count, weights, price, owners.Select(o => o.Key.Address).ToArray(),
            owners.Select(o => o.Bps).ToArray(), hostBps, validatorBps, requireHuman);
        ulong expected = Models.GetModelCount(Head) + 1;
        SendOk(from, "registerModel", UInt256.Zero, args);
        Assert.That(Models.GetModelCount(Head), Is.EqualTo(expected));
        return expected;
    }

    public static object?[] RegisterArgs(Hash256 root, uint count, Hash256 weights, UInt256 price, Address[] owners, ushort[] bps,
        ushort hostBps, ushort validatorBps, bool requireHuman = false, string uri = "ipfs://model") =>
        [weights, root, count, uri, price, owners, bps.Select(b => (UInt256)(uint)b).ToArray(), hostBps, validatorBps, requireHuman];

    /// <summary>Every owner approves the host in turn until it is authorised.</summary>
    public void Authorize(ulong modelId, Address host, params PrivateKey[] owners)
    {
        foreach (PrivateKey owner in owners)
        {
            SendOk(owner, "authorizeHost", UInt256.Zero, (UInt256)modelId, host);
        }

        Assert.That(Models.IsHostAuthorized(Head, modelId, host), Is.True);
    }

    public static byte[] UsageSignature(PrivateKey user, ulong modelId, Address host, ulong cumulativeCalls, ulong chainId = ChainId) =>
        ModelTypedData.Sign(user, ModelTypedData.UsageDigest(chainId, ModelRegistryState.ContractAddress, modelId, host, cumulativeCalls));

    public static byte[] ResponseSignature(PrivateKey host, ulong modelId, FingerprintPair pair) =>
        ModelTypedData.Sign(host, ModelTypedData.ResponseDigest(ChainId, ModelRegistryState.ContractAddress, modelId, pair.Key, pair.Response));

    protected override SystemContract RegistryContract(SystemContractRegistry contracts) =>
        contracts.Contracts.OfType<ModelRegistryContract>().Single();
}
