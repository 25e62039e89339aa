using Microchain.Domain;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// The demo's seeded draws: streams of the project's generator (<see cref="Xoshiro256"/>) and the distributions the
/// demo city and its orders draw from. A seed gives the same city and orders across .NET versions and machines.
/// </summary>
public sealed class DemoRandom
{
    private readonly Xoshiro256 _core;

    public DemoRandom(int seed) : this(seed, 0) { }

    /// <summary>An independent stream of a seed: parts of the city draw from their own stream, so changing one
    /// option (e.g. the customer count) does not reshuffle the others (e.g. the catalog).</summary>
    public DemoRandom(int seed, ulong stream) =>
        _core = new Xoshiro256(unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ stream * 0xD1B54A32D192ED03UL));

    public ulong NextUInt64() => _core.NextUInt64();

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _core.NextDouble();

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive) => _core.NextInt(maxExclusive);

    /// <summary>Uniform in [minInclusive, maxInclusive].</summary>
    public int NextInt(int minInclusive, int maxInclusive) => minInclusive + NextInt(checked(maxInclusive - minInclusive + 1));

    public double NextDouble(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A standard normal pair (Box–Muller); both values are used by callers that need two.</summary>
    public (double A, double B) NextGaussianPair()
    {
        var u1 = 1.0 - NextDouble(); // (0, 1]: keeps the log finite
        var u2 = NextDouble();
        var r = Math.Sqrt(-2.0 * Math.Log(u1));
        return (r * Math.Cos(2 * Math.PI * u2), r * Math.Sin(2 * Math.PI * u2));
    }

    /// <summary>A log-normal draw with the given median and shape.</summary>
    public double NextLogNormal(double median, double sigma) => median * Math.Exp(sigma * NextGaussianPair().A);

    /// <summary>Failures before the first success, with the given mean (geometric on 0, 1, 2, …).</summary>
    public int NextGeometric(double mean)
    {
        if (mean <= 0) return 0;
        var p = 1.0 / (1.0 + mean);
        var u = 1.0 - NextDouble();
        var k = Math.Floor(Math.Log(u) / Math.Log(1.0 - p));
        return k >= int.MaxValue ? int.MaxValue : (int)k;
    }

    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
