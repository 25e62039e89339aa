using Microchain.Domain.Inventory;

namespace Microchain.Runtime.Nodes;

/// <summary>One SKU's stock at a node, as the API shows it.</summary>
public sealed record StockRow(string SkuId, int OnHand, int Reserved, int Available, int InTransit, int Capacity, int SafetyStock);

public sealed record StockPage(string NodeId, int Total, int Offset, IReadOnlyList<StockRow> Items);

/// <summary>Initial or corrective stock levels: capacity and the on-hand quantity to reach by receipt.</summary>
public sealed record StockLevelCommand(string SkuId, int Capacity, int OnHand);

/// <summary>The outcome of a command on a grain: done, or refused with a stable code (nothing changed).</summary>
public sealed record CommandOutcome(bool Succeeded, string? ErrorCode, string? Message)
{
    public static CommandOutcome Done { get; } = new(true, null, null);

    public static CommandOutcome Refused(string code, string message) => new(false, code, message);
}

public sealed record ReserveOutcome(bool Succeeded, IReadOnlyList<Shortage> Shortages, string? ErrorCode, string? Message);

/// <summary>A node's live availability for some SKUs: ATP per SKU and its pick load (units reserved, not yet picked).</summary>
public sealed record NodeAvailability(string NodeId, IReadOnlyDictionary<string, int> Atp, int ReservedUnits);
