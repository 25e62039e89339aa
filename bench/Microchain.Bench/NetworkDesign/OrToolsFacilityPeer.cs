using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Microchain.Planning.NetworkDesign;

namespace Microchain.Bench.NetworkDesign;

/// <summary>What OR-Tools' MIP solver returned: objective (NaN when none), whether it proved optimality, wall time.</summary>
public readonly record struct PeerResult(string Solver, double Objective, bool Optimal, TimeSpan Elapsed);

/// <summary>
/// The same strong formulation our bound relaxes, solved by OR-Tools' bundled MIP solver (SCIP, else CBC):
/// min Σ f·y + Σ c·x, Σ_i x_ij = 1, x_ij ≤ y_i, Σ_j d_j·x_ij ≤ s_i·y_i (capacitated), Σ y = p (p-median),
/// x continuous in [0, 1] (multi-source), y binary. Time includes building the model.
/// </summary>
public static class OrToolsFacilityPeer
{
    public static PeerResult Solve(FacilityProblem problem, TimeSpan timeLimit)
    {
        var watch = Stopwatch.StartNew();
        var name = "SCIP";
        using var solver = Solver.CreateSolver(name) ?? Solver.CreateSolver(name = "CBC")
            ?? throw new InvalidOperationException("OR-Tools has neither SCIP nor CBC.");
        int m = problem.SiteCount, n = problem.CustomerCount;
        var y = new Variable[m];
        var objective = solver.Objective();
        for (var i = 0; i < m; i++)
        {
            y[i] = solver.MakeBoolVar($"y{i}");
            objective.SetCoefficient(y[i], problem.OpeningCost[i]);
        }
        var assign = new Constraint[n];
        for (var j = 0; j < n; j++) assign[j] = solver.MakeConstraint(1, 1);
        for (var i = 0; i < m; i++)
        {
            Constraint? capacity = null;
            if (problem.CapacityUnits is { } caps)
            {
                capacity = solver.MakeConstraint(double.NegativeInfinity, 0);
                capacity.SetCoefficient(y[i], -caps[i]);
            }
            for (var j = 0; j < n; j++)
            {
                var x = solver.MakeNumVar(0, 1, "");
                objective.SetCoefficient(x, problem.AssignmentCost[(i * n) + j]);
                assign[j].SetCoefficient(x, 1);
                var link = solver.MakeConstraint(double.NegativeInfinity, 0);
                link.SetCoefficient(x, 1);
                link.SetCoefficient(y[i], -1);
                capacity?.SetCoefficient(x, problem.DemandUnits[j]);
            }
        }
        if (problem.MinOpenSites > 0 || problem.MaxOpenSites is not null)
        {
            var count = solver.MakeConstraint(problem.MinOpenSites, problem.MaxOpenSites ?? m);
            foreach (var v in y) count.SetCoefficient(v, 1);
        }
        objective.SetMinimization();
        solver.SetTimeLimit((long)timeLimit.TotalMilliseconds);
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        var status = solver.Solve(parameters);
        watch.Stop();
        var found = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
        return new PeerResult(name, found ? objective.Value() : double.NaN, status == Solver.ResultStatus.OPTIMAL, watch.Elapsed);
    }
}
