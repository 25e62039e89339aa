namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Weighted sampling in O(1) per draw (Vose's alias method): one uniform number picks a column and a coin
/// inside it. Building is O(n); drawing SKUs and customers for orders is then independent of catalog size.
/// </summary>
public sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    public AliasTable(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var n = weights.Count;
        if (n == 0) throw new ArgumentException("an alias table needs at least one weight", nameof(weights));
        var total = 0.0;
        foreach (var w in weights)
        {
            if (!double.IsFinite(w) || w < 0) throw new ArgumentException($"weight {w} must be finite and non-negative", nameof(weights));
            total += w;
        }
        if (total <= 0) throw new ArgumentException("at least one weight must be positive", nameof(weights));

        _probability = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).Push(l);
        }
        // Left-overs are 1 up to rounding error.
        while (large.Count > 0) Fill(large.Pop());
        while (small.Count > 0) Fill(small.Pop());

        void Fill(int i)
        {
            _probability[i] = 1.0;
            _alias[i] = i;
        }
    }

    public int Count => _probability.Length;

    /// <summary>Draws an index with probability proportional to its weight.</summary>
    public int Sample(DemoRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var x = random.NextDouble() * _probability.Length;
        var column = Math.Min((int)x, _probability.Length - 1);
        return x - column < _probability[column] ? column : _alias[column];
    }
}
