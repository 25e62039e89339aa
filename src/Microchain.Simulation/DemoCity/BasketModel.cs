namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Basket shape shared by the order generator and the stocking plan, so stock is sized for the orders drawn:
/// lines = 1 + two geometric draws (a negative binomial: a few small baskets, a long tail), capped at 30;
/// quantity 1–5, mostly 1.
/// </summary>
internal static class BasketModel
{
    public const int MaxLines = 30;
    public const int MaxQuantity = 5;
    private static readonly double[] QuantityCumulative = [0.70, 0.88, 0.95, 0.98, 1.0];
    public const double MeanQuantity = 0.70 * 1 + 0.18 * 2 + 0.07 * 3 + 0.03 * 4 + 0.02 * 5;

    public static int DrawLines(double meanLines, DemoRandom random)
    {
        var half = (meanLines - 1) / 2;
        var lines = 1L + random.NextGeometric(half) + random.NextGeometric(half);
        return (int)Math.Min(MaxLines, lines);
    }

    public static int DrawQuantity(DemoRandom random)
    {
        var u = random.NextDouble();
        var q = 0;
        while (q < QuantityCumulative.Length - 1 && u >= QuantityCumulative[q]) q++;
        return q + 1;
    }

    /// <summary>E[min(30, 1 + K)] for K negative binomial (r = 2) with mean <paramref name="meanLines"/> − 1.</summary>
    public static double ExpectedLines(double meanLines)
    {
        var half = (meanLines - 1) / 2;
        if (half <= 0) return 1;
        var p = 1.0 / (1.0 + half);
        double expected = 0, mass = 0;
        for (var k = 0; k < MaxLines - 1; k++)
        {
            var pk = (k + 1) * p * p * Math.Pow(1 - p, k);
            expected += (1 + k) * pk;
            mass += pk;
        }
        return expected + MaxLines * Math.Max(0, 1 - mass);
    }
}
