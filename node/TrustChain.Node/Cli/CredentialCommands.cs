using System.CommandLine;
using System.Text.Json.Nodes;
using TrustChain.Chain.SystemContracts;
using TrustChain.Core;
using TrustChain.Node.Config;
using TrustChain.Node.ModelHost;
using TrustChain.Node.Tx;

namespace TrustChain.Node.Cli;

/// <summary>
/// `trustchain credential schema|issue|revoke|verify|show`: a thin client of the CredentialRegistry (0x…1002) over
/// JSON-RPC. State changes are signed transactions that are waited for; their outcome is printed as key=value lines.
/// </summary>
public static class CredentialCommands
{
    public static Command Create(CliContext context)
    {
        Command credential = new("credential", "CredentialRegistry: schemas, issuing, revoking and paid verification");
        credential.Subcommands.Add(CreateSchema(context));
        credential.Subcommands.Add(CreateIssue(context));
        credential.Subcommands.Add(CreateRevoke(context));
        credential.Subcommands.Add(CreateVerify(context));
        credential.Subcommands.Add(CreateShow(context));
        return credential;
    }

    private static Command CreateSchema(CliContext context)
    {
        Command command = new("schema", "Register a schema (prints its uid)");
        Option<string> schema = new("--schema") { Description = "Schema text (1..4096 UTF-8 bytes)", Required = true };
        Option<bool> revocable = new("--revocable") { Description = "Credentials of this schema can be revoked by their issuer" };
        RegistryCommandOptions common = Options(command);
        command.Options.Add(schema);
        command.Options.Add(revocable);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            ContractClient registry = Registry(common, parseResult, out JsonRpcClient rpc);
            using (rpc)
            {
                ContractReceipt receipt = await registry.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "registerSchema",
                    [parseResult.GetValue(schema)!, parseResult.GetValue(revocable)], UInt256.Zero, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine($"uid={registry.FindEvent(receipt, "SchemaRegistered").Topics[1]}");
                WriteReceipt(context, receipt);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateIssue(CliContext context)
    {
        Command command = new("issue", "Issue a credential as a staked Issuer (prints its uid)");
        Option<string> schemaUid = new("--schema-uid") { Description = "Schema uid (bytes32)", Required = true };
        Option<string> recipient = new("--recipient") { Description = "Holder address (0x0 = not indexed)", DefaultValueFactory = _ => Address.Zero.ToString() };
        Option<string> subject = new("--subject") { Description = "Subject commitment (bytes32)", DefaultValueFactory = _ => Hash256.Zero.ToString() };
        Option<ulong> expiration = new("--expiration") { Description = "Expiry in Unix seconds (0 = never)" };
        Option<string> refUid = new("--ref") { Description = "Uid of a credential this one refers to", DefaultValueFactory = _ => Hash256.Zero.ToString() };
        Option<string> dataHash = new("--data-hash") { Description = "Hash of the off-chain credential content (bytes32)", DefaultValueFactory = _ => Hash256.Zero.ToString() };
        RegistryCommandOptions common = Options(command);
        foreach (Option option in new Option[] { schemaUid, recipient, subject, expiration, refUid, dataHash })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            object?[] arguments =
            [
                CliValues.Word("--schema-uid", parseResult.GetValue(schemaUid)!),
                CliValues.Address("--recipient", parseResult.GetValue(recipient)!),
                CliValues.Word("--subject", parseResult.GetValue(subject)!),
                parseResult.GetValue(expiration),
                CliValues.Word("--ref", parseResult.GetValue(refUid)!),
                CliValues.Word("--data-hash", parseResult.GetValue(dataHash)!),
            ];
            ContractClient registry = Registry(common, parseResult, out JsonRpcClient rpc);
            using (rpc)
            {
                ContractReceipt receipt = await registry.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "issue", arguments,
                    UInt256.Zero, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine($"uid={registry.FindEvent(receipt, "CredentialIssued").Topics[1]}");
                WriteReceipt(context, receipt);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateRevoke(CliContext context)
    {
        Command command = new("revoke", "Revoke a credential you issued (revocable schemas only)");
        Option<string> uid = new("--uid") { Description = "Credential uid", Required = true };
        RegistryCommandOptions common = Options(command);
        command.Options.Add(uid);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Hash256 credential = CliValues.Word("--uid", parseResult.GetValue(uid)!);
            ContractClient registry = Registry(common, parseResult, out JsonRpcClient rpc);
            using (rpc)
            {
                ContractReceipt receipt = await registry.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "revoke", [credential],
                    UInt256.Zero, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine($"revoked={credential}");
                WriteReceipt(context, receipt);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateVerify(CliContext context)
    {
        Command command = new("verify", "Paid verification (verifyCredential): reverts with the reason when the credential is not valid");
        Option<string> uid = new("--uid") { Description = "Credential uid", Required = true };
        Option<string> fee = new("--fee") { Description = "Wei to pay (default: the chain's verificationFee)" };
        Option<string> prover = new("--prover") { Description = "Address paid the prover share (default 0x0: Staking's Prover pool)", DefaultValueFactory = _ => Address.Zero.ToString() };
        RegistryCommandOptions common = Options(command);
        command.Options.Add(uid);
        command.Options.Add(fee);
        command.Options.Add(prover);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Hash256 credential = CliValues.Word("--uid", parseResult.GetValue(uid)!);
            Address proverAddress = CliValues.Address("--prover", parseResult.GetValue(prover)!);
            UInt256? explicitFee = parseResult.GetValue(fee) is { } text ? CliValues.Wei("--fee", text) : null;
            ContractClient registry = Registry(common, parseResult, out JsonRpcClient rpc);
            using (rpc)
            {
                UInt256 paid = explicitFee ?? (UInt256)(await registry.CallAsync("verificationFee", [], null, cancellationToken).ConfigureAwait(false))[0];
                ContractReceipt receipt = await registry.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "verifyCredential",
                    [credential, proverAddress], paid, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine($"valid={credential}");
                context.Output.WriteLine($"fee={paid}");
                WriteReceipt(context, receipt);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateShow(CliContext context)
    {
        Command command = new("show", "Print a credential (with its validity) or, with --schema, a schema, as JSON");
        Argument<string> uid = new("uid") { Description = "Credential uid, or schema uid with --schema" };
        Option<bool> schema = new("--schema") { Description = "The uid is a schema's" };
        RegistryCommandOptions common = Options(command, signs: false);
        command.Arguments.Add(uid);
        command.Options.Add(schema);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Hash256 id = CliValues.Word("uid", parseResult.GetValue(uid)!);
            ContractClient registry = Registry(common, parseResult, out JsonRpcClient rpc);
            using (rpc)
            {
                JsonObject json = parseResult.GetValue(schema)
                    ? DescribeSchema((object[])(await registry.CallAsync("getSchema", [id], null, cancellationToken).ConfigureAwait(false))[0])
                    : await DescribeCredentialAsync(registry, id, cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static JsonObject DescribeSchema(object[] fields) => new()
    {
        ["uid"] = Word(fields[0]),
        ["registrant"] = ((Address)fields[1]).ToString(),
        ["revocable"] = (bool)fields[2],
        ["schema"] = (string)fields[3],
        ["registeredBlock"] = Number(fields[4]),
    };

    private static async Task<JsonObject> DescribeCredentialAsync(ContractClient registry, Hash256 uid, CancellationToken cancellationToken)
    {
        object[] fields = (object[])(await registry.CallAsync("getCredential", [uid], null, cancellationToken).ConfigureAwait(false))[0];
        string reason = (string)(await registry.CallAsync("invalidReason", [uid], null, cancellationToken).ConfigureAwait(false))[0];
        return new JsonObject
        {
            ["uid"] = Word(fields[0]),
            ["schemaUid"] = Word(fields[1]),
            ["issuer"] = ((Address)fields[2]).ToString(),
            ["recipient"] = ((Address)fields[3]).ToString(),
            ["subjectCommitment"] = Word(fields[4]),
            ["refUid"] = Word(fields[5]),
            ["dataHash"] = Word(fields[6]),
            ["expiration"] = Number(fields[7]),
            ["issuedAt"] = Number(fields[8]),
            ["issuedBlock"] = Number(fields[9]),
            ["revokedAt"] = Number(fields[10]),
            ["revokedBlock"] = Number(fields[11]),
            ["valid"] = reason.Length == 0,
            ["invalidReason"] = reason,
        };
    }

    private static string Word(object value) => new Hash256((byte[])value).ToString();

    private static ulong Number(object value) => ((UInt256)value).U0;

    private static RegistryCommandOptions Options(Command command, bool signs = true) => new(command, signs);

    private static ContractClient Registry(RegistryCommandOptions options, ParseResult parseResult, out JsonRpcClient rpc)
    {
        rpc = options.Rpc(parseResult);
        return new ContractClient(rpc, SystemContractAddresses.CredentialRegistry, RegistryAbis.CredentialRegistry);
    }

    private static void WriteReceipt(CliContext context, ContractReceipt receipt) =>
        context.Output.WriteLine($"tx={receipt.Hash} block={receipt.BlockNumber} gasUsed={receipt.GasUsed}");
}
