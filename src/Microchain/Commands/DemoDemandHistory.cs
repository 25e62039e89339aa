using Microchain.Planning.Replenishment;
using Microchain.Simulation.DemoCity;

namespace Microchain.Cli.Commands;

/// <summary>
/// A seeded demand history for the demo city when none is given (<see cref="DemoOrderHistory"/>), each order's units
/// counted at its customer's home MFC and segment. Same seed, same history.
/// </summary>
internal static class DemoDemandHistory
{
    public static ReplenishmentHistory.Loaded Draw(DemoCity city, int days, DateOnly lastDay, int seed)
    {
        var home = new Dictionary<string, (string Mfc, string Segment)>(StringComparer.Ordinal);
        for (var i = 0; i < city.Network.Customers.Count; i++)
            home[city.Network.Customers[i].Id] = (city.CustomerHomeMfcIds[i], city.Network.Customers[i].SegmentId);
        var series = new Dictionary<(string, string), double[]>();
        var segments = new Dictionary<(string, string), double>();
        foreach (var (d, order) in DemoOrderHistory.Draw(city, seed, lastDay.AddDays(1 - days), days))
        {
            var (mfc, segment) = home[order.CustomerId];
            foreach (var line in order.Lines)
            {
                if (!series.TryGetValue((mfc, line.SkuId), out var history)) series[(mfc, line.SkuId)] = history = new double[days];
                history[d] += line.Quantity;
                segments[(mfc, segment)] = segments.GetValueOrDefault((mfc, segment)) + line.Quantity;
            }
        }
        return new ReplenishmentHistory.Loaded(
            [.. series.Select(s => new DemandHistoryLine(s.Key.Item1, s.Key.Item2, s.Value))],
            [.. segments.Select(s => new SegmentDemand(s.Key.Item1, s.Key.Item2, s.Value))],
            lastDay);
    }
}
