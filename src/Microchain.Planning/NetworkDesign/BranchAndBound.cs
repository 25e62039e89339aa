using System.Diagnostics;

namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// Best-first branch-and-bound over the open/close decisions with Lagrangian bounds (subgradient, warm-started from
/// the parent), reduced-cost fixing of sites, and primal solutions from the Lagrangian open sets polished by local
/// search. Deterministic for a given instance unless a time limit or cancellation stops it.
/// </summary>
internal sealed partial class BranchAndBound
{
    private readonly LocationModel _model;
    private readonly FacilitySolverOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly AssignmentEvaluator _evaluator;
    private readonly LagrangianRelaxation _relaxation;
    private readonly UncapacitatedLocalSearch? _uncapacitatedSearch;
    private readonly CapacitatedLocalSearch? _capacitatedSearch;
    private readonly PriorityQueue<SearchNode, (double Bound, long Sequence)> _queue = new();
    private readonly HashSet<ulong> _seen = [];
    private readonly double[] _scratch;
    private readonly long _start;
    private readonly double _capacityScale;
    private readonly double _budgetScale;
    private bool[]? _incumbent;
    private double _upper = double.PositiveInfinity;
    private double _reportedLower = double.NegativeInfinity;
    private double _unresolved = double.PositiveInfinity;
    private long _sequence;
    private int _nodes;
    private SolveStatus? _stopped;

    public BranchAndBound(LocationModel model, FacilitySolverOptions options, CancellationToken cancellationToken)
    {
        _model = model;
        _options = options;
        _cancellationToken = cancellationToken;
        _evaluator = new AssignmentEvaluator(model);
        _relaxation = new LagrangianRelaxation(model);
        if (model.Capacity is null) _uncapacitatedSearch = new UncapacitatedLocalSearch(model);
        else _capacitatedSearch = new CapacitatedLocalSearch(model, _evaluator);
        _scratch = new double[model.M * model.N];
        _start = options.TimeProvider.GetTimestamp();
        _capacityScale = Math.Max(model.TotalDemand / Math.Max(1, model.N), 1e-9);
        _budgetScale = Math.Max((model.Budget ?? 1) / Math.Max(1, model.MinOpen), 1e-9);
    }

    public FacilitySolution Run()
    {
        if ((_model.SingleSource && HasUnplaceableCustomer()) || !_model.BudgetAdmitsSomeOpenSet())
            return SolutionBuilder.Build(_model, _evaluator, null, SolveStatus.Infeasible, double.PositiveInfinity, 0, _options.TimeProvider.GetElapsedTime(_start));
        Offer(Greedy.Construct(_model), polish: _uncapacitatedSearch is not null);
        var root = RootNode();
        var lower = double.NegativeInfinity;
        if (root is not null) _queue.Enqueue(root, (root.Bound, _sequence++));
        while (_queue.Count > 0)
        {
            if (ShouldStop()) break;
            var node = _queue.Dequeue();
            lower = Math.Max(lower, node.Bound);
            if (Prunes(node.Bound)) continue;
            ReportLower(Math.Min(lower, _upper));
            _nodes++;
            var interrupted = Process(node);
            if (interrupted is not null)
            {
                _queue.Enqueue(interrupted, (interrupted.Bound, _sequence++));
                break;
            }
        }
        return Result(lower);
    }

    /// <summary>Single-source: a customer whose demand exceeds every site's capacity can never be served.</summary>
    private bool HasUnplaceableCustomer()
    {
        for (var j = 0; j < _model.N; j++)
        {
            var fits = false;
            for (var i = 0; i < _model.M && !fits; i++)
            {
                fits = _model.Status[i] != SiteStatus.ForcedClosed && _model.Capacity![i] >= _model.Demand[j];
            }
            if (!fits) return true;
        }
        return false;
    }

    private SearchNode? RootNode()
    {
        var fix = new sbyte[_model.M];
        var lambda = new double[_model.N];
        for (var i = 0; i < _model.M; i++)
        {
            fix[i] = _model.Status[i] switch
            {
                SiteStatus.ForcedOpen => LagrangianRelaxation.Open,
                SiteStatus.ForcedClosed => LagrangianRelaxation.Closed,
                _ => LagrangianRelaxation.Free,
            };
        }
        for (var j = 0; j < _model.N; j++)
        {
            lambda[j] = double.PositiveInfinity;
            for (var i = 0; i < _model.M; i++)
            {
                if (fix[i] != LagrangianRelaxation.Closed) lambda[j] = Math.Min(lambda[j], _model.C(i, j));
            }
            if (double.IsPositiveInfinity(lambda[j])) lambda[j] = 0;
        }
        return new SearchNode(fix, lambda, 0, 0, double.NegativeInfinity, 0);
    }

    private bool ShouldStop()
    {
        if (_stopped is not null) return true;
        if (_cancellationToken.IsCancellationRequested) _stopped = SolveStatus.Cancelled;
        else if (_options.TimeLimit is { } limit && _options.TimeProvider.GetElapsedTime(_start) >= limit) _stopped = SolveStatus.TimeLimit;
        else if (_nodes >= _options.MaxNodes) _stopped = SolveStatus.NodeLimit;
        return _stopped is not null;
    }

    /// <summary>True when a bound shows a subtree cannot beat the incumbent (by a whole unit when objectives are integers).</summary>
    private bool Prunes(double bound)
    {
        if (double.IsPositiveInfinity(bound)) return true;
        if (double.IsPositiveInfinity(_upper)) return false;
        var scale = Math.Max(1, Math.Abs(_upper));
        return _model.Integral
            ? bound > _upper - 1 + (1e-9 * scale)
            : bound >= _upper - (_options.RelativeGapTolerance * scale);
    }

    /// <summary>Prices an open set and keeps it if it beats the incumbent; optionally polishes it by local search first.</summary>
    private void Offer(bool[] open, bool polish)
    {
        if (!_seen.Add(Signature(open)) && !polish) return;
        double cost;
        if (polish && _uncapacitatedSearch is not null && _model.IsStructurallyFeasible(open))
            cost = _uncapacitatedSearch.Improve(open, ShouldStop);
        else if (polish && _capacitatedSearch is not null && _model.IsStructurallyFeasible(open))
            cost = _capacitatedSearch.Improve(open, ShouldStop);
        else
            cost = _evaluator.Total(open, _scratch, _upper);
        if (!(cost < _upper) || !_model.IsStructurallyFeasible(open)) return;
        _upper = cost;
        _incumbent = (bool[])open.Clone();
        _options.Progress?.Report(new FacilitySolverProgress(_upper, _reportedLower, _nodes));
    }

    private void ReportLower(double lower)
    {
        if (lower <= _reportedLower) return;
        _reportedLower = lower;
        _options.Progress?.Report(new FacilitySolverProgress(_upper, _reportedLower, _nodes));
    }

    private static ulong Signature(bool[] open)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < open.Length; i++)
        {
            if (!open[i]) continue;
            hash = unchecked((hash ^ (ulong)i) * 1099511628211UL);
        }
        return hash;
    }

    private FacilitySolution Result(double lower)
    {
        var status = _stopped ?? SolveStatus.Optimal;
        if (_stopped is null)
        {
            lower = Math.Min(_upper, _unresolved);
            if (_unresolved < _upper && !Prunes(_unresolved)) status = SolveStatus.Completed;
        }
        else
        {
            foreach (var (node, _) in _queue.UnorderedItems) lower = Math.Min(lower, node.Bound);
            lower = Math.Min(Math.Min(lower, _upper), _unresolved);
        }
        var infeasible = _incumbent is null || _upper >= _model.Penalty;
        if (infeasible && _stopped is null) status = SolveStatus.Infeasible;
        return SolutionBuilder.Build(_model, _evaluator, infeasible ? null : _incumbent, status, lower, _nodes,
            _options.TimeProvider.GetElapsedTime(_start));
    }

    [Conditional("DEBUG")]
    private static void AssertBound(double bound) => Debug.Assert(!double.IsNaN(bound), "a Lagrangian bound is never NaN");
}
