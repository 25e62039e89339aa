namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// Lagrangian relaxation of the "each customer is fully served" constraints (multipliers λ), of the total-capacity
/// cut Σ capacity·y ≥ demand (μ_cap) and of the budget (μ_budget). What remains separates by site: site i is worth
/// ρ_i = opening·(1+μ_budget) − μ_cap·capacity + the best (continuous-knapsack) use of its customers at prices λ,
/// and the open set is the cheapest ρ selection within the site-count limits. Any multipliers give a lower bound.
/// </summary>
internal sealed class LagrangianRelaxation
{
    /// <summary>Site status inside a branch-and-bound node.</summary>
    public const sbyte Free = 0, Open = 1, Closed = 2;

    private readonly LocationModel _model;
    private readonly int[] _order;
    private readonly double[] _keys;
    private readonly double[]? _share;
    private readonly int[] _items;
    private readonly double[] _ratio;

    public LagrangianRelaxation(LocationModel model)
    {
        _model = model;
        Rho = new double[model.M];
        Selected = new bool[model.M];
        _order = new int[model.M];
        _keys = new double[model.M];
        _items = new int[model.N];
        _ratio = new double[model.N];
        if (model.Capacity is not null) _share = new double[model.M * model.N];
    }

    /// <summary>ρ of each site at the last evaluation.</summary>
    public double[] Rho { get; }

    /// <summary>Sites open in the Lagrangian solution (node-forced ones included).</summary>
    public bool[] Selected { get; }

    /// <summary>Free sites selected, the largest selected free ρ and the smallest unselected free ρ.</summary>
    public int SelectedFree { get; private set; }

    public int MinFree { get; private set; }
    public int MaxFree { get; private set; }
    public double WorstSelected { get; private set; }
    public double BestUnselected { get; private set; }
    public int UnselectedFree { get; private set; }

    /// <summary>Evaluates the dual function; +infinity when the node's fixings admit no selection.</summary>
    public double Evaluate(sbyte[] fix, double[] lambda, double muCap, double muBudget)
    {
        int m = _model.M, n = _model.N;
        var capacity = _model.Capacity;
        var value = 0.0;
        for (var j = 0; j < n; j++) value += lambda[j];
        if (capacity is null)
        {
            Array.Clear(Rho);
            for (var j = 0; j < n; j++)
            {
                var lj = lambda[j];
                foreach (var i in _model.SitesByCost[j])
                {
                    var c = _model.Cost[(i * n) + j];
                    if (c >= lj) break;
                    Rho[i] += c - lj;
                }
            }
        }
        else
        {
            for (var i = 0; i < m; i++) Rho[i] = fix[i] == Closed ? 0 : Knapsack(i, lambda);
            value += muCap * _model.TotalDemand;
        }
        if (_model.Budget is { } budget) value -= muBudget * budget;
        var forcedOpen = 0;
        var free = 0;
        for (var i = 0; i < m; i++)
        {
            Selected[i] = false;
            if (fix[i] == Closed) continue;
            Rho[i] += _model.Fixed[i] + (muBudget * _model.BudgetWeight[i]);
            if (capacity is not null) Rho[i] -= muCap * capacity[i];
            if (fix[i] == Open)
            {
                forcedOpen++;
                Selected[i] = true;
                value += Rho[i];
                continue;
            }
            _order[free] = i;
            _keys[free] = Rho[i];
            free++;
        }
        MinFree = Math.Max(0, _model.MinOpen - forcedOpen);
        MaxFree = _model.MaxOpen - forcedOpen;
        // Someone must serve the customers: with nothing forced open, at least one free site opens.
        if (forcedOpen == 0 && n > 0) MinFree = Math.Max(MinFree, 1);
        if (MaxFree < MinFree || MinFree > free) return double.PositiveInfinity;
        Array.Sort(_keys, _order, 0, free);
        var take = 0;
        while (take < free && take < MaxFree && (take < MinFree || _keys[take] < 0)) take++;
        for (var a = 0; a < take; a++)
        {
            Selected[_order[a]] = true;
            value += _keys[a];
        }
        SelectedFree = take;
        UnselectedFree = free - take;
        WorstSelected = take > 0 ? _keys[take - 1] : double.NaN;
        BestUnselected = take < free ? _keys[take] : double.NaN;
        return value;
    }

    /// <summary>Bound increase if free site <paramref name="i"/> were forced to the other state (same multipliers).</summary>
    public double Delta(int i)
    {
        var best = double.PositiveInfinity;
        if (Selected[i])
        {
            if (SelectedFree > MinFree) best = -Rho[i];
            if (UnselectedFree > 0) best = Math.Min(best, BestUnselected - Rho[i]);
        }
        else
        {
            if (SelectedFree < MaxFree) best = Rho[i];
            if (SelectedFree > 0) best = Math.Min(best, Rho[i] - WorstSelected);
        }
        return Math.Max(0, best);
    }

    /// <summary>Writes the subgradient of λ into <paramref name="g"/> and returns the capacity and budget components.</summary>
    public (double Capacity, double Budget) Subgradient(double[] lambda, double[] g)
    {
        int m = _model.M, n = _model.N;
        Array.Fill(g, 1.0);
        if (_share is null)
        {
            for (var j = 0; j < n; j++)
            {
                var lj = lambda[j];
                foreach (var i in _model.SitesByCost[j])
                {
                    if (_model.Cost[(i * n) + j] >= lj) break;
                    if (Selected[i]) g[j] -= 1;
                }
            }
        }
        else
        {
            for (var i = 0; i < m; i++)
            {
                if (!Selected[i]) continue;
                var row = i * n;
                for (var j = 0; j < n; j++) g[j] -= _share[row + j];
            }
        }
        double capacityGap = 0, spent = 0;
        for (var i = 0; i < m; i++)
        {
            if (!Selected[i]) continue;
            if (_model.Capacity is not null) capacityGap += _model.Capacity[i];
            spent += _model.BudgetWeight[i];
        }
        return (_model.Capacity is null ? 0 : _model.TotalDemand - capacityGap, _model.Budget is { } b ? spent - b : 0);
    }

    /// <summary>Best use of site i's capacity at prices λ: customers by most negative reduced cost per unit, the last one split.</summary>
    private double Knapsack(int i, double[] lambda)
    {
        var n = _model.N;
        var row = i * n;
        Array.Clear(_share!, row, n);
        var count = 0;
        for (var j = 0; j < n; j++)
        {
            var r = _model.Cost[row + j] - lambda[j];
            if (r >= 0) continue;
            _items[count] = j;
            _ratio[count] = _model.Demand[j] > 0 ? r / _model.Demand[j] : double.NegativeInfinity;
            count++;
        }
        Array.Sort(_ratio, _items, 0, count);
        var room = _model.Capacity![i];
        var value = 0.0;
        for (var a = 0; a < count; a++)
        {
            var j = _items[a];
            var d = _model.Demand[j];
            var take = d <= room ? 1.0 : room / d;
            if (take <= 0) break;
            _share![row + j] = take;
            value += take * (_model.Cost[row + j] - lambda[j]);
            room -= take * d;
        }
        return value;
    }
}
