using System.CommandLine;
using System.Text.Json;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Node.Config;
using TrustChain.Node.ModelHost;
using TrustChain.Node.Tx;

namespace TrustChain.Node.Cli;

/// <summary>
/// `trustchain stake add|show|unstake|withdraw`: the Staking contract (0x…1000) for people who are not programmers.
/// Amounts are in TRUST; transactions are signed with --from-key/--dev-account and waited for; results are key=value
/// lines (show prints trust_getStake's JSON).
/// </summary>
public static class StakeCommands
{
    public static Command Create(CliContext context)
    {
        Command stake = new("stake", "Stake TRUST for a role (operator, issuer, prover, model host), unstake and withdraw");
        stake.Subcommands.Add(CreateAdd(context));
        stake.Subcommands.Add(CreateShow(context));
        stake.Subcommands.Add(CreateUnstake(context));
        stake.Subcommands.Add(CreateWithdraw(context));
        return stake;
    }

    /// <summary>Role names accepted by --role (case-insensitive; "operator" is the enrolment operator).</summary>
    public static StakingRole ParseRole(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant() switch
        {
            "validator" => StakingRole.Validator,
            "operator" or "enrollmentoperator" or "enrolmentoperator" or "enrollment-operator" => StakingRole.EnrollmentOperator,
            "issuer" => StakingRole.Issuer,
            "prover" => StakingRole.Prover,
            "modelhost" or "model-host" or "host" => StakingRole.ModelHost,
            _ => throw new ConfigException($"--role must be one of operator, issuer, prover, model-host (validators use stakeValidator with a consensus key), got \"{text}\"."),
        };
    }

    private static Command CreateAdd(CliContext context)
    {
        Command command = new("add", "Bond TRUST in a role: stake(role) with the amount as value");
        Option<string> role = new("--role") { Description = "operator | issuer | prover | model-host", Required = true };
        Option<string> amount = new("--amount") { Description = "TRUST to bond, e.g. 1000", Required = true };
        RegistryCommandOptions common = new(command);
        command.Options.Add(role);
        command.Options.Add(amount);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            StakingRole stakingRole = ParseRole(parseResult.GetValue(role)!);
            if (stakingRole == StakingRole.Validator)
            {
                throw new ConfigException("validators stake with a consensus public key (stakeValidator); use 'trustchain tx send' with that call.");
            }

            UInt256 wei = TrustAmount.ToWei("--amount", parseResult.GetValue(amount)!);
            using JsonRpcClient rpc = common.Rpc(parseResult);
            ContractClient staking = RegistryCommandOptions.Contract(rpc, SystemContractAddresses.Staking, StakingAbi.Value);
            ContractReceipt receipt = await staking.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "stake", [(byte)stakingRole], wei,
                common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
            object[] staked = RegistryCommandOptions.EventValues(staking, receipt, "Staked");
            context.Output.WriteLine($"role={stakingRole.ToString()}");
            context.Output.WriteLine($"staked={TrustAmount.Format((UInt256)staked[2])}");
            context.Output.WriteLine($"bonded={TrustAmount.Format((UInt256)staked[3])}");
            WriteReceipt(context, receipt);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateShow(CliContext context)
    {
        Command command = new("show", "Print an account's stake in every role, its unbonding entries and rewards (trust_getStake) as JSON");
        Argument<string> address = new("address") { Description = "Account address" };
        RegistryCommandOptions common = new(command, signs: false);
        command.Arguments.Add(address);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Address account = CliValues.Address("address", parseResult.GetValue(address)!);
            using JsonRpcClient rpc = common.Rpc(parseResult);
            JsonElement stake = await rpc.CallAsync("trust_getStake", [account.ToLowerHex()], cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine(JsonSerializer.Serialize(stake, new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateUnstake(CliContext context)
    {
        Command command = new("unstake", "Start unbonding TRUST from a role (withdrawable after the unbonding period)");
        Option<string> role = new("--role") { Description = "operator | issuer | prover | model-host | validator", Required = true };
        Option<string> amount = new("--amount") { Description = "TRUST to unbond", Required = true };
        RegistryCommandOptions common = new(command);
        command.Options.Add(role);
        command.Options.Add(amount);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            StakingRole stakingRole = ParseRoleOrValidator(parseResult.GetValue(role)!);
            UInt256 wei = TrustAmount.ToWei("--amount", parseResult.GetValue(amount)!);
            using JsonRpcClient rpc = common.Rpc(parseResult);
            ContractClient staking = RegistryCommandOptions.Contract(rpc, SystemContractAddresses.Staking, StakingAbi.Value);
            ContractReceipt receipt = await staking.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "unstake", [(byte)stakingRole, wei],
                UInt256.Zero, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
            object[] requested = RegistryCommandOptions.EventValues(staking, receipt, "UnstakeRequested");
            context.Output.WriteLine($"unbonding={TrustAmount.Format((UInt256)requested[2])}");
            context.Output.WriteLine($"releaseBlock={(UInt256)requested[3]}");
            WriteReceipt(context, receipt);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateWithdraw(CliContext context)
    {
        Command command = new("withdraw", "Withdraw every unbonding entry whose release block has been reached");
        RegistryCommandOptions common = new(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using JsonRpcClient rpc = common.Rpc(parseResult);
            ContractClient staking = RegistryCommandOptions.Contract(rpc, SystemContractAddresses.Staking, StakingAbi.Value);
            ContractReceipt receipt = await staking.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "withdraw", [], UInt256.Zero,
                common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
            object[] withdrawn = RegistryCommandOptions.EventValues(staking, receipt, "Withdrawn");
            context.Output.WriteLine($"withdrawn={TrustAmount.Format((UInt256)withdrawn[1])}");
            WriteReceipt(context, receipt);
            return ExitCodes.Success;
        });
        return command;
    }

    private static StakingRole ParseRoleOrValidator(string text) =>
        string.Equals(text, "validator", StringComparison.OrdinalIgnoreCase) ? StakingRole.Validator : ParseRole(text);

    internal static void WriteReceipt(CliContext context, ContractReceipt receipt) =>
        context.Output.WriteLine($"tx={receipt.Hash} block={receipt.BlockNumber} gasUsed={receipt.GasUsed}");
}
