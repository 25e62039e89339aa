using Google.OrTools.Sat;
using Microchain.Planning.Assortment;

namespace Microchain.Bench.Assortment;

/// <summary>The peer: the same zone knapsack (volume per zone, slots) solved by OR-Tools CP-SAT.</summary>
internal static class CpSatKnapsack
{
    public static (long Score, long Bound, bool Optimal, string Status) Solve(ZoneKnapsackProblem p, double seconds)
    {
        var model = new CpModel();
        var objective = LinearExpr.NewBuilder();
        var slots = LinearExpr.NewBuilder();
        var zones = p.Capacities.Select(_ => LinearExpr.NewBuilder()).ToArray();
        for (var i = 0; i < p.Count; i++)
        {
            if (p.Scores[i] <= 0 || p.Volumes[i] > p.Capacities[p.Zones[i]]) continue;
            var x = model.NewBoolVar($"x{i}");
            objective.AddTerm(x, p.Scores[i]);
            slots.AddTerm(x, 1);
            zones[p.Zones[i]].AddTerm(x, p.Volumes[i]);
        }
        model.Add(slots <= p.Slots);
        for (var z = 0; z < zones.Length; z++) model.Add(zones[z] <= p.Capacities[z]);
        model.Maximize(objective);
        var solver = new CpSolver { StringParameters = FormattableString.Invariant($"max_time_in_seconds:{seconds},num_workers:1,random_seed:1") };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return (0, long.MaxValue, false, status.ToString());
        return ((long)Math.Round(solver.ObjectiveValue), (long)Math.Floor(solver.BestObjectiveBound + 1e-6), status == CpSolverStatus.Optimal, status.ToString());
    }
}
