namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// Min-cost transportation from open sites (capacities) to customers (demands) by successive shortest paths with
/// Dijkstra on reduced costs. Dense arrays because the bipartite graph is complete; one instance per thread.
/// </summary>
internal sealed class TransportationSolver
{
    private readonly LocationModel _model;
    private readonly double _eps;

    public TransportationSolver(LocationModel model)
    {
        _model = model;
        var maxDemand = 0.0;
        foreach (var d in model.Demand) maxDemand = Math.Max(maxDemand, d);
        _eps = Math.Max(1e-12, maxDemand * 1e-12);
    }

    /// <summary>
    /// Fills <paramref name="fraction"/> (site-major, size M·N) with the optimal shares and returns the assignment cost,
    /// or +infinity when the open capacity is short of the demand.
    /// </summary>
    public double Solve(bool[] open, double[] fraction)
    {
        int n = _model.N;
        var sites = new List<int>();
        for (var i = 0; i < _model.M; i++)
        {
            if (open[i]) sites.Add(i);
        }
        Array.Clear(fraction);
        if (n == 0) return 0;
        if (sites.Count == 0) return double.PositiveInfinity;
        var k = sites.Count;
        var capacity = _model.Capacity!;
        var remaining = new double[k];
        var total = 0.0;
        for (var a = 0; a < k; a++)
        {
            remaining[a] = capacity[sites[a]];
            total += remaining[a];
        }
        if (total < _model.TotalDemand * (1 - 1e-12)) return double.PositiveInfinity;

        var flow = new double[k * n];
        var unmet = new double[n];
        var unit = new double[k * n];
        var cost = 0.0;
        for (var j = 0; j < n; j++)
        {
            unmet[j] = _model.Demand[j];
            for (var a = 0; a < k; a++) unit[(a * n) + j] = unmet[j] > 0 ? _model.C(sites[a], j) / unmet[j] : 0;
            if (unmet[j] <= 0)
            {
                // Zero demand uses no capacity: serve it from the cheapest open site.
                var best = 0;
                for (var a = 1; a < k; a++)
                {
                    if (_model.C(sites[a], j) < _model.C(sites[best], j)) best = a;
                }
                fraction[(sites[best] * n) + j] = 1;
                cost += _model.C(sites[best], j);
            }
        }

        // Nodes: 0..k-1 sites, k..k+n-1 customers, k+n sink; the source is implicit (distance 0 to sites with room).
        var v = k + n + 1;
        var sink = k + n;
        var potential = new double[v];
        var dist = new double[v];
        var parent = new int[v];
        var done = new bool[v];
        var heap = new PriorityQueue<int, double>();
        while (true)
        {
            Array.Fill(dist, double.PositiveInfinity);
            Array.Fill(parent, -1);
            Array.Clear(done);
            heap.Clear();
            for (var a = 0; a < k; a++)
            {
                if (remaining[a] <= _eps) continue;
                dist[a] = 0 - potential[a];
                heap.Enqueue(a, dist[a]);
            }
            while (heap.TryDequeue(out var u, out var du))
            {
                if (done[u] || du > dist[u]) continue;
                if (u == sink) break;
                done[u] = true;
                if (u < k)
                {
                    for (var j = 0; j < n; j++)
                    {
                        if (_model.Demand[j] <= 0) continue;
                        var w = k + j;
                        if (done[w]) continue;
                        var nd = du + unit[(u * n) + j] + potential[u] - potential[w];
                        if (nd < dist[w])
                        {
                            dist[w] = nd;
                            parent[w] = u;
                            heap.Enqueue(w, nd);
                        }
                    }
                }
                else
                {
                    var j = u - k;
                    var toSink = du + potential[u] - potential[sink];
                    if (unmet[j] > _eps && toSink < dist[sink])
                    {
                        dist[sink] = toSink;
                        parent[sink] = u;
                        heap.Enqueue(sink, toSink);
                    }
                    for (var a = 0; a < k; a++)
                    {
                        // Finalised nodes are skipped: rounding could otherwise make a zero-cost cycle look negative.
                        if (done[a] || flow[(a * n) + j] <= _eps) continue;
                        var nd = du - unit[(a * n) + j] + potential[u] - potential[a];
                        if (nd < dist[a])
                        {
                            dist[a] = nd;
                            parent[a] = u;
                            heap.Enqueue(a, nd);
                        }
                    }
                }
            }
            if (parent[sink] < 0) break;
            for (var x = 0; x < v; x++) potential[x] += Math.Min(dist[x], dist[sink]);

            // Bottleneck along sink <- customer <- site <- customer ... <- site (with room).
            var push = unmet[parent[sink] - k];
            var node = parent[sink];
            while (true)
            {
                var site = parent[node];
                var prev = parent[site];
                if (prev < 0)
                {
                    push = Math.Min(push, remaining[site]);
                    break;
                }
                push = Math.Min(push, flow[(site * n) + (prev - k)]);
                node = prev;
            }
            var last = parent[sink];
            unmet[last - k] -= push;
            node = last;
            while (true)
            {
                var site = parent[node];
                flow[(site * n) + (node - k)] += push;
                var prev = parent[site];
                if (prev < 0)
                {
                    remaining[site] -= push;
                    break;
                }
                flow[(site * n) + (prev - k)] -= push;
                node = prev;
            }
        }
        for (var j = 0; j < n; j++)
        {
            if (_model.Demand[j] > 0 && unmet[j] > _eps * 1e3) return double.PositiveInfinity;
        }
        for (var a = 0; a < k; a++)
        {
            for (var j = 0; j < n; j++)
            {
                var f = flow[(a * n) + j];
                if (f <= _eps || _model.Demand[j] <= 0) continue;
                var share = Math.Min(1, f / _model.Demand[j]);
                fraction[(sites[a] * n) + j] = share;
                cost += _model.C(sites[a], j) * share;
            }
        }
        return cost;
    }
}
