using System.Globalization;
using System.Text;
using Microchain.Planning.Assortment;

namespace Microchain.Cli.Commands;

/// <summary>
/// The files of <c>microchain plan assortment</c>: demand history <c>node,sku,day,units</c> (day an integer or a
/// yyyy-MM-dd date), the current assortment <c>node,sku[,stocked,…]</c> (the plan's own CSV reads back as one),
/// and the plan as CSV.
/// </summary>
internal static class AssortmentCsv
{
    public const int MaxRows = 2_000_000;

    public static IReadOnlyList<DemandRecord> ReadDemand(FileInfo file)
    {
        var records = new List<DemandRecord>();
        bool? dates = null;
        foreach (var (f, where) in Rows(file, "node"))
        {
            if (f.Length != 4) throw new CliException($"{where}: expected node,sku,day,units");
            var isDate = f[2].Contains('-', StringComparison.Ordinal) && f[2].Length == 10;
            // Day numbers and dates count from different origins: mixing them would put rows years apart.
            if (dates is { } d && d != isDate) throw new CliException($"{where}: days must be all integers or all yyyy-MM-dd dates");
            dates = isDate;
            if (!double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var units) || !double.IsFinite(units) || units < 0)
                throw new CliException($"{where}: units must be a non-negative number");
            records.Add(new DemandRecord(f[0], f[1], Day(f[2], where), units));
        }
        return records;
    }

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ReadCurrent(FileInfo file)
    {
        var byNode = new SortedDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (f, where) in Rows(file, "node"))
        {
            // Only the first three fields are read: the plan's CSV has more (a quoted reason may hold commas).
            if (f.Length < 2) throw new CliException($"{where}: expected node,sku[,stocked,…]");
            if (!byNode.TryGetValue(f[0], out var skus)) byNode[f[0]] = skus = new HashSet<string>(StringComparer.Ordinal);
            if (f.Length == 2 || f[2].Equals("true", StringComparison.OrdinalIgnoreCase)) skus.Add(f[1]);
        }
        return byNode.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    public static string Write(AssortmentPlan plan)
    {
        var text = new StringBuilder("node,sku,stocked,change,zone,daily_demand_units,space_units,space_liters,value_cents_per_day,reason\n");
        foreach (var node in plan.Nodes)
            foreach (var l in node.Lines.Where(l => l.Stocked || l.Change != "none"))
                text.Append(CultureInfo.InvariantCulture,
                    $"{node.NodeId},{l.SkuId},{(l.Stocked ? "true" : "false")},{l.Change},{l.Zone},{l.DailyDemandUnits:0.####},{l.SpaceUnits},{l.SpaceMilliliters / 1000.0:0.###},{l.ValueCentsPerDay},\"{l.Reason.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n");
        return text.ToString();
    }

    private static int Day(string text, string where)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var day)) return day;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date.DayNumber;
        throw new CliException($"{where}: day must be an integer or a yyyy-MM-dd date");
    }

    private static IEnumerable<(string[] Fields, string Where)> Rows(FileInfo file, string header)
    {
        if (!file.Exists) throw new CliException($"{file.FullName} does not exist");
        var line = 0;
        var rows = 0;
        foreach (var text in File.ReadLines(file.FullName))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text) || (line == 1 && text.StartsWith(header, StringComparison.OrdinalIgnoreCase))) continue;
            if (++rows > MaxRows) throw new CliException($"{file.FullName}: more than {MaxRows:N0} rows");
            yield return (text.Split(',').Select(f => f.Trim()).ToArray(), $"{file.FullName}:{line}");
        }
    }
}
