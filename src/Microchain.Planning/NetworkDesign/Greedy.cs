namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// Greedy ADD: from the forced-open sites, repeatedly open the site that lowers the uncapacitated cost most, while it
/// helps or the site count, or the capacity, is still short; respects the budget and the most sites allowed.
/// </summary>
internal static class Greedy
{
    public static bool[] Construct(LocationModel model)
    {
        int m = model.M, n = model.N;
        var open = new bool[m];
        var nearest = new double[n];
        Array.Fill(nearest, model.Penalty * 2);
        var count = 0;
        var spent = 0.0;
        var held = 0.0;
        var budget = model.Budget ?? double.PositiveInfinity;
        for (var i = 0; i < m; i++)
        {
            if (model.Status[i] == SiteStatus.ForcedOpen) Open(i);
        }
        while (count < model.MaxOpen)
        {
            var mustAdd = count < model.MinOpen || (count == 0 && n > 0) || (model.Capacity is not null && held < model.TotalDemand);
            var pick = -1;
            var pickDelta = double.PositiveInfinity;
            for (var i = 0; i < m; i++)
            {
                if (open[i] || model.Status[i] == SiteStatus.ForcedClosed || spent + model.BudgetWeight[i] > budget * (1 + 1e-12)) continue;
                var delta = model.Fixed[i];
                var row = i * n;
                for (var j = 0; j < n; j++)
                {
                    var c = model.Cost[row + j];
                    if (c < nearest[j]) delta += c - nearest[j];
                }
                // Short of capacity, prefer sites that bring much of it per unit of cost.
                if (model.Capacity is { } capacity && held < model.TotalDemand)
                    delta = (delta - (model.Penalty * 4)) / Math.Max(capacity[i], 1e-9);
                if (delta < pickDelta)
                {
                    pickDelta = delta;
                    pick = i;
                }
            }
            if (pick < 0 || (!mustAdd && pickDelta >= 0)) break;
            Open(pick);
        }
        return open;

        void Open(int i)
        {
            open[i] = true;
            count++;
            spent += model.BudgetWeight[i];
            if (model.Capacity is not null) held += model.Capacity[i];
            var row = i * n;
            for (var j = 0; j < n; j++) nearest[j] = Math.Min(nearest[j], model.Cost[row + j]);
        }
    }
}
