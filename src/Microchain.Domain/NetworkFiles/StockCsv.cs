using System.Globalization;
using System.Text;
using Microchain.Domain.Inventory;
using Microchain.Domain.Network;

namespace Microchain.Domain.NetworkFiles;

/// <summary>One stock level: units of a SKU on hand at a node, the node's capacity for it and its safety stock.</summary>
public sealed record StockRow(string NodeId, string SkuId, int OnHand, int Capacity, int SafetyStock = 0);

/// <summary>The rows of a stock file, or every error found (then no rows).</summary>
public sealed record StockCsvResult(IReadOnlyList<StockRow> Rows, IReadOnlyList<FileError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Stock levels as CSV: header <c>node,sku,on_hand,capacity</c> and optionally <c>safety_stock</c>, in any order.
/// Errors name the file, line, column and the column's name.
/// </summary>
public static class StockCsv
{
    public const string Node = "node", Sku = "sku", OnHand = "on_hand", Capacity = "capacity", SafetyStock = "safety_stock";
    private static readonly string[] Required = [Node, Sku, OnHand, Capacity];
    private static readonly string[] Known = [Node, Sku, OnHand, Capacity, SafetyStock];

    /// <summary>Parses stock levels; with <paramref name="network"/>, nodes and SKUs must exist in it.</summary>
    public static StockCsvResult Parse(string text, string fileName, NetworkModel? network = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new ErrorSink(NetworkFileLimits.MaxErrors);
        var rows = new List<StockRow>();
        try
        {
            if (text.Length > NetworkFileLimits.MaxFileBytes)
                errors.Add(null, $"file is {text.Length} characters; the limit is {NetworkFileLimits.MaxFileBytes}");
            else
                Read(text.StartsWith('\uFEFF') ? text[1..] : text, network, errors, rows);
        }
        catch (TooManyErrorsException)
        {
            // The sink has its cap and knows it was truncated.
        }
        return errors.Count == 0 ? new StockCsvResult(rows, []) : new StockCsvResult([], errors.ToFileErrors(fileName, _ => null));
    }

    public static string Write(IEnumerable<StockRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder("node,sku,on_hand,capacity,safety_stock\n");
        foreach (var r in rows)
            text.Append(CultureInfo.InvariantCulture, $"{CsvRecords.Escape(r.NodeId)},{CsvRecords.Escape(r.SkuId)},{r.OnHand},{r.Capacity},{r.SafetyStock}\n");
        return text.ToString();
    }

    private static void Read(string text, NetworkModel? network, ErrorSink errors, List<StockRow> rows)
    {
        var nodes = network?.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        // Components are stocked like SKUs (modular products are assembled from them at the node).
        var skus = network?.Skus.Select(s => s.Id).Concat(network.Components.Select(c => c.Id)).ToHashSet(StringComparer.Ordinal);
        var firstLine = new Dictionary<(string, string), int>();
        Dictionary<string, int>? columns = null;
        var headerCount = 0;
        foreach (var record in CsvRecords.Read(text, errors))
        {
            if (columns is null)
            {
                columns = Header(record, errors);
                headerCount = record.Count;
                if (columns is null) return;
                continue;
            }
            var line = record[0].Line;
            if (record.Count != headerCount)
            {
                errors.Add(null, line, 1, $"has {record.Count} fields; the header has {headerCount}");
                continue;
            }
            if (rows.Count >= NetworkFileLimits.MaxStockRows)
            {
                errors.Add(null, line, 1, $"more than {NetworkFileLimits.MaxStockRows} rows");
                return;
            }
            if (Row(record, columns, nodes, skus, errors) is not { } row) continue;
            if (firstLine.TryAdd((row.NodeId, row.SkuId), line)) rows.Add(row);
            else errors.Add(Sku, line, record[columns[Sku]].Column, $"duplicate row for node '{row.NodeId}' and sku '{row.SkuId}' (first on line {firstLine[(row.NodeId, row.SkuId)]})");
        }
        if (columns is null) errors.Add(null, 1, 1, $"file is empty; expected the header {string.Join(",", Required)}[,{SafetyStock}]");
    }

    private static Dictionary<string, int>? Header(List<CsvField> record, ErrorSink errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = errors.Count;
        for (var i = 0; i < record.Count; i++)
        {
            var name = record[i].Value;
            if (!Known.Contains(name)) errors.Add(name, record[i].Line, record[i].Column, $"unknown column '{name}'; expected {string.Join(", ", Known)}");
            else if (!columns.TryAdd(name, i)) errors.Add(name, record[i].Line, record[i].Column, $"column '{name}' appears twice");
        }
        foreach (var name in Required.Where(n => !columns.ContainsKey(n)))
            errors.Add(name, record[0].Line, 1, $"the header lacks the column '{name}'");
        return errors.Count == before ? columns : null;
    }

    private static StockRow? Row(List<CsvField> record, Dictionary<string, int> columns, HashSet<string>? nodes, HashSet<string>? skus, ErrorSink errors)
    {
        var before = errors.Count;
        var node = Id(record[columns[Node]], Node, "node", nodes, errors);
        var sku = Id(record[columns[Sku]], Sku, "sku", skus, errors);
        var onHand = Units(record[columns[OnHand]], OnHand, errors);
        var capacity = Units(record[columns[Capacity]], Capacity, errors);
        var safety = columns.TryGetValue(SafetyStock, out var s) ? Units(record[s], SafetyStock, errors) : 0;
        if (errors.Count != before) return null;
        try
        {
            _ = new InventoryPosition(onHand, 0, 0, capacity, safety); // the domain's own rule: on hand within capacity
        }
        catch (DomainException ex)
        {
            var column = ex.Code switch { "stock.on_hand" => OnHand, "stock.safety" => SafetyStock, _ => Capacity };
            errors.Add(column, record[columns[column]].Line, record[columns[column]].Column, ex.Message);
            return null;
        }
        return new StockRow(node, sku, onHand, capacity, safety);
    }

    private static string Id(CsvField field, string column, string what, HashSet<string>? known, ErrorSink errors)
    {
        try
        {
            Guard.Id(field.Value, what);
        }
        catch (DomainException ex)
        {
            errors.Add(column, field.Line, field.Column, ex.Message);
            return field.Value;
        }
        if (known is not null && !known.Contains(field.Value))
            errors.Add(column, field.Line, field.Column, $"unknown {what} '{JsonPath.Describe(field.Value)}' (not in the network)");
        return field.Value;
    }

    private static int Units(CsvField field, string column, ErrorSink errors)
    {
        if (!long.TryParse(field.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            errors.Add(column, field.Line, field.Column, $"'{JsonPath.Describe(field.Value)}' is not a whole number");
        else if (value < 0)
            errors.Add(column, field.Line, field.Column, $"{value} must not be negative");
        else if (value > Limits.MaxStockUnits)
            errors.Add(column, field.Line, field.Column, $"{value} is above the limit of {Limits.MaxStockUnits} units");
        else return (int)value;
        return 0;
    }
}
