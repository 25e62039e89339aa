using Microchain.Domain.Customers;
using Microchain.Planning.Sourcing;
using static Microchain.Planning.Tests.Sourcing.SourcingFixture;

namespace Microchain.Planning.Tests.Sourcing;

/// <summary>
/// Random sourcing inputs that reach every rule of the strategies: duplicate SKUs in lines, ATP from none to deep
/// stock, nodes without pick capacity, equal distances and equal pick costs (ties), days of cover, assortments
/// that exclude SKUs, and segment weights with 1..3 nodes per order.
/// </summary>
internal static class SourcingInputs
{
    private static readonly string[] SkuIds = ["a", "b", "c", "d", "e"];

    private static readonly Gen<int> Atp = Gen.Frequency((3, Gen.Const(0)), (5, Gen.Int[1, 4]), (2, Gen.Int[5, 12]), (2, Gen.Const(10_000_000)));

    private static readonly Gen<SourcingLine> Line = Gen.Select(Gen.Int[0, SkuIds.Length - 1], Gen.Int[1, 6], (s, q) => new SourcingLine(SkuIds[s], q));

    private static readonly Gen<Dictionary<string, double>?> DaysOfCover = Gen.Frequency(
        (2, Gen.Const((Dictionary<string, double>?)null)),
        (1, Gen.Double[0, 6].Array[SkuIds.Length].Select(d => (Dictionary<string, double>?)SkuIds.Select((s, i) => (s, d[i])).Where(p => p.Item2 > 0.5).ToDictionary())));

    private static readonly Gen<string[]?> NotStocked = Gen.Frequency(
        (3, Gen.Const((string[]?)null)),
        (1, Gen.Int[0, SkuIds.Length - 1].Array[0, 3].Select(s => (string[]?)s.Select(i => SkuIds[i]).ToArray())));

    /// <summary>A node at one of a few positions (equal distances) with one of a few pick costs (equal costs).</summary>
    private static readonly Gen<Func<int, NodeCandidate>> Node = Gen.Select(
        Gen.Int[-3, 6], Gen.Frequency((1, Gen.Const(true)), (3, Gen.Const(false))), Atp.Array[SkuIds.Length], Gen.Int[18, 21],
        Gen.Frequency((1, Gen.Const(0)), (6, Gen.Int[1, 300])), Gen.Int[0, 400], DaysOfCover, NotStocked,
        (position, deep, atp, pickCents, capacity, queued, days, notStocked) => new Func<int, NodeCandidate>(i => new NodeCandidate(
            $"n{i}", North(position), SkuIds.Select((s, k) => (s, deep ? 10_000_000 : atp[k])).Where(p => p.Item2 > 0 || p.s == "e").ToDictionary(),
            pickCents, capacity, queued, days, notStocked)));

    private static readonly Gen<CostToServeWeights> Weights = Gen.Select(
        Gen.Int[0, 120], Gen.Int[0, 300], Gen.Int[0, 600], Gen.Int[0, 40], Gen.Int[0, 20], Gen.Double[0, 4], Gen.Int[1, 3],
        (km, stop, split, load, balance, days, maxNodes) => new CostToServeWeights(km, stop, split, load, balance, days, maxNodes));

    /// <summary>An order (1–8 lines) and its context (1–16 candidates, at times up to 24: more than are combined; weights for its segment).</summary>
    public static Gen<(SourcingRequest Request, SourcingContext Context)> Any { get; } = Gen.Select(
        Line.Array[1, 8], Gen.Frequency((6, Node.Array[1, 16]), (1, Node.Array[17, 24])), Weights, Weights, Gen.Bool, Gen.Int[-2, 2],
        (lines, nodes, defaults, express, isExpress, customer) =>
        {
            var request = new SourcingRequest("o1", lines, North(customer), isExpress ? "express" : "standard", ServicePromise.SameDay);
            var settings = new CostToServeSettings(defaults, new Dictionary<string, CostToServeWeights> { ["express"] = express });
            return (request, new SourcingContext(nodes.Select((n, i) => n(i)).ToArray(), Travel, settings));
        });
}
