using Xunit;
using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Planning.NetworkDesign;
using Microchain.Planning.NetworkDesign.FromData;

namespace Microchain.Planning.Tests.NetworkDesign;

public sealed class NetworkDesignerTests
{
    private static readonly GeoPoint Center = new(45.76, 4.84);
    private static readonly HaversineTravelModel Travel = new();

    private static GeoPoint Offset(double northKm, double eastKm) =>
        new(Center.Lat + (northKm / 111.32), Center.Lon + (eastKm / (111.32 * Math.Cos(Center.Lat * Math.PI / 180))));

    private static Node Mfc(string id, GeoPoint at, int pickPerHour = 200, NodeLifecycle lifecycle = NodeLifecycle.Open) => new()
    {
        Id = id, Name = id, Kind = NodeKind.Mfc, Location = at, Storage = new StorageCapacity(1000, 100, 100, 500),
        PickCapacityPerHour = pickPerHour, Hours = new OperatingHours(new TimeOnly(7, 0), new TimeOnly(23, 0)),
        Costs = new NodeCosts(50_000, 20, 1_000_000), Lifecycle = lifecycle,
    };

    /// <summary>Two neighbourhoods 8 km apart, an MFC in each and one in the middle; express customers need ≤ 5 min of travel.</summary>
    private static NetworkModel City()
    {
        var west = Enumerable.Range(0, 40).Select(i => Offset(i % 5 * 0.2, -4 + (i / 5 * 0.1)));
        var east = Enumerable.Range(0, 40).Select(i => Offset(i % 5 * 0.2, 4 + (i / 5 * 0.1)));
        var customers = west.Concat(east).Select((p, i) => new Customer { Id = $"C{i}", SegmentId = "express", Location = p }).ToArray();
        return new NetworkModel
        {
            Name = "two towns",
            Nodes = [Mfc("WEST", Offset(0.4, -3.8)), Mfc("EAST", Offset(0.4, 4.2)), Mfc("MID", Offset(0, 0))],
            Segments = [new Segment { Id = "express", Name = "express", Promise = new ServicePromise(DeliveryMode.Delivery, 15), OrdersPerCustomerPerWeek = 2 }],
            Customers = customers,
        };
    }

    private static DesignResult Design(DesignRequest request) =>
        NetworkDesigner.Design(City(), DemandSamples.FromCustomers(City()), request with { TimeLimit = null }, Travel,
            cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Capacitated_single_source_serves_each_point_once_within_capacity_and_promise()
    {
        var design = Design(new DesignRequest { Problem = DesignProblem.CapacitatedSingleSource, CellMeters = 500 });
        Assert.Equal(SolveStatus.Optimal, design.Status);
        Assert.All(design.DemandPoints, p => Assert.Single(design.Assignments, a => a.DemandPointId == p.Id));
        Assert.All(design.Sites.Where(s => s.Open), s => Assert.True(s.AssignedOrdersPerWeek <= s.CapacityOrdersPerWeek + 1e-6));
        Assert.Equal(1.0, design.ShareWithinPromise, 6);
        Assert.Equal(["EAST", "WEST"], design.Sites.Where(s => s.Open).Select(s => s.Id).Order());
        Assert.Equal(design.Cost.TotalCents, design.Objective!.Value, 0);
    }

    [Fact]
    public void Forced_sites_are_honoured()
    {
        var design = Design(new DesignRequest { Problem = DesignProblem.Uncapacitated, ForceOpen = ["MID"], ForceClosed = ["EAST"], EnforcePromise = false });
        var open = design.Sites.Where(s => s.Open).Select(s => s.Id).ToArray();
        Assert.Contains("MID", open);
        Assert.DoesNotContain("EAST", open);
    }

    [Fact]
    public void Coverage_with_one_site_covers_one_town()
    {
        var design = Design(new DesignRequest { Problem = DesignProblem.MaximalCoverage, MaxSites = 1, CoverMinutes = 6 });
        var site = Assert.Single(design.Sites, s => s.Open);
        Assert.NotEqual("MID", site.Id);
        Assert.Equal(SolveStatus.Optimal, design.Status);
        Assert.Equal(40 * 2 * 52, design.Cost.UncoveredOrdersPerHorizon);
    }

    [Fact]
    public void Extra_candidates_can_replace_existing_sites_and_become_open_mfcs_in_the_scenario()
    {
        var design = Design(new DesignRequest { Problem = DesignProblem.PMedian, MaxSites = 2, ExtraCandidates = 4, CellMeters = 500 });
        Assert.Equal(2, design.Sites.Count(s => s.Open));
        var scenario = DesignScenario.Apply(City(), design);
        foreach (var site in design.Sites.Where(s => s.Open))
            Assert.Equal(NodeLifecycle.Open, Assert.Single(scenario.Nodes, n => n.Id == site.Id).Lifecycle);
        foreach (var site in design.Sites.Where(s => !s.Open && s.Existing))
            Assert.Equal(NodeLifecycle.Closing, Assert.Single(scenario.Nodes, n => n.Id == site.Id).Lifecycle);
        Assert.All(scenario.Nodes, n => n.Validate());
    }

    [Fact]
    public void Svg_map_draws_every_site_and_demand_point()
    {
        var design = Design(new DesignRequest { Problem = DesignProblem.Uncapacitated, CellMeters = 500 });
        var svg = DesignSvg.Render(design, "two towns");
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Equal(design.Sites.Count, CountOf(svg, "<rect x="));
        Assert.Equal(design.DemandPoints.Count, CountOf(svg, "<circle"));
        Assert.Equal(design.Assignments.Count, CountOf(svg, "<line"));
    }

    [Theory]
    [InlineData(DesignProblem.PMedian, null, 1000.0)]
    [InlineData(DesignProblem.Uncapacitated, 0, 1000.0)]
    [InlineData(DesignProblem.Uncapacitated, null, 10.0)]
    public void Bad_requests_are_refused_with_the_reason(DesignProblem problem, int? maxSites, double cellMeters)
    {
        var ex = Assert.Throws<ArgumentException>(() => Design(new DesignRequest { Problem = problem, MaxSites = maxSites, CellMeters = cellMeters }));
        Assert.Contains("invalid design request", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_forced_site_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Design(new DesignRequest { ForceOpen = ["NOPE"] }));
        Assert.Contains("NOPE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replanning_follows_demand_that_moves_from_west_to_east()
    {
        var samples = DemandSamples.FromCustomers(City());
        IReadOnlyList<DemandSample> West(double share) => samples.Select(d => d with { OrdersPerWeek = d.OrdersPerWeek * (d.Location.Lon < Center.Lon ? share : 1 - share) }).ToArray();
        var plan = NetworkReplanner.Plan(City(), [West(1), West(1), West(0), West(0)],
            new DesignRequest { Problem = DesignProblem.Uncapacitated, EnforcePromise = false, ClosingCostCents = 0, TimeLimit = null, CellMeters = 500 }, Travel,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(4, plan.Periods.Count);
        Assert.Equal(["WEST"], plan.Periods[0].OpenSites);
        Assert.Equal(["EAST"], plan.Periods[3].OpenSites);
        Assert.Contains("EAST", plan.Periods[2].Opened);
        Assert.Equal(plan.TotalCents, plan.Periods.Sum(p => p.OperatingCents + p.DeliveryCents + p.RelocationCents));
        Assert.True(plan.LowerBoundCents!.Value <= plan.TotalCents + 1);
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
