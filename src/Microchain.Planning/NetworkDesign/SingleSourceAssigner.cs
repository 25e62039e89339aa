namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// Assigns every customer to one open site within capacity (a generalized assignment problem): regret greedy, then
/// shift and swap moves to a local optimum. A heuristic: the caller bounds it with the multi-source relaxation.
/// </summary>
internal sealed class SingleSourceAssigner(LocationModel model)
{
    /// <summary>Fills <paramref name="fraction"/> with 0/1 shares and returns the cost, or +infinity when no fit was found.</summary>
    public double Solve(bool[] open, double[] fraction)
    {
        int n = model.N;
        Array.Clear(fraction);
        var sites = new List<int>();
        for (var i = 0; i < model.M; i++)
        {
            if (open[i]) sites.Add(i);
        }
        if (n == 0) return 0;
        if (sites.Count == 0) return double.PositiveInfinity;
        var capacity = model.Capacity!;
        var room = new double[model.M];
        foreach (var i in sites) room[i] = capacity[i];
        var site = new int[n];
        Array.Fill(site, -1);
        for (var step = 0; step < n; step++)
        {
            // The customer that loses most if it misses its best fitting site goes first.
            int pick = -1, pickSite = -1;
            var pickRegret = double.NegativeInfinity;
            for (var j = 0; j < n; j++)
            {
                if (site[j] >= 0) continue;
                double best = double.PositiveInfinity, second = double.PositiveInfinity;
                var bestSite = -1;
                foreach (var i in sites)
                {
                    if (room[i] + 1e-9 < model.Demand[j]) continue;
                    var c = model.C(i, j);
                    if (c < best)
                    {
                        second = best;
                        best = c;
                        bestSite = i;
                    }
                    else if (c < second)
                    {
                        second = c;
                    }
                }
                if (bestSite < 0) return double.PositiveInfinity;
                var regret = double.IsPositiveInfinity(second) ? double.MaxValue : second - best;
                if (regret > pickRegret)
                {
                    pickRegret = regret;
                    pick = j;
                    pickSite = bestSite;
                }
            }
            site[pick] = pickSite;
            room[pickSite] -= model.Demand[pick];
        }
        Improve(sites, site, room);
        var cost = 0.0;
        for (var j = 0; j < n; j++)
        {
            fraction[(site[j] * n) + j] = 1;
            cost += model.C(site[j], j);
        }
        return cost;
    }

    private void Improve(List<int> sites, int[] site, double[] room)
    {
        int n = model.N;
        var improved = true;
        for (var round = 0; improved && round < 100; round++)
        {
            improved = false;
            for (var j = 0; j < n; j++)
            {
                var from = site[j];
                foreach (var to in sites)
                {
                    if (to == from || room[to] + 1e-9 < model.Demand[j]) continue;
                    if (model.C(to, j) < model.C(from, j) - 1e-9)
                    {
                        room[from] += model.Demand[j];
                        room[to] -= model.Demand[j];
                        site[j] = to;
                        from = to;
                        improved = true;
                    }
                }
            }
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    int sa = site[a], sb = site[b];
                    if (sa == sb) continue;
                    var delta = model.C(sb, a) + model.C(sa, b) - model.C(sa, a) - model.C(sb, b);
                    if (delta >= -1e-9) continue;
                    var diff = model.Demand[b] - model.Demand[a];
                    // a moves to sb, b moves to sa.
                    if (room[sb] + diff + 1e-9 < 0 || room[sa] - diff + 1e-9 < 0) continue;
                    room[sb] += diff;
                    room[sa] -= diff;
                    site[a] = sb;
                    site[b] = sa;
                    improved = true;
                }
            }
        }
    }
}
