using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Config;
using TrustChain.Node.ModelHost;
using TrustChain.Node.Tx;

namespace TrustChain.Node.Cli;

/// <summary>
/// `trustchain model ...`: the model owner's and host's tools over the ModelRegistry (0x…1003): fingerprint,
/// register, prove-owner, authorize-host, buy, serve (the reference model host) and settle.
/// </summary>
public static class ModelCommands
{
    public static Command Create(CliContext context)
    {
        Command model = new("model", "ModelRegistry: fingerprints, registration, hosts, access, serving and settlement");
        model.Subcommands.Add(CreateFingerprint(context));
        model.Subcommands.Add(CreateRegister(context));
        model.Subcommands.Add(CreateProveOwner(context));
        model.Subcommands.Add(CreateAuthorizeHost(context));
        model.Subcommands.Add(CreateBuy(context));
        model.Subcommands.Add(CreateServe(context));
        model.Subcommands.Add(CreateSettle(context));
        return model;
    }

    private static Command CreateFingerprint(CliContext context)
    {
        Command command = new("fingerprint", "Generate N secret (key, response) fingerprint pairs into FILE (mode 600) and print the Merkle root to register");
        Option<int> count = new("--count") { Description = $"Number of fingerprints (1..{FingerprintSet.MaxCount})", Required = true };
        Option<string> output = new("--out") { Description = "Fingerprint file to create (must not exist)", HelpName = "FILE", Required = true };
        command.Options.Add(count);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            int n = parseResult.GetValue(count);
            if (n is <= 0 or > FingerprintSet.MaxCount)
            {
                throw new ConfigException($"--count must be 1..{FingerprintSet.MaxCount}, got {n}.");
            }

            string path = parseResult.GetValue(output)!;
            FingerprintSet set = FingerprintSet.Generate(n);
            WriteSecretFile(path, FingerprintFile.ToJson(set));
            context.Output.WriteLine($"root={set.Root}");
            context.Output.WriteLine($"count={set.Count}");
            context.Output.WriteLine($"file={path}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateRegister(CliContext context)
    {
        Command command = new("register", "Register a model (prints its id)");
        Option<string> weights = new("--weights-hash") { Description = "Hash of the model weights (bytes32)", Required = true };
        Option<string> fingerprints = new("--fingerprints") { Description = "Fingerprint file: its root and count are registered", HelpName = "FILE", Required = true };
        Option<string> uri = new("--uri") { Description = "Where the model is described (at most 1024 bytes)", DefaultValueFactory = _ => "" };
        Option<string> price = new("--price") { Description = "Price per call in wei", Required = true };
        Option<string[]> owners = new("--owner") { Description = "ADDRESS:BPS, once per owner", Required = true, AllowMultipleArgumentsPerToken = false };
        Option<ushort> hostBps = new("--host-bps") { Description = "Host share of each settled payment (bps)" };
        Option<ushort> validatorBps = new("--validator-bps") { Description = "Validators' share of each settled payment (bps)" };
        Option<bool> requireHuman = new("--require-human") { Description = "Buyers need a human proof for the model's scope" };
        RegistryCommandOptions common = Options(command);
        foreach (Option option in new Option[] { weights, fingerprints, uri, price, owners, hostBps, validatorBps, requireHuman })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Hash256 weightsHash = CliValues.Word("--weights-hash", parseResult.GetValue(weights)!);
            FingerprintSet set = ReadFingerprints(parseResult.GetValue(fingerprints)!);
            UInt256 pricePerCall = CliValues.Wei("--price", parseResult.GetValue(price)!);
            (Address[] ownerAddresses, ushort[] shares) = ParseOwners(parseResult.GetValue(owners)!);
            ContractClient registry = Registry(common, parseResult, out JsonRpcClient rpc);
            using (rpc)
            {
                ContractReceipt receipt = await registry.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "registerModel",
                [
                    weightsHash, set.Root, (uint)set.Count, parseResult.GetValue(uri)!, pricePerCall, ownerAddresses, shares,
                    parseResult.GetValue(hostBps), parseResult.GetValue(validatorBps), parseResult.GetValue(requireHuman),
                ], UInt256.Zero, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine($"modelId={new UInt256(registry.FindEvent(receipt, "ModelRegistered").Topics[1].Bytes)}");
                context.Output.WriteLine($"root={set.Root}");
                WriteReceipt(context, receipt);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateProveOwner(CliContext context)
    {
        Command command = new("prove-owner", "Check fingerprint I of FILE against the model's registered root (proveOwnership via eth_call)");
        Option<string> fingerprints = new("--fingerprints") { Description = "Fingerprint file", HelpName = "FILE", Required = true };
        Option<ulong> model = new("--model") { Description = "Model id", Required = true };
        Option<int> index = new("--index") { Description = "Which fingerprint to reveal (0-based)" };
        RegistryCommandOptions common = Options(command, signs: false);
        command.Options.Add(fingerprints);
        command.Options.Add(model);
        command.Options.Add(index);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            FingerprintSet set = ReadFingerprints(parseResult.GetValue(fingerprints)!);
            int i = parseResult.GetValue(index);
            if (i < 0 || i >= set.Count)
            {
                throw new ConfigException($"--index must be 0..{set.Count - 1} for this file, got {i}.");
            }

            FingerprintPair pair = set[i];
            ContractClient registry = Registry(common, parseResult, out JsonRpcClient rpc);
            using (rpc)
            {
                bool proven = (bool)(await registry.CallAsync("proveOwnership",
                    [(UInt256)parseResult.GetValue(model), pair.Key, pair.Response, set.Proof(i)], null, cancellationToken).ConfigureAwait(false))[0];
                context.Output.WriteLine($"key={pair.Key}");
                context.Output.WriteLine($"response={pair.Response}");
                context.Output.WriteLine($"proof={string.Join(',', set.Proof(i).Select(static h => h.ToString()))}");
                context.Output.WriteLine($"owner={(proven ? "proven" : "not proven")}");
                return proven ? ExitCodes.Success : ExitCodes.Failure;
            }
        });
        return command;
    }

    private static Command CreateAuthorizeHost(CliContext context)
    {
        Command command = new("authorize-host", "An owner's approval of a host (effective once owners with half the ownership bps approved)");
        Option<ulong> model = new("--model") { Description = "Model id", Required = true };
        Option<string> host = new("--host") { Description = "Host address (needs active ModelHost stake)", Required = true };
        RegistryCommandOptions common = Options(command);
        command.Options.Add(model);
        command.Options.Add(host);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Address hostAddress = CliValues.Address("--host", parseResult.GetValue(host)!);
            UInt256 id = parseResult.GetValue(model);
            ContractClient registry = Registry(common, parseResult, out JsonRpcClient rpc);
            using (rpc)
            {
                ContractReceipt receipt = await registry.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "authorizeHost", [id, hostAddress],
                    UInt256.Zero, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
                bool authorized = (bool)(await registry.CallAsync("isHostAuthorized", [id, hostAddress], null, cancellationToken).ConfigureAwait(false))[0];
                UInt256 approved = (UInt256)(await registry.CallAsync("hostApprovalBps", [id, hostAddress], null, cancellationToken).ConfigureAwait(false))[0];
                context.Output.WriteLine($"authorized={(authorized ? "true" : "false")}");
                context.Output.WriteLine($"approvedBps={approved}");
                WriteReceipt(context, receipt);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateBuy(CliContext context)
    {
        Command command = new("buy", "Buy N calls of a model into escrow (pays N × pricePerCall)");
        Option<ulong> model = new("--model") { Description = "Model id", Required = true };
        Option<ulong> calls = new("--calls") { Description = "Number of calls", Required = true };
        RegistryCommandOptions common = Options(command);
        command.Options.Add(model);
        command.Options.Add(calls);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            ulong n = parseResult.GetValue(calls);
            CliValues.Positive("--calls", (long)Math.Min(n, long.MaxValue));
            UInt256 id = parseResult.GetValue(model);
            ContractClient registry = Registry(common, parseResult, out JsonRpcClient rpc);
            using (rpc)
            {
                object[] record = (object[])(await registry.CallAsync("getModel", [id], null, cancellationToken).ConfigureAwait(false))[0];
                UInt256 pricePerCall = (UInt256)record[6];
                if (UInt256.MultiplyOverflow(pricePerCall, (UInt256)n, out UInt256 cost))
                {
                    throw new ConfigException($"--calls {n} × pricePerCall {pricePerCall} overflows 256 bits.");
                }

                ContractReceipt receipt = await registry.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "buyAccess", [id, n],
                    cost, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine($"paid={cost}");
                context.Output.WriteLine($"expiryBlock={new UInt256(registry.FindEvent(receipt, "AccessBought").Data.AsSpan(64, 32))}");
                WriteReceipt(context, receipt);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateServe(CliContext context)
    {
        Command command = new("serve", "Serve a model over HTTP (POST /invoke, GET /info): checks access on chain, signs every answer, keeps and settles usage receipts");
        Option<ulong> model = new("--model") { Description = "Model id", Required = true };
        Option<string> hostKey = new("--host-key") { Description = "Host key file (hex key or keystore JSON)", HelpName = "FILE", Required = true };
        Option<string> passwordFile = new("--password-file") { Description = "Password for a keystore --host-key", HelpName = "FILE" };
        Option<string> rpcUrl = new("--rpc") { Description = "JSON-RPC URL of a node", DefaultValueFactory = _ => "http://127.0.0.1:8545" };
        Option<int> port = new("--port") { Description = "HTTP port (0 = any free port)", DefaultValueFactory = _ => 8600 };
        Option<string> listen = new("--listen") { Description = "Listen address", DefaultValueFactory = _ => "127.0.0.1" };
        Option<string> fingerprints = new("--fingerprints") { Description = "Fingerprint file the built-in demo model answers", HelpName = "FILE" };
        Option<string> receipts = new("--receipts") { Description = "Receipt book file (kept across restarts; read by `model settle`)", HelpName = "FILE" };
        Option<ulong> settleEvery = new("--settle-every") { Description = "Settle a user's receipts every N calls (0 = never)" };
        foreach (Option option in new Option[] { model, hostKey, passwordFile, rpcUrl, port, listen, fingerprints, receipts, settleEvery })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            int portNumber = parseResult.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                throw new ConfigException($"--port must be 0..65535, got {portNumber}.");
            }

            string listenText = parseResult.GetValue(listen)!;
            if (!System.Net.IPAddress.TryParse(listenText, out System.Net.IPAddress? listenAddress))
            {
                throw new ConfigException($"--listen must be an IP address, got \"{listenText}\".");
            }

            FingerprintSet? set = parseResult.GetValue(fingerprints) is { } file ? ReadFingerprints(file) : null;
            ModelHostOptions options = new()
            {
                Rpc = CliValues.Url("--rpc", parseResult.GetValue(rpcUrl)!),
                ModelId = parseResult.GetValue(model),
                HostKey = KeyFile.ReadKeyOrKeystore(parseResult.GetValue(hostKey)!, parseResult.GetValue(passwordFile), context.PasswordPrompt),
                ListenAddress = listenAddress,
                Port = portNumber,
                ReceiptsPath = parseResult.GetValue(receipts),
                SettleEvery = parseResult.GetValue(settleEvery),
            };
            using CancellationTokenSource shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            DemoModel backend = new(set);
            object logLock = new();
            void Log(string line)
            {
                lock (logLock)
                {
                    context.Output.WriteLine(line);
                    context.Output.Flush();
                }
            }

            await using ModelHostServer server = await ModelHostServer.StartAsync(options, backend, Log, shutdown.Token).ConfigureAwait(false);
            Log($"Host: {server.Host}");
            Log($"Model: {options.ModelId} ({backend.Name}) on chain {server.ChainId}");
            Log($"Model host listening on {server.Url}");
            try
            {
                await Task.Delay(Timeout.Infinite, shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A signal or the caller asked to stop.
            }

            Log("Model host stopped");
            return ExitCodes.Success;

            void OnSignal(PosixSignalContext signal)
            {
                signal.Cancel = true;
                shutdown.Cancel();
            }
        });
        return command;
    }

    private static Command CreateSettle(CliContext context)
    {
        Command command = new("settle", "Settle the receipts of a receipt book that the chain has not paid yet (as the host)");
        Option<string> receipts = new("--receipts") { Description = "Receipt book file written by `model serve`", HelpName = "FILE", Required = true };
        Option<string> hostKey = new("--host-key") { Description = "Host key file (hex key or keystore JSON)", HelpName = "FILE", Required = true };
        Option<string> passwordFile = new("--password-file") { Description = "Password for a keystore --host-key", HelpName = "FILE" };
        Option<string> rpcUrl = new("--rpc") { Description = "JSON-RPC URL", DefaultValueFactory = _ => "http://127.0.0.1:8545" };
        Option<int> timeout = new("--timeout") { Description = "Seconds to wait for each receipt", DefaultValueFactory = _ => 60 };
        foreach (Option option in new Option[] { receipts, hostKey, passwordFile, rpcUrl, timeout })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string path = parseResult.GetValue(receipts)!;
            (ulong chainId, ulong modelId, Address bookHost, IReadOnlyList<UsageReceipt> book) = ReadReceipts(path);
            PrivateKey host = KeyFile.ReadKeyOrKeystore(parseResult.GetValue(hostKey)!, parseResult.GetValue(passwordFile), context.PasswordPrompt);
            if (host.Address != bookHost)
            {
                throw new ConfigException($"{path} holds receipts for host {bookHost}, but --host-key is {host.Address}.");
            }

            int seconds = parseResult.GetValue(timeout);
            CliValues.Positive("--timeout", seconds);
            using JsonRpcClient rpc = new(CliValues.Url("--rpc", parseResult.GetValue(rpcUrl)!));
            ContractClient registry = new(rpc, SystemContractAddresses.ModelRegistry, RegistryAbis.ModelRegistry);
            ulong actualChain = await registry.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
            if (actualChain != chainId)
            {
                throw new ConfigException($"{path} holds receipts for chain {chainId}, but the node is chain {actualChain}.");
            }

            UsageSettler settler = new(registry, host, modelId, TimeSpan.FromSeconds(seconds));
            IReadOnlyList<SettlementResult> results = await settler.SettleAsync(book, cancellationToken).ConfigureAwait(false);
            UInt256 total = UInt256.Zero;
            foreach (SettlementResult result in results)
            {
                total += result.Amount;
                context.Output.WriteLine($"settled user={result.User} cumulativeCalls={result.CumulativeCalls} amount={result.Amount} tx={result.Transaction}");
            }

            context.Output.WriteLine($"settlements={results.Count.ToString(CultureInfo.InvariantCulture)} total={total}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static (ulong, ulong, Address, IReadOnlyList<UsageReceipt>) ReadReceipts(string path)
    {
        try
        {
            return UsageReceiptBook.Read(path);
        }
        catch (FormatException e)
        {
            throw new ConfigException(e.Message, e);
        }
    }

    private static FingerprintSet ReadFingerprints(string path)
    {
        try
        {
            return FingerprintFile.Read(path);
        }
        catch (FormatException e)
        {
            throw new ConfigException($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read fingerprint file {path}: {e.Message}", e);
        }
    }

    /// <summary>Creates the file readable and writable by its owner only (0600) before any secret is written to it.</summary>
    private static void WriteSecretFile(string path, string text)
    {
        FileStreamOptions options = new() { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using FileStream stream = new(path, options);
            using StreamWriter writer = new(stream);
            writer.Write(text);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new ConfigException($"{path} already exists; fingerprint files are never overwritten: {e.Message}", e);
        }
    }

    private static (Address[] Owners, ushort[] Bps) ParseOwners(string[] entries)
    {
        Address[] owners = new Address[entries.Length];
        ushort[] bps = new ushort[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            int colon = entries[i].IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !ushort.TryParse(entries[i].AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out bps[i]))
            {
                throw new ConfigException($"--owner must be ADDRESS:BPS (e.g. 0xabc…:7000), got \"{entries[i]}\".");
            }

            owners[i] = CliValues.Address("--owner", entries[i][..colon]);
        }

        return (owners, bps);
    }

    private static RegistryCommandOptions Options(Command command, bool signs = true) => new(command, signs);

    private static ContractClient Registry(RegistryCommandOptions options, ParseResult parseResult, out JsonRpcClient rpc)
    {
        rpc = options.Rpc(parseResult);
        return new ContractClient(rpc, SystemContractAddresses.ModelRegistry, RegistryAbis.ModelRegistry);
    }

    private static void WriteReceipt(CliContext context, ContractReceipt receipt) =>
        context.Output.WriteLine($"tx={receipt.Hash} block={receipt.BlockNumber} gasUsed={receipt.GasUsed}");
}
