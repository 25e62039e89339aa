using Microchain.Domain.Catalog;

namespace Microchain.Simulation.DemoCity;

/// <summary>The generated range: SKUs with their category and popularity, and the components kits use.</summary>
internal sealed class Catalog
{
    public required IReadOnlyList<Sku> Skus { get; init; }
    public required IReadOnlyList<SkuCategory> Categories { get; init; }
    public required IReadOnlyList<Component> Components { get; init; }
    /// <summary>Share of order lines per SKU (sums to 1), aligned with <see cref="Skus"/>.</summary>
    public required double[] Popularity { get; init; }
    /// <summary>SKU indices from most to least popular.</summary>
    public required int[] ByPopularity { get; init; }

    /// <summary>Popularity-weighted mean value of the <paramref name="count"/> most popular SKUs.</summary>
    public double MeanValueCentsOfTop(int count)
    {
        double weight = 0, value = 0;
        for (var r = 0; r < Math.Min(count, ByPopularity.Length); r++)
        {
            var i = ByPopularity[r];
            weight += Popularity[i];
            value += Popularity[i] * Skus[i].ValueCents;
        }
        return weight > 0 ? value / weight : 0;
    }
}
