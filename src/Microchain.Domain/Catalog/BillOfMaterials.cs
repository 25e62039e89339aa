namespace Microchain.Domain.Catalog;

/// <summary>One component line of a bill of materials.</summary>
public readonly record struct BomLine(string ComponentId, int Quantity);

/// <summary>The components one unit of a modular product is assembled from, and how long assembly takes.</summary>
public sealed record BillOfMaterials(IReadOnlyList<BomLine> Lines, int AssemblySeconds)
{
    public void Validate(string skuId)
    {
        Guard.That(Lines.Count > 0, "bom.empty", $"sku {skuId}: a bill of materials needs at least one line");
        Guard.That(AssemblySeconds >= 0, "bom.assembly_time", $"sku {skuId}: assembly time must not be negative");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Lines)
        {
            Guard.That(line.Quantity > 0, "bom.quantity", $"sku {skuId}: component {line.ComponentId} quantity must be positive");
            Guard.That(seen.Add(line.ComponentId), "bom.duplicate", $"sku {skuId}: component {line.ComponentId} is listed twice");
        }
    }

    /// <summary>How many units can be assembled from the component stock available (the ATP of a modular product).</summary>
    public int Buildable(Func<string, int> availableComponents)
    {
        var units = int.MaxValue;
        foreach (var line in Lines) units = Math.Min(units, availableComponents(line.ComponentId) / line.Quantity);
        return Math.Max(0, units);
    }
}
