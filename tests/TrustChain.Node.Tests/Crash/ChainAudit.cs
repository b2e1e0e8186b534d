using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Consensus;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using TrustChain.Node.Hosting;

namespace TrustChain.Node.Tests.Crash;

/// <summary>
/// Opens a stopped node's data dir in-process and checks it from genesis to head: every block, receipt list and
/// commit is readable and linked, every commit is signed by the validator over the canonical vote bytes, balances
/// and nonces equal genesis plus what the receipts imply, and the stored state root is the head header's.
/// </summary>
public static class ChainAudit
{
    public static ulong Verify(string dataDir, ChainSpec spec, ulong minimumHead)
    {
        // The node installs the system contracts at genesis; the audit must open the chain the same way.
        using Blockchain chain = Blockchain.Open(Path.Combine(dataDir, "db"), spec, NodeRunner.CreateChainOptions(spec));
        BlockHeader head = chain.Head;
        Assert.That(head.Number, Is.GreaterThanOrEqualTo(minimumHead), "head went backwards: a committed block was lost");

        Dictionary<Address, UInt256> balances = [];
        Dictionary<Address, ulong> nonces = [];
        foreach (GenesisAccount account in spec.Alloc)
        {
            balances[account.Address] = account.Balance;
        }

        Address validator = spec.Validators[0].Address;
        BlockHeader parent = chain.GetHeader(0) ?? throw new AssertionException("genesis header missing");
        Assert.That(parent.Hash, Is.EqualTo(chain.GenesisHash));
        for (ulong number = 1; number <= head.Number; number++)
        {
            Block block = chain.GetBlock(number) ?? throw new AssertionException($"block {number} missing below head {head.Number}");
            Assert.That(block.Header.ParentHash, Is.EqualTo(parent.Hash), $"block {number} parent link");
            Assert.That(block.Header.Timestamp, Is.GreaterThan(parent.Timestamp), $"block {number} timestamp");
            Assert.That(block.Header.Proposer, Is.EqualTo(validator));

            Commit commit = chain.Store.GetCommit(number) ?? throw new AssertionException($"commit for block {number} missing");
            Assert.That(commit.BlockHash, Is.EqualTo(block.Hash));
            Assert.That(commit.Signatures.Select(s => s.ValidatorAddress), Is.EqualTo(new[] { validator }));
            Assert.That(CommitSigner.VerifySignatures(commit, spec.ChainId), Is.True, $"commit signature of block {number}");

            IReadOnlyList<TxReceipt> receipts = chain.GetReceipts(block.Hash) ?? throw new AssertionException($"receipts of block {number} missing");
            Assert.That(receipts, Has.Count.EqualTo(block.Transactions.Count));
            ApplyFees(block, receipts, balances, nonces);
            parent = block.Header;
        }

        Assert.That(parent.Hash, Is.EqualTo(head.Hash));
        IStateReader state = chain.HeadState;
        foreach ((Address address, UInt256 expected) in balances)
        {
            Account account = state.GetAccount(address);
            Assert.That(account.Balance, Is.EqualTo(expected), $"balance of {address} at head {head.Number}");
            Assert.That(account.Nonce, Is.EqualTo(nonces.GetValueOrDefault(address)), $"nonce of {address}");
        }

        Assert.That(chain.StateDatabase.LatestRoot, Is.EqualTo(head.StateRoot), "stored state root must be the head's");
        return head.Number;
    }

    private static void ApplyFees(Block block, IReadOnlyList<TxReceipt> receipts, Dictionary<Address, UInt256> balances, Dictionary<Address, ulong> nonces)
    {
        UInt256 baseFee = block.Header.BaseFeePerGas;
        ulong cumulative = 0;
        for (int i = 0; i < receipts.Count; i++)
        {
            Transaction tx = block.Transactions[i];
            TxReceipt receipt = receipts[i];
            Assert.That(receipt.TxHash, Is.EqualTo(tx.Hash));
            cumulative += receipt.GasUsed;
            Assert.That(receipt.CumulativeGasUsed, Is.EqualTo(cumulative));
            Address sender = SenderRecovery.TryRecover(tx) ?? throw new AssertionException($"unrecoverable sender of {tx.Hash}");
            Address to = tx.To ?? throw new AssertionException("the test sends no contract creations");

            // Effective price from the transaction and header, not from the receipt under test.
            UInt256 price = UInt256.Min(tx.MaxFeePerGas, baseFee + tx.MaxPriorityFeePerGas);
            UInt256 fee = price * receipt.GasUsed;
            UInt256 debit = receipt.Succeeded ? fee + tx.Value : fee;
            balances[sender] = balances.GetValueOrDefault(sender) - debit;
            if (receipt.Succeeded)
            {
                balances[to] = balances.GetValueOrDefault(to) + tx.Value;
            }

            Address proposer = block.Header.Proposer;
            balances[proposer] = balances.GetValueOrDefault(proposer) + (price - baseFee) * receipt.GasUsed;
            nonces[sender] = nonces.GetValueOrDefault(sender) + 1;
        }

        Assert.That(block.Header.GasUsed, Is.EqualTo(cumulative));
    }
}
