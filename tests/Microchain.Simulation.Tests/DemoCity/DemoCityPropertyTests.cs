using CsCheck;
using Microchain.Simulation.DemoCity;
using Xunit;

namespace Microchain.Simulation.Tests.DemoCity;

public sealed class DemoCityPropertyTests
{
    [Fact]
    public void Generate_anySmallOptions_givesAValidCityThatFits()
    {
        // Small cities keep this fast; the corners (1 customer, 10 SKUs, no lockers, many MFCs) are in range.
        Gen.Select(Gen.Int, Gen.Int[1, 3_000], Gen.Int[10, 400], Gen.Int[1, 12], Gen.Int[0, 6], Gen.Double[0.5, 2.0])
            .Sample((seed, customers, skus, mfcs, lockers, scale) =>
            {
                var options = new DemoCityOptions { Seed = seed, Customers = customers, Skus = skus, Mfcs = mfcs, Lockers = lockers, Scale = scale };
                var city = DemoCityGenerator.Generate(options);

                CityInvariants.AssertValid(city);
                var order = new DemoOrderGenerator(city, seed).Next(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
                Assert.NotEmpty(order.Lines);
            }, iter: 25);
    }
}
