using System.Globalization;

namespace Microchain.Planning.Replenishment;

/// <summary>
/// Proposes transfer orders from the DC to nodes under an (s, S) periodic-review policy (see
/// <see cref="ReplenishmentLevels"/>), rounded to packs and MOQs, then fitted into each node's storage
/// capacity and the DC's stock by <see cref="CapacityAllocator"/>. Pure and deterministic.
/// </summary>
public static class ReplenishmentPlanner
{
    /// <summary>Plans one run.</summary>
    public static ReplenishmentPlan Plan(ReplenishmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Items);
        if (request.Items.Count > ReplenishmentRequest.MaxItems)
            throw new ArgumentOutOfRangeException(nameof(request), $"at most {ReplenishmentRequest.MaxItems} lines per run");
        var needs = new List<LineNeed>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            item.Validate();
            if (Need(item, request.Run) is { } need) needs.Add(need with { Index = i });
        }
        var granted = CapacityAllocator.Allocate(request, needs, out var cutReasons);

        var orders = new List<TransferOrderProposal>();
        var deferred = new List<TransferOrderProposal>();
        for (var n = 0; n < needs.Count; n++)
        {
            var need = needs[n];
            var item = request.Items[need.Index];
            var reason = need.Reason + (cutReasons[n] is { } cut ? $"; cut from {need.Units} to {granted[n]}: {cut}" : "");
            var proposal = new TransferOrderProposal(request.SourceNodeId, item.NodeId, item.Sku, granted[n], need.Units, reason);
            (granted[n] > 0 ? orders : deferred).Add(proposal);
        }
        return new ReplenishmentPlan(orders, deferred);
    }

    /// <summary>The smallest whole-pack quantity that is at least <paramref name="units"/> and the MOQ.</summary>
    public static int RoundToPack(int units, int packSizeUnits, int minOrderUnits)
    {
        var wanted = Math.Max(units, minOrderUnits);
        return checked((wanted + packSizeUnits - 1) / packSizeUnits * packSizeUnits);
    }

    private static LineNeed? Need(ReplenishmentItem item, ReplenishmentRun run)
    {
        var levels = ReplenishmentLevels.For(item);
        var position = item.OnHandUnits + item.OnOrderUnits;
        var mean = item.DemandMeanPerDay;
        double trigger, target;
        if (run == ReplenishmentRun.Nightly)
        {
            trigger = levels.ReorderPointUnits;
            target = levels.OrderUpToUnits;
        }
        else
        {
            // Emergency only: stock may run out before an order placed now arrives.
            trigger = levels.SafetyStockUnits + mean * item.LeadTimeDays;
            target = levels.ReorderPointUnits;
        }
        if (!(position < trigger - 1e-9)) return null;
        var units = (int)Math.Ceiling(target - position - 1e-9);
        if (units <= 0) return null;
        var quantity = RoundToPack(units, item.PackSizeUnits, item.MinOrderUnits);

        var c = CultureInfo.InvariantCulture;
        var cover = mean > 0 ? string.Create(c, $"{position / mean:F1} d of cover") : "no forecast demand";
        var service = item.Service.Measure == ServiceMeasure.FillRate ? "fill rate" : "cycle service";
        var triggerText = run == ReplenishmentRun.Nightly
            ? string.Create(c, $"reorder point {trigger:F1} ({item.LeadTimeDays + item.ReviewPeriodDays} d lead+review demand {mean * (item.LeadTimeDays + item.ReviewPeriodDays):F1} + safety stock {levels.SafetyStockUnits:F1} for {item.Service.Level * 100:0.#}% {service})")
            : string.Create(c, $"lead-time need {trigger:F1} ({item.LeadTimeDays} d lead demand {mean * item.LeadTimeDays:F1} + safety stock {levels.SafetyStockUnits:F1} for {item.Service.Level * 100:0.#}% {service})");
        var targetText = run == ReplenishmentRun.Nightly && item.TargetCoverDays > item.LeadTimeDays + item.ReviewPeriodDays
            ? string.Create(c, $"order up to {target:F1} ({item.TargetCoverDays:F1} d target cover + safety stock)")
            : string.Create(c, $"order up to {target:F1}");
        var rounding = quantity == units ? "" : $" (from {units}: pack {item.PackSizeUnits}, MOQ {item.MinOrderUnits})";
        var reason = string.Create(c, $"{(run == ReplenishmentRun.Nightly ? "nightly" : "intra-day")}: position {position} ({cover}) < {triggerText}; {targetText} → {quantity}{rounding}");
        return new LineNeed(0, quantity, position, reason);
    }
}

/// <summary>What one line asks for before capacity.</summary>
internal sealed record LineNeed(int Index, int Units, int PositionUnits, string Reason);
