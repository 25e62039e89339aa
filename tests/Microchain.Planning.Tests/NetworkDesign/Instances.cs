using CsCheck;
using Microchain.Planning.NetworkDesign;

namespace Microchain.Planning.Tests.NetworkDesign;

/// <summary>Generators of tiny random instances (integer data, so brute force and the solver agree exactly).</summary>
internal static class Instances
{
    public static readonly Gen<FacilityProblem> Uncapacitated =
        from m in Gen.Int[1, 6]
        from n in Gen.Int[1, 7]
        from opening in Gen.Int[0, 300].Array[m]
        from demand in Gen.Int[1, 5].Array[n]
        from cost in Gen.Int[0, 100].Array[m * n]
        select new FacilityProblem(ToDouble(opening), ToDouble(demand), ToDouble(cost));

    /// <summary>Capacities drawn so that opening every site always holds the demand.</summary>
    public static Gen<FacilityProblem> Capacitated(SourcingMode sourcing) =>
        from m in Gen.Int[1, 5]
        from n in Gen.Int[1, 6]
        from opening in Gen.Int[0, 300].Array[m]
        from demand in Gen.Int[1, 5].Array[n]
        from capacity in Gen.Int[1, 12].Array[m]
        from cost in Gen.Int[0, 100].Array[m * n]
        let total = demand.Sum()
        let held = capacity.Sum()
        select new FacilityProblem(ToDouble(opening), ToDouble(demand), ToDouble(cost))
        {
            CapacityUnits = [.. capacity.Select(c => (double)(held >= total ? c : c + total))],
            Sourcing = sourcing,
        };

    /// <summary>Site statuses where about a third of the sites are forced one way or the other.</summary>
    public static Gen<SiteStatus[]> Statuses(int m) =>
        Gen.Int[0, 5].Array[m].Select(a => a.Select(v => v switch { 0 => SiteStatus.ForcedOpen, 1 => SiteStatus.ForcedClosed, _ => SiteStatus.Free }).ToArray());

    public static double[] ToDouble(int[] values) => [.. values.Select(v => (double)v)];

    public static string Describe(FacilityProblem p) =>
        $"m={p.SiteCount} n={p.CustomerCount} open=[{string.Join(",", p.OpeningCost)}] demand=[{string.Join(",", p.DemandUnits)}] " +
        $"cap=[{string.Join(",", p.CapacityUnits ?? [])}] cost=[{string.Join(",", p.AssignmentCost)}] status=[{string.Join(",", p.SiteStatuses ?? [])}] " +
        $"min={p.MinOpenSites} max={p.MaxOpenSites} budget={p.OpeningBudget}";
}
