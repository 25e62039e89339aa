using Microchain.Domain.Catalog;
using Microchain.Domain.Network;

namespace Microchain.Domain.Inventory;

/// <summary>How one modular SKU is assembled at a node: components per unit and the time one unit takes.</summary>
public sealed record AssemblyRecipe(string SkuId, IReadOnlyList<BomLine> Components, int AssemblySeconds);

/// <summary>
/// What a node can assemble: its throughput in sellable units per hour, the horizon over which that throughput is
/// promised, and the recipes of the modular SKUs it knows. Within the horizon a unit of a recipe can be promised from
/// <c>CapacityPerHour × (horizon − assembly time)</c> units of throughput, less the units already committed.
/// </summary>
public sealed record AssemblySetup(int CapacityPerHour, int HorizonMinutes, IReadOnlyList<AssemblyRecipe> Recipes)
{
    public const int DefaultHorizonMinutes = 60;
    public const int MaxHorizonMinutes = 7 * 24 * 60;
    public const int MaxCapacityPerHour = 1_000_000;
    public const int MaxRecipes = 10_000;
    public const int MaxComponentsPerRecipe = 100;
    public const int MaxAssemblySeconds = 24 * 60 * 60;

    /// <summary>The setup of <paramref name="node"/> for the modular SKUs of a catalog (recipes are kept at zero capacity so reads can say why).</summary>
    public static AssemblySetup For(Node node, IEnumerable<Sku> skus, int horizonMinutes = DefaultHorizonMinutes)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(skus);
        var recipes = skus.Where(s => s.Bom is not null && s.Active)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new AssemblyRecipe(s.Id, s.Bom!.Lines.ToArray(), s.Bom.AssemblySeconds))
            .ToArray();
        return new AssemblySetup(node.AssemblyCapacityPerHour, horizonMinutes, recipes);
    }

    public void Validate()
    {
        Guard.That(CapacityPerHour is >= 0 and <= MaxCapacityPerHour, "assembly.capacity", $"assembly capacity {CapacityPerHour} per hour is outside 0..{MaxCapacityPerHour}");
        Guard.That(HorizonMinutes is > 0 and <= MaxHorizonMinutes, "assembly.horizon", $"assembly horizon {HorizonMinutes} minutes is outside 1..{MaxHorizonMinutes}");
        Guard.That(Recipes is not null && Recipes.Count <= MaxRecipes, "assembly.recipes", $"at most {MaxRecipes} recipes");
        var skus = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Recipes!) Guard.That(skus.Add(Guard.Id(r.SkuId, "sku")), "assembly.duplicate", $"recipe {r.SkuId} is listed twice");
        foreach (var r in Recipes)
        {
            Guard.That(r.Components is { Count: > 0 and <= MaxComponentsPerRecipe }, "assembly.components", $"recipe {r.SkuId} needs 1..{MaxComponentsPerRecipe} components");
            Guard.That(r.AssemblySeconds is >= 0 and <= MaxAssemblySeconds, "assembly.seconds", $"recipe {r.SkuId}: assembly time is outside 0..{MaxAssemblySeconds} s");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in r.Components)
            {
                Guard.Id(c.ComponentId, "component");
                Guard.That(c.Quantity is > 0 and <= Limits.MaxQuantityPerLine, "assembly.quantity", $"recipe {r.SkuId}: component {c.ComponentId} quantity is outside 1..{Limits.MaxQuantityPerLine}");
                Guard.That(seen.Add(c.ComponentId), "assembly.duplicate", $"recipe {r.SkuId}: component {c.ComponentId} is listed twice");
                // A component that is itself assembled would need nested holds; the catalog has no such products.
                Guard.That(!skus.Contains(c.ComponentId), "assembly.nested", $"recipe {r.SkuId}: component {c.ComponentId} is itself a modular SKU");
            }
        }
    }

    public AssemblyRecipe? RecipeOf(string skuId)
    {
        foreach (var r in Recipes) if (string.Equals(r.SkuId, skuId, StringComparison.Ordinal)) return r;
        return null;
    }

    /// <summary>Units of <paramref name="recipe"/> the node can assemble within <paramref name="horizonMinutes"/>, before what is committed.</summary>
    public long UnitsWithin(AssemblyRecipe recipe, int horizonMinutes)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var workSeconds = (long)horizonMinutes * 60 - recipe.AssemblySeconds;
        return workSeconds <= 0 ? 0 : CapacityPerHour * workSeconds / 3600;
    }

    /// <summary>Same capacity, horizon and recipes (records compare lists by reference, so this compares them by value).</summary>
    public bool SameAs(AssemblySetup? other) =>
        other is not null && CapacityPerHour == other.CapacityPerHour && HorizonMinutes == other.HorizonMinutes
        && Recipes.Count == other.Recipes.Count
        && Recipes.Zip(other.Recipes).All(p => p.First.SkuId == p.Second.SkuId && p.First.AssemblySeconds == p.Second.AssemblySeconds
            && p.First.Components.SequenceEqual(p.Second.Components));
}
