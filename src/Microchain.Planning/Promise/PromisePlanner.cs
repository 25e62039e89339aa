using Microchain.Domain.Geo;
using Microchain.Domain.Network;

namespace Microchain.Planning.Promise;

/// <summary>A way to serve the basket: nodes, window and cost.</summary>
internal sealed record PromisePlan(IReadOnlyList<string> NodeIds, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, long CostCents, string Explanation);

/// <summary>Builds the plans for one destination: every single node that holds the basket, else a nearest-first split.</summary>
internal sealed class PromisePlanner(
    (string Sku, int Units)[] basket, Node[] nodes, NetworkState state, ITravelModel travel, PromiseSettings settings, DateTimeOffset now)
{
    public IReadOnlyList<PromisePlan> Plans(GeoPoint destination, Node? locker)
    {
        var reach = new List<(Node Node, TravelLeg Leg)>();
        foreach (var node in nodes)
        {
            var leg = travel.Travel(node.Location, destination, VehicleKind.Van);
            if (leg.DurationSeconds <= node.ServiceRadiusMinutes * 60.0) reach.Add((node, leg));
        }
        reach.Sort((a, b) => a.Leg.DurationSeconds != b.Leg.DurationSeconds ? a.Leg.DurationSeconds.CompareTo(b.Leg.DurationSeconds) : string.CompareOrdinal(a.Node.Id, b.Node.Id));
        var plans = new List<PromisePlan>();
        foreach (var (node, leg) in reach)
        {
            if (basket.All(l => Atp(node, l.Sku) >= l.Units))
                Add(plans, [(node, leg, basket.Sum(l => l.Units))], locker);
        }
        if (plans.Count > 0) return plans;
        // No single node holds the basket: take from the nearest nodes in turn.
        var remaining = basket.ToDictionary(l => l.Sku, l => l.Units, StringComparer.Ordinal);
        var parts = new List<(Node, TravelLeg, int)>();
        foreach (var (node, leg) in reach)
        {
            if (parts.Count == settings.MaxNodesPerOption) break;
            var units = 0;
            foreach (var (sku, left) in remaining.ToArray())
            {
                var take = Math.Min(left, Atp(node, sku));
                units += take;
                remaining[sku] = left - take;
            }
            if (units > 0) parts.Add((node, leg, units));
        }
        if (parts.Count > 0 && remaining.Values.All(v => v == 0)) Add(plans, parts, locker);
        return plans;
    }

    private void Add(List<PromisePlan> plans, List<(Node Node, TravelLeg Leg, int Units)> parts, Node? locker)
    {
        var arrival = DateTimeOffset.MinValue;
        long cost = Math.Max(0, parts.Count - 1) * settings.SplitPenaltyCents;
        var notes = new List<string>();
        foreach (var (node, leg, units) in parts)
        {
            var queue = Math.Max(0, state.QueuedUnits.GetValueOrDefault(node.Id));
            var pickMinutes = 60.0 * (queue + units) / node.PickCapacityPerHour;
            var start = NextOpen(now, node.Hours);
            var ready = start.AddMinutes(pickMinutes);
            var at = ready.AddSeconds(leg.DurationSeconds);
            if (at > arrival) arrival = at;
            cost = checked(cost + units * node.Costs.PickCostCentsPerUnit
                + (long)Math.Round(leg.DistanceMeters / 1000 * settings.LastMileCentsPerKm, MidpointRounding.AwayFromZero) + settings.LastMileCentsPerStop);
            var opens = start > now ? $", opens {start.ToOffset(settings.LocalUtcOffset):HH:mm}" : "";
            notes.Add($"{node.Id}: {units} unit(s), pick queue + basket {pickMinutes:F0} min{opens}, travel {leg.DurationSeconds / 60:F0} min");
        }
        var windowStart = RoundUpToSlot(arrival);
        if (locker is not null) windowStart = RoundUpToSlot(NextOpen(windowStart, locker.Hours));
        if (windowStart > now.AddDays(settings.HorizonDays)) return;
        var ids = parts.Select(p => p.Node.Id).Order(StringComparer.Ordinal).ToArray();
        plans.Add(new PromisePlan(ids, windowStart, windowStart.AddMinutes(settings.SlotMinutes), cost, string.Join("; ", notes)));
    }

    private int Atp(Node node, string sku) =>
        state.Atp.TryGetValue(node.Id, out var bySku) && bySku.TryGetValue(sku, out var units) ? Math.Max(0, units) : 0;

    /// <summary>The instant itself when the hours are open then, else the next opening time (local clock).</summary>
    private DateTimeOffset NextOpen(DateTimeOffset at, OperatingHours hours)
    {
        var local = at.ToOffset(settings.LocalUtcOffset);
        if (hours.IsOpenAt(TimeOnly.FromTimeSpan(local.TimeOfDay))) return at;
        var opening = new DateTimeOffset(local.Date, settings.LocalUtcOffset).Add(hours.Open.ToTimeSpan());
        return opening > local ? opening : opening.AddDays(1);
    }

    private DateTimeOffset RoundUpToSlot(DateTimeOffset at)
    {
        var local = at.ToOffset(settings.LocalUtcOffset);
        var day = new DateTimeOffset(local.Date, settings.LocalUtcOffset);
        var slotTicks = TimeSpan.FromMinutes(settings.SlotMinutes).Ticks;
        var ticks = (local - day).Ticks;
        return day.AddTicks((ticks + slotTicks - 1) / slotTicks * slotTicks);
    }
}
