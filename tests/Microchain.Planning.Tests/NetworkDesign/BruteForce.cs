using Microchain.Planning.NetworkDesign;

namespace Microchain.Planning.Tests.NetworkDesign;

/// <summary>Reference optima by enumerating every open set (and, single-source, every assignment) of tiny instances.</summary>
internal static class BruteForce
{
    /// <summary>The optimal objective, or +infinity when no open set is feasible.</summary>
    public static double Optimum(FacilityProblem problem)
    {
        var best = double.PositiveInfinity;
        for (var mask = 1; mask < 1 << problem.SiteCount; mask++)
        {
            var open = Enumerable.Range(0, problem.SiteCount).Select(i => (mask >> i & 1) == 1).ToArray();
            if (!Feasible(problem, open)) continue;
            var opening = Enumerable.Range(0, problem.SiteCount).Where(i => open[i]).Sum(i => problem.OpeningCost[i]);
            best = Math.Min(best, opening + AssignmentCost(problem, open));
        }
        return best;
    }

    public static bool Allowed(FacilityProblem problem, int site, int customer) =>
        problem.MaxTravelMinutes is null
        || problem.TravelMinutes![(site * problem.CustomerCount) + customer] <= problem.MaxTravelMinutes[customer];

    private static bool Feasible(FacilityProblem problem, bool[] open)
    {
        var count = open.Count(o => o);
        if (count < problem.MinOpenSites || count > (problem.MaxOpenSites ?? problem.SiteCount)) return false;
        for (var i = 0; i < problem.SiteCount; i++)
        {
            var status = problem.SiteStatuses?[i] ?? SiteStatus.Free;
            if (status == SiteStatus.ForcedOpen && !open[i]) return false;
            if (status == SiteStatus.ForcedClosed && open[i]) return false;
        }
        var weights = problem.BudgetCost ?? problem.OpeningCost;
        if (problem.OpeningBudget is { } budget && Enumerable.Range(0, problem.SiteCount).Where(i => open[i]).Sum(i => weights[i]) > budget) return false;
        return true;
    }

    private static double AssignmentCost(FacilityProblem problem, bool[] open)
    {
        int m = problem.SiteCount, n = problem.CustomerCount;
        if (problem.CapacityUnits is null)
        {
            var total = 0.0;
            for (var j = 0; j < n; j++)
            {
                var best = double.PositiveInfinity;
                for (var i = 0; i < m; i++)
                {
                    if (open[i] && Allowed(problem, i, j)) best = Math.Min(best, problem.AssignmentCost[(i * n) + j]);
                }
                total += best;
            }
            return total;
        }
        return problem.Sourcing == SourcingMode.MultiSource ? ReferenceTransport(problem, open) : SingleSource(problem, open);
    }

    private static double SingleSource(FacilityProblem problem, bool[] open)
    {
        int m = problem.SiteCount, n = problem.CustomerCount;
        var room = problem.CapacityUnits!.ToArray();
        var best = double.PositiveInfinity;
        Assign(0, 0);
        return best;

        void Assign(int j, double cost)
        {
            if (cost >= best) return;
            if (j == n)
            {
                best = cost;
                return;
            }
            for (var i = 0; i < m; i++)
            {
                if (!open[i] || room[i] < problem.DemandUnits[j]) continue;
                room[i] -= problem.DemandUnits[j];
                Assign(j + 1, cost + problem.AssignmentCost[(i * n) + j]);
                room[i] += problem.DemandUnits[j];
            }
        }
    }

    /// <summary>Min-cost flow one demand unit at a time along Bellman–Ford shortest paths (integer demands and capacities).</summary>
    private static double ReferenceTransport(FacilityProblem problem, bool[] open)
    {
        int m = problem.SiteCount, n = problem.CustomerCount;
        var room = new double[m];
        for (var i = 0; i < m; i++) room[i] = open[i] ? problem.CapacityUnits![i] : 0;
        var unmet = problem.DemandUnits.ToArray();
        var flow = new double[m, n];
        var cost = 0.0;
        double Unit(int i, int j) => problem.AssignmentCost[(i * n) + j] / problem.DemandUnits[j];
        for (var j = 0; j < n; j++)
        {
            if (problem.DemandUnits[j] > 0) continue;
            // Zero demand: the cheapest open site serves it in full.
            cost += Enumerable.Range(0, m).Where(i => open[i]).Min(i => problem.AssignmentCost[(i * n) + j]);
        }
        while (unmet.Sum() > 0)
        {
            // Nodes: sites 0..m-1, customers m..m+n-1; distances from a virtual source linked to sites with room.
            var dist = new double[m + n];
            var parent = new int[m + n];
            Array.Fill(dist, double.PositiveInfinity);
            Array.Fill(parent, -1);
            for (var i = 0; i < m; i++)
            {
                if (room[i] >= 1) dist[i] = 0;
            }
            for (var round = 0; round < m + n; round++)
            {
                for (var i = 0; i < m; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        if (!open[i] || problem.DemandUnits[j] <= 0) continue;
                        if (dist[i] + Unit(i, j) < dist[m + j] - 1e-12)
                        {
                            dist[m + j] = dist[i] + Unit(i, j);
                            parent[m + j] = i;
                        }
                        if (flow[i, j] >= 1 && dist[m + j] - Unit(i, j) < dist[i] - 1e-12)
                        {
                            dist[i] = dist[m + j] - Unit(i, j);
                            parent[i] = m + j;
                        }
                    }
                }
            }
            var end = -1;
            for (var j = 0; j < n; j++)
            {
                if (unmet[j] >= 1 && (end < 0 || dist[m + j] < dist[m + end])) end = j;
            }
            if (end < 0 || double.IsPositiveInfinity(dist[m + end])) return double.PositiveInfinity;
            cost += dist[m + end];
            unmet[end] -= 1;
            var node = m + end;
            while (true)
            {
                var site = parent[node];
                flow[site, node - m] += 1;
                if (parent[site] < 0)
                {
                    room[site] -= 1;
                    break;
                }
                flow[site, parent[site] - m] -= 1;
                node = parent[site];
            }
        }
        return cost;
    }
}
