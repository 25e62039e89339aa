namespace Microchain.Domain.Geo;

/// <summary>A user-supplied matrix of distances and durations between known points (e.g. from a road router).</summary>
public sealed class MatrixTravelModel : ITravelModel
{
    private readonly Dictionary<GeoPoint, int> _index;
    private readonly double[,] _meters;
    private readonly double[,] _seconds;

    public MatrixTravelModel(IReadOnlyList<GeoPoint> points, double[,] meters, double[,] seconds)
    {
        var n = points.Count;
        Guard.That(meters.GetLength(0) == n && meters.GetLength(1) == n, "travel.matrix", $"distance matrix must be {n}×{n}");
        Guard.That(seconds.GetLength(0) == n && seconds.GetLength(1) == n, "travel.matrix", $"duration matrix must be {n}×{n}");
        _index = new Dictionary<GeoPoint, int>(n);
        for (var i = 0; i < n; i++)
        {
            Guard.That(_index.TryAdd(points[i], i), "travel.matrix", $"point {points[i]} appears twice in the matrix");
            for (var j = 0; j < n; j++)
            {
                Guard.That(meters[i, j] >= 0 && seconds[i, j] >= 0 && double.IsFinite(meters[i, j]) && double.IsFinite(seconds[i, j]),
                    "travel.matrix", $"matrix entry [{i},{j}] must be finite and non-negative");
            }
        }
        _meters = meters;
        _seconds = seconds;
    }

    /// <summary>The same matrix for every vehicle kind: a road router's car matrix is the usual input.</summary>
    public TravelLeg Travel(GeoPoint from, GeoPoint to, VehicleKind kind)
    {
        if (!_index.TryGetValue(from, out var i) || !_index.TryGetValue(to, out var j))
            throw new DomainException("travel.unknown_point", $"no matrix entry for {from} → {to}");
        return new TravelLeg(_meters[i, j], _seconds[i, j]);
    }
}
