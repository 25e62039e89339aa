using Microchain.Domain.Geo;

namespace Microchain.Planning.NetworkDesign.FromData;

/// <summary>A candidate site and what the design does with it.</summary>
public sealed record DesignedSite(string Id, GeoPoint Location, bool Existing, bool Open, double CapacityOrdersPerWeek, double AssignedOrdersPerWeek,
    long OpeningCostCents);

/// <summary>Part of a demand point's orders served by an open site.</summary>
public sealed record DesignedAssignment(string DemandPointId, string SiteId, double Share, double OrdersPerWeek, double TravelMinutes);

/// <summary>The cost of a design over the request's horizon, in cents.</summary>
public sealed record DesignCost(long OpeningCents, long DeliveryCents, long UncoveredOrdersPerHorizon)
{
    public long TotalCents => OpeningCents + DeliveryCents;
}

/// <summary>The answer to a design request, with the proof quality of the solver behind it.</summary>
public sealed record DesignResult
{
    public required DesignRequest Request { get; init; }
    public required SolveStatus Status { get; init; }
    /// <summary>Objective in the problem's unit: cents for location problems, uncovered orders per week for coverage; null when none was found.</summary>
    public required double? Objective { get; init; }
    /// <summary>Proven lower bound in the same unit; null when the search proved none.</summary>
    public required double? LowerBound { get; init; }
    public required double? Gap { get; init; }
    public required IReadOnlyList<DesignedSite> Sites { get; init; }
    public required IReadOnlyList<DemandPoint> DemandPoints { get; init; }
    public required IReadOnlyList<DesignedAssignment> Assignments { get; init; }
    public required DesignCost Cost { get; init; }
    /// <summary>Share of weekly orders served within their segment's promise.</summary>
    public required double ShareWithinPromise { get; init; }
    public required int SearchNodes { get; init; }
    public required TimeSpan Elapsed { get; init; }
}
