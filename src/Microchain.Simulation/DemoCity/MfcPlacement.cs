namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Puts MFCs where demand is: weighted k-means (k-means++ start, Lloyd iterations) over customer homes, each
/// customer weighted by its expected orders. Runs on an even subsample so a million customers stay cheap.
/// </summary>
internal static class MfcPlacement
{
    public const int MaxPoints = 20_000;
    public const int MaxIterations = 60;

    public static (double X, double Y)[] Place(int k, IReadOnlyList<(double X, double Y)> homes, IReadOnlyList<double> weights,
        CityDensity density, DemoRandom random)
    {
        var points = new List<(double X, double Y)>();
        var pointWeights = new List<double>();
        var stride = Math.Max(1, (homes.Count + MaxPoints - 1) / MaxPoints);
        for (var i = 0; i < homes.Count; i += stride)
        {
            points.Add(homes[i]);
            pointWeights.Add(Math.Max(weights[i], 1e-6));
        }
        // A tiny city with fewer customers than MFCs still gets distinct sites: top up from the population.
        while (points.Count < 4 * k)
        {
            points.Add(density.Sample(random, out _));
            pointWeights.Add(1e-3);
        }

        var pointArray = points.ToArray();
        var weightArray = pointWeights.ToArray();
        var centers = SeedPlusPlus(k, pointArray, weightArray, random);
        var assignment = new int[pointArray.Length];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var changed = 0;
            for (var i = 0; i < pointArray.Length; i++)
            {
                var nearest = LocalFrame.Nearest(pointArray[i], centers);
                if (nearest != assignment[i] || iteration == 0) changed++;
                assignment[i] = nearest;
            }
            if (changed == 0) break;
            var sumX = new double[k];
            var sumY = new double[k];
            var sumW = new double[k];
            for (var i = 0; i < pointArray.Length; i++)
            {
                var c = assignment[i];
                sumX[c] += pointArray[i].X * weightArray[i];
                sumY[c] += pointArray[i].Y * weightArray[i];
                sumW[c] += weightArray[i];
            }
            for (var c = 0; c < k; c++)
            {
                // An emptied cluster keeps its site rather than collapsing onto another.
                if (sumW[c] > 0) centers[c] = (sumX[c] / sumW[c], sumY[c] / sumW[c]);
            }
        }
        return centers;
    }

    private static (double X, double Y)[] SeedPlusPlus(int k, (double X, double Y)[] points, double[] weights, DemoRandom random)
    {
        var centers = new (double X, double Y)[k];
        var best = new double[points.Length];
        centers[0] = points[new AliasTable(weights).Sample(random)];
        for (var i = 0; i < points.Length; i++) best[i] = LocalFrame.SquaredDistance(points[i], centers[0]);
        var score = new double[points.Length];
        for (var c = 1; c < k; c++)
        {
            var total = 0.0;
            for (var i = 0; i < points.Length; i++) total += score[i] = best[i] * weights[i];
            var target = random.NextDouble() * total;
            var chosen = points.Length - 1;
            for (var i = 0; i < points.Length; i++)
            {
                target -= score[i];
                if (target < 0 && score[i] > 0)
                {
                    chosen = i;
                    break;
                }
            }
            centers[c] = points[chosen];
            for (var i = 0; i < points.Length; i++) best[i] = Math.Min(best[i], LocalFrame.SquaredDistance(points[i], centers[c]));
        }
        return centers;
    }
}
