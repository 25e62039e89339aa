using Xunit;
using Microchain.Domain.NetworkFiles;

namespace Microchain.Simulation.Tests.DemoCity;

/// <summary>The demo writes its city to network.json and initial-stock.csv and reads them back on every start.</summary>
public sealed class DemoCityFileTests
{
    [Fact]
    public void Demo_city_network_and_stock_files_parse_back_without_errors()
    {
        var city = DemoCities.Default;
        var parsed = NetworkFile.Parse(NetworkFile.Write(city.Network), "network.json");
        Assert.Empty(parsed.Errors);
        Assert.Equal(city.Network.Contracts.Count, parsed.Network!.Contracts.Count);

        var csv = StockCsv.Write(city.Stock.Select(s => new StockRow(s.NodeId, s.SkuId, s.OnHand, s.Capacity, s.SafetyStock)));
        var stock = StockCsv.Parse(csv, "initial-stock.csv", parsed.Network);
        Assert.Empty(stock.Errors);
        Assert.Equal(city.Stock.Count, stock.Rows.Count);
    }
}
