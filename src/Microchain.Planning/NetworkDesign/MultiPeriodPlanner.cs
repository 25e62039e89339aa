namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// Plans openings and closings over periods: each period's optimal network (exact facility location) and the current
/// network are the candidate configurations; dynamic programming then picks one per period, trading one-time
/// relocation costs against each period's operating and service cost. The bound is the sum of the per-period bounds,
/// so the gap shows what relocation costs could at most still save.
/// </summary>
public static class MultiPeriodPlanner
{
    /// <summary>Solves <paramref name="problem"/>; <paramref name="options"/> apply to each period's solve.</summary>
    public static MultiPeriodPlan Solve(MultiPeriodProblem problem, FacilitySolverOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        int m = problem.SiteCount, periods = problem.PeriodCount;
        if (periods == 0) throw new ArgumentException("At least one period is needed.", nameof(problem));
        var initial = problem.InitiallyOpen is null ? new bool[m] : [.. problem.InitiallyOpen];
        if (initial.Length != m) throw new ArgumentException("InitiallyOpen must hold one value per site.", nameof(problem));
        var candidates = new List<bool[]>();
        var lowerBound = 0.0;
        SolveStatus? interrupted = null;
        for (var t = 0; t < periods; t++)
        {
            var solution = FacilityLocationSolver.Solve(problem.PeriodProblem(t), options, cancellationToken);
            if (solution.Status is SolveStatus.TimeLimit or SolveStatus.Cancelled or SolveStatus.NodeLimit) interrupted ??= solution.Status;
            lowerBound += solution.LowerBound;
            if (solution.OpenSites.Count > 0) AddCandidate(candidates, Mask(m, solution.OpenSites));
        }
        if (initial.Any(o => o)) AddCandidate(candidates, initial);

        // Cost of running each candidate network in each period, priced exactly (single-source heuristically).
        var models = Enumerable.Range(0, periods).Select(t => new LocationModel(problem.PeriodProblem(t))).ToArray();
        var periodCost = new double[candidates.Count, periods];
        for (var c = 0; c < candidates.Count; c++)
        {
            for (var t = 0; t < periods; t++)
            {
                periodCost[c, t] = new AssignmentEvaluator(models[t]).Total(candidates[c], new double[models[t].M * models[t].N]);
            }
        }
        var choice = Choose(problem, candidates, periodCost, initial);
        if (choice is null)
            return new MultiPeriodPlan { Status = interrupted ?? SolveStatus.Infeasible, Periods = [], LowerBound = lowerBound };
        var plan = Build(problem, models, candidates, choice, initial);
        var total = plan.Sum(p => p.TotalCost);
        var status = interrupted ?? (total <= lowerBound + (1e-9 * Math.Max(1, Math.Abs(total))) ? SolveStatus.Optimal : SolveStatus.Completed);
        return new MultiPeriodPlan { Status = status, Periods = plan, LowerBound = Math.Min(lowerBound, total) };
    }

    /// <summary>Dynamic programming over (period, candidate); null when every sequence is infeasible.</summary>
    private static int[]? Choose(MultiPeriodProblem problem, List<bool[]> candidates, double[,] periodCost, bool[] initial)
    {
        int k = candidates.Count, periods = problem.PeriodCount;
        var cost = new double[periods, k];
        var from = new int[periods, k];
        for (var t = 0; t < periods; t++)
        {
            for (var c = 0; c < k; c++)
            {
                cost[t, c] = double.PositiveInfinity;
                from[t, c] = -1;
                if (double.IsPositiveInfinity(periodCost[c, t])) continue;
                if (t == 0)
                {
                    cost[t, c] = Relocation(problem, initial, candidates[c]) + periodCost[c, t];
                    continue;
                }
                for (var p = 0; p < k; p++)
                {
                    var value = cost[t - 1, p] + Relocation(problem, candidates[p], candidates[c]) + periodCost[c, t];
                    if (value < cost[t, c])
                    {
                        cost[t, c] = value;
                        from[t, c] = p;
                    }
                }
            }
        }
        var last = -1;
        for (var c = 0; c < k; c++)
        {
            if (double.IsFinite(cost[periods - 1, c]) && (last < 0 || cost[periods - 1, c] < cost[periods - 1, last])) last = c;
        }
        if (last < 0) return null;
        var choice = new int[periods];
        for (var t = periods - 1; t >= 0; t--)
        {
            choice[t] = last;
            last = t > 0 ? from[t, last] : -1;
        }
        return choice;
    }

    private static List<PeriodPlan> Build(MultiPeriodProblem problem, LocationModel[] models, List<bool[]> candidates, int[] choice, bool[] initial)
    {
        var plan = new List<PeriodPlan>();
        var previous = initial;
        for (var t = 0; t < choice.Length; t++)
        {
            var open = candidates[choice[t]];
            var solution = SolutionBuilder.Build(models[t], new AssignmentEvaluator(models[t]), open, SolveStatus.Completed, 0, 0, TimeSpan.Zero);
            plan.Add(new PeriodPlan
            {
                Period = t,
                OpenSites = solution.OpenSites,
                Opened = [.. Enumerable.Range(0, open.Length).Where(i => open[i] && !previous[i])],
                Closed = [.. Enumerable.Range(0, open.Length).Where(i => !open[i] && previous[i])],
                OperatingCost = solution.OpeningCost,
                AssignmentCost = solution.AssignmentCost,
                RelocationCost = Relocation(problem, previous, open),
                Assignments = solution.Assignments,
            });
            previous = open;
        }
        return plan;
    }

    private static double Relocation(MultiPeriodProblem problem, bool[] before, bool[] after)
    {
        var cost = 0.0;
        for (var i = 0; i < before.Length; i++)
        {
            if (after[i] && !before[i]) cost += problem.OpeningCost[i];
            if (before[i] && !after[i]) cost += problem.ClosingCost[i];
        }
        return cost;
    }

    private static bool[] Mask(int m, IReadOnlyList<int> open)
    {
        var mask = new bool[m];
        foreach (var i in open) mask[i] = true;
        return mask;
    }

    private static void AddCandidate(List<bool[]> candidates, bool[] open)
    {
        if (!candidates.Any(c => c.SequenceEqual(open))) candidates.Add(open);
    }
}
