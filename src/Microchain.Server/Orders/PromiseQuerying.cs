using Microchain.Domain.Customers;
using Microchain.Domain.Network;
using Microchain.Domain.Orders;
using Microchain.Domain.Validation;
using Microchain.Planning.Promise;

namespace Microchain.Server.Orders;

/// <summary>From a promise request to the promise calculator's inputs, with the tenant's rules and cost weights.</summary>
public static class PromiseQuerying
{
    /// <summary>What is wrong with the request; empty when it can be answered.</summary>
    public static IReadOnlyList<Violation> Check(PromiseRequest request, NetworkModel network)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        var violations = new List<Violation>();
        RequestChecks.Lines(request.Lines, "", network, violations);
        RequestChecks.Destination(request.DeliverTo, request.LockerId, "", network, violations);
        RequestChecks.Segment(request.SegmentId, "segmentId", network, violations);
        return violations;
    }

    /// <summary>The calculator's query (call after <see cref="Check"/> found nothing).</summary>
    public static PromiseQuery Query(PromiseRequest request) =>
        new([.. request.Lines.Select(l => new OrderLine(l.SkuId, l.Quantity))], request.DeliverTo, request.LockerId);

    /// <summary>The segment's promise, or every default promise when no segment is named.</summary>
    public static IReadOnlyList<ServicePromise> Promises(NetworkModel network, string? segmentId) =>
        network.Segments.FirstOrDefault(s => s.Id == segmentId) is { } segment ? [segment.Promise] : PromiseCalculator.DefaultPromises;

    /// <summary>Slot grid on the tenant's local clock; last-mile and split costs from its sourcing weights.</summary>
    public static PromiseSettings Settings(NetworkModel network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var w = network.SourcingPolicy.Weights;
        return new PromiseSettings(
            LocalUtcOffset: network.OrderRules.LocalUtcOffset,
            LastMileCentsPerKm: w.LastMileCentsPerKm,
            LastMileCentsPerStop: w.LastMileCentsPerStop,
            SplitPenaltyCents: w.SplitPenaltyCents,
            MaxNodesPerOption: Math.Min(PromiseSettings.Default.MaxNodesPerOption, w.MaxNodesPerOrder));
    }
}
