namespace Microchain.Domain.Inventory;

/// <summary>A quantity of one SKU (a reservation line, a receipt line, a pick line).</summary>
public readonly record struct StockLine(string SkuId, int Quantity);
