namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// Add, drop and swap moves for uncapacitated location with Whitaker's fast interchange: for each closed site the
/// best site to close with it is found in one pass over the customers, using each customer's nearest and
/// second-nearest open site. One sweep costs O(sites × customers), which keeps p-median instances with 900 sites quick.
/// This is a measured hot loop, hence the length of the file.
/// </summary>
internal sealed class UncapacitatedLocalSearch
{
    private readonly LocationModel _model;
    private readonly int[] _near1;
    private readonly double[] _c1;
    private readonly double[] _c2;
    private readonly double[] _loss;

    public UncapacitatedLocalSearch(LocationModel model)
    {
        _model = model;
        _near1 = new int[model.N];
        _c1 = new double[model.N];
        _c2 = new double[model.N];
        _loss = new double[model.M];
    }

    /// <summary>Assignment cost of the open set (each customer to its cheapest open site); +infinity when none is open.</summary>
    public double AssignmentCost(bool[] open)
    {
        var total = 0.0;
        for (var j = 0; j < _model.N; j++)
        {
            var best = double.PositiveInfinity;
            foreach (var i in _model.SitesByCost[j])
            {
                if (!open[i]) continue;
                best = _model.C(i, j);
                break;
            }
            total += best;
        }
        return total;
    }

    /// <summary>Improves <paramref name="open"/> in place to a local optimum; returns its total cost.</summary>
    public double Improve(bool[] open, Func<bool> shouldStop)
    {
        var m = _model.M;
        var count = 0;
        for (var i = 0; i < m; i++)
        {
            if (open[i]) count++;
        }
        if (count == 0) return double.PositiveInfinity;
        var spent = _model.BudgetUsedBy(open);
        var budget = _model.Budget ?? double.PositiveInfinity;
        var cost = Refresh(open) + _model.OpeningCostOf(open);
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(cost));
        var improved = true;
        while (improved && !shouldStop())
        {
            improved = false;
            if (count > _model.MinOpen && count > 1 && TryDrop(open, tolerance, ref cost, ref spent))
            {
                count--;
                improved = true;
                continue;
            }
            for (var add = 0; add < m; add++)
            {
                if (open[add] || _model.Status[add] == SiteStatus.ForcedClosed) continue;
                var (bestOut, bestDelta) = BestSwapFor(add, open, count, spent, budget);
                if (bestDelta >= -tolerance) continue;
                open[add] = true;
                spent += _model.BudgetWeight[add];
                if (bestOut >= 0)
                {
                    open[bestOut] = false;
                    spent -= _model.BudgetWeight[bestOut];
                }
                else
                {
                    count++;
                }
                cost = Refresh(open) + _model.OpeningCostOf(open);
                improved = true;
            }
        }
        return cost;
    }

    private (int Out, double Delta) BestSwapFor(int add, bool[] open, int count, double spent, double budget)
    {
        int m = _model.M, n = _model.N;
        for (var i = 0; i < m; i++) _loss[i] = 0;
        var gain = 0.0;
        var row = add * n;
        var cost = _model.Cost;
        for (var j = 0; j < n; j++)
        {
            var c = cost[row + j];
            if (c < _c1[j]) gain += _c1[j] - c;
            else _loss[_near1[j]] += Math.Min(c, _c2[j]) - _c1[j];
        }
        var bestOut = -1;
        var bestDelta = double.PositiveInfinity;
        var fixedAdd = _model.Fixed[add];
        if (count < _model.MaxOpen && spent + _model.BudgetWeight[add] <= budget * (1 + 1e-12)) bestDelta = fixedAdd - gain;
        for (var r = 0; r < m; r++)
        {
            if (!open[r] || _model.Status[r] == SiteStatus.ForcedOpen) continue;
            if (spent - _model.BudgetWeight[r] + _model.BudgetWeight[add] > budget * (1 + 1e-12)) continue;
            var delta = fixedAdd - _model.Fixed[r] - gain + _loss[r];
            if (delta < bestDelta)
            {
                bestDelta = delta;
                bestOut = r;
            }
        }
        return (bestOut, bestDelta);
    }

    private bool TryDrop(bool[] open, double tolerance, ref double cost, ref double spent)
    {
        var m = _model.M;
        for (var i = 0; i < m; i++) _loss[i] = 0;
        for (var j = 0; j < _model.N; j++) _loss[_near1[j]] += _c2[j] - _c1[j];
        var best = -1;
        var bestDelta = -tolerance;
        for (var r = 0; r < m; r++)
        {
            if (!open[r] || _model.Status[r] == SiteStatus.ForcedOpen) continue;
            var delta = _loss[r] - _model.Fixed[r];
            if (delta < bestDelta)
            {
                bestDelta = delta;
                best = r;
            }
        }
        if (best < 0) return false;
        open[best] = false;
        spent -= _model.BudgetWeight[best];
        cost = Refresh(open) + _model.OpeningCostOf(open);
        return true;
    }

    /// <summary>Recomputes nearest and second-nearest open sites; returns the assignment cost.</summary>
    private double Refresh(bool[] open)
    {
        var total = 0.0;
        for (var j = 0; j < _model.N; j++)
        {
            int first = -1, second = -1;
            foreach (var i in _model.SitesByCost[j])
            {
                if (!open[i]) continue;
                if (first < 0)
                {
                    first = i;
                    continue;
                }
                second = i;
                break;
            }
            _near1[j] = first;
            _c1[j] = _model.C(first, j);
            _c2[j] = second < 0 ? double.PositiveInfinity : _model.C(second, j);
            total += _c1[j];
        }
        return total;
    }
}
