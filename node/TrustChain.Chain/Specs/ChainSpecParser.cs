using System.Text.Json;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.Specs;

/// <summary>
/// Strict genesis.json reader: every field is checked and named on error, unknown or duplicate keys are rejected so
/// that a typo can never silently fall back to a default.
/// </summary>
internal static class ChainSpecParser
{
    private const int MaxExtraDataLength = 32;
    private const int CompressedPublicKeyLength = 33;
    private const int BasisPoints = 10_000;

    private static readonly string[] TopLevelKeys =
        ["name", "chainId", "timestamp", "gasLimit", "extraData", "params", "alloc", "validators", "humanVerificationKeys", "proverCommittee"];

    private static readonly string[] ParamKeys =
    [
        "minBaseFee", "baseFeeChangeDenominator", "elasticityMultiplier", "blockTimeMs", "maxBlockTransactions",
        "maxTxSize", "stateHistory", "epochLength", "maxValidators", "unbondingBlocks", "minValidatorStake",
        "minEnrollmentOperatorStake", "minIssuerStake", "minProverStake", "minModelHostStake",
        "dedupMatch", "maxDedupTags", "maxOwnersPerTag", "deletionCooloffBlocks", "recoveryDelayBlocks", "rootHistoryBlocks", "verificationFee",
        "verificationProverBps", "verificationValidatorBps", "verificationOperatorBps",
        "credentialVerificationFee", "credentialIssuerBps", "credentialValidatorBps", "credentialProverBps",
        "issuerSlashWindowBlocks", "issuerJailBlocks",
        "modelChallengeWindowBlocks", "challengeThresholdBps", "accessExpiryBlocks", "infringementSlashBps",
        "infringementReporterBps",
        "timeoutProposeMs", "timeoutProposeDeltaMs", "timeoutPrevoteMs", "timeoutPrevoteDeltaMs", "timeoutPrecommitMs",
        "timeoutPrecommitDeltaMs", "timeoutCommitMs", "doubleSignSlashBps", "downtimeSlashBps", "downtimeWindow",
        "downtimeMinSignedBps", "downtimeJailBlocks",
        "palmBands", "palmBandBits", "palmBandSeed",
    ];

    private static readonly string[] AccountKeys = ["balance"];
    private static readonly string[] ValidatorKeys = ["address", "publicKey", "stake"];
    private static readonly string[] CommitteeKeys = ["threshold", "publicKey", "members"];
    private static readonly string[] CommitteeMemberKeys = ["address", "publicShare"];

    public static ChainSpec Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new ChainSpecException("(document)", $"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            Dictionary<string, JsonElement> top = ReadObject(root, "(root)", TopLevelKeys);

            string name = top.TryGetValue("name", out JsonElement nameElement)
                ? ReadString(nameElement, "name")
                : string.Empty;
            ulong chainId = ReadUInt64(Require(top, "chainId", "chainId"), "chainId");
            if (chainId == 0)
            {
                throw new ChainSpecException("chainId", "must be non-zero");
            }

            ulong timestamp = ReadUInt64(Require(top, "timestamp", "timestamp"), "timestamp");
            ulong gasLimit = ReadUInt64(Require(top, "gasLimit", "gasLimit"), "gasLimit");
            byte[] extraData = top.TryGetValue("extraData", out JsonElement extraElement)
                ? ReadBytes(extraElement, "extraData")
                : [];
            if (extraData.Length > MaxExtraDataLength)
            {
                throw new ChainSpecException("extraData", $"{extraData.Length} bytes, at most {MaxExtraDataLength} allowed");
            }

            ChainParameters parameters = top.TryGetValue("params", out JsonElement paramsElement)
                ? ReadParameters(paramsElement)
                : ChainParameters.Default;
            if (gasLimit < FeeMarketMinimumGasLimit(parameters))
            {
                throw new ChainSpecException("gasLimit", $"{gasLimit} is below the minimum {FeeMarketMinimumGasLimit(parameters)}");
            }

            IReadOnlyList<GenesisAccount> alloc = ReadAlloc(Require(top, "alloc", "alloc"));
            IReadOnlyList<GenesisValidator> validators = ReadValidators(Require(top, "validators", "validators"), parameters);
            IReadOnlyList<GenesisVerificationKey> humanKeys = top.TryGetValue("humanVerificationKeys", out JsonElement keysElement)
                ? ReadHumanVerificationKeys(keysElement)
                : [];
            GenesisProverCommittee? committee = top.TryGetValue("proverCommittee", out JsonElement committeeElement)
                ? ReadProverCommittee(committeeElement)
                : null;
            return new ChainSpec(name, chainId, timestamp, gasLimit, extraData, parameters, alloc, validators)
            {
                HumanVerificationKeys = humanKeys,
                ProverCommittee = committee,
            };
        }
    }

    // A block must fit at least one plain transfer, and the EIP-1559 target (limit / elasticity) must be non-zero.
    private static ulong FeeMarketMinimumGasLimit(ChainParameters p) => Math.Max(21_000UL, p.ElasticityMultiplier);

    private static ChainParameters ReadParameters(JsonElement element)
    {
        Dictionary<string, JsonElement> map = ReadObject(element, "params", ParamKeys);
        ChainParameters d = ChainParameters.Default;
        ChainParameters p = new()
        {
            MinBaseFee = map.TryGetValue("minBaseFee", out JsonElement e1) ? ReadUInt256(e1, "params.minBaseFee") : d.MinBaseFee,
            BaseFeeChangeDenominator = Positive(map, "baseFeeChangeDenominator", d.BaseFeeChangeDenominator),
            ElasticityMultiplier = Positive(map, "elasticityMultiplier", d.ElasticityMultiplier),
            BlockTimeMs = Positive(map, "blockTimeMs", d.BlockTimeMs),
            MaxBlockTransactions = PositiveInt(map, "maxBlockTransactions", d.MaxBlockTransactions),
            MaxTxSize = PositiveInt(map, "maxTxSize", d.MaxTxSize),
            StateHistory = Positive(map, "stateHistory", d.StateHistory),
            EpochLength = Positive(map, "epochLength", d.EpochLength),
            MaxValidators = PositiveInt(map, "maxValidators", d.MaxValidators),
            UnbondingBlocks = Positive(map, "unbondingBlocks", d.UnbondingBlocks),
            MinValidatorStake = PositiveAmount(map, "minValidatorStake", d.MinValidatorStake),
            MinEnrollmentOperatorStake = PositiveAmount(map, "minEnrollmentOperatorStake", d.MinEnrollmentOperatorStake),
            MinIssuerStake = PositiveAmount(map, "minIssuerStake", d.MinIssuerStake),
            MinProverStake = PositiveAmount(map, "minProverStake", d.MinProverStake),
            MinModelHostStake = PositiveAmount(map, "minModelHostStake", d.MinModelHostStake),
            DedupMatch = PositiveInt(map, "dedupMatch", d.DedupMatch),
            MaxDedupTags = PositiveInt(map, "maxDedupTags", d.MaxDedupTags),
            MaxOwnersPerTag = PositiveInt(map, "maxOwnersPerTag", d.MaxOwnersPerTag),
            DeletionCooloffBlocks = Positive(map, "deletionCooloffBlocks", d.DeletionCooloffBlocks),
            RecoveryDelayBlocks = Positive(map, "recoveryDelayBlocks", d.RecoveryDelayBlocks),
            RootHistoryBlocks = Positive(map, "rootHistoryBlocks", d.RootHistoryBlocks),
            VerificationFee = PositiveAmount(map, "verificationFee", d.VerificationFee),
            VerificationProverBps = Bps(map, "verificationProverBps", d.VerificationProverBps),
            VerificationValidatorBps = Bps(map, "verificationValidatorBps", d.VerificationValidatorBps),
            VerificationOperatorBps = Bps(map, "verificationOperatorBps", d.VerificationOperatorBps),
            CredentialVerificationFee = PositiveAmount(map, "credentialVerificationFee", d.CredentialVerificationFee),
            CredentialIssuerBps = Bps(map, "credentialIssuerBps", d.CredentialIssuerBps),
            CredentialValidatorBps = Bps(map, "credentialValidatorBps", d.CredentialValidatorBps),
            CredentialProverBps = Bps(map, "credentialProverBps", d.CredentialProverBps),
            IssuerSlashWindowBlocks = Positive(map, "issuerSlashWindowBlocks", d.IssuerSlashWindowBlocks),
            IssuerJailBlocks = Positive(map, "issuerJailBlocks", d.IssuerJailBlocks),
            ModelChallengeWindowBlocks = Positive(map, "modelChallengeWindowBlocks", d.ModelChallengeWindowBlocks),
            ChallengeThresholdBps = Bps(map, "challengeThresholdBps", d.ChallengeThresholdBps),
            AccessExpiryBlocks = Positive(map, "accessExpiryBlocks", d.AccessExpiryBlocks),
            InfringementSlashBps = Bps(map, "infringementSlashBps", d.InfringementSlashBps),
            InfringementReporterBps = Bps(map, "infringementReporterBps", d.InfringementReporterBps),
            TimeoutProposeMs = Positive(map, "timeoutProposeMs", d.TimeoutProposeMs),
            TimeoutProposeDeltaMs = NonNegative(map, "timeoutProposeDeltaMs", d.TimeoutProposeDeltaMs),
            TimeoutPrevoteMs = Positive(map, "timeoutPrevoteMs", d.TimeoutPrevoteMs),
            TimeoutPrevoteDeltaMs = NonNegative(map, "timeoutPrevoteDeltaMs", d.TimeoutPrevoteDeltaMs),
            TimeoutPrecommitMs = Positive(map, "timeoutPrecommitMs", d.TimeoutPrecommitMs),
            TimeoutPrecommitDeltaMs = NonNegative(map, "timeoutPrecommitDeltaMs", d.TimeoutPrecommitDeltaMs),
            TimeoutCommitMs = NonNegative(map, "timeoutCommitMs", d.TimeoutCommitMs),
            DoubleSignSlashBps = Bps(map, "doubleSignSlashBps", d.DoubleSignSlashBps),
            DowntimeSlashBps = Bps(map, "downtimeSlashBps", d.DowntimeSlashBps),
            DowntimeWindow = Positive(map, "downtimeWindow", d.DowntimeWindow),
            DowntimeMinSignedBps = Bps(map, "downtimeMinSignedBps", d.DowntimeMinSignedBps),
            DowntimeJailBlocks = Positive(map, "downtimeJailBlocks", d.DowntimeJailBlocks),
            PalmBands = PositiveInt(map, "palmBands", d.PalmBands),
            PalmBandBits = PositiveInt(map, "palmBandBits", d.PalmBandBits),
            PalmBandSeed = map.TryGetValue("palmBandSeed", out JsonElement seed) ? ReadHash(seed, "params.palmBandSeed") : d.PalmBandSeed,
        };
        if (p.MinBaseFee.IsZero)
        {
            throw new ChainSpecException("params.minBaseFee", "must be non-zero (a zero base fee makes wallets fall back to legacy pricing)");
        }

        RequireSplit("params.verification*Bps", p.VerificationProverBps + p.VerificationValidatorBps + p.VerificationOperatorBps);
        RequireSplit("params.credential*Bps", p.CredentialIssuerBps + p.CredentialValidatorBps + p.CredentialProverBps);
        if (p.DedupMatch > p.MaxDedupTags)
        {
            throw new ChainSpecException("params.dedupMatch", $"{p.DedupMatch} exceeds params.maxDedupTags = {p.MaxDedupTags}");
        }

        if (p.PalmBands > p.MaxDedupTags || p.DedupMatch > p.PalmBands)
        {
            throw new ChainSpecException("params.palmBands",
                $"{p.PalmBands} must lie between params.dedupMatch = {p.DedupMatch} and params.maxDedupTags = {p.MaxDedupTags}");
        }

        return p;
    }

    private static void RequireSplit(string field, int sum)
    {
        if (sum != BasisPoints)
        {
            throw new ChainSpecException(field, $"shares add up to {sum} basis points, expected {BasisPoints}");
        }
    }

    private static int Bps(Dictionary<string, JsonElement> map, string key, int fallback)
    {
        if (!map.TryGetValue(key, out JsonElement element))
        {
            return fallback;
        }

        string field = "params." + key;
        ulong value = ReadUInt64(element, field);
        if (value > BasisPoints)
        {
            throw new ChainSpecException(field, $"{value} basis points exceed {BasisPoints} (100%)");
        }

        return (int)value;
    }

    private static ulong NonNegative(Dictionary<string, JsonElement> map, string key, ulong fallback) =>
        map.TryGetValue(key, out JsonElement element) ? ReadUInt64(element, "params." + key) : fallback;

    private static Hash256 ReadHash(JsonElement element, string field)
    {
        byte[] bytes = ReadBytes(element, field);
        if (bytes.Length != Hash256.Length)
        {
            throw new ChainSpecException(field, $"expected {Hash256.Length} bytes, got {bytes.Length}");
        }

        return new Hash256(bytes);
    }

    private static ulong Positive(Dictionary<string, JsonElement> map, string key, ulong fallback)
    {
        if (!map.TryGetValue(key, out JsonElement element))
        {
            return fallback;
        }

        string field = "params." + key;
        ulong value = ReadUInt64(element, field);
        if (value == 0)
        {
            throw new ChainSpecException(field, "must be greater than zero");
        }

        return value;
    }

    // A zero minimum stake would make every account, staked or not, active in the role.
    private static UInt256 PositiveAmount(Dictionary<string, JsonElement> map, string key, UInt256 fallback)
    {
        if (!map.TryGetValue(key, out JsonElement element))
        {
            return fallback;
        }

        string field = "params." + key;
        UInt256 value = ReadUInt256(element, field);
        if (value.IsZero)
        {
            throw new ChainSpecException(field, "must be greater than zero");
        }

        return value;
    }

    private static int PositiveInt(Dictionary<string, JsonElement> map, string key, int fallback)
    {
        if (!map.TryGetValue(key, out JsonElement element))
        {
            return fallback;
        }

        string field = "params." + key;
        ulong value = ReadUInt64(element, field);
        if (value == 0 || value > int.MaxValue)
        {
            throw new ChainSpecException(field, $"must be between 1 and {int.MaxValue}, got {value}");
        }

        return (int)value;
    }

    private static IReadOnlyList<GenesisAccount> ReadAlloc(JsonElement element)
    {
        Dictionary<string, JsonElement> map = ReadObject(element, "alloc", allowedKeys: null);
        var accounts = new List<GenesisAccount>(map.Count);
        var seen = new HashSet<Address>();
        foreach ((string key, JsonElement value) in map)
        {
            string field = $"alloc[{key}]";
            Address address = ParseAddress(key, field);
            if (!seen.Add(address))
            {
                throw new ChainSpecException(field, "duplicate address (keys differ only in letter case)");
            }

            Dictionary<string, JsonElement> account = ReadObject(value, field, AccountKeys);
            UInt256 balance = ReadUInt256(Require(account, "balance", field + ".balance"), field + ".balance");
            accounts.Add(new GenesisAccount(address, balance));
        }

        accounts.Sort(static (a, b) => a.Address.CompareTo(b.Address));
        return accounts.AsReadOnly();
    }

    private static IReadOnlyList<GenesisValidator> ReadValidators(JsonElement element, ChainParameters parameters)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new ChainSpecException("validators", $"expected an array, got {Describe(element)}");
        }

        int count = element.GetArrayLength();
        if (count == 0)
        {
            throw new ChainSpecException("validators", "at least one genesis validator is required");
        }

        if (count > parameters.MaxValidators)
        {
            throw new ChainSpecException("validators", $"{count} validators exceed params.maxValidators = {parameters.MaxValidators}");
        }

        var validators = new List<GenesisValidator>(count);
        var addresses = new HashSet<Address>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Span<byte> uncompressed = stackalloc byte[64];
        int index = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            string field = $"validators[{index}]";
            Dictionary<string, JsonElement> map = ReadObject(item, field, ValidatorKeys);
            Address address = ParseAddress(ReadString(Require(map, "address", field + ".address"), field + ".address"), field + ".address");
            byte[] publicKey = ReadBytes(Require(map, "publicKey", field + ".publicKey"), field + ".publicKey");
            if (publicKey.Length != CompressedPublicKeyLength || (publicKey[0] != 0x02 && publicKey[0] != 0x03))
            {
                throw new ChainSpecException(field + ".publicKey", $"expected a 33-byte compressed secp256k1 key (0x02/0x03 prefix), got {publicKey.Length} bytes");
            }

            if (!Secp256k1.TryParsePublicKey(publicKey, uncompressed))
            {
                throw new ChainSpecException(field + ".publicKey", "not a point on the secp256k1 curve");
            }

            UInt256 stake = ReadUInt256(Require(map, "stake", field + ".stake"), field + ".stake");
            if (stake.IsZero)
            {
                throw new ChainSpecException(field + ".stake", "must be greater than zero");
            }

            if (!addresses.Add(address))
            {
                throw new ChainSpecException(field + ".address", $"duplicate validator {address}");
            }

            if (!keys.Add(Convert.ToHexString(publicKey)))
            {
                throw new ChainSpecException(field + ".publicKey", "duplicate validator key");
            }

            validators.Add(new GenesisValidator(address, publicKey, stake));
            index++;
        }

        return validators.AsReadOnly();
    }

    /// <summary>
    /// humanVerificationKeys: { "depth": verification_key.json of the native Semaphore circuit, ... } for depths 1..32,
    /// each with Semaphore's four public signals.
    /// </summary>
    private static IReadOnlyList<GenesisVerificationKey> ReadHumanVerificationKeys(JsonElement element)
    {
        const int minDepth = 1;
        const int maxDepth = 32;
        const int semaphorePublicSignals = 4;
        Dictionary<string, JsonElement> map = ReadObject(element, "humanVerificationKeys", allowedKeys: null);
        List<GenesisVerificationKey> keys = new(map.Count);
        foreach ((string depthText, JsonElement value) in map)
        {
            string field = $"humanVerificationKeys.{depthText}";
            if (!int.TryParse(depthText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int depth)
                || depth < minDepth || depth > maxDepth || depthText != depth.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new ChainSpecException(field, $"the key must be a tree depth {minDepth}..{maxDepth} in plain decimal");
            }

            Zk.Groth16.VerificationKey key;
            try
            {
                key = Zk.Groth16.VerificationKey.FromJson(value);
            }
            catch (Exception e) when (e is Zk.Snarkjs.ZkFormatException or InvalidOperationException or FormatException)
            {
                throw new ChainSpecException(field, $"not a valid Groth16 verification key: {e.Message}", e);
            }

            if (key.PublicInputCount != semaphorePublicSignals)
            {
                throw new ChainSpecException(field, $"a Semaphore key has {semaphorePublicSignals} public signals, this one has {key.PublicInputCount}");
            }

            keys.Add(new GenesisVerificationKey(depth, key));
        }

        keys.Sort(static (a, b) => a.Depth.CompareTo(b.Depth));
        return keys.AsReadOnly();
    }

    /// <summary>
    /// proverCommittee: { threshold, publicKey, members: [{ address, publicShare }] }; member i of the list holds share
    /// index i + 1. Points are 64-byte X‖Y secp256k1 points and must lie on one degree t − 1 polynomial through the key.
    /// </summary>
    private static GenesisProverCommittee ReadProverCommittee(JsonElement element)
    {
        const string field = "proverCommittee";
        const int maxMembers = 255;
        Dictionary<string, JsonElement> map = ReadObject(element, field, CommitteeKeys);
        ulong threshold = ReadUInt64(Require(map, "threshold", field + ".threshold"), field + ".threshold");
        byte[] publicKey = ReadPoint(Require(map, "publicKey", field + ".publicKey"), field + ".publicKey");
        JsonElement membersElement = Require(map, "members", field + ".members");
        if (membersElement.ValueKind != JsonValueKind.Array)
        {
            throw new ChainSpecException(field + ".members", $"expected an array, got {Describe(membersElement)}");
        }

        int count = membersElement.GetArrayLength();
        if (count is 0 or > maxMembers)
        {
            throw new ChainSpecException(field + ".members", $"{count} members, expected 1..{maxMembers}");
        }

        if (threshold < 1 || threshold > (ulong)count)
        {
            throw new ChainSpecException(field + ".threshold", $"{threshold} must lie between 1 and the {count} members");
        }

        var members = new List<GenesisProverCommitteeMember>(count);
        var addresses = new HashSet<Address>();
        var shares = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement item in membersElement.EnumerateArray())
        {
            string memberField = $"{field}.members[{members.Count}]";
            Dictionary<string, JsonElement> memberMap = ReadObject(item, memberField, CommitteeMemberKeys);
            Address address = ParseAddress(ReadString(Require(memberMap, "address", memberField + ".address"), memberField + ".address"), memberField + ".address");
            byte[] share = ReadPoint(Require(memberMap, "publicShare", memberField + ".publicShare"), memberField + ".publicShare");
            if (!addresses.Add(address))
            {
                throw new ChainSpecException(memberField + ".address", $"duplicate committee member {address}");
            }

            if (!shares.Add(Convert.ToHexString(share)))
            {
                throw new ChainSpecException(memberField + ".publicShare", "duplicate public share");
            }

            members.Add(new GenesisProverCommitteeMember(members.Count + 1, address, share));
        }

        GenesisProverCommittee committee = new((int)threshold, publicKey, members.AsReadOnly());
        if (ProverCommitteeConsistency.FindInconsistent(committee) is { } bad)
        {
            throw bad == 0
                ? new ChainSpecException(field + ".publicKey", $"is not the key the first {threshold} public shares interpolate to (shares from another dealing?)")
                : new ChainSpecException($"{field}.members[{bad - 1}].publicShare", $"does not lie on the degree-{threshold - 1} polynomial of the other shares (share from another dealing?)");
        }

        return committee;
    }

    private static byte[] ReadPoint(JsonElement element, string field)
    {
        byte[] point = ReadBytes(element, field);
        if (point.Length != Secp256k1.PublicKeyLength)
        {
            throw new ChainSpecException(field, $"expected a {Secp256k1.PublicKeyLength}-byte uncompressed secp256k1 point (X‖Y, no 0x04 prefix), got {point.Length} bytes");
        }

        if (!Secp256k1.IsValidPublicKey(point))
        {
            throw new ChainSpecException(field, "not a point on the secp256k1 curve");
        }

        return point;
    }

    private static Dictionary<string, JsonElement> ReadObject(JsonElement element, string field, string[]? allowedKeys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ChainSpecException(field, $"expected an object, got {Describe(element)}");
        }

        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string child = field == "(root)" ? property.Name : $"{field}.{property.Name}";
            if (allowedKeys is not null && Array.IndexOf(allowedKeys, property.Name) < 0)
            {
                throw new ChainSpecException(child, $"unknown field (allowed: {string.Join(", ", allowedKeys)})");
            }

            if (!map.TryAdd(property.Name, property.Value))
            {
                throw new ChainSpecException(child, "duplicate field");
            }
        }

        return map;
    }

    private static JsonElement Require(Dictionary<string, JsonElement> map, string key, string field) =>
        map.TryGetValue(key, out JsonElement value) ? value : throw new ChainSpecException(field, "missing required field");

    private static string ReadString(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new ChainSpecException(field, $"expected a string, got {Describe(element)}");

    /// <summary>Accepts a non-negative JSON integer, a decimal string or a 0x-hex string.</summary>
    private static ulong ReadUInt64(JsonElement element, string field)
    {
        UInt256 value = ReadUInt256(element, field);
        if (!value.IsUInt64)
        {
            throw new ChainSpecException(field, $"{value} does not fit in 64 bits");
        }

        return (ulong)value;
    }

    /// <summary>Big numbers: decimal or 0x-hex strings; plain JSON integers are accepted when they are exact.</summary>
    private static UInt256 ReadUInt256(JsonElement element, string field)
    {
        string text;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                text = element.GetRawText();
                if (text.AsSpan().IndexOfAnyExcept("0123456789") >= 0)
                {
                    throw new ChainSpecException(field, $"'{text}' is not a non-negative integer");
                }

                break;
            case JsonValueKind.String:
                text = element.GetString()!;
                break;
            default:
                throw new ChainSpecException(field, $"expected a number or a decimal/0x-hex string, got {Describe(element)}");
        }

        if (!IsWellFormedNumber(text) || !UInt256.TryParse(text, out UInt256 value))
        {
            throw new ChainSpecException(field, $"'{text}' is not a decimal or 0x-hex number below 2^256");
        }

        return value;
    }

    private static bool IsWellFormedNumber(string text)
    {
        ReadOnlySpan<char> s = text;
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
            return !s.IsEmpty && !s.ContainsAnyExcept("0123456789abcdefABCDEF");
        }

        return !s.IsEmpty && !s.ContainsAnyExcept("0123456789");
    }

    private static byte[] ReadBytes(JsonElement element, string field)
    {
        string text = ReadString(element, field);
        if (!text.StartsWith("0x", StringComparison.Ordinal))
        {
            throw new ChainSpecException(field, "expected a 0x-prefixed hex string");
        }

        return Hex.TryFromHexString(text, out byte[]? bytes)
            ? bytes
            : throw new ChainSpecException(field, $"'{text}' is not valid hex (odd length or non-hex characters)");
    }

    private static Address ParseAddress(string text, string field)
    {
        if (text.Length != 42 || !text.StartsWith("0x", StringComparison.Ordinal) || text.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw new ChainSpecException(field, $"'{text}' is not a 0x-prefixed 20-byte hex address");
        }

        if (!Address.TryParse(text, out Address address))
        {
            throw new ChainSpecException(field, $"'{text}' has an invalid EIP-55 checksum (expected {Address.Parse(text.ToLowerInvariant())})");
        }

        return address;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => element.ValueKind.ToString(),
    };
}
