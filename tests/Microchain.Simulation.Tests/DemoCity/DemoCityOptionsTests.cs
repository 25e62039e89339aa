using Microchain.Domain.Geo;
using Microchain.Simulation.DemoCity;
using Xunit;

namespace Microchain.Simulation.Tests.DemoCity;

public sealed class DemoCityOptionsTests
{
    [Fact]
    public void Errors_defaults_none()
    {
        Assert.Empty(new DemoCityOptions().Errors());
    }

    [Fact]
    public void Defaults_areTheIssueCity()
    {
        var options = new DemoCityOptions();
        Assert.Equal((42, 8, 4, 2_000, 20_000, 4), (options.Seed, options.Mfcs, options.Lockers, options.Skus, options.Customers, options.Segments));
        Assert.Equal("Lyon", options.City.Name);
    }

    [Theory]
    [InlineData(0, 2_000, 8, 4, "Customers must be within 1..1,000,000")]
    [InlineData(1_000_001, 2_000, 8, 4, "Customers must be within 1..1,000,000")]
    [InlineData(20_000, 9, 8, 4, "SKUs must be within 10..100,000")]
    [InlineData(20_000, 100_001, 8, 4, "SKUs must be within 10..100,000")]
    [InlineData(20_000, 2_000, 0, 4, "MFCs must be within 1..200")]
    [InlineData(20_000, 2_000, 201, 4, "MFCs must be within 1..200")]
    [InlineData(20_000, 2_000, 8, -1, "Lockers must be within 0..200")]
    [InlineData(20_000, 2_000, 8, 201, "Lockers must be within 0..200")]
    public void Errors_countOutOfRange_namesTheLimit(int customers, int skus, int mfcs, int lockers, string expected)
    {
        var options = new DemoCityOptions { Customers = customers, Skus = skus, Mfcs = mfcs, Lockers = lockers };

        var error = Assert.Single(options.Errors());
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(101.0)]
    [InlineData(double.NaN)]
    public void Errors_scaleOutOfRange_reportsScaleOnly(double scale)
    {
        var error = Assert.Single(new DemoCityOptions { Scale = scale }.Errors());
        Assert.StartsWith("Scale must be within 0.01..100", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_half_halvesTheDemandSide()
    {
        var options = new DemoCityOptions { Scale = 0.5 };

        Assert.Equal((10_000, 4, 2), (options.ScaledCustomers, options.ScaledMfcs, options.ScaledLockers));
        Assert.Equal(2_000, options.Skus);
    }

    [Fact]
    public void Errors_scaledBeyondLimit_saysAfterScale()
    {
        var error = Assert.Single(new DemoCityOptions { Customers = 600_000, Scale = 2 }.Errors());
        Assert.Contains("after scale 2", error, StringComparison.Ordinal);
        Assert.Contains("1,200,000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_severalProblems_listsEach()
    {
        Assert.Equal(3, new DemoCityOptions { Customers = 0, Skus = 5, Mfcs = 0 }.Errors().Count);
    }

    [Fact]
    public void Errors_neighbourhoodOutsideCity_namesIt()
    {
        var far = new Neighbourhood("Grenoble", new GeoPoint(45.1885, 5.7245), 150_000, 800);
        var city = CityProfiles.Lyon with { Neighbourhoods = [.. CityProfiles.Lyon.Neighbourhoods, far] };

        var error = Assert.Single(new DemoCityOptions { City = city }.Errors());
        Assert.Contains("Grenoble", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_cityWithoutNeighbourhoods_isReported()
    {
        var city = CityProfiles.Lyon with { Neighbourhoods = [] };

        Assert.Contains(new DemoCityOptions { City = city }.Errors(), e => e.StartsWith("City must have 1..200 neighbourhoods", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_invalidOptions_throwsWithEveryMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => DemoCityGenerator.Generate(new DemoCityOptions { Customers = 0, Mfcs = 500 }));

        Assert.Contains("Customers must be within", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MFCs must be within", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LyonProfile_isValidAndRealSized()
    {
        var lyon = CityProfiles.Lyon;

        Assert.Empty(lyon.Errors());
        Assert.InRange(lyon.Neighbourhoods.Count, 12, 25);
        Assert.All(lyon.Neighbourhoods, n => Assert.InRange(lyon.Center.HaversineMetersTo(n.Center), 0, 12_000));
    }
}
