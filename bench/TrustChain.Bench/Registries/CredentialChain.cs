using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Node.Dev;

namespace TrustChain.Bench.Registries;

/// <summary>
/// A <see cref="RegistryBenchChain{TRegistry}"/> with the CredentialRegistry: a staked issuer (dev key 1) with one
/// schema, and funded verifier accounts that are also the credentials' recipients.
/// </summary>
public sealed class CredentialChain : RegistryBenchChain<CredentialRegistryState>
{
    private const ulong TxGas = 14_000_000;
    private const ulong VerifyGas = 100_000;
    private const ulong SetupGas = 200_000;
    private const string SchemaText = "string degree, uint16 year";

    private static readonly PrivateKey IssuerKey = DevAccounts.Get(1);

    private readonly PrivateKey[] _verifiers;
    private readonly ContractAbi _credentialsAbi;
    private readonly Hash256 _schema;
    private ulong _issuerNonce;
    private int _issuedSigned;
    private ulong _verifierRound;

    public CredentialChain(int verifiers, int seed)
        : this(Genesis(verifiers, seed, out PrivateKey[] keys), keys)
    {
    }

    private CredentialChain(List<GenesisAccount> alloc, PrivateKey[] verifiers)
        : base("credentials", alloc, static (options, parameters, staking) => CredentialModule.Install(options, parameters, staking))
    {
        _verifiers = verifiers;
        _credentialsAbi = AbiOf<CredentialRegistryContract>();
        _schema = CredentialUids.Schema(SchemaText, IssuerKey.Address, revocable: true);
        Run([
            IssuerTx(StakingState.ContractAddress, AbiOf<StakingContract>().GetFunction("stake").EncodeCall((byte)StakingRole.Issuer), Parameters.MinIssuerStake, SetupGas),
            IssuerTx(CredentialRegistryState.ContractAddress, _credentialsAbi.GetFunction("registerSchema").EncodeCall(SchemaText, true), UInt256.Zero, SetupGas),
        ], int.MaxValue);
    }

    public Address Issuer => IssuerKey.Address;

    /// <summary>Signed issueMany calls of <paramref name="batch"/> credentials each, <paramref name="count"/> in all.</summary>
    public Transaction[] SignIssues(int count, int batch)
    {
        Transaction[] txs = new Transaction[(count + batch - 1) / batch];
        AbiFunction issueMany = _credentialsAbi.GetFunction("issueMany");
        int n = _issuedSigned;
        for (int t = 0; t < txs.Length; t++)
        {
            int size = Math.Min(batch, count - t * batch);
            object[] items = new object[size];
            for (int i = 0; i < size; i++, n++)
            {
                items[i] = new object[] { _schema, _verifiers[n % _verifiers.Length].Address, Subject(n), 0UL, Hash256.Zero, Subject(~n) };
            }

            txs[t] = IssuerTx(CredentialRegistryState.ContractAddress, issueMany.EncodeCall([items]), UInt256.Zero, TxGas);
        }

        _issuedSigned = n;
        return txs;
    }

    /// <summary>One verifyCredential per uid, paying the minimum fee, senders taking turns so any prefix keeps nonces in order.</summary>
    public Transaction[] SignVerifications(IReadOnlyList<Hash256> uids)
    {
        AbiFunction verify = _credentialsAbi.GetFunction("verifyCredential");
        UInt256 fee = Registry.Parameters.CredentialVerificationFee;
        Transaction[] txs = new Transaction[uids.Count];
        for (int i = 0; i < txs.Length; i++)
        {
            PrivateKey sender = _verifiers[i % _verifiers.Length];
            ulong nonce = _verifierRound + (ulong)(i / _verifiers.Length);
            txs[i] = Sign(sender, nonce, CredentialRegistryState.ContractAddress, verify.EncodeCall(uids[i], Validator.Address), fee, VerifyGas);
        }

        _verifierRound += (ulong)((txs.Length + _verifiers.Length - 1) / _verifiers.Length);
        return txs;
    }

    private static List<GenesisAccount> Genesis(int verifiers, int seed, out PrivateKey[] keys)
    {
        List<GenesisAccount> alloc = [new GenesisAccount(IssuerKey.Address, 1_000_000 * Trust)];
        keys = RandomKeys(verifiers, seed, 1_000 * Trust, alloc);
        return alloc;
    }

    private Transaction IssuerTx(Address to, byte[] data, UInt256 value, ulong gas) => Sign(IssuerKey, _issuerNonce++, to, data, value, gas);

    private static Hash256 Subject(int n)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes[28..], n);
        return new Hash256(bytes);
    }
}
