using Microchain.Domain.Catalog;

namespace Microchain.Planning.Picking;

/// <summary>A unit count of a SKU to pick, with the temperature zone it is stored in.</summary>
public readonly record struct PickItem(string SkuId, int Quantity, TemperatureZone Zone);

/// <summary>An order's part waiting to be picked at one node, and the start of the window it was promised for.</summary>
public sealed record PickOrder(string OrderId, DateTimeOffset WindowStart, IReadOnlyList<PickItem> Items);

/// <summary>How pick lists are cut.</summary>
/// <param name="PickLead">Time between an order's cut-off and its window start: picked, packed and loaded by then.</param>
/// <param name="WaveLength">Orders whose cut-offs fall in the same slot of this length (aligned to UTC midnight) form one wave.</param>
/// <param name="MaxLinesPerBatch">A picker's tote: at most this many lines per batch.</param>
public sealed record WaveOptions(TimeSpan PickLead, TimeSpan WaveLength, int MaxLinesPerBatch)
{
    public const int MaxBatchLines = 500;

    public static WaveOptions Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), 20);

    /// <summary>What is wrong with these options, or null.</summary>
    public string? Problem() =>
        PickLead < TimeSpan.Zero || PickLead > TimeSpan.FromDays(1) ? "pick lead must be within 0..1440 minutes"
        : WaveLength < TimeSpan.FromMinutes(1) || WaveLength > TimeSpan.FromDays(1) || TimeSpan.FromDays(1).Ticks % WaveLength.Ticks != 0
            ? "wave length must be 1..1440 minutes and divide a day"
        : MaxLinesPerBatch is < 1 or > MaxBatchLines ? $"batch size must be within 1..{MaxBatchLines} lines"
        : null;
}

/// <summary>One line of a pick list.</summary>
public sealed record PickLine(string OrderId, string SkuId, int Quantity, TemperatureZone Zone);

/// <summary>Lines of one temperature zone picked together in one tote.</summary>
public sealed record PickBatch(TemperatureZone Zone, int Number, int Units, IReadOnlyList<PickLine> Lines);

/// <summary>Orders whose cut-off falls in [CutOffFrom, CutOffTo): pick the wave by <paramref name="CutOffFrom"/>.</summary>
public sealed record PickWave(DateTimeOffset CutOffFrom, DateTimeOffset CutOffTo, int Orders, IReadOnlyList<PickBatch> Batches);
