using Microchain.Domain.Customers;
using Microchain.Domain.Orders;
using Microchain.Simulation.DemoCity;
using GeneratedCity = Microchain.Simulation.DemoCity.DemoCity;
using Xunit;

namespace Microchain.Simulation.Tests.DemoCity;

public sealed class DemoOrderGeneratorTests
{
    private static readonly GeneratedCity City = DemoCities.Default;
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 17, 0, TimeSpan.FromHours(1));
    private static readonly Lazy<IReadOnlyList<DemoOrder>> SharedOrders = new(() => new DemoOrderGenerator(City, seed: 1).Next(20_000, Now));
    private static IReadOnlyList<DemoOrder> Orders => SharedOrders.Value;

    [Fact]
    public void Next_sameSeed_identicalOrders()
    {
        var again = new DemoOrderGenerator(City, seed: 1).Next(2_000, Now);

        Assert.Equal(Orders.Take(2_000).Select(Key), again.Select(Key));
    }

    [Fact]
    public void Next_differentSeed_differentOrders()
    {
        var other = new DemoOrderGenerator(City, seed: 2).Next(200, Now);

        Assert.NotEqual(Orders.Take(200).Select(Key), other.Select(Key));
    }

    [Fact]
    public void Next_ids_followThePrefixOrAreLeftToTheCaller()
    {
        Assert.Equal("ORD-000000001", Orders[0].OrderId);
        Assert.Equal("ORD-000020000", Orders[^1].OrderId);
        Assert.Null(new DemoOrderGenerator(City, 1, orderIdPrefix: null).Next(Now).OrderId);
    }

    [Fact]
    public void Next_lines_areDistinctSkusWithSmallQuantities()
    {
        var skuIds = City.Network.Skus.Select(s => s.Id).ToHashSet();
        Assert.All(Orders, o =>
        {
            Assert.InRange(o.Lines.Count, 1, 30);
            Assert.Equal(o.Lines.Count, o.Lines.Select(l => l.SkuId).Distinct().Count());
            Assert.All(o.Lines, l => Assert.Contains(l.SkuId, skuIds));
            Assert.All(o.Lines, l => Assert.InRange(l.Quantity, 1, 5));
        });
        var lines = Orders.SelectMany(o => o.Lines).ToArray();
        Assert.InRange(lines.Count(l => l.Quantity == 1) / (double)lines.Length, 0.65, 0.75);
    }

    [Fact]
    public void Next_orders_canBeCapturedByTheDomain()
    {
        foreach (var o in Orders.Take(1_000))
            _ = Order.Capture(o.OrderId!, o.CustomerId, o.Lines, o.DeliverTo, o.LockerId, o.Window, Now);
    }

    [Fact]
    public void Next_segmentShares_followCustomerVolume()
    {
        var customers = City.Network.Customers.ToDictionary(c => c.Id);
        var segments = City.Network.Segments.ToDictionary(s => s.Id);
        var expectedWeight = City.Network.Customers.GroupBy(c => c.SegmentId).ToDictionary(g => g.Key, g => g.Count() * segments[g.Key].OrdersPerCustomerPerWeek);
        var total = expectedWeight.Values.Sum();
        var actual = Orders.GroupBy(o => customers[o.CustomerId].SegmentId).ToDictionary(g => g.Key, g => g.Count() / (double)Orders.Count);

        Assert.All(expectedWeight, kv => Assert.InRange(actual[kv.Key], kv.Value / total - 0.02, kv.Value / total + 0.02));
    }

    [Fact]
    public void Next_basketSizes_matchTheSegmentShapes()
    {
        var customers = City.Network.Customers.ToDictionary(c => c.Id);
        var mean = Orders.GroupBy(o => customers[o.CustomerId].SegmentId).ToDictionary(g => g.Key, g => g.Average(o => o.Lines.Count));

        Assert.InRange(mean["express-30min"], 4.5, 7);
        Assert.InRange(mean["next-day-planned"], 14, 19);
        Assert.True(mean["express-30min"] < mean["same-day"] && mean["same-day"] < mean["next-day-planned"]);
    }

    [Fact]
    public void Next_skus_comeFromTheSegmentVarietyByPopularity()
    {
        var customers = City.Network.Customers.ToDictionary(c => c.Id);
        var ranked = City.SkuPopularity.Select((w, i) => (w, i)).OrderByDescending(x => x.w).Select(x => City.Network.Skus[x.i].Id).ToArray();
        var express = City.Network.Segments.Single(s => s.Id == "express-30min");
        var expressRange = ranked.Take(express.VarietySkus).ToHashSet();
        var counts = Orders.SelectMany(o => o.Lines).GroupBy(l => l.SkuId).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(Orders.Where(o => customers[o.CustomerId].SegmentId == "express-30min").SelectMany(o => o.Lines), l => Assert.Contains(l.SkuId, expressRange));
        Assert.True(counts[ranked[0]] > 3 * counts.GetValueOrDefault(ranked[200]));
        Assert.True(counts[ranked[0]] > 10 * counts.GetValueOrDefault(ranked[1_500]));
    }

    [Fact]
    public void Next_pickupOrders_goToTheCustomersLocker()
    {
        var customers = City.Network.Customers.ToDictionary(c => c.Id);
        foreach (var o in Orders)
        {
            var customer = customers[o.CustomerId];
            if (customer.SegmentId == "locker-pickup")
            {
                Assert.Equal(customer.LockerId, o.LockerId);
                Assert.Equal(City.Network.FindNode(customer.LockerId!)!.Location, o.DeliverTo);
            }
            else
            {
                Assert.Null(o.LockerId);
                Assert.Equal(customer.Location, o.DeliverTo);
            }
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(9, 17)]
    [InlineData(21, 40)]
    [InlineData(23, 59)]
    public void Next_windows_keepTheSegmentPromise(int hour, int minute)
    {
        var now = new DateTimeOffset(2026, 3, 14, hour, minute, 0, TimeSpan.FromHours(1));
        var generator = new DemoOrderGenerator(City, seed: 5);
        var customers = City.Network.Customers.ToDictionary(c => c.Id);
        var segments = City.Network.Segments.ToDictionary(s => s.Id);

        foreach (var o in generator.Next(2_000, now))
        {
            var segment = segments[customers[o.CustomerId].SegmentId];
            var (start, end) = (o.Window.Start, o.Window.End);
            Assert.True(end > start && start >= now);
            Assert.True(end <= now.AddMinutes(segment.Promise.MaxLeadTimeMinutes), $"{segment.Id}: {o.Window} from {now}");
            switch (segment.Id)
            {
                case "express-30min":
                    Assert.Equal((now, now.AddMinutes(30)), (start, end));
                    break;
                case "same-day" or "next-day-planned":
                    Assert.Equal(TimeSpan.FromHours(2), end - start);
                    Assert.Equal(0, start.Minute);
                    Assert.True(start >= now.AddHours(1));
                    break;
                case "locker-pickup":
                    Assert.Equal(now.AddHours(24), end);
                    break;
            }
            if (segment.Id == "next-day-planned")
            {
                Assert.Equal(DateOnly.FromDateTime(now.DateTime).AddDays(1), DateOnly.FromDateTime(start.DateTime));
                Assert.InRange(start.Hour, 8, 20);
            }
        }
    }

    [Fact]
    public void ExpectedOrdersPerDay_matchesSegmentFrequencies()
    {
        var segments = City.Network.Segments.ToDictionary(s => s.Id);
        var expected = City.Network.Customers.Sum(c => segments[c.SegmentId].OrdersPerCustomerPerWeek) / 7;

        Assert.Equal(expected, new DemoOrderGenerator(City, 1).ExpectedOrdersPerDay, 6);
        Assert.InRange(expected, 2_000, 4_500);
    }

    [Fact]
    public void Constructor_cityWithoutCustomers_throws()
    {
        var empty = City with { Network = City.Network with { Customers = [] } };

        Assert.Throws<ArgumentException>(() => new DemoOrderGenerator(empty, 1));
    }

    private static string Key(DemoOrder o) =>
        $"{o.OrderId}|{o.CustomerId}|{string.Join(',', o.Lines)}|{o.DeliverTo}|{o.LockerId}|{o.Window}";
}
