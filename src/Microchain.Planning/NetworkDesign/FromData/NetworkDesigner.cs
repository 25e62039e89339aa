using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;

namespace Microchain.Planning.NetworkDesign.FromData;

/// <summary>
/// Turns a network and its demand into a facility-location instance (candidate sites, aggregated demand points,
/// travel times from the travel model, costs over a horizon), solves it, and maps the answer back to sites and ids.
/// </summary>
public static class NetworkDesigner
{
    public static DesignResult Design(NetworkModel network, IReadOnlyList<DemandSample> demand, DesignRequest request, ITravelModel travel,
        IProgress<FacilitySolverProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var problems = request.Problems();
        if (problems.Count > 0) throw new ArgumentException("invalid design request: " + string.Join("; ", problems), nameof(request));
        var points = DemandGrid.Aggregate(demand, request.CellMeters);
        if (points.Count == 0) throw new ArgumentException("there is no demand to design for", nameof(demand));
        var sites = CandidateSites.From(network, points, request);
        var segments = network.Segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        int m = sites.Count, n = points.Count;

        var minutes = new double[m * n];
        for (var s = 0; s < m; s++)
            for (var j = 0; j < n; j++)
                minutes[(s * n) + j] = travel.Travel(sites[s].Location, points[j].Location, VehicleKind.Van).DurationSeconds / 60;
        var maxMinutes = points.Select(p => MaxTravelMinutes(p, segments, request)).ToArray();
        var statuses = Statuses(sites, request);
        var options = new FacilitySolverOptions { TimeLimit = request.TimeLimit, Seed = request.Seed, Progress = progress };

        if (request.Problem == DesignProblem.MaximalCoverage)
        {
            var coverage = MaximalCoverageSolver.Solve(new MaximalCoverageProblem(minutes, points.Select(p => p.OrdersPerWeek).ToArray(),
                Enumerable.Repeat(request.CoverMinutes, n).ToArray())
            {
                MaxOpenSites = request.MaxSites,
                SiteStatuses = statuses,
                Budget = request.BudgetCents,
                SiteCost = request.BudgetCents is null ? null : sites.Select(s => (double)s.OpeningCostCents).ToArray(),
            }, options, cancellationToken);
            var assignments = new List<(int Site, int Point, double Share)>();
            for (var j = 0; j < n; j++)
                if (coverage.CoveringSite[j] >= 0) assignments.Add((coverage.CoveringSite[j], j, 1));
            return DesignMapping.Build(request, sites, points, minutes, maxMinutes, coverage.OpenSites, assignments, coverage.Status,
                coverage.TotalDemandUnits - coverage.CoveredDemandUnits, coverage.TotalDemandUnits - coverage.UpperBoundDemandUnits,
                coverage.Gap, coverage.Nodes, coverage.Elapsed);
        }

        var perOrder = new double[m * n];
        for (var k = 0; k < perOrder.Length; k++)
            perOrder[k] = ((2 * minutes[k] / request.StopsPerTrip) + request.ServiceMinutes) * request.DeliveryCostCentsPerMinute;
        var assignmentCost = new double[m * n];
        for (var k = 0; k < assignmentCost.Length; k++) assignmentCost[k] = points[k % n].OrdersPerWeek * request.HorizonWeeks * perOrder[k];
        var capacitated = request.Problem is DesignProblem.CapacitatedSingleSource or DesignProblem.CapacitatedMultiSource;
        var isPMedian = request.Problem == DesignProblem.PMedian;
        var problem = new FacilityProblem(isPMedian ? new double[m] : sites.Select(s => (double)s.OpeningCostCents).ToArray(),
            points.Select(p => p.OrdersPerWeek).ToArray(), assignmentCost)
        {
            CapacityUnits = capacitated ? sites.Select(s => s.CapacityOrdersPerWeek).ToArray() : null,
            Sourcing = request.Problem == DesignProblem.CapacitatedMultiSource ? SourcingMode.MultiSource : SourcingMode.SingleSource,
            SiteStatuses = statuses,
            MinOpenSites = isPMedian ? request.MaxSites!.Value : request.MinSites,
            MaxOpenSites = request.MaxSites,
            OpeningBudget = request.BudgetCents,
            BudgetCost = request.BudgetCents is null ? null : sites.Select(s => (double)s.OpeningCostCents).ToArray(),
            TravelMinutes = request.EnforcePromise ? minutes : null,
            MaxTravelMinutes = request.EnforcePromise ? maxMinutes : null,
        };
        var solution = FacilityLocationSolver.Solve(problem, options, cancellationToken);
        return DesignMapping.Build(request, sites, points, minutes, maxMinutes, solution.OpenSites,
            solution.Assignments.Select(a => (a.Site, a.Customer, a.Fraction)).ToList(), solution.Status,
            solution.Objective, solution.LowerBound, solution.Gap, solution.Nodes, solution.Elapsed);
    }

    /// <summary>How far a demand point may be from its site: its segment's delivery promise less picking; pickups and long promises are not bound.</summary>
    private static double MaxTravelMinutes(DemandPoint point, Dictionary<string, Segment> segments, DesignRequest request)
    {
        if (!request.EnforcePromise || !segments.TryGetValue(point.SegmentId, out var segment) || segment.Promise.Mode != DeliveryMode.Delivery)
            return double.MaxValue;
        return Math.Max(1, segment.Promise.MaxLeadTimeMinutes - request.PickMinutes);
    }

    private static SiteStatus[] Statuses(IReadOnlyList<CandidateSite> sites, DesignRequest request)
    {
        var ids = sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in request.ForceOpen.Concat(request.ForceClosed))
            if (!ids.Contains(id)) throw new ArgumentException($"forced site '{id}' is not a candidate (MFCs, dark stores and stores of the network, or NEW-nn)");
        return sites.Select(s => request.ForceOpen.Contains(s.Id) ? SiteStatus.ForcedOpen
            : request.ForceClosed.Contains(s.Id) ? SiteStatus.ForcedClosed : SiteStatus.Free).ToArray();
    }
}
