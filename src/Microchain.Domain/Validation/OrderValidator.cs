using Microchain.Domain.Catalog;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;

namespace Microchain.Domain.Validation;

/// <summary>
/// Checks an order draft against a tenant's <see cref="OrderRules"/> and the network. Reports every violation,
/// not just the first, so a client can fix a basket in one round trip. Pure: stores nothing, reads no clock.
/// </summary>
public static class OrderValidator
{
    /// <summary>Validates <paramref name="draft"/>; an empty list means the order may be captured.</summary>
    public static IReadOnlyList<Violation> Validate(OrderDraft draft, NetworkModel network, OrderRules rules, ITravelModel travel, DateTimeOffset now) =>
        Validate(draft, ValidationContext.For(network), rules, travel, now);

    /// <summary>Validates <paramref name="draft"/> with prebuilt indexes of the network.</summary>
    public static IReadOnlyList<Violation> Validate(OrderDraft draft, ValidationContext context, OrderRules rules, ITravelModel travel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(travel);
        var violations = new List<Violation>();
        CheckCustomer(draft, context, violations);
        var zones = CheckLines(draft, context, rules, violations);
        var reachable = CheckDestination(draft, context, travel, violations, out var locker);
        CheckZones(zones, reachable, rules, violations);
        CheckWindow(draft, rules, now, locker is null ? (reachable.Count > 0 ? reachable : context.FulfilmentNodes) : [locker], violations);
        return violations;
    }

    private static void CheckCustomer(OrderDraft draft, ValidationContext context, List<Violation> violations)
    {
        if (draft.CustomerId is null || !context.Customers.TryGetValue(draft.CustomerId, out var customer))
            violations.Add(new(ViolationCodes.CustomerUnknown, "customerId", $"customer '{draft.CustomerId}' does not exist"));
        else if (customer.Blocked)
            violations.Add(new(ViolationCodes.CustomerBlocked, "customerId", $"customer '{customer.Id}' is blocked"));
    }

    /// <summary>Checks lines and order value; returns the temperature zones of the known SKUs as a bit set.</summary>
    private static int CheckLines(OrderDraft draft, ValidationContext context, OrderRules rules, List<Violation> violations)
    {
        var lines = draft.Lines ?? [];
        if (lines.Count == 0) violations.Add(new(ViolationCodes.LinesEmpty, "lines", "an order needs at least one line"));
        if (lines.Count > rules.MaxLines)
            violations.Add(new(ViolationCodes.LinesTooMany, "lines", $"{lines.Count} lines exceed the limit of {rules.MaxLines}"));
        var zones = 0;
        long valueCents = 0;
        var seen = new HashSet<string>(Math.Min(lines.Count, Limits.MaxLinesPerOrder), StringComparer.Ordinal);
        // Beyond the hard limit only the count is reported: a huge payload must not cost a huge report.
        var checkedLines = Math.Min(lines.Count, Limits.MaxLinesPerOrder);
        for (var i = 0; i < checkedLines; i++)
        {
            var line = lines[i];
            if (line.Quantity <= 0)
                violations.Add(new(ViolationCodes.QuantityNotPositive, $"lines[{i}].quantity", $"quantity {line.Quantity} must be positive"));
            else if (line.Quantity > rules.MaxQuantityPerLine)
                violations.Add(new(ViolationCodes.QuantityTooLarge, $"lines[{i}].quantity", $"quantity {line.Quantity} exceeds the limit of {rules.MaxQuantityPerLine}"));
            if (line.SkuId is null || !context.Skus.TryGetValue(line.SkuId, out var sku))
            {
                violations.Add(new(ViolationCodes.SkuUnknown, $"lines[{i}].skuId", $"SKU '{line.SkuId}' does not exist"));
                continue;
            }
            if (!seen.Add(sku.Id))
                violations.Add(new(ViolationCodes.SkuDuplicate, $"lines[{i}].skuId", $"SKU '{sku.Id}' appears on more than one line"));
            if (!sku.Active)
                violations.Add(new(ViolationCodes.SkuInactive, $"lines[{i}].skuId", $"SKU '{sku.Id}' is not sold any more"));
            zones |= 1 << (int)sku.Zone;
            if (line.Quantity > 0) valueCents = checked(valueCents + sku.ValueCents * Math.Min(line.Quantity, Limits.MaxQuantityPerLine));
        }
        if (lines.Count > 0 && valueCents < rules.MinOrderValueCents)
            violations.Add(new(ViolationCodes.ValueTooLow, "lines", $"order value {valueCents} cents is below the minimum of {rules.MinOrderValueCents}"));
        if (valueCents > rules.MaxOrderValueCents)
            violations.Add(new(ViolationCodes.ValueTooHigh, "lines", $"order value {valueCents} cents exceeds the maximum of {rules.MaxOrderValueCents}"));
        return zones;
    }

    /// <summary>Checks where the order goes; returns the open fulfilment nodes whose vans reach it.</summary>
    private static List<Node> CheckDestination(OrderDraft draft, ValidationContext context, ITravelModel travel, List<Violation> violations, out Node? locker)
    {
        locker = null;
        GeoPoint target;
        string path;
        if (draft.LockerId is not null)
        {
            if (draft.DeliverTo is not null)
                violations.Add(new(ViolationCodes.DestinationAmbiguous, "deliverTo", "give either a delivery point or a locker, not both"));
            if (!context.Nodes.TryGetValue(draft.LockerId, out var node) || node.Kind != NodeKind.Locker)
            {
                violations.Add(new(ViolationCodes.LockerUnknown, "lockerId", $"locker '{draft.LockerId}' does not exist"));
                return [];
            }
            if (!node.IsOpen)
            {
                violations.Add(new(ViolationCodes.LockerClosed, "lockerId", $"locker '{node.Id}' is {node.Lifecycle}"));
                return [];
            }
            locker = node;
            target = node.Location;
            path = "lockerId";
        }
        else if (draft.DeliverTo is { } point)
        {
            target = point;
            path = "deliverTo";
        }
        else
        {
            violations.Add(new(ViolationCodes.DestinationMissing, "deliverTo", "an order needs a delivery point or a locker"));
            return [];
        }
        var reachable = new List<Node>();
        foreach (var node in context.FulfilmentNodes)
        {
            if (travel.Travel(node.Location, target, VehicleKind.Van).DurationSeconds <= node.ServiceRadiusMinutes * 60.0)
                reachable.Add(node);
        }
        if (reachable.Count == 0)
            violations.Add(new(ViolationCodes.OutsideServiceArea, path, $"{target} is outside the service area of every open node"));
        return reachable;
    }

    private static void CheckZones(int zones, List<Node> reachable, OrderRules rules, List<Violation> violations)
    {
        const int ambient = 1 << (int)TemperatureZone.Ambient, frozen = 1 << (int)TemperatureZone.Frozen;
        if (!rules.FrozenWithAmbientAllowed && (zones & ambient) != 0 && (zones & frozen) != 0)
            violations.Add(new(ViolationCodes.ZonesNotCombinable, "lines", "frozen and ambient goods may not be ordered together"));
        if (!rules.ZoneStorageRequired || reachable.Count == 0 || (zones & ~ambient) == 0) return;
        foreach (var node in reachable)
        {
            if (Holds(node, zones, TemperatureZone.Chilled) && Holds(node, zones, TemperatureZone.Frozen)) return;
        }
        violations.Add(new(ViolationCodes.ZoneNotDeliverable, "lines", "no node in reach stores every temperature zone of this order"));

        static bool Holds(Node node, int zones, TemperatureZone zone) =>
            (zones & (1 << (int)zone)) == 0 || node.Storage.LitersFor(zone) > 0;
    }

    private static void CheckWindow(OrderDraft draft, OrderRules rules, DateTimeOffset now, IReadOnlyList<Node> servingNodes, List<Violation> violations)
    {
        if (draft.Window is not { } window)
        {
            if (rules.WindowRequired) violations.Add(new(ViolationCodes.WindowRequired, "window", "a delivery window is required"));
            return;
        }
        if (window.End <= window.Start)
            violations.Add(new(ViolationCodes.WindowEndBeforeStart, "window.end", "the window must end after it starts"));
        else if (window.End - window.Start > TimeSpan.FromMinutes(rules.MaxWindowMinutes))
            violations.Add(new(ViolationCodes.WindowTooLong, "window.end", $"the window is longer than {rules.MaxWindowMinutes} minutes"));
        if (window.Start <= now)
            violations.Add(new(ViolationCodes.WindowInPast, "window.start", "the window starts in the past"));
        else if (window.Start < now.AddMinutes(rules.MinLeadMinutes))
            violations.Add(new(ViolationCodes.WindowTooSoon, "window.start", $"the window starts less than {rules.MinLeadMinutes} minutes from now"));
        else if (window.Start > now.AddDays(rules.MaxAdvanceDays))
            violations.Add(new(ViolationCodes.WindowTooFar, "window.start", $"the window starts more than {rules.MaxAdvanceDays} days ahead"));
        if (window.End <= window.Start || servingNodes.Count == 0) return;
        var start = TimeOnly.FromTimeSpan(window.Start.ToOffset(rules.LocalUtcOffset).TimeOfDay);
        // The last minute of the window must be served too; a window ending at closing time is fine.
        var last = TimeOnly.FromTimeSpan(window.End.AddMinutes(-1).ToOffset(rules.LocalUtcOffset).TimeOfDay);
        foreach (var node in servingNodes)
        {
            if (node.Hours.IsOpenAt(start) && node.Hours.IsOpenAt(last) && CoversSpan(node.Hours, start, last)) return;
        }
        violations.Add(new(ViolationCodes.WindowOutsideHours, "window", "no serving node is open for the whole window"));
    }

    /// <summary>True when the hours contain the span start..last without passing a closing time.</summary>
    private static bool CoversSpan(OperatingHours hours, TimeOnly start, TimeOnly last)
    {
        if (hours.Open == hours.Close) return true;
        // Minutes since opening must not decrease from start to last, else the span crosses a closing time.
        static int SinceOpen(OperatingHours h, TimeOnly t) => (int)((t.ToTimeSpan() - h.Open.ToTimeSpan() + TimeSpan.FromDays(1)).TotalMinutes % (24 * 60));
        return SinceOpen(hours, last) >= SinceOpen(hours, start);
    }
}
