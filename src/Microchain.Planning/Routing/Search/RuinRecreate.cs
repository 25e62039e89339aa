using System.Runtime.CompilerServices;
using Microchain.Domain;

namespace Microchain.Planning.Routing.Search;

/// <summary>
/// Slack Induction by String Removals (Christiaens &amp; Vanden Berghe, 2020): remove strings of consecutive jobs
/// from routes near a random seed job, then reinsert greedily in a random order with blinks.
/// This is the hot loop of the solver; it is kept in one file on purpose (no allocation per iteration).
/// </summary>
internal sealed class RuinRecreate
{
    private const double AverageRemoved = 10;
    private const int MaxStringLength = 10;
    private const double SplitDepth = 0.01;
    private const double BlinkRate = 0.01;

    private readonly SearchModel _m;
    private readonly Xoshiro256 _rng;
    private readonly bool[] _servable;
    private readonly int[] _removed;
    private int _removedCount;
    private readonly double[] _sortKeys;
    private readonly int[] _touched;
    private readonly bool[] _isTouched;
    private readonly bool[] _ruined;
    private readonly int[] _classStamp;
    private int _stamp;

    public RuinRecreate(SearchModel m, Xoshiro256 rng, bool[] servable)
    {
        _m = m;
        _rng = rng;
        _servable = servable;
        _removed = new int[m.JobCount];
        _sortKeys = new double[m.JobCount];
        _touched = new int[m.VehicleCount];
        _isTouched = new bool[m.VehicleCount];
        _ruined = new bool[m.VehicleCount];
        _classStamp = new int[m.VehicleCount];
    }

    /// <summary>Vehicles whose route changed since the last <see cref="BeginMove"/>.</summary>
    public int[] Touched => _touched;

    public int TouchedCount { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BeginMove()
    {
        for (var i = 0; i < TouchedCount; i++)
        {
            _isTouched[_touched[i]] = false;
            _ruined[_touched[i]] = false;
        }
        TouchedCount = 0;
        _removedCount = 0;
    }

    /// <summary>Takes the servable unassigned jobs out of the state so that the next recreate retries them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CollectUnassigned(SearchState s)
    {
        var kept = 0;
        for (var i = 0; i < s.UnassignedCount; i++)
        {
            var j = s.Unassigned[i];
            if (_servable[j]) _removed[_removedCount++] = j;
            else s.Unassigned[kept++] = j;
        }
        s.UnassignedCount = kept;
    }

    /// <summary>Unassigns every job of one route.</summary>
    public void RemoveRoute(SearchState s, int vehicle)
    {
        var r = s.Routes[vehicle];
        for (var k = 0; k < r.Count; k++)
        {
            _removed[_removedCount++] = r.Jobs[k];
            s.RouteOf[r.Jobs[k]] = -1;
        }
        r.Count = 0;
        Touch(vehicle);
        r.Recompute(_m);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Ruin(SearchState s)
    {
        var assigned = 0;
        var used = 0;
        foreach (var r in s.Routes)
        {
            if (r.Count == 0) continue;
            assigned += r.Count;
            used++;
        }
        if (assigned == 0) return;
        var maxLength = Math.Min(MaxStringLength, (double)assigned / used);
        var maxStrings = (4 * AverageRemoved / (1 + maxLength)) - 1;
        var strings = (int)(_rng.NextDouble() * maxStrings) + 1;
        int seed;
        do seed = _rng.NextInt(_m.JobCount);
        while (s.RouteOf[seed] < 0);
        var ruinedRoutes = 0;
        var neighbours = _m.Neighbours[seed];
        for (var k = -1; k < neighbours.Length && ruinedRoutes < strings; k++)
        {
            var c = k < 0 ? seed : neighbours[k];
            var v = s.RouteOf[c];
            if (v < 0 || _ruined[v]) continue;
            RuinString(s, s.Routes[v], c, maxLength);
            _ruined[v] = true;
            Touch(v);
            ruinedRoutes++;
        }
        for (var i = 0; i < TouchedCount; i++)
        {
            var r = s.Routes[_touched[i]];
            r.Recompute(_m);
            if (!r.Feasible) RemoveAllFrom(s, r); // a non-metric matrix can break a route by removal
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RuinString(SearchState s, Route r, int c, double maxLength)
    {
        var t = r.Count;
        var length = (int)(_rng.NextDouble() * Math.Min(t, maxLength)) + 1;
        length = Math.Min(length, t);
        var pos = r.IndexOf(c);
        if (length == t || _rng.NextDouble() < 0.5)
        {
            var start = Math.Clamp(pos - _rng.NextInt(length), 0, t - length);
            for (var i = start + length - 1; i >= start; i--) RemoveAt(s, r, i);
            return;
        }
        var preserved = 1;
        while (preserved < t - length && _rng.NextDouble() > SplitDepth) preserved++;
        var total = length + preserved;
        var first = Math.Clamp(pos - _rng.NextInt(total), 0, t - total);
        var keepFrom = first + _rng.NextInt(length + 1);
        for (var i = first + total - 1; i >= first; i--)
            if (i < keepFrom || i >= keepFrom + preserved) RemoveAt(s, r, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RemoveAt(SearchState s, Route r, int position)
    {
        var j = r.Jobs[position];
        _removed[_removedCount++] = j;
        s.RouteOf[j] = -1;
        r.RemoveAt(position);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RemoveAllFrom(SearchState s, Route r)
    {
        for (var i = r.Count - 1; i >= 0; i--) RemoveAt(s, r, i);
        r.Recompute(_m);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Touch(int v)
    {
        if (_isTouched[v]) return;
        _isTouched[v] = true;
        _touched[TouchedCount++] = v;
    }

    /// <summary>Inserts the removed jobs one by one at their cheapest feasible position; the rest stay unassigned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Recreate(SearchState s, bool allowNewRoutes)
    {
        SortRemoved();
        for (var i = 0; i < _removedCount; i++)
        {
            var j = _removed[i];
            if (!BestInsertion(s, j, allowNewRoutes, out var vehicle, out var position))
            {
                s.AddUnassigned(j);
                continue;
            }
            var r = s.Routes[vehicle];
            r.Insert(position, j);
            r.Recompute(_m);
            s.RouteOf[j] = vehicle;
            Touch(vehicle);
        }
        _removedCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SortRemoved()
    {
        var n = _removedCount;
        for (var i = n - 1; i > 0; i--)
        {
            var k = _rng.NextInt(i + 1);
            (_removed[i], _removed[k]) = (_removed[k], _removed[i]);
        }
        var kind = _rng.NextInt(11);
        if (kind < 4) return; // random order
        for (var i = 0; i < n; i++)
        {
            var j = _removed[i];
            _sortKeys[i] = kind switch
            {
                < 8 => -TotalDemand(j),
                < 10 => -_m.DepotDistance[j],
                _ => _m.DepotDistance[j],
            };
        }
        Array.Sort(_sortKeys, _removed, 0, n);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double TotalDemand(int j)
    {
        double total = 0;
        for (var d = 0; d < _m.Dimensions; d++) total += _m.Demand[(j * _m.Dimensions) + d];
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool BestInsertion(SearchState s, int j, bool allowNewRoutes, out int bestVehicle, out int bestPosition)
    {
        var m = _m;
        var dims = m.Dimensions;
        var loc = m.JobLoc[j];
        var service = m.Service[j];
        var best = m.Penalty[j];
        bestVehicle = -1;
        bestPosition = -1;
        _stamp++;
        for (var v = 0; v < m.VehicleCount; v++)
        {
            if (!m.Compatible[(v * m.JobCount) + j]) continue;
            var r = s.Routes[v];
            double opening = 0;
            if (r.Count == 0)
            {
                if (!allowNewRoutes || _classStamp[m.VehicleClass[v]] == _stamp) continue;
                _classStamp[m.VehicleClass[v]] = _stamp;
                opening = m.FixedCost[v];
            }
            var fits = true;
            for (var d = 0; d < dims; d++)
                if (r.Load[d] + m.Demand[(j * dims) + d] > m.Capacity[(v * dims) + d]) fits = false;
            if (!fits) continue;
            var exactTime = m.TimeMatters[v];
            var cd = m.CostDist[v];
            var prevLoc = m.VehStart[v];
            var depart = m.ShiftStart[v];
            for (var p = 0; p <= r.Count; p++)
            {
                if (p > 0)
                {
                    var pj = r.Jobs[p - 1];
                    prevLoc = m.JobLoc[pj];
                    depart = r.Start[p - 1] + m.Service[pj];
                }
                var nextLoc = p == r.Count ? m.VehEnd[v] : m.JobLoc[r.Jobs[p]];
                var arrival = depart + m.Duration(prevLoc, loc);
                var start = Schedule.EarliestStart(m, j, arrival);
                if (start < 0) break; // later positions arrive even later
                var delta = opening + (cd * (m.Distance(prevLoc, loc) + m.Distance(loc, nextLoc) - m.Distance(prevLoc, nextLoc)));
                if (delta >= best) continue;
                if (start + service + m.Duration(loc, nextLoc) > r.Latest[p]) continue;
                if (_rng.NextDouble() < BlinkRate) continue;
                if (exactTime)
                {
                    var end = Schedule.EarliestEnd(m, v, r.Jobs, r.Count, p, j);
                    var departure = Schedule.LatestDeparture(m, v, r.Jobs, r.Count, p, j, end);
                    var duration = end - departure;
                    if (duration > m.MaxDuration[v]) continue;
                    delta += m.CostTime[v] * (duration - (r.Count == 0 ? 0 : r.Duration));
                    if (delta >= best) continue;
                }
                best = delta;
                bestVehicle = v;
                bestPosition = p;
            }
        }
        return bestVehicle >= 0;
    }
}
