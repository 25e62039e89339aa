using System.Runtime.CompilerServices;
using Microchain.Domain;

namespace Microchain.Planning.Routing.Search;

/// <summary>
/// Simulated annealing over ruin-and-recreate moves, with an optional fleet-minimisation phase first
/// (remove a route, then repair with absence counters as in SISR). Single-threaded and seeded.
/// </summary>
internal sealed class SearchEngine
{
    /// <summary>Share of the budget the fleet-minimisation phase may use.</summary>
    private const double FleetPhaseShare = 0.4;

    /// <summary>
    /// Share of the budget before the local search polishes new bests. Polishing from the start made the annealing settle
    /// on well-optimised solutions with one route too many (Solomon C203/C204: 4 routes instead of 3 in 4 of 5 runs).
    /// </summary>
    private const double LocalSearchFrom = 0.5;

    /// <summary>Moves the local search may price per annealing iteration (an iteration prices about a thousand insertions).</summary>
    private const long LocalSearchWorkPerIteration = 100;

    private readonly SearchModel _m;
    private readonly SolveOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationToken _cancellation;
    private readonly Xoshiro256 _rng;
    private readonly RuinRecreate _moves;
    private readonly bool[] _servable;
    private readonly long _startTicks;
    private readonly SearchState _current, _candidate, _best;
    private readonly LocalSearch? _local;
    private readonly Func<bool> _stop;
    private double _bestObjective;

    public SearchEngine(SearchModel m, bool[] servable, SolveOptions options, TimeProvider time, CancellationToken cancellation)
    {
        _m = m;
        _options = options;
        _time = time;
        _cancellation = cancellation;
        _rng = new Xoshiro256(options.Seed);
        _moves = new RuinRecreate(m, _rng, servable);
        _servable = servable;
        _startTicks = time.GetTimestamp();
        _current = new SearchState(m);
        _candidate = new SearchState(m);
        _best = new SearchState(m);
        _local = options.LocalSearch && LocalSearch.Applies(m) ? new LocalSearch(m, _rng) : null;
        _stop = () => Stopped();
    }

    public long Iterations { get; private set; }

    public SearchState Run()
    {
        _moves.BeginMove();
        _moves.CollectUnassigned(_current);
        _moves.Recreate(_current, allowNewRoutes: true);
        _candidate.CopyAllFrom(_current);
        _best.CopyAllFrom(_current);
        _bestObjective = _current.Objective(_m);
        Report();
        if (_current.UnassignedCount == _m.JobCount && !HasServableJob()) return _best; // nothing to search
        if (_options.MinimizeVehicles)
        {
            MinimizeFleet();
            // Route elimination leaves long detours; the local search keeps the fleet and removes most of them at once.
            if (_local is not null && Polish(_best))
            {
                _bestObjective = _best.Objective(_m);
                _current.CopyAllFrom(_best);
                _candidate.CopyAllFrom(_best);
                Report();
            }
        }
        Anneal();
        // A last polish of the best; bounded by a small overrun of the limit so that a large instance still returns.
        if (_local is not null && _local.Improve(_best, () =>
                _cancellation.IsCancellationRequested || _time.GetElapsedTime(_startTicks) > 1.05 * _options.TimeLimit))
        {
            _bestObjective = _best.Objective(_m);
            Report();
        }
        return _best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool HasServableJob() => Array.IndexOf(_servable, true) >= 0;

    private double Progress()
    {
        var byIterations = (double)Iterations / _options.MaxIterations;
        var byTime = _time.GetElapsedTime(_startTicks).TotalSeconds / _options.TimeLimit.TotalSeconds;
        return Math.Max(byIterations, byTime);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Stopped(double limit = 1.0) => _cancellation.IsCancellationRequested || Iterations >= _options.MaxIterations || Progress() >= limit;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Anneal()
    {
        var (t0, tf) = Temperatures();
        // After fleet minimisation the fleet is tight and almost every repair misses a job; a moderate search penalty
        // (an out-and-back trip) lets the walk pass through such states while only complete solutions become best.
        var relaxedPenalty = _options.MinimizeVehicles ? 4 * t0 : double.PositiveInfinity;
        var target = _options.MinimizeVehicles ? _best.UnassignedCount : int.MaxValue;
        var currentObjective = _current.SearchObjective(_m, relaxedPenalty);
        var phaseStart = Math.Min(Progress(), 0.99); // cool over what the fleet phase left
        while (!Stopped())
        {
            Iterations++;
            var temperature = t0 * Math.Pow(tf / t0, (Progress() - phaseStart) / (1 - phaseStart));
            _moves.BeginMove();
            _moves.CollectUnassigned(_candidate);
            _moves.Ruin(_candidate);
            _moves.Recreate(_candidate, allowNewRoutes: true);
            var objective = _candidate.SearchObjective(_m, relaxedPenalty);
            if (objective < currentObjective - (temperature * Math.Log(1 - _rng.NextDouble())))
            {
                _current.CopyRoutesFrom(_candidate, _moves.Touched, _moves.TouchedCount);
                currentObjective = objective;
                var trueObjective = _current.Objective(_m);
                if (trueObjective < _bestObjective - 1e-9 && _current.UnassignedCount <= target)
                {
                    if (LocalSearchAffordable() && Polish(_current))
                    {
                        _candidate.CopyAllFrom(_current);
                        currentObjective = _current.SearchObjective(_m, relaxedPenalty);
                        trueObjective = _current.Objective(_m);
                    }
                    _bestObjective = trueObjective;
                    _best.CopyAllFrom(_current);
                    Report();
                }
            }
            else
            {
                _candidate.CopyRoutesFrom(_current, _moves.Touched, _moves.TouchedCount);
            }
        }
    }

    /// <summary>
    /// The local search runs on new bests only while its work (moves priced) stays under
    /// <see cref="LocalSearchWorkPerIteration"/> per annealing iteration: early on a new best comes almost every
    /// iteration and polishing each one would starve the annealing. Counting work rather than time keeps runs
    /// reproducible for a seed and an iteration limit.
    /// </summary>
    private bool LocalSearchAffordable() =>
        _local is not null && Progress() >= LocalSearchFrom && _local.Work <= LocalSearchWorkPerIteration * Iterations;

    /// <summary>Runs the local search on <paramref name="s"/>; true when it changed the solution.</summary>
    private bool Polish(SearchState s) => _local!.Improve(s, _stop);

    /// <summary>Temperatures scaled to the mean depot distance (tuned on Solomon: hotter starts escape extra routes).</summary>
    private (double Start, double End) Temperatures()
    {
        double mean = 0;
        for (var j = 0; j < _m.JobCount; j++) mean += _m.DepotDistance[j];
        mean = _m.JobCount == 0 ? 1 : Math.Max(1, mean / _m.JobCount) * Math.Max(1e-6, _m.CostDist[0]);
        return (0.5 * mean, 0.003 * mean);
    }

    /// <summary>
    /// Repeatedly empties one route and repairs without opening routes; a repair is kept when it leaves fewer jobs
    /// out, or jobs that were left out less often (absence counters), so hard jobs get inserted first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MinimizeFleet()
    {
        var absences = new long[_m.JobCount];
        var target = _best.UnassignedCount;
        while (!Stopped(FleetPhaseShare))
        {
            _current.CopyAllFrom(_best);
            _moves.BeginMove();
            var victim = SmallestRoute(_current);
            if (victim < 0) return;
            _moves.RemoveRoute(_current, victim);
            _moves.Recreate(_current, allowNewRoutes: false);
            _candidate.CopyAllFrom(_current);
            var succeeded = false;
            while (!Stopped(FleetPhaseShare))
            {
                if (_current.UnassignedCount <= target)
                {
                    succeeded = true;
                    break;
                }
                Iterations++;
                _moves.BeginMove();
                _moves.CollectUnassigned(_candidate);
                _moves.Ruin(_candidate);
                _moves.Recreate(_candidate, allowNewRoutes: false);
                for (var i = 0; i < _candidate.UnassignedCount; i++) absences[_candidate.Unassigned[i]]++;
                if (_candidate.UnassignedCount < _current.UnassignedCount
                    || AbsenceSum(_candidate, absences) < AbsenceSum(_current, absences))
                    _current.CopyRoutesFrom(_candidate, _moves.Touched, _moves.TouchedCount);
                else
                    _candidate.CopyRoutesFrom(_current, _moves.Touched, _moves.TouchedCount);
            }
            if (!succeeded) break;
            _best.CopyAllFrom(_current);
            _bestObjective = _best.Objective(_m);
            Report();
        }
        _current.CopyAllFrom(_best);
        _candidate.CopyAllFrom(_best);
    }

    private static long AbsenceSum(SearchState s, long[] absences)
    {
        long sum = 0;
        for (var i = 0; i < s.UnassignedCount; i++) sum += absences[s.Unassigned[i]];
        return sum;
    }

    private static int SmallestRoute(SearchState s)
    {
        var best = -1;
        foreach (var r in s.Routes)
            if (r.Count > 0 && (best < 0 || r.Count < s.Routes[best].Count)) best = r.Vehicle;
        return best;
    }

    private void Report() =>
        _options.Progress?.Report(new SearchProgress(Iterations, _time.GetElapsedTime(_startTicks),
            (decimal)_bestObjective, _best.RoutesUsed(), _best.UnassignedCount));
}
