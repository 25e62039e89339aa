using Microchain.Simulation.DemoCity;
using Xunit;

namespace Microchain.Simulation.Tests.DemoCity;

public sealed class SamplingTests
{
    [Fact]
    public void DemoRandom_sameSeedAndStream_sameSequence()
    {
        var a = new DemoRandom(42, 3);
        var b = new DemoRandom(42, 3);
        var c = new DemoRandom(42, 4);

        var first = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 100).Select(_ => c.NextUInt64()));
    }

    [Fact]
    public void DemoRandom_draws_stayInTheirRanges()
    {
        var random = new DemoRandom(1);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.NextDouble(), 0.0, 0.9999999999999999);
            Assert.InRange(random.NextInt(7), 0, 6);
            Assert.InRange(random.NextInt(-3, 3), -3, 3);
            Assert.True(random.NextGeometric(2.5) >= 0);
        }
    }

    [Fact]
    public void DemoRandom_geometric_hasTheRequestedMean()
    {
        var random = new DemoRandom(9);

        Assert.InRange(Enumerable.Range(0, 50_000).Average(_ => random.NextGeometric(4.0)), 3.9, 4.1);
    }

    [Fact]
    public void AliasTable_sample_followsTheWeights()
    {
        var table = new AliasTable([1.0, 0.0, 3.0, 6.0]);
        var random = new DemoRandom(5);
        var counts = new int[4];

        for (var i = 0; i < 100_000; i++) counts[table.Sample(random)]++;

        Assert.Equal(0, counts[1]);
        Assert.InRange(counts[0], 9_500, 10_500);
        Assert.InRange(counts[2], 29_300, 30_700);
        Assert.InRange(counts[3], 59_300, 60_700);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { 1.0, -1.0 })]
    [InlineData(new[] { 1.0, double.NaN })]
    public void AliasTable_badWeights_throw(double[] weights)
    {
        Assert.Throws<ArgumentException>(() => new AliasTable(weights));
    }
}
