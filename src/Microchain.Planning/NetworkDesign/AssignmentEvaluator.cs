namespace Microchain.Planning.NetworkDesign;

/// <summary>Prices an open set: nearest site when uncapacitated, transportation when multi-source, GAP heuristic when single-source.</summary>
internal sealed class AssignmentEvaluator
{
    private readonly LocationModel _model;
    private readonly TransportationSolver? _transport;
    private readonly SingleSourceAssigner? _single;

    public AssignmentEvaluator(LocationModel model)
    {
        _model = model;
        if (model.Capacity is null) return;
        if (model.SingleSource) _single = new SingleSourceAssigner(model);
        else _transport = new TransportationSolver(model);
    }

    /// <summary>Assignment cost (not opening cost) with shares in <paramref name="fraction"/>; +infinity when infeasible.</summary>
    public double Evaluate(bool[] open, double[] fraction)
    {
        if (_single is not null) return _single.Solve(open, fraction);
        if (_transport is not null) return _transport.Solve(open, fraction);
        Array.Clear(fraction);
        var total = 0.0;
        for (var j = 0; j < _model.N; j++)
        {
            var site = -1;
            foreach (var i in _model.SitesByCost[j])
            {
                if (!open[i]) continue;
                site = i;
                break;
            }
            if (site < 0) return double.PositiveInfinity;
            fraction[(site * _model.N) + j] = 1;
            total += _model.C(site, j);
        }
        return total;
    }

    /// <summary>
    /// Total cost of an open set, +infinity when it breaks a structural constraint or cannot serve the demand. When the
    /// capacity-blind cost already reaches <paramref name="cutoff"/>, that cheaper bound is returned without pricing.
    /// </summary>
    public double Total(bool[] open, double[] fraction, double cutoff = double.PositiveInfinity)
    {
        if (!_model.IsStructurallyFeasible(open)) return double.PositiveInfinity;
        var opening = _model.OpeningCostOf(open);
        if (_model.Capacity is not null && double.IsFinite(cutoff))
        {
            var bound = opening;
            for (var j = 0; j < _model.N; j++)
            {
                foreach (var i in _model.SitesByCost[j])
                {
                    if (!open[i]) continue;
                    bound += _model.C(i, j);
                    break;
                }
            }
            if (bound >= cutoff) return bound;
        }
        return opening + Evaluate(open, fraction);
    }
}
