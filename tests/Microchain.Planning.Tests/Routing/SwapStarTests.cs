using CsCheck;
using Microchain.Planning.Routing.Search;
using Xunit;

namespace Microchain.Planning.Tests.Routing;

public sealed class SwapStarTests
{
    /// <summary>Two routes over distinct locations 1..; location 0 is the depot; an asymmetric random matrix.</summary>
    private static readonly Gen<(int[] A, int[] B, long[] Dist, int N)> Cases =
        from lengthA in Gen.Int[1, 6]
        from lengthB in Gen.Int[1, 6]
        from entries in Gen.Long[0, 100].Array[(lengthA + lengthB + 1) * (lengthA + lengthB + 1)]
        select (Enumerable.Range(1, lengthA).ToArray(), Enumerable.Range(lengthA + 1, lengthB).ToArray(), entries, lengthA + lengthB + 1);

    private static long RouteDistance(IReadOnlyList<int> route, long[] dist, int n)
    {
        long total = 0;
        var prev = 0;
        foreach (var x in route)
        {
            total += dist[(prev * n) + x];
            prev = x;
        }
        return total + dist[prev * n];
    }

    /// <summary>Every exchange of u in A and v in B with every reinsertion position of each.</summary>
    private static long BruteForceBest(int[] a, int[] b, long[] dist, int n)
    {
        var before = RouteDistance(a, dist, n) + RouteDistance(b, dist, n);
        var best = long.MaxValue;
        for (var i = 0; i < a.Length; i++)
        {
            for (var k = 0; k < b.Length; k++)
            {
                var restA = a.Where((_, x) => x != i).ToList();
                var restB = b.Where((_, x) => x != k).ToList();
                for (var pa = 0; pa <= restA.Count; pa++)
                {
                    var newA = restA.ToList();
                    newA.Insert(pa, b[k]);
                    var distA = RouteDistance(newA, dist, n);
                    for (var pb = 0; pb <= restB.Count; pb++)
                    {
                        var newB = restB.ToList();
                        newB.Insert(pb, a[i]);
                        best = Math.Min(best, distA + RouteDistance(newB, dist, n) - before);
                    }
                }
            }
        }
        return best;
    }

    [Fact]
    public void Best_smallRoutes_equalsBruteForceOptimum() =>
        Cases.Sample(c =>
        {
            var swap = new SwapStar(c.A.Length + c.B.Length);
            var move = swap.Best(c.A, 0, 0, 1, c.B, 0, 0, 1, c.Dist, c.N, pairCost: null);
            Assert.Equal(BruteForceBest(c.A, c.B, c.Dist, c.N), (long)move.Delta);
        }, iter: 1000, threads: 1);

    [Fact]
    public void Apply_bestMove_changesDistanceByItsDelta() =>
        Cases.Sample(c =>
        {
            var swap = new SwapStar(c.A.Length + c.B.Length);
            var move = swap.Best(c.A, 0, 0, 1, c.B, 0, 0, 1, c.Dist, c.N, pairCost: null);
            var newA = new int[c.A.Length];
            var newB = new int[c.B.Length];
            SwapStar.Apply(c.A, c.B, move, newA, newB);
            Assert.Equal(c.A.Where((_, x) => x != move.U).Append(c.B[move.V]).Order(), newA.Order());
            Assert.Equal(c.B.Where((_, x) => x != move.V).Append(c.A[move.U]).Order(), newB.Order());
            var change = RouteDistance(newA, c.Dist, c.N) + RouteDistance(newB, c.Dist, c.N)
                - RouteDistance(c.A, c.Dist, c.N) - RouteDistance(c.B, c.Dist, c.N);
            Assert.Equal((long)move.Delta, change);
        }, iter: 1000, threads: 1);

    [Fact]
    public void Best_pairCost_addedToTheChosenExchange() =>
        Cases.Sample(c =>
        {
            var swap = new SwapStar(c.A.Length + c.B.Length);
            // Forbid every exchange but the one of the first jobs: the result must be that pair's best exchange.
            var move = swap.Best(c.A, 0, 0, 1, c.B, 0, 0, 1, c.Dist, c.N, (i, k) => i == 0 && k == 0 ? 0 : 1e9);
            Assert.Equal(0, move.U);
            Assert.Equal(0, move.V);
        }, iter: 300, threads: 1);
}
