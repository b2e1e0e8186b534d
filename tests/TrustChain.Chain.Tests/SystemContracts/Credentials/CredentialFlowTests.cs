using System.Numerics;
using TrustChain.Chain.Execution;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Credentials.CredentialHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Credentials;

[TestFixture]
public sealed class CredentialFlowTests
{
    private const string Degree = "string degree, uint16 year";

    [Test]
    public void Issuer_stakes_registers_issues_and_a_dapp_verifies_paying_the_split_to_the_wei()
    {
        using CredentialHarness h = new();
        h.StakeIssuer(Key1);

        TxReceipt registered = h.SendOk(Key1, "registerSchema", UInt256.Zero, Degree, true);
        Hash256 schema = CredentialUids.Schema(Degree, Key1.Address, true);
        Assert.Multiple(() =>
        {
            Assert.That(Decode(CredentialEvents.SchemaRegistered, registered.Logs[0]), Is.EqualTo(new object[] { schema.ToArray(), Key1.Address, true, Degree }));
            Assert.That(h.View("getSchema", schema)[0], Is.EqualTo(new object[] { schema.ToArray(), Key1.Address, true, Degree, (UInt256)registered.BlockNumber }));
            Assert.That(h.Registry.GetSchema(h.Head, schema), Is.EqualTo(new SchemaRecord(schema, Key1.Address, true, Degree, registered.BlockNumber)));
        });

        ulong expiration = h.NextBlockSeconds + 1_000;
        TxReceipt issued = h.SendOk(Key1, "issue", UInt256.Zero, schema, Recipient, H(0x22), expiration, Hash256.Zero, H(0x33));
        Hash256 uid = CredentialUids.Credential(Key1.Address, 0, new CredentialRequest(schema, Recipient, H(0x22), expiration, Hash256.Zero, H(0x33)));
        ulong issuedAt = h.Chain.Head.Timestamp / 1000;
        Assert.Multiple(() =>
        {
            Assert.That(Decode(CredentialEvents.CredentialIssued, issued.Logs[0]), Is.EqualTo(new object[] { uid.ToArray(), Key1.Address, Recipient, schema.ToArray() }));
            Assert.That(issued.GasUsed, Is.EqualTo(21_000 + CalldataGas(h, "issue", schema, Recipient, H(0x22), expiration, Hash256.Zero, H(0x33)) + CredentialGas.Issue));
            Assert.That(h.View("getCredential", uid)[0], Is.EqualTo(new object[]
            {
                uid.ToArray(), schema.ToArray(), Key1.Address, Recipient, H(0x22).ToArray(), new byte[32], H(0x33).ToArray(),
                (UInt256)expiration, (UInt256)issuedAt, (UInt256)issued.BlockNumber, UInt256.Zero, UInt256.Zero,
            }));
            Assert.That(h.IsValid(uid), Is.True);
            Assert.That(h.InvalidReason(uid), Is.Empty);
            Assert.That(h.Registry.IsValid(h.Head, uid, h.Chain.Head), Is.True);
        });

        // An odd amount above the fee: the whole value is split and the rounding remainder goes to the prover.
        UInt256 value = h.Parameters.CredentialVerificationFee + 7;
        BigInteger v = value.ToBigInteger();
        UInt256 issuerShare = UInt256.FromBigInteger(v * h.Parameters.CredentialIssuerBps / 10_000);
        UInt256 validatorShare = UInt256.FromBigInteger(v * h.Parameters.CredentialValidatorBps / 10_000);
        UInt256 proverShare = value - issuerShare - validatorShare;
        UInt256 issuerBefore = h.Balance(Key1.Address);
        UInt256 proverBefore = h.Balance(Key3.Address);
        UInt256 verifierBefore = h.Balance(Key2.Address);
        UInt256 validatorPool = h.Staking.GetRewardPool(h.Head, StakingRole.Validator);

        TxReceipt verified = h.SendOk(Key2, "verifyCredential", value, uid, Key3.Address);
        Assert.Multiple(() =>
        {
            Assert.That(h.Balance(Key1.Address), Is.EqualTo(issuerBefore + issuerShare));
            Assert.That(h.Balance(Key3.Address), Is.EqualTo(proverBefore + proverShare));
            Assert.That(h.Balance(Key2.Address), Is.EqualTo(verifierBefore - value - verified.EffectiveGasPrice * verified.GasUsed));
            Assert.That(h.Staking.GetRewardPool(h.Head, StakingRole.Validator), Is.EqualTo(validatorPool + validatorShare));
            Assert.That(issuerShare + validatorShare + proverShare, Is.EqualTo(value));
            Assert.That(verified.Logs.Select(l => (l.Address, l.Topics[0])), Is.EqualTo(new[]
            {
                (SystemContractAddresses.Staking, StakingEvents.FeesAccrued.Topic0),
                (SystemContractAddresses.CredentialRegistry, CredentialEvents.CredentialVerified.Topic0),
            }), "Staking's FeesAccrued lands in the same receipt, in order");
            Assert.That(Decode(CredentialEvents.CredentialVerified, verified.Logs[1]), Is.EqualTo(new object[] { uid.ToArray(), Key1.Address, Key2.Address, value }));
            Assert.That(verified.GasUsed, Is.EqualTo(21_000 + CalldataGas(h, "verifyCredential", uid, Key3.Address) + CredentialGas.VerifyCredential));
        });

        // No prover: its share goes to the Prover role's reward pool.
        UInt256 fee = h.Parameters.CredentialVerificationFee;
        UInt256 proverPool = h.Staking.GetRewardPool(h.Head, StakingRole.Prover);
        h.SendOk(Key2, "verifyCredential", fee, uid, Address.Zero);
        Assert.That(h.Staking.GetRewardPool(h.Head, StakingRole.Prover), Is.EqualTo(proverPool + h.Registry.SplitFee(fee).Prover));
    }

    [Test]
    public void Issue_many_in_batches_indexes_thousands_of_credentials_per_issuer_and_recipient()
    {
        const int batch = CredentialRegistryContract.MaxIssueBatch;
        const int batches = 4;
        using CredentialHarness h = new();
        h.StakeIssuer(Key1);
        Hash256 schema = h.RegisterSchema(Key1, Degree, true);
        Address[] recipients = [Recipient, Key2.Address, Key3.Address, Key4.Address];

        List<CredentialRequest> all = [];
        List<Transaction> txs = [];
        for (int b = 0; b < batches; b++)
        {
            object[] items = new object[batch];
            for (int i = 0; i < batch; i++)
            {
                int n = b * batch + i;
                CredentialRequest r = new(schema, recipients[n % recipients.Length], Subject(n), 0, Hash256.Zero, H(0x44));
                all.Add(r);
                items[i] = new object[] { r.SchemaUid, r.Recipient, r.SubjectCommitment, r.Expiration, r.RefUid, r.DataHash };
            }

            txs.Add(h.Tx(Key1, "issueMany", UInt256.Zero, [items]));
        }

        // Two batches fit a block.
        List<TxReceipt> receipts = [];
        for (int b = 0; b < batches; b += 2)
        {
            receipts.AddRange(h.Produce(txs[b], txs[b + 1]).Receipts);
        }

        Hash256[] expected = all.Select((r, n) => CredentialUids.Credential(Key1.Address, (ulong)n, r)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(receipts.Select(r => r.Succeeded), Is.All.True);
            Assert.That(receipts.Select(r => r.Logs.Count), Is.All.EqualTo(batch));
            Assert.That(receipts[0].GasUsed, Is.EqualTo(21_000 + CalldataGasOf(txs[0]) + CredentialGas.IssueMany + batch * CredentialGas.IssueManyPerItem));
            Assert.That(h.Registry.CountByIssuer(h.Head, Key1.Address), Is.EqualTo((ulong)(batch * batches)));
            Assert.That(h.Registry.ListByIssuer(h.Head, Key1.Address, 0, ulong.MaxValue), Is.EqualTo(expected));
            Assert.That(h.Registry.CountByRecipient(h.Head, Key2.Address), Is.EqualTo((ulong)(batch * batches / 4)));
            Assert.That(h.Registry.ListByRecipient(h.Head, Key2.Address, 10, 3), Is.EqualTo(new[] { expected[41], expected[45], expected[49] }));
            Assert.That(h.View("credentialsIssuedBy", Key1.Address, (UInt256)1_998, (UInt256)100)[0], Is.EqualTo(new object[] { expected[1_998].ToArray(), expected[1_999].ToArray() }));
            Assert.That(h.View("credentialsOf", Recipient, (UInt256)500, (UInt256)1)[0], Is.Empty);
            Assert.That(h.View("credentialCountOf", Key3.Address)[0], Is.EqualTo((UInt256)(batch * batches / 4)));
            Assert.That(h.IsValid(expected[1_234]), Is.True);
        });

        // The call returns the uids, continuing the issuer's nonce.
        CredentialRequest next = new(schema, Recipient, H(0x55), 0, expected[0], H(0x66));
        object[] one = [new object[] { next.SchemaUid, next.Recipient, next.SubjectCommitment, next.Expiration, next.RefUid, next.DataHash }];
        SystemCallResult simulated = h.Simulate(Key1.Address, "issueMany", UInt256.Zero, [one]);
        Assert.That(simulated.Success, Is.True, RegistryTestChain.Reason(simulated));
        object[] returned = (object[])h.Credentials.Abi.GetFunction("issueMany").DecodeOutput(simulated.ReturnData)[0];
        Assert.That(returned, Is.EqualTo(new object[] { CredentialUids.Credential(Key1.Address, batch * batches, next).ToArray() }));
    }

    [Test]
    public void Revoked_credentials_stop_verifying_one_at_a_time_or_in_a_batch()
    {
        using CredentialHarness h = new();
        h.StakeIssuer(Key1);
        Hash256 schema = h.RegisterSchema(Key1, Degree, true);
        Hash256 a = h.Issue(Key1, schema, Recipient, seed: 1);
        Hash256 b = h.Issue(Key1, schema, Recipient, seed: 3);
        Hash256 c = h.Issue(Key1, schema, Key2.Address, seed: 5);

        TxReceipt revoked = h.SendOk(Key1, "revoke", UInt256.Zero, a);
        object[] tuple = (object[])h.View("getCredential", a)[0];
        Assert.Multiple(() =>
        {
            Assert.That(Decode(CredentialEvents.CredentialRevoked, revoked.Logs[0]), Is.EqualTo(new object[] { a.ToArray(), Key1.Address, Recipient }));
            Assert.That(tuple[10], Is.EqualTo((UInt256)(h.Chain.Head.Timestamp / 1000)));
            Assert.That(tuple[11], Is.EqualTo((UInt256)revoked.BlockNumber));
            Assert.That(h.IsValid(a), Is.False);
            Assert.That(h.InvalidReason(a), Is.EqualTo("credential is revoked"));
            Assert.That(h.IsValid(b), Is.True);
        });
        h.SendReverts(Key2, "verifyCredential", h.Parameters.CredentialVerificationFee, "credential is revoked", a, Address.Zero);

        TxReceipt many = h.SendOk(Key1, "revokeMany", UInt256.Zero, [new object[] { b, c }]);
        Assert.Multiple(() =>
        {
            Assert.That(many.Logs, Has.Count.EqualTo(2));
            Assert.That(many.GasUsed, Is.EqualTo(21_000 + CalldataGas(h, "revokeMany", [new object[] { b, c }]) + CredentialGas.RevokeMany + 2 * CredentialGas.RevokeManyPerItem));
            Assert.That(h.IsValid(b) || h.IsValid(c), Is.False);
            Assert.That(h.Registry.GetStatus(h.Head, c, h.HeadNumber, h.Chain.Head.Timestamp), Is.EqualTo(CredentialStatus.Revoked));
        });
    }

    [Test]
    public void Credentials_expire_at_their_expiration_second()
    {
        using CredentialHarness h = new();
        h.StakeIssuer(Key1);
        Hash256 schema = h.RegisterSchema(Key1, Degree, false);
        ulong expiration = h.NextBlockSeconds + 3;
        Hash256 uid = h.Issue(Key1, schema, Recipient, expiration);
        // Issued at expiration - 3; blocks advance one second each; the next block sees expiration - 2.
        h.Produce();
        Assert.That(h.NextBlockSeconds, Is.EqualTo(expiration - 1));
        Assert.That(h.IsValid(uid), Is.True);
        h.Produce();
        Assert.That(h.NextBlockSeconds, Is.EqualTo(expiration));
        Assert.Multiple(() =>
        {
            Assert.That(h.IsValid(uid), Is.False);
            Assert.That(h.InvalidReason(uid), Is.EqualTo("credential has expired"));
        });
        h.SendReverts(Key2, "verifyCredential", h.Parameters.CredentialVerificationFee, "credential has expired", uid, Address.Zero);
    }

    [Test]
    public void An_unstaked_issuer_cannot_issue_and_its_credentials_stop_verifying_until_it_stakes_again()
    {
        using CredentialHarness h = new();
        UInt256 minimum = h.Parameters.MinIssuerStake;
        h.StakeIssuer(Key1);
        Hash256 schema = h.RegisterSchema(Key1, Degree, true);
        Hash256 uid = h.Issue(Key1, schema, Recipient);

        h.StakingTxOk(Key1, "unstake", UInt256.Zero, (byte)StakingRole.Issuer, minimum);
        string notIssuer = $"caller is not an active Issuer: it needs at least {minimum} wei of Issuer stake and no jail";
        Assert.Multiple(() =>
        {
            Assert.That(h.IsValid(uid), Is.False);
            Assert.That(h.InvalidReason(uid), Is.EqualTo(CredentialStatus.IssuerInactive.Describe()));
        });
        h.SendReverts(Key1, "issue", UInt256.Zero, notIssuer, schema, Recipient, H(9), 0UL, Hash256.Zero, H(9));
        h.SendReverts(Key2, "verifyCredential", h.Parameters.CredentialVerificationFee, CredentialStatus.IssuerInactive.Describe(), uid, Address.Zero);

        // The issuer may still revoke what it issued.
        h.SendOk(Key1, "revoke", UInt256.Zero, uid);
        h.StakeIssuer(Key1);
        Hash256 again = h.Issue(Key1, schema, Recipient, seed: 7);
        Assert.Multiple(() =>
        {
            Assert.That(h.IsValid(again), Is.True);
            Assert.That(h.InvalidReason(uid), Is.EqualTo("credential is revoked"));
        });
    }

    [Test]
    public void A_credential_may_reference_an_earlier_one_and_recipient_zero_is_not_indexed()
    {
        using CredentialHarness h = new();
        h.StakeIssuer(Key1);
        Hash256 schema = h.RegisterSchema(Key1, Degree, true);
        Hash256 parent = h.Issue(Key1, schema, Address.Zero);
        Hash256 child = h.Issue(Key1, schema, Recipient, refUid: parent, seed: 9);
        Assert.Multiple(() =>
        {
            Assert.That(((object[])h.View("getCredential", child)[0])[5], Is.EqualTo(parent.ToArray()));
            Assert.That(h.Registry.CountByRecipient(h.Head, Address.Zero), Is.Zero);
            Assert.That(h.Registry.ListByRecipient(h.Head, Recipient, 0, 10), Is.EqualTo(new[] { child }));
            Assert.That(h.Registry.CountByIssuer(h.Head, Key1.Address), Is.EqualTo(2UL));
        });
    }

    [Test]
    public void Native_reads_of_unknown_ids_are_null_and_views_revert_with_a_reason()
    {
        using CredentialHarness h = new();
        Assert.Multiple(() =>
        {
            Assert.That(h.Registry.GetSchema(h.Head, H(1)), Is.Null);
            Assert.That(h.Registry.GetCredential(h.Head, H(1)), Is.Null);
            Assert.That(h.Registry.GetSlashProposal(h.Head, 1, 1), Is.Null);
            Assert.That(h.Registry.ListByIssuer(h.Head, Key1.Address, 0, 10), Is.Empty);
            Assert.That(h.Registry.GetStatus(h.Head, H(1), 1, 0), Is.EqualTo(CredentialStatus.Unknown));
            Assert.That(h.IsValid(H(1)), Is.False);
            Assert.That(h.InvalidReason(H(1)), Is.EqualTo("unknown credential"));
            Assert.That(h.View("verificationFee")[0], Is.EqualTo(h.Parameters.CredentialVerificationFee));
        });
    }

    private static Hash256 Subject(int n)
    {
        byte[] bytes = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(28), n + 1);
        return new Hash256(bytes);
    }

    private static ulong CalldataGas(CredentialHarness h, string function, params object?[] args) =>
        CalldataGasOf(h.Credentials.Abi.GetFunction(function).EncodeCall(args));

    private static ulong CalldataGasOf(Transaction tx) => CalldataGasOf(tx.Data);

    private static ulong CalldataGasOf(byte[] data)
    {
        ulong gas = 0;
        foreach (byte b in data)
        {
            gas += b == 0 ? 4UL : 16UL;
        }

        return gas;
    }
}
