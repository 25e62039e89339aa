using Google.OrTools.Sat;
using Microchain.Domain.Orders;
using Microchain.Planning.Sourcing;

namespace Microchain.Bench.Sourcing;

/// <summary>The peer: the same whole-order assignment model solved by OR-Tools CP-SAT.</summary>
internal static class CpSatAssignment
{
    public static (long Cost, bool Optimal) Solve(BatchInstance instance, double seconds)
    {
        var model = new CpModel();
        var nodes = instance.Context.Candidates;
        var objective = LinearExpr.NewBuilder();
        var use = new Dictionary<(string Node, string Sku), LinearExprBuilder>();
        var bounds = new Dictionary<(string Node, string Sku), long>();
        foreach (var order in instance.Orders)
        {
            var choices = new List<BoolVar>();
            foreach (var node in nodes)
            {
                if (!order.Request.Lines.All(l => node.AtpOf(l.SkuId) >= l.Quantity)) continue;
                var x = model.NewBoolVar($"{order.Request.OrderId}@{node.NodeId}");
                choices.Add(x);
                var whole = order.Request.Lines.Select(l => new Allocation(node.NodeId, l.SkuId, l.Quantity)).ToArray();
                objective.AddTerm(x, CostToServe.Price(whole, order.Request, instance.Context).TotalCents);
                foreach (var line in order.Request.Lines)
                {
                    var key = (node.NodeId, line.SkuId);
                    if (!use.TryGetValue(key, out var sum)) use[key] = sum = LinearExpr.NewBuilder();
                    sum.AddTerm(x, line.Quantity);
                    bounds[key] = node.AtpOf(line.SkuId);
                }
            }
            model.AddExactlyOne(choices);
        }
        foreach (var (key, sum) in use) model.Add(sum <= bounds[key]);
        model.Minimize(objective);
        var solver = new CpSolver { StringParameters = FormattableString.Invariant($"max_time_in_seconds:{seconds},num_workers:1,random_seed:1") };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return (long.MaxValue, false);
        return ((long)Math.Round(solver.ObjectiveValue), status == CpSolverStatus.Optimal);
    }
}
