using System.Globalization;
using System.Text;
using System.Text.Json;
using Microchain.Planning.Replenishment;

namespace Microchain.Cli.Commands;

/// <summary>How <c>plan replenishment</c> writes a run: a CSV of proposal lines or the whole result as JSON.</summary>
internal static class ReplenishmentOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Summary(DateOnly today, NetworkReplenishmentResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{today:yyyy-MM-dd}: {r.Forecasts.Count(f => f.MeanPerDay > 0):N0} of {r.Forecasts.Count:N0} lines with demand; {r.Transfers.Orders.Count:N0} transfers ({r.Transfers.Orders.Sum(o => o.QuantityUnits):N0} units), {r.Transfers.Deferred.Count:N0} deferred; {r.Purchases.Orders.Count:N0} purchase orders ({r.Purchases.Orders.Sum(o => o.QuantityUnits):N0} units, {r.Purchases.Orders.Sum(o => o.CostCents) / 100.0:N2}), {r.Purchases.Unplaced.Count:N0} unplaced");

    public static string Json(DateOnly today, NetworkReplenishmentResult r) => JsonSerializer.Serialize(new
    {
        date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        transfers = r.Transfers.Orders,
        deferred = r.Transfers.Deferred,
        purchases = r.Purchases.Orders,
        unplaced = r.Purchases.Unplaced,
        disruption = r.Disruption,
        notes = r.Notes,
        forecasts = r.Forecasts,
    }, JsonOptions) + "\n";

    /// <summary>One row per proposal: <c>kind,from,to,sku,quantity_units,requested_units,arrival,cost_cents,reason</c>.</summary>
    public static string Csv(NetworkReplenishmentResult r)
    {
        var text = new StringBuilder("kind,from,to,sku,quantity_units,requested_units,arrival,cost_cents,reason\n");
        foreach (var t in r.Transfers.Orders) Row(text, "transfer", t);
        foreach (var t in r.Transfers.Deferred) Row(text, "deferred", t);
        foreach (var p in r.Purchases.Orders)
            text.Append(CultureInfo.InvariantCulture, $"purchase,{Escape(p.SupplierId)},{Escape(p.DcNodeId)},{Escape(p.Sku)},{p.QuantityUnits},{p.QuantityUnits},{p.ArrivalDate:yyyy-MM-dd},{p.CostCents},{Escape(p.Reason)}\n");
        foreach (var u in r.Purchases.Unplaced) text.Append(CultureInfo.InvariantCulture, $"unplaced,,,,0,0,,0,{Escape(u)}\n");
        return text.ToString();
    }

    private static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Row(StringBuilder text, string kind, TransferOrderProposal t) =>
        text.Append(CultureInfo.InvariantCulture, $"{kind},{Escape(t.FromNodeId)},{Escape(t.ToNodeId)},{Escape(t.Sku)},{t.QuantityUnits},{t.RequestedUnits},,0,{Escape(t.Reason)}\n");
}
