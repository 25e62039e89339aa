using Microchain.Domain.Network;
using Microchain.Domain.Validation;

namespace Microchain.Server.Orders;

/// <summary>
/// Checks of request parts that the order validator does not see on its own (promise baskets, batches of captured
/// orders). Same codes and path style as <see cref="OrderValidator"/>, so clients handle one kind of answer.
/// </summary>
internal static class RequestChecks
{
    public const string SegmentUnknown = "segment.unknown";

    /// <summary>Lines: present, within the tenant's limits, known SKUs, positive quantities.</summary>
    public static void Lines(IReadOnlyList<OrderLineRequest>? lines, string prefix, NetworkModel network, List<Violation> into)
    {
        lines ??= [];
        var rules = network.OrderRules;
        var skus = ValidationContext.For(network).Skus;
        if (lines.Count == 0) into.Add(new(ViolationCodes.LinesEmpty, prefix + "lines", "at least one line is needed"));
        if (lines.Count > rules.MaxLines)
        {
            // Beyond the limit only the count is reported: a huge payload must not cost a huge report.
            into.Add(new(ViolationCodes.LinesTooMany, prefix + "lines", $"{lines.Count} lines exceed the limit of {rules.MaxLines}"));
            return;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var path = $"{prefix}lines[{i}]";
            if (line is null)
            {
                into.Add(new(ViolationCodes.SkuUnknown, path, "a line must be an object"));
                continue;
            }
            if (line.Quantity <= 0)
                into.Add(new(ViolationCodes.QuantityNotPositive, path + ".quantity", $"quantity {line.Quantity} must be positive"));
            else if (line.Quantity > rules.MaxQuantityPerLine)
                into.Add(new(ViolationCodes.QuantityTooLarge, path + ".quantity", $"quantity {line.Quantity} exceeds the limit of {rules.MaxQuantityPerLine}"));
            if (line.SkuId is null || !skus.ContainsKey(line.SkuId))
                into.Add(new(ViolationCodes.SkuUnknown, path + ".skuId", $"SKU '{line.SkuId}' does not exist"));
        }
    }

    /// <summary>A delivery point or a known locker.</summary>
    public static void Destination(Domain.Geo.GeoPoint? deliverTo, string? lockerId, string prefix, NetworkModel network, List<Violation> into)
    {
        if (lockerId is not null)
        {
            if (network.FindNode(lockerId) is not { Kind: NodeKind.Locker })
                into.Add(new(ViolationCodes.LockerUnknown, prefix + "lockerId", $"locker '{lockerId}' does not exist"));
        }
        else if (deliverTo is null)
        {
            into.Add(new(ViolationCodes.DestinationMissing, prefix + "deliverTo", "a delivery point or a locker is needed"));
        }
    }

    /// <summary>An optional segment id names a segment of the network.</summary>
    public static void Segment(string? segmentId, string path, NetworkModel network, List<Violation> into)
    {
        if (segmentId is not null && !network.Segments.Any(s => s.Id == segmentId))
            into.Add(new(SegmentUnknown, path, $"segment '{segmentId}' does not exist"));
    }
}
