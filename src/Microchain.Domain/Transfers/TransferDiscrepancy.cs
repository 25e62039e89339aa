namespace Microchain.Domain.Transfers;

/// <summary>Units of one line shipped but never received, and why.</summary>
public readonly record struct TransferDiscrepancy(string SkuId, int Quantity, string Reason);

/// <summary>Why shipped units did not arrive; anything else is refused.</summary>
public static class DiscrepancyReasons
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "lost", "damaged", "short-shipped", "other" };
}
