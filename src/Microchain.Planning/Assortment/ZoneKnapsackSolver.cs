namespace Microchain.Planning.Assortment;

/// <summary>
/// Solves <see cref="ZoneKnapsackProblem"/>: greedy by density (score per share of zone volume plus share of
/// slots), then add/swap local search; branch and bound when the candidates are few enough, proving optimality
/// within the node limit; otherwise the Lagrangian bound (slots relaxed with a multiplier, each zone's LP by
/// Dantzig's rule, minimised over the multiplier), which equals the LP relaxation's bound, gives the gap.
/// Arrays and index loops throughout: this is the hot loop of assortment planning.
/// </summary>
public static partial class ZoneKnapsackSolver
{
    public static ZoneKnapsackSolution Solve(ZoneKnapsackProblem problem, ZoneKnapsackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Check();
        options ??= ZoneKnapsackOptions.Default;
        var s = new State(problem);
        if (s.Cand.Length == 0) return new ZoneKnapsackSolution([], 0, 0, KnapsackStatus.Optimal, 0, 0);
        Greedy(s, s.Order);
        LocalSearch(s, options.MaxLocalSearchPasses);
        var incumbent = s.Chosen();
        var score = s.Score;
        var (lagrangian, lambda) = LagrangianBound(s);
        // A second start guided by the bound: the slot priced at λ, items by (score − λ) per unit of volume.
        s.Clear();
        Greedy(s, Enumerable.Range(0, s.Cand.Length)
            .OrderByDescending(k => (s.Score0[k] - lambda) / s.Vol[k]).ThenBy(k => s.Cand[k]).ToArray());
        LocalSearch(s, options.MaxLocalSearchPasses);
        if (s.Score > score) (incumbent, score) = (s.Chosen(), s.Score);
        if (s.Cand.Length <= options.MaxExactItems)
        {
            var bb = new BranchAndBound(s, score, incumbent, options.MaxNodes);
            bb.Run();
            if (bb.Complete) return new ZoneKnapsackSolution(Sorted(bb.Best), bb.BestScore, bb.BestScore, KnapsackStatus.Optimal, bb.Nodes, lambda);
            return new ZoneKnapsackSolution(Sorted(bb.Best), bb.BestScore, Math.Max(bb.BestScore, lagrangian), KnapsackStatus.Feasible, bb.Nodes, lambda);
        }
        return new ZoneKnapsackSolution(Sorted(incumbent), score, Math.Max(score, lagrangian),
            lagrangian <= score ? KnapsackStatus.Optimal : KnapsackStatus.Feasible, 0, lambda);
    }

    private static int[] Sorted(IEnumerable<int> items)
    {
        var a = items.ToArray();
        Array.Sort(a);
        return a;
    }

    /// <summary>Working state: the candidates (positive score, fit alone) in density order, and the current selection.</summary>
    internal sealed class State
    {
        public State(ZoneKnapsackProblem p)
        {
            P = p;
            Cap = p.Capacities.ToArray();
            var list = new List<int>();
            if (p.Slots > 0)
                for (var i = 0; i < p.Count; i++)
                    if (p.Scores[i] > 0 && p.Volumes[i] <= Cap[p.Zones[i]]) list.Add(i);
            Cand = list.ToArray();
            Score0 = Cand.Select(i => p.Scores[i]).ToArray();
            Vol = Cand.Select(i => p.Volumes[i]).ToArray();
            Zone = Cand.Select(i => p.Zones[i]).ToArray();
            var density = new double[Cand.Length];
            for (var k = 0; k < Cand.Length; k++) density[k] = Score0[k] / ((double)Vol[k] / Cap[Zone[k]] + 1.0 / p.Slots);
            Order = Enumerable.Range(0, Cand.Length).OrderByDescending(k => density[k]).ThenBy(k => Cand[k]).ToArray();
            In = new bool[Cand.Length];
            Used = new long[Cap.Length];
        }

        public ZoneKnapsackProblem P { get; }
        public long[] Cap { get; }
        public int[] Cand { get; }
        public long[] Score0 { get; }
        public long[] Vol { get; }
        public int[] Zone { get; }
        public int[] Order { get; }
        public bool[] In { get; }
        public long[] Used { get; }
        public int Count { get; set; }
        public long Score { get; set; }

        public bool FitsAdd(int k) => Count < P.Slots && Used[Zone[k]] + Vol[k] <= Cap[Zone[k]];

        public void Add(int k)
        {
            In[k] = true;
            Used[Zone[k]] += Vol[k];
            Count++;
            Score += Score0[k];
        }

        public void Remove(int k)
        {
            In[k] = false;
            Used[Zone[k]] -= Vol[k];
            Count--;
            Score -= Score0[k];
        }

        public void Clear()
        {
            Array.Clear(In);
            Array.Clear(Used);
            (Count, Score) = (0, 0);
        }

        public List<int> Chosen()
        {
            var list = new List<int>(Count);
            for (var k = 0; k < Cand.Length; k++)
                if (In[k]) list.Add(Cand[k]);
            return list;
        }
    }

    private static void Greedy(State s, int[] order)
    {
        foreach (var k in order)
            if (s.FitsAdd(k)) s.Add(k);
    }

    /// <summary>First-improvement: add any outside item that fits, else swap it for the cheapest inside item that makes room.</summary>
    private static void LocalSearch(State s, int maxPasses)
    {
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var improved = false;
            foreach (var k in s.Order)
            {
                if (s.In[k]) continue;
                if (s.FitsAdd(k))
                {
                    s.Add(k);
                    improved = true;
                    continue;
                }
                var best = -1;
                for (var j = 0; j < s.Cand.Length; j++)
                {
                    if (!s.In[j] || s.Score0[j] >= s.Score0[k]) continue;
                    var room = s.Zone[j] == s.Zone[k] ? s.Used[s.Zone[k]] - s.Vol[j] + s.Vol[k] <= s.Cap[s.Zone[k]] : s.Used[s.Zone[k]] + s.Vol[k] <= s.Cap[s.Zone[k]];
                    if (!room) continue;
                    if (best < 0 || s.Score0[j] < s.Score0[best] || (s.Score0[j] == s.Score0[best] && s.Cand[j] < s.Cand[best])) best = j;
                }
                if (best < 0) continue;
                s.Remove(best);
                s.Add(k);
                improved = true;
            }
            if (!improved) return;
        }
    }

    /// <summary>min over λ ≥ 0 of λ·slots + Σ zones Dantzig(score − λ); convex in λ, so golden-section search.</summary>
    private static (long Bound, double Lambda) LagrangianBound(State s)
    {
        double lo = 0, hi = s.Score0.Max();
        var bestValue = Relaxed(s, 0);
        var bestLambda = 0.0;
        var phi = (Math.Sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
        double fa = Relaxed(s, a), fb = Relaxed(s, b);
        for (var iteration = 0; iteration < 80 && hi - lo > 1e-6; iteration++)
        {
            if (fa <= fb)
            {
                (hi, b, fb) = (b, a, fa);
                a = hi - phi * (hi - lo);
                fa = Relaxed(s, a);
            }
            else
            {
                (lo, a, fa) = (a, b, fb);
                b = lo + phi * (hi - lo);
                fb = Relaxed(s, b);
            }
            if (fa < bestValue) (bestValue, bestLambda) = (fa, a);
            if (fb < bestValue) (bestValue, bestLambda) = (fb, b);
        }
        // Every evaluated λ gives a valid bound; the slack guards against rounding in the doubles.
        return ((long)Math.Floor(bestValue + 1e-7 * Math.Max(1, Math.Abs(bestValue))), bestLambda);
    }

    private static double Relaxed(State s, double lambda)
    {
        var total = lambda * s.P.Slots;
        var keys = new double[s.Cand.Length];
        var idx = new int[s.Cand.Length];
        for (var z = 0; z < s.Cap.Length; z++)
        {
            var n = 0;
            for (var k = 0; k < s.Cand.Length; k++)
            {
                if (s.Zone[k] != z || s.Score0[k] - lambda <= 0) continue;
                keys[n] = -(s.Score0[k] - lambda) / s.Vol[k];
                idx[n++] = k;
            }
            Array.Sort(keys, idx, 0, n);
            double room = s.Cap[z];
            for (var m = 0; m < n && room > 0; m++)
            {
                var k = idx[m];
                var take = Math.Min(1.0, room / s.Vol[k]);
                total += take * (s.Score0[k] - lambda);
                room -= take * s.Vol[k];
            }
        }
        return total;
    }
}
