using System.Globalization;
using Microchain.Domain.Geo;

namespace Microchain.Server.Orders;

/// <summary>One order read from an import CSV: its key, the file row of its first line, and the request.</summary>
public sealed record CsvOrder(string Key, int Row, OrderRequest Order);

/// <summary>Where a CSV stops making sense: 1-based file row and column (field number).</summary>
public sealed record CsvError(int Row, int Column, string Message)
{
    public override string ToString() => $"{Row}:{Column}: {Message}";
}

/// <summary>The orders of a CSV, or the first error, or that it has more rows than allowed.</summary>
public sealed record CsvRead(IReadOnlyList<CsvOrder> Orders, CsvError? Error, bool TooManyRows);

/// <summary>
/// The order import CSV: one order line per row,
/// <c>idempotency_key,customer_id,sku_id,quantity,lat,lon,locker_id,window_start,window_end</c>. Rows sharing a key
/// are one order's lines and must agree on everything but the SKU and quantity. A first row equal to that header is
/// skipped; blank rows are skipped (rows still count in positions). Fields may be quoted RFC 4180 style.
/// </summary>
public static class OrderCsv
{
    public const string Header = "idempotency_key,customer_id,sku_id,quantity,lat,lon,locker_id,window_start,window_end";
    public static readonly IReadOnlyList<string> Columns = Header.Split(',');

    public static CsvRead Parse(string text, int maxRows)
    {
        var orders = new List<(string Key, int Row, string[] First, List<OrderLineRequest> Lines)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var row = 0;
        var dataRows = 0;
        using var reader = new StringReader(text);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            row++;
            if (line.Length == 0 || (dataRows == 0 && orders.Count == 0 && string.Equals(line.Trim(), Header, StringComparison.OrdinalIgnoreCase))) continue;
            if (++dataRows > maxRows) return new CsvRead([], null, true);
            if (Split(line, row, out var error) is not { } fields) return Fail(error!);
            if (fields.Length != Columns.Count)
                return Fail(new CsvError(row, Math.Min(fields.Length, Columns.Count) + 1, $"expected {Columns.Count} fields ({Header}), found {fields.Length}"));
            if (Check(fields, row) is { } bad) return Fail(bad);
            var orderLine = new OrderLineRequest(fields[2], int.Parse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            if (byKey.TryGetValue(fields[0], out var index))
            {
                var first = orders[index];
                foreach (var c in (int[])[1, 4, 5, 6, 7, 8])
                    if (!string.Equals(fields[c], first.First[c], StringComparison.Ordinal))
                        return Fail(new CsvError(row, c + 1, $"{Columns[c]} '{fields[c]}' differs from row {first.Row}, the first row of key '{fields[0]}'"));
                first.Lines.Add(orderLine);
            }
            else
            {
                byKey[fields[0]] = orders.Count;
                orders.Add((fields[0], row, fields, [orderLine]));
            }
        }
        return new CsvRead(orders.Select(o => new CsvOrder(o.Key, o.Row, ToRequest(o.First, o.Lines))).ToArray(), null, false);

        static CsvRead Fail(CsvError error) => new([], error, false);
    }

    private static CsvError? Check(string[] f, int row)
    {
        if (IdempotencyKey.Check(f[0]) is { } keyError) return new CsvError(row, 1, keyError.Replace($"the {IdempotencyKey.Header} header", "the key", StringComparison.Ordinal));
        if (f[1].Length == 0) return new CsvError(row, 2, "customer_id is empty");
        if (f[2].Length == 0) return new CsvError(row, 3, "sku_id is empty");
        if (!int.TryParse(f[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return new CsvError(row, 4, $"quantity '{f[3]}' is not a whole number");
        if ((f[4].Length == 0) != (f[5].Length == 0)) return new CsvError(row, f[4].Length == 0 ? 5 : 6, "lat and lon go together: give both or neither");
        for (var c = 4; c <= 5 && f[4].Length > 0; c++)
        {
            var limit = c == 4 ? 90 : 180;
            if (!double.TryParse(f[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) || !double.IsFinite(degrees) || Math.Abs(degrees) > limit)
                return new CsvError(row, c + 1, $"{Columns[c]} '{f[c]}' is not a number of degrees within ±{limit}");
        }
        if ((f[7].Length == 0) != (f[8].Length == 0)) return new CsvError(row, f[7].Length == 0 ? 8 : 9, "window_start and window_end go together: give both or neither");
        for (var c = 7; c <= 8 && f[7].Length > 0; c++)
            if (!TryInstant(f[c], out _)) return new CsvError(row, c + 1, $"{Columns[c]} '{f[c]}' is not an ISO 8601 instant with an offset (e.g. 2026-11-23T18:00:00+01:00)");
        return null;
    }

    private static OrderRequest ToRequest(string[] f, List<OrderLineRequest> lines)
    {
        GeoPoint? point = f[4].Length == 0 ? null
            : new GeoPoint(double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture));
        WindowRequest? window = null;
        if (f[7].Length > 0 && TryInstant(f[7], out var start) && TryInstant(f[8], out var end)) window = new WindowRequest(start, end);
        return new OrderRequest(f[1], lines, point, f[6].Length == 0 ? null : f[6], window);
    }

    private static bool TryInstant(string s, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(s, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out at) && (s.EndsWith('Z') || s.Length > 6 && s[^6] is '+' or '-');

    /// <summary>Splits one row into fields; quotes may wrap a field and "" inside them is a quote.</summary>
    private static string[]? Split(string line, int row, out CsvError? error)
    {
        error = null;
        var fields = new List<string>(Columns.Count);
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var start = i;
                var value = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length) { error = new CsvError(row, fields.Count + 1, $"the quote opened at character {start + 1} is never closed"); return null; }
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { value.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    value.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',') { error = new CsvError(row, fields.Count + 1, "text after a closing quote"); return null; }
                fields.Add(value.ToString());
            }
            else
            {
                var comma = line.IndexOf(',', i);
                var end = comma < 0 ? line.Length : comma;
                var raw = line[i..end];
                if (raw.Contains('"', StringComparison.Ordinal)) { error = new CsvError(row, fields.Count + 1, "a quote inside an unquoted field"); return null; }
                fields.Add(raw.Trim());
                i = end;
            }
            if (i >= line.Length) return fields.ToArray();
            i++; // the comma
        }
    }
}
