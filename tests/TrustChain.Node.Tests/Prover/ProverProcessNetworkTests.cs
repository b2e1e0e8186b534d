using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TrustChain.Chain.Abi;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Cli;
using TrustChain.Node.Dev;
using TrustChain.Node.Prover;
using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tests.Testnet;
using TrustChain.Node.Tx;
using static TrustChain.Node.Tests.Testnet.TestnetAwait;

namespace TrustChain.Node.Tests.Prover;

/// <summary>
/// The real deployment shape: a validator node and three `trustchain run --prover` follower processes syncing it over
/// P2P, the committee read from the (testnet copy of the) dev genesis and the DEV-ONLY shares from `prover keygen --dev`.
/// People enrol through `trustchain palm enroll`; a genuine re-scan is refused as a duplicate; one prover killed still
/// enrols (2-of-3), two killed fail with the OPRF committee error. Every process is killed in the finally block.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ProverProcessNetworkTests
{
    private const int Seed = 7;
    private const int People = 5;
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    [Test]
    public async Task Palm_enroll_against_three_prover_processes_dedups_and_survives_one_prover_down()
    {
        using TempDirectory dir = new();
        int p2p = FreePorts.FindRun(4);
        int rpc = FreePorts.FindRun(4, p2p, 4);
        string net = dir.Combine("net");
        CliRun init = CliRun.Invoke(NoEnvironment, "testnet", "init", "--validators", "1", "--followers", "3", "--out", net,
            "--base-p2p-port", p2p.ToString(CultureInfo.InvariantCulture), "--base-rpc-port", rpc.ToString(CultureInfo.InvariantCulture),
            "--timeout-commit", "200", "--timeout-propose", "1500", "--timeout-vote", "400");
        Assert.That(init.ExitCode, Is.Zero, init.Error);
        File.WriteAllText(dir.Combine("pw"), "pw");
        CliRun keygen = CliRun.Invoke(NoEnvironment, "prover", "keygen", "--dev", "--out", dir.Combine("committee"), "--password-file", dir.Combine("pw"), "--light-kdf");
        Assert.That(keygen.ExitCode, Is.Zero, keygen.Error);

        List<TestnetNodeProcess> nodes = [];
        try
        {
            for (int i = 0; i < 4; i++)
            {
                string nodeDir = Path.Combine(net, $"node{i}");
                string args = Path.Combine(nodeDir, TestnetGenerator.ArgsFileName);
                if (i > 0)
                {
                    // Member i is dev account 4 + i (the dev genesis committee); no --committee: it comes from genesis.
                    string key = Path.Combine(nodeDir, "prover.key");
                    File.WriteAllText(key, DevAccounts.KeyHexAt(DevProverCommittee.FirstDevAccount + i - 1));
                    File.AppendAllLines(args, ["--prover", "--prover-share", dir.Combine("committee", $"prover-{i}.share.json"), "--prover-key", key,
                        "--prover-password-file", dir.Combine("pw")]);
                }

                nodes.Add(new TestnetNodeProcess(new TestnetNode(i, nodeDir, args, p2p + i, rpc + i, string.Empty, null)));
                nodes[^1].Start();
            }

            TestnetNodeProcess validator = nodes[0];
            List<TestnetNodeProcess> provers = nodes.Skip(1).ToList();
            await WaitForHeads(nodes, 1, "the validator and three provers to start and sync");
            Assert.That(provers.All(p => p.Log.Contains("DEV-ONLY prover committee", StringComparison.Ordinal)), Is.True, "each prover warns about the dev committee");

            // The operator stakes; provers check the signer's stake on their own head, so wait until all have the block.
            PrivateKey operatorKey = DevAccounts.Get(1);
            File.WriteAllText(dir.Combine("operator.key"), DevAccounts.KeyHexAt(1));
            byte[] stake = AbiFunction.Parse("function stake(uint8 role) payable").EncodeCall((byte)StakingRole.EnrollmentOperator);
            SendResult staked = await new TransactionSender(validator.Rpc).SendAsync(new SendRequest(operatorKey, StakingState.ContractAddress,
                Chain.Specs.ChainSpec.Load(Path.Combine(net, "genesis.json")).Parameters.MinEnrollmentOperatorStake, stake, 200_000), wait: true, TimeSpan.FromSeconds(60));
            Assert.That(staked.Succeeded, Is.True, "the operator's stake");

            string urls = string.Join(",", provers.Select(p => $"http://127.0.0.1:{p.Node.RpcPort}/"));
            List<double> latencies = [];
            async Task<CliRun> Enroll(int person, int scan)
            {
                string scanFile = dir.Combine($"scan-{person}-{scan}.json");
                CliRun scanned = CliRun.Invoke(NoEnvironment, "palm", "scan", "--person", person.ToString(CultureInfo.InvariantCulture), "--seed",
                    Seed.ToString(CultureInfo.InvariantCulture), "--scan", scan.ToString(CultureInfo.InvariantCulture), "--out", scanFile);
                Assert.That(scanned.ExitCode, Is.Zero, scanned.Error);

                // Everything enrolled so far must be on the provers' heads before their pre-check can see it.
                ulong head = (await validator.TryHeadAsync()) ?? 0;
                await WaitForHeads(provers.Where(p => p.IsRunning), head, $"the provers to reach block {head}");
                Stopwatch watch = Stopwatch.StartNew();
                CliRun run = await Task.Run(() => CliRun.Invoke(NoEnvironment, "palm", "enroll", "--scan", scanFile, "--operator-key", dir.Combine("operator.key"),
                    "--provers", urls, "--rpc", $"http://127.0.0.1:{validator.Node.RpcPort}/", "--genesis", Path.Combine(net, "genesis.json"),
                    "--out", dir.Combine($"person-{person}-{scan}.json")));
                if (run.ExitCode == 0)
                {
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                }

                return run;
            }

            var indices = new HashSet<ulong>();
            for (int person = 0; person < People; person++)
            {
                CliRun run = await Enroll(person, 0);
                Assert.That(run.ExitCode, Is.Zero, () => $"person {person}: {run.Error}\n{run.Output}\n{validator.Log}");
                Assert.That(run.Output, Does.Contain("WARNING: DEV-ONLY prover committee"));
                Assert.That(indices.Add(ulong.Parse(HumanIndex().Match(run.Output).Groups[1].Value, CultureInfo.InvariantCulture)), Is.True);
            }

            CliRun rescan = await Enroll(0, 1);
            Assert.That(rescan.ExitCode, Is.EqualTo(ExitCodes.Failure), rescan.Output);
            Assert.That(rescan.Error, Does.Contain("duplicate human").And.Contain("#0"));

            provers[0].KillHard();
            CliRun oneDown = await Enroll(People, 0);
            Assert.That(oneDown.ExitCode, Is.Zero, () => oneDown.Error);

            provers[1].KillHard();
            CliRun twoDown = await Enroll(People + 1, 0);
            Assert.That(twoDown.ExitCode, Is.EqualTo(ExitCodes.Failure), twoDown.Output);
            Assert.That(twoDown.Error, Does.Contain("OPRF committee: only 1 of the 2 prover answers needed are valid"));

            latencies.Sort();
            await TestContext.Out.WriteLineAsync($"palm enroll (224 bands, 3 prover processes) over {latencies.Count} runs: " +
                $"median {latencies[latencies.Count / 2]:F0} ms, max {latencies[^1]:F0} ms (SYNTHETIC people)");
        }
        finally
        {
            foreach (TestnetNodeProcess node in nodes)
            {
                node.Dispose();
            }
        }
    }

    [GeneratedRegex(@"humanIndex=(\d+)")]
    private static partial Regex HumanIndex();
}
