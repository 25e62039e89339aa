using System.Runtime.CompilerServices;
using Microchain.Domain;

namespace Microchain.Planning.Routing.Search;

/// <summary>
/// Granular local search (Toth &amp; Vigo's granular neighbourhoods as used by HGS): for each job and each of its nearest
/// neighbours, relocate, swap, 2-opt* and intra-route 2-opt, first improvement, every move priced in O(1) (O(length)
/// for pieces inside one route) by concatenating <see cref="TimeSegment"/>s, with penalties on time warp and excess
/// load. This is a hot loop measured in the benchmarks; it is one file on purpose and allocates nothing per move.
/// Applies to single-window jobs, vehicles without time costs or duration limits, and jobs every vehicle may serve.
/// </summary>
internal sealed class LocalSearch
{
    private const int Granularity = 20;
    private const double Epsilon = 1e-7;

    private readonly SearchModel _m;
    private readonly Xoshiro256 _rng;
    private readonly int _dims;
    private readonly TimeSegment[][] _fwd; // [vehicle][p]: start depot and jobs at positions 1..p
    private readonly TimeSegment[][] _bwd; // [vehicle][p]: jobs at positions p..count (no end depot)
    private readonly long[][] _loadPrefix; // [vehicle][p * dims + d]: load of positions 1..p
    private readonly TimeSegment[] _visit, _startDepot, _endDepot;
    private readonly int[] _pos;
    private readonly double[] _cost;
    private readonly int[] _order;
    private readonly int[] _scratchA, _scratchB, _locA, _locB;
    private readonly long[] _load;
    private readonly SwapStar _swapStar;
    private readonly Func<int, int, double> _swapLoadCost;
    private int _swapA, _swapB;
    private SearchState _s = null!;

    public LocalSearch(SearchModel m, Xoshiro256 rng)
    {
        _m = m;
        _rng = rng;
        _dims = m.Dimensions;
        var n = m.JobCount;
        _fwd = new TimeSegment[m.VehicleCount][];
        _bwd = new TimeSegment[m.VehicleCount][];
        _loadPrefix = new long[m.VehicleCount][];
        _startDepot = new TimeSegment[m.VehicleCount];
        _endDepot = new TimeSegment[m.VehicleCount];
        for (var v = 0; v < m.VehicleCount; v++)
        {
            _fwd[v] = new TimeSegment[n + 2];
            _bwd[v] = new TimeSegment[n + 2];
            _loadPrefix[v] = new long[(n + 1) * _dims];
            _startDepot[v] = TimeSegment.Visit(m.VehStart[v], 0, m.ShiftStart[v], m.ShiftEnd[v]);
            _endDepot[v] = TimeSegment.Visit(m.VehEnd[v], 0, m.ShiftStart[v], m.ShiftEnd[v]);
        }
        _visit = new TimeSegment[n];
        for (var j = 0; j < n; j++)
            _visit[j] = TimeSegment.Visit(m.JobLoc[j], m.Service[j], m.TwStart[m.TwOffset[j]], m.TwEnd[m.TwOffset[j]]);
        _pos = new int[n];
        _cost = new double[m.VehicleCount];
        _order = new int[n];
        _scratchA = new int[n];
        _scratchB = new int[n];
        _locA = new int[n];
        _locB = new int[n];
        _load = new long[_dims];
        _swapStar = new SwapStar(n);
        _swapLoadCost = SwapLoadCost;
    }

    /// <summary>Penalty per unit of excess load; infinity forbids it.</summary>
    public double CapacityWeight { get; set; } = double.PositiveInfinity;

    /// <summary>Penalty per unit of time warp; infinity forbids it.</summary>
    public double WarpWeight { get; set; } = double.PositiveInfinity;

    /// <summary>Moves applied since construction.</summary>
    public long Moves { get; private set; }

    /// <summary>Moves priced since construction (a SWAP* route pair counts its job pairs).</summary>
    public long Work { get; private set; }

    /// <summary>True when the model fits the assumptions of this search (see the class summary).</summary>
    public static bool Applies(SearchModel m)
    {
        for (var j = 0; j < m.JobCount; j++)
            if (m.TwOffset[j + 1] - m.TwOffset[j] != 1) return false;
        for (var v = 0; v < m.VehicleCount; v++)
            if (m.TimeMatters[v]) return false;
        return Array.IndexOf(m.Compatible, false) < 0;
    }

    /// <summary>
    /// Applies improving moves until none is left or <paramref name="stop"/> says so; returns true when a move was made.
    /// Every route of <paramref name="s"/> is recomputed after a change, so the state stays valid for the other moves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Improve(SearchState s, Func<bool> stop)
    {
        _s = s;
        for (var v = 0; v < _m.VehicleCount; v++) Build(v);
        var n = 0;
        for (var j = 0; j < _m.JobCount; j++)
            if (s.RouteOf[j] >= 0) _order[n++] = j;
        for (var i = n - 1; i > 0; i--)
        {
            var k = _rng.NextInt(i + 1);
            (_order[i], _order[k]) = (_order[k], _order[i]);
        }
        var any = false;
        var improved = true;
        while (improved && !stop())
        {
            improved = false;
            for (var i = 0; i < n; i++)
            {
                var u = _order[i];
                var neighbours = _m.Neighbours[u];
                var count = Math.Min(Granularity, neighbours.Length);
                for (var k = 0; k < count; k++)
                {
                    var v = neighbours[k];
                    if (s.RouteOf[v] < 0 || s.RouteOf[u] < 0) continue;
                    Work += 5;
                    if (TryRelocate(u, v, after: true) || TryRelocate(u, v, after: false) || TrySwap(u, v)
                        || TryTwoOptStar(u, v) || TryTwoOpt(u, v))
                    {
                        improved = any = true;
                        Moves++;
                    }
                }
            }
            if (!improved && !stop() && SwapStarPass())
            {
                improved = any = true;
                Moves++;
            }
        }
        return any;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Build(int v)
    {
        var r = _s.Routes[v];
        var f = _fwd[v];
        var b = _bwd[v];
        var lp = _loadPrefix[v];
        f[0] = _startDepot[v];
        for (var d = 0; d < _dims; d++) lp[d] = 0;
        for (var p = 1; p <= r.Count; p++)
        {
            var j = r.Jobs[p - 1];
            _pos[j] = p;
            f[p] = TimeSegment.Concat(_m, f[p - 1], _visit[j]);
            for (var d = 0; d < _dims; d++) lp[(p * _dims) + d] = lp[((p - 1) * _dims) + d] + _m.Demand[(j * _dims) + d];
        }
        if (r.Count > 0)
        {
            b[r.Count] = _visit[r.Jobs[r.Count - 1]];
            for (var p = r.Count - 1; p >= 1; p--) b[p] = TimeSegment.Concat(_m, _visit[r.Jobs[p - 1]], b[p + 1]);
        }
        _cost[v] = r.Count == 0 ? 0 : RouteCost(v, TimeSegment.Concat(_m, f[r.Count], _endDepot[v]), Excess(v, v, r.Count, -1, -1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double RouteCost(int v, in TimeSegment full, long excess) =>
        _m.FixedCost[v] + (_m.CostDist[v] * full.Distance)
        + (full.Warp == 0 ? 0 : WarpWeight * full.Warp)
        + (excess == 0 ? 0 : CapacityWeight * excess);

    /// <summary>Excess over vehicle v's capacity of route r's first <paramref name="prefix"/> loads, minus one job, plus one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Excess(int v, int r, int prefix, int minus, int plus)
    {
        long excess = 0;
        var lp = _loadPrefix[r];
        for (var d = 0; d < _dims; d++)
        {
            var load = lp[(prefix * _dims) + d];
            if (minus >= 0) load -= _m.Demand[(minus * _dims) + d];
            if (plus >= 0) load += _m.Demand[(plus * _dims) + d];
            excess += Math.Max(0, load - _m.Capacity[(v * _dims) + d]);
        }
        return excess;
    }

    /// <summary>Excess of vehicle v carrying route a's positions 1..headEnd and route b's positions tailFrom..end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long ExcessJoined(int v, int a, int headEnd, int b, int tailFrom)
    {
        long excess = 0;
        var la = _loadPrefix[a];
        var lb = _loadPrefix[b];
        var countB = _s.Routes[b].Count;
        for (var d = 0; d < _dims; d++)
        {
            var load = la[(headEnd * _dims) + d] + lb[(countB * _dims) + d] - lb[((tailFrom - 1) * _dims) + d];
            excess += Math.Max(0, load - _m.Capacity[(v * _dims) + d]);
        }
        return excess;
    }

    /// <summary><paramref name="head"/> followed by route r's jobs from position <paramref name="from"/> and vehicle v's end depot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TimeSegment Close(int v, in TimeSegment head, int r, int from)
    {
        if (from > _s.Routes[r].Count) return TimeSegment.Concat(_m, head, _endDepot[v]);
        var withTail = TimeSegment.Concat(_m, head, _bwd[r][from]);
        return TimeSegment.Concat(_m, withTail, _endDepot[v]);
    }

    /// <summary>Appends route r's positions i..j (forward, or backward when reversed) to <paramref name="head"/>; O(j - i).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TimeSegment Append(in TimeSegment head, int r, int i, int j, bool reversed)
    {
        var seg = head;
        var jobs = _s.Routes[r].Jobs;
        if (reversed)
            for (var p = j; p >= i; p--) seg = TimeSegment.Concat(_m, seg, _visit[jobs[p - 1]]);
        else
            for (var p = i; p <= j; p++) seg = TimeSegment.Concat(_m, seg, _visit[jobs[p - 1]]);
        return seg;
    }

    /// <summary>Moves u next to v: right after it, or right before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryRelocate(int u, int v, bool after)
    {
        int ru = _s.RouteOf[u], rv = _s.RouteOf[v];
        int pu = _pos[u], pv = _pos[v];
        var q = after ? pv : pv - 1; // u goes between positions q and q + 1 of rv
        if (ru != rv)
        {
            var countU = _s.Routes[ru].Count;
            var newU = countU == 1 ? 0 : RouteCost(ru, Close(ru, _fwd[ru][pu - 1], ru, pu + 1), Excess(ru, ru, countU, u, -1));
            var head = TimeSegment.Concat(_m, _fwd[rv][q], _visit[u]);
            var newV = RouteCost(rv, Close(rv, head, rv, q + 1), Excess(rv, rv, _s.Routes[rv].Count, -1, u));
            if (newU + newV - _cost[ru] - _cost[rv] > -Epsilon) return false;
            var r = _s.Routes[ru];
            r.RemoveAt(pu - 1);
            _s.Routes[rv].Insert(q, u);
            _s.RouteOf[u] = rv;
            Commit(ru);
            Commit(rv);
            return true;
        }
        if (q == pu || q == pu - 1) return false; // u is already there
        TimeSegment seg;
        if (pu < q)
        {
            seg = Append(_fwd[ru][pu - 1], ru, pu + 1, q, reversed: false);
            seg = TimeSegment.Concat(_m, seg, _visit[u]);
            seg = Close(ru, seg, ru, q + 1);
        }
        else
        {
            seg = TimeSegment.Concat(_m, _fwd[ru][q], _visit[u]);
            seg = Append(seg, ru, q + 1, pu - 1, reversed: false);
            seg = Close(ru, seg, ru, pu + 1);
        }
        var cost = RouteCost(ru, seg, Excess(ru, ru, _s.Routes[ru].Count, -1, -1));
        if (cost - _cost[ru] > -Epsilon) return false;
        var route = _s.Routes[ru];
        route.RemoveAt(pu - 1);
        route.Insert(pu < q ? q - 1 : q, u);
        Commit(ru);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySwap(int u, int v)
    {
        int ru = _s.RouteOf[u], rv = _s.RouteOf[v];
        int pu = _pos[u], pv = _pos[v];
        if (ru != rv)
        {
            var headU = TimeSegment.Concat(_m, _fwd[ru][pu - 1], _visit[v]);
            var newU = RouteCost(ru, Close(ru, headU, ru, pu + 1), Excess(ru, ru, _s.Routes[ru].Count, u, v));
            var headV = TimeSegment.Concat(_m, _fwd[rv][pv - 1], _visit[u]);
            var newV = RouteCost(rv, Close(rv, headV, rv, pv + 1), Excess(rv, rv, _s.Routes[rv].Count, v, u));
            if (newU + newV - _cost[ru] - _cost[rv] > -Epsilon) return false;
            _s.Routes[ru].Jobs[pu - 1] = v;
            _s.Routes[rv].Jobs[pv - 1] = u;
            _s.RouteOf[u] = rv;
            _s.RouteOf[v] = ru;
            Commit(ru);
            Commit(rv);
            return true;
        }
        int a = Math.Min(pu, pv), b = Math.Max(pu, pv);
        var jobs = _s.Routes[ru].Jobs;
        int first = jobs[a - 1], second = jobs[b - 1];
        var seg = TimeSegment.Concat(_m, _fwd[ru][a - 1], _visit[second]);
        if (b > a + 1) seg = Append(seg, ru, a + 1, b - 1, reversed: false);
        seg = TimeSegment.Concat(_m, seg, _visit[first]);
        seg = Close(ru, seg, ru, b + 1);
        var cost = RouteCost(ru, seg, Excess(ru, ru, _s.Routes[ru].Count, -1, -1));
        if (cost - _cost[ru] > -Epsilon) return false;
        jobs[a - 1] = second;
        jobs[b - 1] = first;
        Commit(ru);
        return true;
    }

    /// <summary>Between two routes: u's route keeps its head up to u and takes v's tail from v; v's route takes u's tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryTwoOptStar(int u, int v)
    {
        int ru = _s.RouteOf[u], rv = _s.RouteOf[v];
        if (ru == rv) return false;
        int pu = _pos[u], pv = _pos[v];
        var newU = RouteCost(ru, Close(ru, _fwd[ru][pu], rv, pv), ExcessJoined(ru, ru, pu, rv, pv));
        var emptyV = pv == 1 && pu == _s.Routes[ru].Count;
        var newV = emptyV ? 0 : RouteCost(rv, Close(rv, _fwd[rv][pv - 1], ru, pu + 1), ExcessJoined(rv, rv, pv - 1, ru, pu + 1));
        if (newU + newV - _cost[ru] - _cost[rv] > -Epsilon) return false;
        var routeU = _s.Routes[ru];
        var routeV = _s.Routes[rv];
        var tailU = routeU.Count - pu;
        var tailV = routeV.Count - pv + 1;
        Array.Copy(routeU.Jobs, pu, _scratchA, 0, tailU);
        Array.Copy(routeV.Jobs, pv - 1, _scratchB, 0, tailV);
        Array.Copy(_scratchB, 0, routeU.Jobs, pu, tailV);
        routeU.Count = pu + tailV;
        Array.Copy(_scratchA, 0, routeV.Jobs, pv - 1, tailU);
        routeV.Count = pv - 1 + tailU;
        for (var i = 0; i < tailV; i++) _s.RouteOf[_scratchB[i]] = ru;
        for (var i = 0; i < tailU; i++) _s.RouteOf[_scratchA[i]] = rv;
        Commit(ru);
        Commit(rv);
        return true;
    }

    /// <summary>Within one route: reverse the jobs after u up to v so that u is followed by v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TwoOptCore(int ru, int pu, int pv)
    {
        var seg = Append(_fwd[ru][pu], ru, pu + 1, pv, reversed: true);
        seg = Close(ru, seg, ru, pv + 1);
        var cost = RouteCost(ru, seg, Excess(ru, ru, _s.Routes[ru].Count, -1, -1));
        if (cost - _cost[ru] > -Epsilon) return false;
        Array.Reverse(_s.Routes[ru].Jobs, pu, pv - pu);
        Commit(ru);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryTwoOpt(int u, int v)
    {
        int ru = _s.RouteOf[u], rv = _s.RouteOf[v];
        if (ru != rv) return false;
        int pu = _pos[u], pv = _pos[v];
        return pu + 1 < pv && TwoOptCore(ru, pu, pv);
    }

    /// <summary>SWAP* over every pair of non-empty routes; applies each exchange that improves the penalised cost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SwapStarPass()
    {
        var any = false;
        for (var ra = 0; ra < _m.VehicleCount; ra++)
        {
            for (var rb = ra + 1; rb < _m.VehicleCount; rb++)
            {
                var a = _s.Routes[ra];
                var b = _s.Routes[rb];
                if (a.Count == 0 || b.Count == 0) continue;
                for (var i = 0; i < a.Count; i++) _locA[i] = _m.JobLoc[a.Jobs[i]];
                for (var i = 0; i < b.Count; i++) _locB[i] = _m.JobLoc[b.Jobs[i]];
                Work += a.Count * b.Count;
                _swapA = ra;
                _swapB = rb;
                var move = _swapStar.Best(_locA.AsSpan(0, a.Count), _m.VehStart[ra], _m.VehEnd[ra], _m.CostDist[ra],
                    _locB.AsSpan(0, b.Count), _m.VehStart[rb], _m.VehEnd[rb], _m.CostDist[rb], _m.Dist, _m.LocationCount, _swapLoadCost);
                if (!(move.Delta < -Epsilon)) continue;
                var newA = _scratchA.AsSpan(0, a.Count);
                var newB = _scratchB.AsSpan(0, b.Count);
                SwapStar.Apply(a.Jobs.AsSpan(0, a.Count), b.Jobs.AsSpan(0, b.Count), move, newA, newB);
                // The distance-best exchange is priced exactly (time warp included) before it is applied.
                if (SequenceCost(ra, newA) + SequenceCost(rb, newB) - _cost[ra] - _cost[rb] > -Epsilon) continue;
                int u = a.Jobs[move.U], v = b.Jobs[move.V];
                newA.CopyTo(a.Jobs);
                newB.CopyTo(b.Jobs);
                _s.RouteOf[u] = rb;
                _s.RouteOf[v] = ra;
                Commit(ra);
                Commit(rb);
                any = true;
            }
        }
        return any;
    }

    /// <summary>Change of the capacity penalty when the i-th job of route _swapA and the k-th of _swapB trade routes.</summary>
    private double SwapLoadCost(int i, int k)
    {
        int u = _s.Routes[_swapA].Jobs[i], v = _s.Routes[_swapB].Jobs[k];
        var countA = _s.Routes[_swapA].Count;
        var countB = _s.Routes[_swapB].Count;
        var before = Excess(_swapA, _swapA, countA, -1, -1) + Excess(_swapB, _swapB, countB, -1, -1);
        var after = Excess(_swapA, _swapA, countA, u, v) + Excess(_swapB, _swapB, countB, v, u);
        return after == before ? 0 : CapacityWeight * (after - before);
    }

    /// <summary>Penalised cost of vehicle v driving <paramref name="jobs"/>, in O(length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SequenceCost(int v, ReadOnlySpan<int> jobs)
    {
        if (jobs.Length == 0) return 0;
        var seg = _startDepot[v];
        Array.Clear(_load);
        foreach (var j in jobs)
        {
            seg = TimeSegment.Concat(_m, seg, _visit[j]);
            for (var d = 0; d < _dims; d++) _load[d] += _m.Demand[(j * _dims) + d];
        }
        seg = TimeSegment.Concat(_m, seg, _endDepot[v]);
        long excess = 0;
        for (var d = 0; d < _dims; d++) excess += Math.Max(0, _load[d] - _m.Capacity[(v * _dims) + d]);
        return RouteCost(v, seg, excess);
    }

    private void Commit(int v)
    {
        _s.Routes[v].Recompute(_m);
        Build(v);
    }
}
