namespace Microchain.Bench.Routing;

/// <summary>One instance's outcome: our gap per seed (null = infeasible) and the peer's gap.</summary>
public sealed record InstanceResult(string Instance, string Family, IReadOnlyList<double?> OurGapsPct, double? PeerGapPct, bool PeerRan);

/// <summary>Per-family and overall mean/worst gaps of ours and the peer, side by side.</summary>
public static class GapTable
{
    /// <summary>Headline figures of the whole run.</summary>
    public sealed record Summary(int Instances, int Runs, int OursFeasible, double OursMeanGapPct, double OursWorstGapPct,
        int PeerFeasible, double? PeerMeanGapPct, double? PeerWorstGapPct);

    public static Summary Print(TextWriter output, IReadOnlyList<InstanceResult> results)
    {
        output.WriteLine();
        output.WriteLine($"{"family",-8}{"n",4}{"ours mean",11}{"ours worst",12}{"feasible",10}{"peer mean",11}{"peer worst",12}{"feasible",10}{"gap ratio",11}");
        foreach (var family in results.Select(r => r.Family).Distinct().Order(StringComparer.Ordinal))
            PrintRow(output, family, Summarise(results.Where(r => r.Family == family).ToList()));
        var all = Summarise(results);
        PrintRow(output, "all", all);
        output.WriteLine("gaps in % over the best-known value; means over feasible runs; gap ratio = ours mean / peer mean");
        return all;
    }

    /// <summary>Per-family figures for the JSON headline: ours mean/worst and feasible runs, the peer's mean.</summary>
    public static IReadOnlyList<object> Families(IReadOnlyList<InstanceResult> results) =>
        [.. results.Select(r => r.Family).Distinct().Order(StringComparer.Ordinal).Select(family =>
        {
            var s = Summarise(results.Where(r => r.Family == family).ToList());
            return (object)new
            {
                family,
                s.Instances,
                oursFeasibleRuns = s.OursFeasible,
                oursRuns = s.Runs,
                oursMeanGapPct = Math.Round(s.OursMeanGapPct, 4),
                oursWorstGapPct = Math.Round(s.OursWorstGapPct, 4),
                peerFeasible = s.PeerFeasible,
                peerMeanGapPct = s.PeerMeanGapPct is { } p ? Math.Round(p, 4) : (double?)null,
            };
        })];

    private static Summary Summarise(IReadOnlyList<InstanceResult> rows)
    {
        var ours = rows.SelectMany(r => r.OurGapsPct).ToList();
        var oursFeasible = ours.Where(g => g.HasValue).Select(g => g!.Value).ToList();
        var peer = rows.Where(r => r.PeerRan).ToList();
        var peerFeasible = peer.Where(r => r.PeerGapPct.HasValue).Select(r => r.PeerGapPct!.Value).ToList();
        return new Summary(rows.Count, ours.Count, oursFeasible.Count,
            oursFeasible.Count == 0 ? double.NaN : oursFeasible.Average(),
            oursFeasible.Count == 0 ? double.NaN : oursFeasible.Max(),
            peerFeasible.Count,
            peerFeasible.Count == 0 ? null : peerFeasible.Average(),
            peerFeasible.Count == 0 ? null : peerFeasible.Max());
    }

    private static void PrintRow(TextWriter output, string label, Summary s)
    {
        var ratio = s.PeerMeanGapPct is > 0 ? (s.OursMeanGapPct / s.PeerMeanGapPct.Value).ToString("0.000") : "-";
        output.WriteLine($"{label,-8}{s.Instances,4}{s.OursMeanGapPct,11:0.000}{s.OursWorstGapPct,12:0.000}{$"{s.OursFeasible}/{s.Runs}",10}" +
            $"{Format(s.PeerMeanGapPct),11}{Format(s.PeerWorstGapPct),12}{$"{s.PeerFeasible}/{s.Instances}",10}{ratio,11}");
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.000") : "-";

    /// <summary>A gap with its sign, two decimals; gaps that round to zero print as +0.00.</summary>
    public static string FormatGap(double gapPct) => (Math.Abs(gapPct) < 0.005 ? 0 : gapPct).ToString("+0.00;-0.00");

    /// <summary>Gap in percent of <paramref name="value"/> over <paramref name="reference"/>.</summary>
    public static double Percent(double value, double reference) => 100.0 * (value - reference) / reference;
}
