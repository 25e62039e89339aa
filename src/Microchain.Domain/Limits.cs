namespace Microchain.Domain;

/// <summary>Every limit of the domain, in one place.</summary>
public static class Limits
{
    public const int MaxIdLength = 64;
    public const int MaxLinesPerOrder = 100;
    public const int MaxQuantityPerLine = 10_000;
    /// <summary>Upper bound of a single stock quantity (on hand, capacity); keeps sums far from overflow.</summary>
    public const int MaxStockUnits = 100_000_000;
}
