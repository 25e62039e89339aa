namespace Microchain.Planning.NetworkDesign;

/// <summary>Drop, add and swap moves for capacitated location, each priced exactly by the assignment evaluator.</summary>
internal sealed class CapacitatedLocalSearch(LocationModel model, AssignmentEvaluator evaluator)
{
    private readonly double[] _scratch = new double[model.M * model.N];

    /// <summary>Improves <paramref name="open"/> in place (first improvement) and returns its total cost.</summary>
    public double Improve(bool[] open, Func<bool> shouldStop)
    {
        var cost = evaluator.Total(open, _scratch);
        var improved = true;
        while (improved && !shouldStop())
        {
            improved = false;
            for (var a = 0; a < model.M && !improved; a++)
            {
                if (model.Status[a] != SiteStatus.Free) continue;
                open[a] = !open[a];
                var candidate = evaluator.Total(open, _scratch, cost);
                if (candidate < cost - (1e-9 * Math.Max(1, cost)))
                {
                    cost = candidate;
                    improved = true;
                    break;
                }
                open[a] = !open[a];
            }
            for (var a = 0; a < model.M && !improved; a++)
            {
                if (open[a] || model.Status[a] != SiteStatus.Free) continue;
                for (var b = 0; b < model.M && !improved; b++)
                {
                    if (!open[b] || model.Status[b] != SiteStatus.Free) continue;
                    open[a] = true;
                    open[b] = false;
                    var candidate = evaluator.Total(open, _scratch, cost);
                    if (candidate < cost - (1e-9 * Math.Max(1, cost)))
                    {
                        cost = candidate;
                        improved = true;
                        break;
                    }
                    open[a] = false;
                    open[b] = true;
                }
                if (shouldStop()) break;
            }
        }
        return cost;
    }
}
