namespace Microchain.Simulation.DemoCity;

/// <summary>
/// A small seeded generator (xoshiro256**, seeded through SplitMix64). Its sequence is fixed by this code, not by
/// the runtime, so a demo city and its orders stay the same for a seed across .NET versions and machines.
/// </summary>
public sealed class DemoRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DemoRandom(int seed) : this(seed, 0) { }

    /// <summary>An independent stream of a seed: parts of the city draw from their own stream, so changing one
    /// option (e.g. the customer count) does not reshuffle the others (e.g. the catalog).</summary>
    public DemoRandom(int seed, ulong stream)
    {
        var x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive); Lemire's multiply-shift (bias below 2^-32 for these sizes).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "must be positive");
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

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

    private static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
