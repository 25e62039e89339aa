using Microchain.Domain.Geo;
using Microchain.Domain.Network;

namespace Microchain.Planning.NetworkDesign.FromData;

/// <summary>One period of a re-assessment plan, by site id, with its costs in cents.</summary>
public sealed record ReplanPeriod(int Period, IReadOnlyList<string> OpenSites, IReadOnlyList<string> Opened, IReadOnlyList<string> Closed,
    long OperatingCents, long DeliveryCents, long RelocationCents)
{
    public long TotalCents => OperatingCents + DeliveryCents + RelocationCents;
}

/// <summary>A plan of openings and closings of flexible centers over periods, with its cost breakdown and bound.</summary>
public sealed record ReplanResult(SolveStatus Status, IReadOnlyList<ReplanPeriod> Periods, IReadOnlyList<CandidateSite> Sites, double? LowerBoundCents, double? Gap)
{
    public long OperatingCents => Periods.Sum(p => p.OperatingCents);
    public long DeliveryCents => Periods.Sum(p => p.DeliveryCents);
    public long RelocationCents => Periods.Sum(p => p.RelocationCents);
    public long TotalCents => OperatingCents + DeliveryCents + RelocationCents;
}

/// <summary>
/// Re-assesses the network as demand moves: given demand per period (e.g. month), which sites to run in each period,
/// trading the one-time cost of opening and closing against operating and delivery cost.
/// </summary>
public static class NetworkReplanner
{
    public const int MaxPeriods = 60;

    public static ReplanResult Plan(NetworkModel network, IReadOnlyList<IReadOnlyList<DemandSample>> demandByPeriod, DesignRequest request,
        ITravelModel travel, IProgress<FacilitySolverProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var problems = request.Problems();
        if (problems.Count > 0) throw new ArgumentException("invalid design request: " + string.Join("; ", problems), nameof(request));
        if (demandByPeriod.Count is < 1 or > MaxPeriods) throw new ArgumentException($"a plan needs 1..{MaxPeriods} periods", nameof(demandByPeriod));
        var (points, weekly) = DemandGrid.AggregatePeriods(demandByPeriod, request.CellMeters);
        if (points.Count == 0) throw new ArgumentException("there is no demand to plan for", nameof(demandByPeriod));
        var sites = CandidateSites.From(network, points, request);
        int m = sites.Count, n = points.Count;
        var minutes = new double[m * n];
        var perOrder = new double[m * n];
        for (var s = 0; s < m; s++)
            for (var j = 0; j < n; j++)
            {
                var k = (s * n) + j;
                minutes[k] = travel.Travel(sites[s].Location, points[j].Location, VehicleKind.Van).DurationSeconds / 60;
                perOrder[k] = ((2 * minutes[k] / request.StopsPerTrip) + request.ServiceMinutes) * request.DeliveryCostCentsPerMinute;
            }
        var nodes = network.Nodes.ToDictionary(x => x.Id, StringComparer.Ordinal);
        double OperatingPerPeriod(CandidateSite site) =>
            (nodes.TryGetValue(site.Id, out var node) ? node.Costs.FixedCostCentsPerDay * 7.0 : site.OpeningCostCents / (double)request.HorizonWeeks) * request.WeeksPerPeriod;
        double OneOffOpening(CandidateSite site) =>
            nodes.TryGetValue(site.Id, out var node) ? node.Costs.OpeningCostCents : site.OpeningCostCents / 4.0;
        var capacitated = request.Problem is DesignProblem.CapacitatedSingleSource or DesignProblem.CapacitatedMultiSource;
        var problem = new MultiPeriodProblem(
            sites.Select(OperatingPerPeriod).ToArray(),
            sites.Select(s => s.CurrentlyOpen ? 0 : OneOffOpening(s)).ToArray(),
            sites.Select(_ => (double)request.ClosingCostCents).ToArray(),
            perOrder,
            weekly.Select(w => (IReadOnlyList<double>)w.Select(x => x * request.WeeksPerPeriod).ToArray()).ToArray())
        {
            InitiallyOpen = sites.Select(s => s.CurrentlyOpen).ToArray(),
            CapacityUnits = capacitated ? sites.Select(s => s.CapacityOrdersPerWeek * request.WeeksPerPeriod).ToArray() : null,
            Sourcing = request.Problem == DesignProblem.CapacitatedSingleSource ? SourcingMode.SingleSource : SourcingMode.MultiSource,
            MinOpenSites = request.MinSites,
            MaxOpenSites = request.MaxSites,
            TravelMinutes = request.EnforcePromise ? minutes : null,
            MaxTravelMinutes = request.EnforcePromise ? points.Select(p => MaxMinutes(p, network, request)).ToArray() : null,
        };
        var plan = MultiPeriodPlanner.Solve(problem, new FacilitySolverOptions { TimeLimit = request.TimeLimit, Seed = request.Seed, Progress = progress }, cancellationToken);
        string Id(int site) => sites[site].Id;
        var periods = plan.Periods.Select(p => new ReplanPeriod(p.Period, p.OpenSites.Select(Id).ToArray(), p.Opened.Select(Id).ToArray(), p.Closed.Select(Id).ToArray(),
            (long)Math.Round(p.OperatingCost), (long)Math.Round(p.AssignmentCost), (long)Math.Round(p.RelocationCost))).ToArray();
        return new ReplanResult(plan.Status, periods, sites, DesignMapping.Finite(plan.LowerBound), DesignMapping.Finite(plan.Gap));
    }

    private static double MaxMinutes(DemandPoint point, NetworkModel network, DesignRequest request)
    {
        var segment = network.Segments.FirstOrDefault(s => s.Id == point.SegmentId);
        return segment is null || segment.Promise.Mode != Domain.Customers.DeliveryMode.Delivery
            ? double.MaxValue
            : Math.Max(1, segment.Promise.MaxLeadTimeMinutes - request.PickMinutes);
    }
}
