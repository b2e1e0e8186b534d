using TrustChain.Chain.Abi;
using TrustChain.Chain.SystemContracts;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.SystemContracts;

/// <summary>
/// A small registry written on the framework as a real contract would be: a payable method with per-item gas, views
/// returning tuples and arrays, events with indexed topics, explicit reverts and a custom error.
/// </summary>
internal sealed class ExampleRegistry : SystemContract
{
    public const ulong RegisterGas = 20_000;
    public const ulong TagGas = 1_000;
    public const ulong BurnGas = 1_000;
    public const ulong BurnRoundGas = 10_000;
    public static readonly UInt256 Fee = 1_000;
    public static readonly Address ContractAddress = Address.Parse("0x000000000000000000000000000000000000fff2");

    private static readonly StorageSlot CountSlot = StorageSlot.Named("registry.count");
    private static readonly StorageMap Owners = StorageMap.Named("registry.owner");
    private static readonly StorageMap Names = StorageMap.Named("registry.name");
    private static readonly StorageMap Paid = StorageMap.Named("registry.paid");
    private static readonly StorageMap Tags = StorageMap.Named("registry.tags");

    public ExampleRegistry()
        : base("ExampleRegistry", ContractAddress)
    {
        Registered = Event("Registered(uint256 indexed id, address indexed owner, string name, uint256 paid)", "An entry was created.");
        Moved = Event("Moved(uint256 indexed id, address indexed from, address indexed to)", "An entry changed owner.");
        Labelled = Event("Labelled(uint256 indexed id, string indexed label)", "An entry got a label; the label is in the topic as its hash.");
        NotOwner = Error("NotOwner(uint256 id, address caller)");
        Function("register(string name, bytes32[] tags) payable returns (uint256 id)", new GasCost(RegisterGas, PerItem: TagGas), Register,
            "Creates an entry owned by the caller. Costs the registration fee.");
        Function("get(uint256 id) view returns ((address owner, string name, uint256 paid) entry, bytes32[] tags)", 2_000, Get,
            "Reads an entry; reverts when it does not exist.");
        Function("count() view returns (uint256)", 500, Count);
        Function("move((uint256 id, address to)[] moves) returns (uint256 moved)", new GasCost(5_000, PerItem: 5_000), Move,
            "Moves entries the caller owns to new owners.");
        Function("label(uint256 id, string label)", 3_000, Label);
        Function("burn(uint256 rounds) returns (uint256)", new GasCost(BurnGas, PerItem: BurnRoundGas), Burn,
            "Charges per-round gas; used to exercise out-of-gas.");
        Function("withdraw(uint256 amount)", 4_000, Withdraw);
        Function("brokenView() view", 100, BrokenView);
    }

    public AbiEvent Registered { get; }

    public AbiEvent Moved { get; }

    public AbiEvent Labelled { get; }

    public AbiError NotOwner { get; }

    private object?[] Register(SystemContractContext ctx, AbiArgs args)
    {
        string name = args.String(0);
        Hash256[] tags = args.Bytes32Array(1);
        ctx.ChargeItems(tags.Length);
        ctx.Require(name.Length > 0, "name must not be empty");
        ctx.Require(ctx.Value >= Fee, $"registration fee is {Fee} wei");
        UInt256 id = ctx.Storage.GetUInt256(CountSlot) + 1;
        ctx.Storage.SetUInt256(CountSlot, id);
        ctx.Storage.SetAddress(Owners[id], ctx.Caller);
        ctx.Storage.SetString(Names[id], name);
        ctx.Storage.SetUInt256(Paid[id], ctx.Value);
        StorageMap entryTags = Tags.Map(id);
        ctx.Storage.SetUInt64(entryTags[UInt256.Zero], (ulong)tags.Length);
        for (int i = 0; i < tags.Length; i++)
        {
            ctx.Storage.SetHash(entryTags[(UInt256)(i + 1)], tags[i]);
        }

        ctx.Emit(Registered, id, ctx.Caller, name, ctx.Value);
        return [id];
    }

    private object?[] Get(SystemContractContext ctx, AbiArgs args)
    {
        UInt256 id = args.UInt256(0);
        Address owner = ctx.Storage.GetAddress(Owners[id]);
        ctx.Require(!owner.IsZero, $"no entry {id}");
        StorageMap entryTags = Tags.Map(id);
        ulong count = ctx.Storage.GetUInt64(entryTags[UInt256.Zero]);
        object[] tags = new object[count];
        for (ulong i = 0; i < count; i++)
        {
            tags[i] = ctx.Storage.GetHash(entryTags[(UInt256)(i + 1)]);
        }

        return [new object[] { owner, ctx.Storage.GetString(Names[id]), ctx.Storage.GetUInt256(Paid[id]) }, tags];
    }

    private object?[] Count(SystemContractContext ctx, AbiArgs args) => [ctx.Storage.GetUInt256(CountSlot)];

    private object?[] Move(SystemContractContext ctx, AbiArgs args)
    {
        object[] moves = args.List(0);
        ctx.ChargeItems(moves.Length);
        foreach (object[] move in moves.Cast<object[]>())
        {
            UInt256 id = (UInt256)move[0];
            Address to = (Address)move[1];
            Address owner = ctx.Storage.GetAddress(Owners[id]);
            if (owner != ctx.Caller)
            {
                ctx.Revert(NotOwner, id, ctx.Caller);
            }

            ctx.Require(!to.IsZero, "cannot move to the zero address");
            ctx.Storage.SetAddress(Owners[id], to);
            ctx.Emit(Moved, id, owner, to);
        }

        return [(UInt256)(ulong)moves.Length];
    }

    private object?[] Label(SystemContractContext ctx, AbiArgs args)
    {
        ctx.Emit(Labelled, args.UInt256(0), args.String(1));
        return [];
    }

    private object?[] Burn(SystemContractContext ctx, AbiArgs args)
    {
        UInt256 rounds = args.UInt256(0);
        ctx.ChargeItems(rounds.IsUInt64 && rounds.U0 <= long.MaxValue ? (long)rounds.U0 : long.MaxValue);
        ctx.Storage.SetUInt256(CountSlot, ctx.Storage.GetUInt256(CountSlot) + 1000);
        return [rounds];
    }

    private object?[] Withdraw(SystemContractContext ctx, AbiArgs args)
    {
        ctx.Transfer(ctx.Caller, args.UInt256(0));
        return [];
    }

    private object?[] BrokenView(SystemContractContext ctx, AbiArgs args)
    {
        ctx.Storage.SetUInt256(CountSlot, 42);
        return [];
    }
}
