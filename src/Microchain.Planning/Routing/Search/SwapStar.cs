using System.Runtime.CompilerServices;

namespace Microchain.Planning.Routing.Search;

/// <summary>
/// SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP* neighborhood"):
/// exchange u of route A with v of route B, each reinserted at its best position in the other route rather than in
/// the other's place. With the three cheapest insertion positions of every job in the other route precomputed, the
/// best exchange of all pairs is found in O(|A|·|B|): at most two of the three positions touch v, so one survives.
/// Distance only; callers add what depends on the pair alone (loads) through <c>pairCost</c> and check time windows.
/// </summary>
internal sealed class SwapStar
{
    private readonly double[] _topCostA, _topCostB;
    private readonly int[] _topAfterA, _topAfterB;

    /// <summary>Scratch for routes of up to <paramref name="maxLength"/> jobs.</summary>
    public SwapStar(int maxLength)
    {
        _topCostA = new double[3 * maxLength];
        _topAfterA = new int[3 * maxLength];
        _topCostB = new double[3 * maxLength];
        _topAfterB = new int[3 * maxLength];
    }

    /// <summary>
    /// The best exchange: <see cref="Move.U"/> (index in A) goes to B after B's index <see cref="Move.UAfter"/>
    /// (-1 for the start; never v's index, and v's predecessor means "in v's place"), and symmetrically for v.
    /// <see cref="Move.Delta"/> is the change of costA·distance(A) + costB·distance(B) + pairCost; +∞ when A or B is empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Move Best(ReadOnlySpan<int> a, int startA, int endA, double costA, ReadOnlySpan<int> b, int startB, int endB,
        double costB, long[] dist, int n, Func<int, int, double>? pairCost)
    {
        var best = new Move(double.PositiveInfinity, -1, -1, -1, -1);
        if (a.Length == 0 || b.Length == 0) return best;
        TopInsertions(a, b, startB, endB, dist, n, _topCostA, _topAfterA);
        TopInsertions(b, a, startA, endA, dist, n, _topCostB, _topAfterB);
        for (var i = 0; i < a.Length; i++)
        {
            var u = a[i];
            var pu = i == 0 ? startA : a[i - 1];
            var su = i == a.Length - 1 ? endA : a[i + 1];
            var removeU = D(dist, n, pu, su) - D(dist, n, pu, u) - D(dist, n, u, su);
            for (var k = 0; k < b.Length; k++)
            {
                var v = b[k];
                var pv = k == 0 ? startB : b[k - 1];
                var sv = k == b.Length - 1 ? endB : b[k + 1];
                var removeV = D(dist, n, pv, sv) - D(dist, n, pv, v) - D(dist, n, v, sv);
                // u into B without v: in v's place, or the best of its top three positions not next to v.
                double insertU = D(dist, n, pv, u) + D(dist, n, u, sv) - D(dist, n, pv, sv);
                var uAfter = k - 1;
                for (var t = 0; t < 3; t++)
                {
                    var after = _topAfterA[(3 * i) + t];
                    if (after == int.MinValue) break;
                    if (after == k || after == k - 1) continue;
                    if (_topCostA[(3 * i) + t] < insertU)
                    {
                        insertU = _topCostA[(3 * i) + t];
                        uAfter = after;
                    }
                    break;
                }
                double insertV = D(dist, n, pu, v) + D(dist, n, v, su) - D(dist, n, pu, su);
                var vAfter = i - 1;
                for (var t = 0; t < 3; t++)
                {
                    var after = _topAfterB[(3 * k) + t];
                    if (after == int.MinValue) break;
                    if (after == i || after == i - 1) continue;
                    if (_topCostB[(3 * k) + t] < insertV)
                    {
                        insertV = _topCostB[(3 * k) + t];
                        vAfter = after;
                    }
                    break;
                }
                var delta = (costA * (removeU + insertV)) + (costB * (removeV + insertU));
                if (pairCost is not null && delta < best.Delta) delta += pairCost(i, k);
                if (delta < best.Delta) best = new Move(delta, i, uAfter, k, vAfter);
            }
        }
        return best;
    }

    /// <summary>For each job of <paramref name="from"/>, its three cheapest insertions into <paramref name="into"/> (by the index they follow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TopInsertions(ReadOnlySpan<int> from, ReadOnlySpan<int> into, int start, int end, long[] dist, int n,
        double[] cost, int[] after)
    {
        for (var i = 0; i < from.Length; i++)
        {
            var x = from[i];
            double c0 = double.PositiveInfinity, c1 = double.PositiveInfinity, c2 = double.PositiveInfinity;
            int a0 = int.MinValue, a1 = int.MinValue, a2 = int.MinValue;
            for (var p = -1; p < into.Length; p++)
            {
                var prev = p < 0 ? start : into[p];
                var next = p == into.Length - 1 ? end : into[p + 1];
                double c = D(dist, n, prev, x) + D(dist, n, x, next) - D(dist, n, prev, next);
                if (c < c0) { c2 = c1; a2 = a1; c1 = c0; a1 = a0; c0 = c; a0 = p; }
                else if (c < c1) { c2 = c1; a2 = a1; c1 = c; a1 = p; }
                else if (c < c2) { c2 = c; a2 = p; }
            }
            cost[3 * i] = c0; cost[(3 * i) + 1] = c1; cost[(3 * i) + 2] = c2;
            after[3 * i] = a0; after[(3 * i) + 1] = a1; after[(3 * i) + 2] = a2;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long D(long[] dist, int n, int from, int to) => dist[(from * n) + to];

    /// <summary>Writes the two routes after <paramref name="move"/> into <paramref name="newA"/> and <paramref name="newB"/> (same lengths as a and b).</summary>
    public static void Apply(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Move move, Span<int> newA, Span<int> newB)
    {
        Rebuild(a, move.U, b[move.V], move.VAfter, newA);
        Rebuild(b, move.V, a[move.U], move.UAfter, newB);
    }

    /// <summary>Route without its element at <paramref name="removed"/>, with <paramref name="inserted"/> after original index <paramref name="after"/>.</summary>
    private static void Rebuild(ReadOnlySpan<int> route, int removed, int inserted, int after, Span<int> result)
    {
        var w = 0;
        if (after < 0) result[w++] = inserted;
        for (var i = 0; i < route.Length; i++)
        {
            if (i != removed) result[w++] = route[i];
            if (i == after) result[w++] = inserted;
        }
    }

    /// <summary>One SWAP* exchange; indices refer to the routes before the move.</summary>
    public readonly record struct Move(double Delta, int U, int UAfter, int V, int VAfter);
}
