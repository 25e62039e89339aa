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
                if (bestSite < 0) return Repair(sites, site, room) ? Finish(sites, site, room, fraction) : double.PositiveInfinity;
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
        return Finish(sites, site, room, fraction);
    }

    private double Finish(List<int> sites, int[] site, double[] room, double[] fraction)
    {
        var n = model.N;
        Improve(sites, site, room);
        var cost = 0.0;
        for (var j = 0; j < n; j++)
        {
            fraction[(site[j] * n) + j] = 1;
            cost += model.C(site[j], j);
        }
        return cost;
    }

    /// <summary>
    /// When the regret greedy gets stuck: place the rest largest first (overloading the roomiest site if need be),
    /// then shift and swap customers off overloaded sites until none is over capacity.
    /// </summary>
    private bool Repair(List<int> sites, int[] site, double[] room)
    {
        int n = model.N;
        foreach (var j in Enumerable.Range(0, n).Where(j => site[j] < 0).OrderByDescending(j => model.Demand[j]).ThenBy(j => j))
        {
            var target = -1;
            foreach (var i in sites)
            {
                var fits = room[i] + 1e-9 >= model.Demand[j];
                if (target < 0) target = i;
                else if (fits && (room[target] + 1e-9 < model.Demand[j] || model.C(i, j) < model.C(target, j))) target = i;
                else if (!fits && room[target] + 1e-9 < model.Demand[j] && room[i] > room[target]) target = i;
            }
            site[j] = target;
            room[target] -= model.Demand[j];
        }
        for (var round = 0; round < 4 * n; round++)
        {
            var over = sites.FirstOrDefault(i => room[i] < -1e-9, -1);
            if (over < 0) return true;
            if (!ShiftOff(sites, site, room, over) && !SwapOff(sites, site, room, over)) return false;
        }
        return sites.All(i => room[i] >= -1e-9);
    }

    private bool ShiftOff(List<int> sites, int[] site, double[] room, int over)
    {
        int bestCustomer = -1, bestSite = -1;
        var bestCost = double.PositiveInfinity;
        for (var j = 0; j < model.N; j++)
        {
            if (site[j] != over) continue;
            foreach (var i in sites)
            {
                if (i == over || room[i] + 1e-9 < model.Demand[j]) continue;
                var delta = model.C(i, j) - model.C(over, j);
                if (delta < bestCost)
                {
                    bestCost = delta;
                    bestCustomer = j;
                    bestSite = i;
                }
            }
        }
        if (bestCustomer < 0) return false;
        site[bestCustomer] = bestSite;
        room[bestSite] -= model.Demand[bestCustomer];
        room[over] += model.Demand[bestCustomer];
        return true;
    }

    private bool SwapOff(List<int> sites, int[] site, double[] room, int over)
    {
        for (var a = 0; a < model.N; a++)
        {
            if (site[a] != over) continue;
            for (var b = 0; b < model.N; b++)
            {
                var other = site[b];
                if (other == over) continue;
                var diff = model.Demand[a] - model.Demand[b];
                // Moving a out and b in frees room at the overloaded site without overloading the other.
                if (diff <= 1e-9 || room[other] - diff < -1e-9) continue;
                site[a] = other;
                site[b] = over;
                room[other] -= diff;
                room[over] += diff;
                return true;
            }
        }
        return false;
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
