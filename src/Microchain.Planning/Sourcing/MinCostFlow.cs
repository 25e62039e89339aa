namespace Microchain.Planning.Sourcing;

/// <summary>
/// Min-cost flow by successive shortest paths; shortest paths by queue-based Bellman–Ford, which tolerates the
/// negative residual arcs without potentials. Real-valued costs (the batch relaxation spreads an order's cost over
/// its units); integer capacities, so an optimal flow is integral.
/// </summary>
internal sealed class MinCostFlow
{
    private const double Epsilon = 1e-9;
    private readonly List<int> _to = [], _next = [];
    private readonly List<long> _cap = [];
    private readonly List<double> _cost = [];
    private readonly int[] _head;

    public MinCostFlow(int nodes)
    {
        _head = new int[nodes];
        Array.Fill(_head, -1);
    }

    /// <summary>Adds an arc and its residual twin; returns the arc's index (its twin is index ^ 1).</summary>
    public int AddArc(int from, int to, long capacity, double cost)
    {
        var index = _to.Count;
        Add(from, to, capacity, cost);
        Add(to, from, 0, -cost);
        return index;
    }

    private void Add(int from, int to, long capacity, double cost)
    {
        _to.Add(to);
        _cap.Add(capacity);
        _cost.Add(cost);
        _next.Add(_head[from]);
        _head[from] = _to.Count - 1;
    }

    /// <summary>Flow on arc <paramref name="arc"/> (the capacity its twin gained).</summary>
    public long Flow(int arc) => _cap[arc ^ 1];

    /// <summary>Sends up to <paramref name="limit"/> units from source to sink at least cost; returns (flow, cost).</summary>
    public (long Flow, double Cost) Solve(int source, int sink, long limit)
    {
        var n = _head.Length;
        var distance = new double[n];
        var inQueue = new bool[n];
        var parentArc = new int[n];
        var queue = new Queue<int>();
        long flow = 0;
        double cost = 0;
        while (flow < limit)
        {
            Array.Fill(distance, double.PositiveInfinity);
            Array.Fill(parentArc, -1);
            distance[source] = 0;
            queue.Enqueue(source);
            inQueue[source] = true;
            while (queue.Count > 0)
            {
                var u = queue.Dequeue();
                inQueue[u] = false;
                for (var e = _head[u]; e >= 0; e = _next[e])
                {
                    if (_cap[e] <= 0) continue;
                    var v = _to[e];
                    var candidate = distance[u] + _cost[e];
                    if (candidate + Epsilon >= distance[v]) continue;
                    distance[v] = candidate;
                    parentArc[v] = e;
                    if (!inQueue[v])
                    {
                        inQueue[v] = true;
                        queue.Enqueue(v);
                    }
                }
            }
            if (double.IsPositiveInfinity(distance[sink])) break;
            var push = limit - flow;
            for (var v = sink; v != source; v = _to[parentArc[v] ^ 1]) push = Math.Min(push, _cap[parentArc[v]]);
            for (var v = sink; v != source; v = _to[parentArc[v] ^ 1])
            {
                _cap[parentArc[v]] -= push;
                _cap[parentArc[v] ^ 1] += push;
            }
            flow += push;
            cost += push * distance[sink];
        }
        return (flow, cost);
    }
}
