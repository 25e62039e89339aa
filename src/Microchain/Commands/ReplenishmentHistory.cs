using System.Globalization;
using System.Text.Json;
using Microchain.Planning.Replenishment;
using Microchain.Server.Forecasting;

namespace Microchain.Cli.Commands;

/// <summary>
/// Demand history for <c>plan replenishment</c>: a CSV <c>date,node,sku,units[,segment]</c> (one row per day, node,
/// SKU and optionally segment; missing days are zero), or the JSON request of <c>microchain forecast</c> whose series
/// ids are <c>NODE/SKU</c> and whose histories are daily, ending the day before the planning day.
/// </summary>
internal static class ReplenishmentHistory
{
    public const int MaxRows = 5_000_000;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public sealed record Loaded(IReadOnlyList<DemandHistoryLine> Lines, IReadOnlyList<SegmentDemand> Segments, DateOnly? LastDay);

    public static Loaded Read(FileInfo file, int historyDays)
    {
        if (!file.Exists) throw new CliException($"{file.FullName} does not exist");
        return file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(file) : ReadCsv(file, historyDays);
    }

    private static Loaded ReadJson(FileInfo file)
    {
        ForecastRequest request;
        try
        {
            request = JsonSerializer.Deserialize<ForecastRequest>(File.ReadAllText(file.FullName), JsonOptions)
                ?? throw new CliException($"{file.FullName}: empty request");
        }
        catch (JsonException ex)
        {
            throw new CliException($"{file.FullName}: {ex.Message}");
        }
        var lines = new List<DemandHistoryLine>();
        foreach (var s in request.Series ?? [])
        {
            var slash = s.Id?.IndexOf('/', StringComparison.Ordinal) ?? -1;
            if (slash <= 0 || slash == s.Id!.Length - 1) throw new CliException($"{file.FullName}: series id '{s.Id}' is not NODE/SKU");
            if (s.History is null || s.History.Any(v => !double.IsFinite(v) || v < 0)) throw new CliException($"{file.FullName}: series {s.Id}: history must be finite, non-negative numbers");
            lines.Add(new DemandHistoryLine(s.Id[..slash], s.Id[(slash + 1)..], s.History));
        }
        return new Loaded(lines, [], null);
    }

    private static Loaded ReadCsv(FileInfo file, int historyDays)
    {
        var rows = new List<(DateOnly Day, string Node, string Sku, double Units, string? Segment)>();
        var line = 0;
        foreach (var text in File.ReadLines(file.FullName))
        {
            line++;
            if (line == 1 && text.StartsWith("date", StringComparison.OrdinalIgnoreCase)) continue;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (rows.Count >= MaxRows) throw new CliException($"{file.FullName}: more than {MaxRows:N0} rows");
            var f = text.Split(',');
            if (f.Length is < 4 or > 5
                || !DateOnly.TryParseExact(f[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || f[1].Trim().Length == 0 || f[2].Trim().Length == 0)
                throw new CliException($"{file.FullName}:{line}: expected date(yyyy-MM-dd),node,sku,units[,segment]");
            if (!double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var units) || !double.IsFinite(units) || units < 0)
                throw new CliException($"{file.FullName}:{line}: units must be a non-negative number");
            rows.Add((day, f[1].Trim(), f[2].Trim(), units, f.Length == 5 && f[4].Trim().Length > 0 ? f[4].Trim() : null));
        }
        if (rows.Count == 0) return new Loaded([], [], null);
        var last = rows.Max(r => r.Day);
        var first = last.AddDays(1 - historyDays);
        var series = new Dictionary<(string, string), double[]>();
        var segments = new Dictionary<(string, string), double>();
        foreach (var r in rows)
        {
            if (r.Day < first) continue;
            if (!series.TryGetValue((r.Node, r.Sku), out var days)) series[(r.Node, r.Sku)] = days = new double[historyDays];
            days[r.Day.DayNumber - first.DayNumber] += r.Units;
            if (r.Segment is { } s) segments[(r.Node, s)] = segments.GetValueOrDefault((r.Node, s)) + r.Units;
        }
        return new Loaded(
            [.. series.Select(s => new DemandHistoryLine(s.Key.Item1, s.Key.Item2, s.Value))],
            [.. segments.Select(s => new SegmentDemand(s.Key.Item1, s.Key.Item2, s.Value))],
            last);
    }
}
