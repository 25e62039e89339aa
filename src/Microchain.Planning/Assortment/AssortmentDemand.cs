namespace Microchain.Planning.Assortment;

/// <summary>Units of a SKU demanded in one node's area on one day (day = days since any fixed origin).</summary>
public readonly record struct DemandRecord(string NodeId, string SkuId, int Day, double Units);

/// <summary>Daily demand rates per node and SKU from a history: the mean over the last days of the history.</summary>
public static class AssortmentDemand
{
    public const int MaxWindowDays = 3_650;

    /// <param name="windowDays">Days counted back from the history's last day; a shorter history counts its own span.</param>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> DailyRates(IReadOnlyList<DemandRecord> history, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (windowDays is < 1 or > MaxWindowDays) throw new ArgumentException($"window days must be within 1..{MaxWindowDays}");
        var result = new SortedDictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        if (history.Count == 0) return result;
        var last = history.Max(r => r.Day);
        var first = Math.Max(history.Min(r => r.Day), last - windowDays + 1);
        var days = last - first + 1;
        var sums = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var r in history)
        {
            if (!double.IsFinite(r.Units) || r.Units < 0) throw new ArgumentException($"{r.NodeId}/{r.SkuId} day {r.Day}: units must be finite and not negative");
            if (r.Day < first) continue;
            if (!sums.TryGetValue(r.NodeId, out var bySku)) sums[r.NodeId] = bySku = new Dictionary<string, double>(StringComparer.Ordinal);
            bySku[r.SkuId] = bySku.GetValueOrDefault(r.SkuId) + r.Units;
        }
        foreach (var (node, bySku) in sums)
            result[node] = bySku.ToDictionary(p => p.Key, p => p.Value / days, StringComparer.Ordinal);
        return result;
    }
}
