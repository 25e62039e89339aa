using Microchain.Simulation.DemoCity;
using GeneratedCity = Microchain.Simulation.DemoCity.DemoCity;
using Xunit;

namespace Microchain.Simulation.Tests.DemoCity;

public sealed class DemoOrderHistoryTests
{
    private static readonly GeneratedCity City = DemoCities.Default;
    private static readonly DateOnly First = new(2026, 3, 1);

    [Fact]
    public void Draw_gives_each_day_its_expected_orders_in_day_order()
    {
        var perDay = (int)Math.Round(new DemoOrderGenerator(City, 5, null).ExpectedOrdersPerDay);
        var drawn = new List<(int Day, int Orders)>();
        var orders = DemoOrderHistory.Draw(City, 5, First, 3, (day, count) => drawn.Add((day, count))).ToList();

        Assert.Equal([(0, perDay), (1, perDay), (2, perDay)], drawn);
        Assert.Equal(3 * perDay, orders.Count);
        for (var day = 0; day < 3; day++)
            Assert.All(orders.Skip(day * perDay).Take(perDay), o => Assert.Equal(day, o.Day));
    }

    [Fact]
    public void Draw_same_seed_same_orders_other_seed_other_orders()
    {
        static string[] Keys(int seed) =>
            [.. DemoOrderHistory.Draw(City, seed, First, 2).Select(o => $"{o.Day}|{o.Order.CustomerId}|{string.Join(',', o.Order.Lines.Select(l => $"{l.SkuId}x{l.Quantity}"))}")];
        Assert.Equal(Keys(9), Keys(9));
        Assert.NotEqual(Keys(9), Keys(10));
    }
}
