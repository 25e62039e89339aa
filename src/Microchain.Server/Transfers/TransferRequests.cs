using System.Security.Cryptography;
using System.Text;
using Microchain.Domain;
using Microchain.Domain.Inventory;

namespace Microchain.Server.Transfers;

public sealed record TransferLineRequest(string SkuId, int Quantity);

/// <summary>A shipment; <see cref="TransferId"/> (or else the Idempotency-Key header) makes a retry land on the same transfer.</summary>
public sealed record TransferRequest(string? TransferId, string FromNodeId, string ToNodeId, IReadOnlyList<TransferLineRequest>? Lines, string? Reference);

/// <summary>A (partial) receipt; <see cref="ReceiptId"/> (or else the Idempotency-Key header) makes a retry a no-op.</summary>
public sealed record ReceiptRequest(string? ReceiptId, IReadOnlyList<TransferLineRequest>? Lines);

public sealed record LineReason(string SkuId, string Reason);

/// <summary>Closes short: <see cref="Reason"/> for every line still in transit, or per SKU in <see cref="Lines"/>.</summary>
public sealed record CloseRequest(string? Reason, IReadOnlyList<LineReason>? Lines);

/// <summary>The shape checks of transfer requests that come before any grain is asked.</summary>
public static class TransferRequestChecks
{
    /// <summary>Ids appear in paths: visible, URL-safe characters only.</summary>
    public static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= Limits.MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The id the client gave, or one derived from its idempotency key (as order ids are).</summary>
    public static string? IdOf(string? given, string? idempotencyKey, string tenant, string prefix)
    {
        if (given is not null) return given;
        if (string.IsNullOrEmpty(idempotencyKey)) return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(tenant + "\n" + idempotencyKey));
        return prefix + Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>An error message for the lines, or null when their shape is fine (the domain checks the rest).</summary>
    public static string? Lines(IReadOnlyList<TransferLineRequest>? lines) =>
        lines is null || lines.Count is 0 or > Limits.MaxLinesPerOrder ? $"lines must hold 1..{Limits.MaxLinesPerOrder} entries"
        : lines.Any(l => l is null || string.IsNullOrWhiteSpace(l.SkuId)) ? "every line needs a skuId"
        : null;

    public static StockLine[] ToStock(IReadOnlyList<TransferLineRequest> lines) => lines.Select(l => new StockLine(l.SkuId, l.Quantity)).ToArray();
}
