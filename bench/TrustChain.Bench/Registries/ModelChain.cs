using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Node.Dev;

namespace TrustChain.Bench.Registries;

/// <summary>
/// A <see cref="RegistryBenchChain{TRegistry}"/> with the ModelRegistry: one model (two owners), one staked and
/// authorised host, and <c>users</c> funded accounts that each bought calls. Settlements are the host's transactions,
/// signed before the clock starts together with the users' EIP-712 receipts.
/// </summary>
public sealed class ModelChain : RegistryBenchChain<ModelRegistryState>
{
    private const ulong SettleGas = 200_000;
    private const ulong SetupGas = 1_000_000;
    private const ulong ModelId = 1;

    private static readonly PrivateKey OwnerKey = DevAccounts.Get(1);
    private static readonly PrivateKey HostKey = DevAccounts.Get(2);
    private static readonly UInt256 Price = 1_000_000_000_000UL;

    private readonly PrivateKey[] _users;
    private readonly ulong[] _signedCalls;
    private readonly ContractAbi _modelsAbi;
    private ulong _hostNonce;

    public ModelChain(int users, ulong callsPerUser, int seed)
        : this(Genesis(users, seed, out PrivateKey[] keys), keys, callsPerUser)
    {
    }

    private ModelChain(List<GenesisAccount> alloc, PrivateKey[] users, ulong callsPerUser)
        : base("models", alloc, static (options, parameters, staking) => ModelModule.Install(options, parameters, staking))
    {
        _users = users;
        _signedCalls = new ulong[users.Length];
        _modelsAbi = AbiOf<ModelRegistryContract>();

        Address registry = ModelRegistryState.ContractAddress;
        List<Transaction> setup =
        [
            Sign(HostKey, _hostNonce++, StakingState.ContractAddress, AbiOf<StakingContract>().GetFunction("stake").EncodeCall((byte)StakingRole.ModelHost),
                Parameters.MinModelHostStake, SetupGas),
            Sign(OwnerKey, 0, registry, _modelsAbi.GetFunction("registerModel").EncodeCall(
                Keccak256.Compute("bench weights"u8), Keccak256.Compute("bench fingerprints"u8), 256U, "bench", Price,
                new[] { OwnerKey.Address, Validator.Address }, new ushort[] { 6000, 2000 }, (ushort)1500, (ushort)500, false), UInt256.Zero, SetupGas),
            Sign(OwnerKey, 1, registry, _modelsAbi.GetFunction("authorizeHost").EncodeCall((UInt256)ModelId, HostKey.Address), UInt256.Zero, SetupGas),
        ];
        AbiFunction buy = _modelsAbi.GetFunction("buyAccess");
        for (int i = 0; i < users.Length; i++)
        {
            setup.Add(Sign(users[i], 0, registry, buy.EncodeCall((UInt256)ModelId, callsPerUser), Price * callsPerUser, SetupGas));
        }

        Run(setup.ToArray(), int.MaxValue);
    }

    public int Users => _users.Length;

    /// <summary>
    /// One settle per user per round, each for <paramref name="callsPerSettle"/> more calls: the user signs
    /// Usage(model, host, cumulative) and the host sends it. <paramref name="rounds"/> × users transactions in all.
    /// </summary>
    public Transaction[] SignSettlements(int rounds, ulong callsPerSettle)
    {
        AbiFunction settle = _modelsAbi.GetFunction("settle");
        Transaction[] txs = new Transaction[rounds * _users.Length];
        int t = 0;
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < _users.Length; i++)
            {
                ulong cumulative = _signedCalls[i] += callsPerSettle;
                byte[] receipt = ModelTypedData.Sign(_users[i], ModelTypedData.UsageDigest(ChainId, ModelRegistryState.ContractAddress, ModelId, HostKey.Address, cumulative));
                txs[t++] = Sign(HostKey, _hostNonce++, ModelRegistryState.ContractAddress,
                    settle.EncodeCall((UInt256)ModelId, _users[i].Address, cumulative, receipt), UInt256.Zero, SettleGas);
            }
        }

        return txs;
    }

    private static List<GenesisAccount> Genesis(int users, int seed, out PrivateKey[] keys)
    {
        List<GenesisAccount> alloc = [new GenesisAccount(OwnerKey.Address, 1_000 * Trust), new GenesisAccount(HostKey.Address, 10_000 * Trust)];
        keys = RandomKeys(users, seed, 1_000 * Trust, alloc);
        return alloc;
    }
}
