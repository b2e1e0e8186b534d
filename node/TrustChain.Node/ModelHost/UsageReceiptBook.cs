using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Core;

namespace TrustChain.Node.ModelHost;

/// <summary>
/// The host's latest usage receipt per user, for one (chain, model, host). Each call must carry the next count
/// (last + 1), so every receipt authorises exactly one call. With a path, the book is a JSON file rewritten atomically
/// after each change, so receipts survive a restart and `trustchain model settle` can read them:
/// <code>{ "version": 1, "chainId": 7357, "modelId": 1, "host": "0x…", "receipts": [ { "user": "0x…", "cumulativeCalls": 60, "signature": "0x…" } ] }</code>
/// </summary>
public sealed class UsageReceiptBook
{
    public const int Version = 1;

    private readonly object _lock = new();
    private readonly Dictionary<Address, UsageReceipt> _latest = new();
    private readonly string? _path;

    private UsageReceiptBook(string? path, ulong chainId, ulong modelId, Address host)
    {
        _path = path;
        ChainId = chainId;
        ModelId = modelId;
        Host = host;
    }

    public ulong ChainId { get; }

    public ulong ModelId { get; }

    public Address Host { get; }

    /// <summary>Opens (or starts) the book; an existing file must be for the same chain, model and host.</summary>
    /// <exception cref="FormatException">The file is not a receipt book or belongs to another chain, model or host.</exception>
    public static UsageReceiptBook Open(string? path, ulong chainId, ulong modelId, Address host)
    {
        UsageReceiptBook book = new(path, chainId, modelId, host);
        if (path is null || !File.Exists(path))
        {
            return book;
        }

        (ulong fileChain, ulong fileModel, Address fileHost, IReadOnlyList<UsageReceipt> receipts) = Read(path);
        if (fileChain != chainId || fileModel != modelId || fileHost != host)
        {
            throw new FormatException(
                $"receipt file {path} is for chain {fileChain}, model {fileModel}, host {fileHost}; this host is chain {chainId}, model {modelId}, host {host}");
        }

        foreach (UsageReceipt receipt in receipts)
        {
            book._latest[receipt.User] = receipt;
        }

        return book;
    }

    /// <summary>Reads a receipt file: its chain, model, host and receipts.</summary>
    /// <exception cref="FormatException">The file is not a valid receipt book; the message says what is wrong.</exception>
    public static (ulong ChainId, ulong ModelId, Address Host, IReadOnlyList<UsageReceipt> Receipts) Read(string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new FormatException($"receipt file {path}: the top level must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"receipt file {path} is not valid JSON: {e.Message}", e);
        }

        if (Number(root, "version", path) != Version)
        {
            throw new FormatException($"receipt file {path}: version {root["version"]} is not supported (expected {Version})");
        }

        ulong chainId = Number(root, "chainId", path);
        ulong modelId = Number(root, "modelId", path);
        Address host = AddressOf(root["host"], "host", path);
        if (root["receipts"] is not JsonArray items)
        {
            throw new FormatException($"receipt file {path}: \"receipts\" must be an array");
        }

        List<UsageReceipt> receipts = new(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
            {
                throw new FormatException($"receipt file {path}: receipts[{i}] must be an object");
            }

            string? signature = item["signature"] is JsonValue s && s.TryGetValue(out string? text) ? text : null;
            if (!Hex.TryFromHexString(signature, out byte[]? bytes) || bytes.Length != 65)
            {
                throw new FormatException($"receipt file {path}: receipts[{i}].signature must be 65 bytes of hex");
            }

            receipts.Add(new UsageReceipt(AddressOf(item["user"], $"receipts[{i}].user", path), Number(item, "cumulativeCalls", path), bytes));
        }

        return (chainId, modelId, host, receipts);
    }

    /// <summary>The cumulative count of the user's latest receipt (0: none).</summary>
    public ulong LastCalls(Address user)
    {
        lock (_lock)
        {
            return _latest.TryGetValue(user, out UsageReceipt? receipt) ? receipt.CumulativeCalls : 0;
        }
    }

    /// <summary>
    /// Records <paramref name="receipt"/> iff its count is exactly one more than the larger of the user's latest receipt
    /// and <paramref name="settledOnChain"/> (what the chain already paid for). The signature must have been checked.
    /// </summary>
    public bool TryRecord(UsageReceipt receipt, ulong settledOnChain, out string? error)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        lock (_lock)
        {
            ulong last = Math.Max(_latest.TryGetValue(receipt.User, out UsageReceipt? previous) ? previous.CumulativeCalls : 0, settledOnChain);
            if (receipt.CumulativeCalls != last + 1)
            {
                error = $"cumulativeCalls must be {last + 1} (the user's receipts so far cover {last} calls), got {receipt.CumulativeCalls}";
                return false;
            }

            _latest[receipt.User] = receipt;
            Save();
            error = null;
            return true;
        }
    }

    /// <summary>The latest receipt of every user, ordered by user address.</summary>
    public IReadOnlyList<UsageReceipt> Snapshot()
    {
        lock (_lock)
        {
            UsageReceipt[] receipts = _latest.Values.ToArray();
            Array.Sort(receipts, static (a, b) => a.User.CompareTo(b.User));
            return receipts;
        }
    }

    private void Save()
    {
        if (_path is null)
        {
            return;
        }

        JsonArray receipts = [];
        foreach (UsageReceipt receipt in Snapshot())
        {
            receipts.Add(new JsonObject
            {
                ["user"] = receipt.User.ToString(),
                ["cumulativeCalls"] = receipt.CumulativeCalls,
                ["signature"] = Hex.ToHexString(receipt.Signature),
            });
        }

        JsonObject root = new()
        {
            ["version"] = Version,
            ["chainId"] = ChainId,
            ["modelId"] = ModelId,
            ["host"] = Host.ToString(),
            ["receipts"] = receipts,
        };
        // Write then rename, so a crash leaves either the old or the new book, never half of one.
        string temporary = _path + ".tmp";
        File.WriteAllText(temporary, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, _path, overwrite: true);
    }

    private static ulong Number(JsonObject root, string name, string path) =>
        root[name] is JsonValue value && value.TryGetValue(out ulong number)
            ? number
            : throw new FormatException($"receipt file {path}: \"{name}\" must be a non-negative integer");

    private static Address AddressOf(JsonNode? node, string name, string path) =>
        node is JsonValue value && value.TryGetValue(out string? text) && text.Length == 42 && Address.TryParse(text, out Address address)
            ? address
            : throw new FormatException($"receipt file {path}: {name} must be a 0x-prefixed 20-byte address");
}
