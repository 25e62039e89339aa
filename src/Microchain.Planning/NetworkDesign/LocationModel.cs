namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// The solver's flat view of a <see cref="FacilityProblem"/>: arrays, disallowed assignments priced at a penalty that
/// exceeds any feasible total (so the optimum avoids them whenever it can), and per-customer site orders.
/// </summary>
internal sealed class LocationModel
{
    public LocationModel(FacilityProblem problem)
    {
        problem.Validate();
        M = problem.SiteCount;
        N = problem.CustomerCount;
        Fixed = [.. problem.OpeningCost];
        Demand = [.. problem.DemandUnits];
        Capacity = problem.CapacityUnits is null ? null : [.. problem.CapacityUnits];
        SingleSource = Capacity is not null && problem.Sourcing == SourcingMode.SingleSource;
        Status = problem.SiteStatuses is null ? new SiteStatus[M] : [.. problem.SiteStatuses];
        Budget = problem.OpeningBudget;
        BudgetWeight = problem.BudgetCost is null ? Fixed : [.. problem.BudgetCost];
        Cost = [.. problem.AssignmentCost];
        Allowed = new bool[Cost.Length];
        var finiteTotal = 0.0;
        for (var k = 0; k < Cost.Length; k++)
        {
            Allowed[k] = problem.MaxTravelMinutes is null
                || problem.TravelMinutes![k] <= problem.MaxTravelMinutes[k % N];
            if (Allowed[k]) finiteTotal += Cost[k];
        }
        foreach (var f in Fixed) finiteTotal += f;
        // One disallowed assignment costs more than any solution that uses none.
        Penalty = Math.Ceiling(finiteTotal + 1) * 4;
        for (var k = 0; k < Cost.Length; k++)
        {
            if (!Allowed[k]) Cost[k] = Penalty;
        }
        foreach (var d in Demand) TotalDemand += d;
        var forcedOpen = 0;
        foreach (var s in Status)
        {
            if (s == SiteStatus.ForcedOpen) forcedOpen++;
        }
        MinOpen = Math.Max(problem.MinOpenSites, forcedOpen);
        MaxOpen = problem.MaxOpenSites ?? M;
        Integral = Capacity is null || SingleSource;
        for (var k = 0; k < Cost.Length && Integral; k++) Integral = Cost[k] == Math.Floor(Cost[k]);
        for (var i = 0; i < M && Integral; i++) Integral = Fixed[i] == Math.Floor(Fixed[i]);
        SitesByCost = new int[N][];
        for (var j = 0; j < N; j++)
        {
            var order = new int[M];
            var keys = new double[M];
            for (var i = 0; i < M; i++)
            {
                order[i] = i;
                keys[i] = Cost[(i * N) + j];
            }
            Array.Sort(keys, order);
            SitesByCost[j] = order;
        }
    }

    public int M { get; }
    public int N { get; }
    public double[] Fixed { get; }
    public double[] Demand { get; }
    public double[]? Capacity { get; }
    public bool SingleSource { get; }
    public SiteStatus[] Status { get; }
    public double? Budget { get; }

    /// <summary>What each site draws from the budget.</summary>
    public double[] BudgetWeight { get; }

    /// <summary>Site-major assignment costs with disallowed pairs priced at <see cref="Penalty"/>.</summary>
    public double[] Cost { get; }
    public bool[] Allowed { get; }
    public double Penalty { get; }
    public double TotalDemand { get; }
    public int MinOpen { get; }
    public int MaxOpen { get; }

    /// <summary>True when every feasible objective is an integer, so a bound can be rounded up before pruning.</summary>
    public bool Integral { get; }

    /// <summary>For each customer, the sites from cheapest to dearest (ties by index: Array.Sort is unstable but deterministic).</summary>
    public int[][] SitesByCost { get; }

    public double C(int site, int customer) => Cost[(site * N) + customer];

    public double BudgetUsedBy(bool[] open)
    {
        var total = 0.0;
        for (var i = 0; i < M; i++)
        {
            if (open[i]) total += BudgetWeight[i];
        }
        return total;
    }

    public double OpeningCostOf(bool[] open)
    {
        var total = 0.0;
        for (var i = 0; i < M; i++)
        {
            if (open[i]) total += Fixed[i];
        }
        return total;
    }

    /// <summary>False when even the cheapest admissible open set (forced sites plus the fewest free ones) exceeds the budget.</summary>
    public bool BudgetAdmitsSomeOpenSet()
    {
        if (Budget is not { } budget) return true;
        var used = 0.0;
        var count = 0;
        var free = new List<double>();
        for (var i = 0; i < M; i++)
        {
            if (Status[i] == SiteStatus.ForcedOpen) { used += BudgetWeight[i]; count++; }
            else if (Status[i] == SiteStatus.Free) free.Add(BudgetWeight[i]);
        }
        free.Sort();
        var needed = Math.Max(MinOpen, N > 0 ? 1 : 0) - count;
        if (needed > free.Count) return false;
        for (var k = 0; k < needed; k++) used += free[k];
        return used <= budget * (1 + 1e-12);
    }

    /// <summary>True when the open set meets the forced statuses, the site count, the budget and the total capacity.</summary>
    public bool IsStructurallyFeasible(bool[] open)
    {
        var count = 0;
        var capacity = 0.0;
        for (var i = 0; i < M; i++)
        {
            if (open[i] ? Status[i] == SiteStatus.ForcedClosed : Status[i] == SiteStatus.ForcedOpen) return false;
            if (!open[i]) continue;
            count++;
            if (Capacity is not null) capacity += Capacity[i];
        }
        if (count < MinOpen || count > MaxOpen || (count == 0 && N > 0)) return false;
        if (Budget is { } b && BudgetUsedBy(open) > b * (1 + 1e-12)) return false;
        return Capacity is null || capacity >= TotalDemand * (1 - 1e-12);
    }
}
