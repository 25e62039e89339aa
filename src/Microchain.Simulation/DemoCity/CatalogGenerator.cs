using System.Globalization;
using Microchain.Domain.Catalog;

namespace Microchain.Simulation.DemoCity;

/// <summary>Builds a grocery range: plausible names, sizes, long-tail prices, shelf lives, ~5% kits, Zipf popularity.</summary>
internal static class CatalogGenerator
{
    public const double ModularShare = 0.05;
    /// <summary>Zipf–Mandelbrot popularity 1/(rank + q)^s: the top fifth of the range takes ~70% of lines, the top SKU ~2%.</summary>
    public const double ZipfExponent = 1.0, ZipfOffset = 10.0;
    /// <summary>How strongly cheap items rank higher (staples sell most), and how far kits drop (a niche).</summary>
    private const double PriceRankBias = 0.35, KitRankPenalty = 1.5;

    public static Catalog Generate(int skuCount, DemoRandom random)
    {
        var modularCount = (int)Math.Round(skuCount * ModularShare, MidpointRounding.AwayFromZero);
        var categories = DrawCategories(skuCount, modularCount, random);
        var componentSpecs = ComponentCatalog.All;
        var componentIds = componentSpecs.Select((_, i) => $"CMP-{i + 1:D3}").ToArray();
        var usedComponents = new bool[componentSpecs.Count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        var skus = new Sku[skuCount];
        for (var i = 0; i < skuCount; i++)
        {
            var id = $"SKU-{i + 1:D5}";
            skus[i] = categories[i] == SkuCategory.Kit
                ? ModularSku(id, random, names, componentIds, usedComponents)
                : RegularSku(id, CategorySpec.All[(int)categories[i]], random, names);
        }
        var components = componentSpecs
            .Select((s, i) => new Component { Id = componentIds[i], Name = s.Name, VolumeMilliliters = s.VolumeMl, Zone = s.Zone, CostCents = s.CostCents })
            .Where((_, i) => usedComponents[i])
            .ToArray();

        // Rank by a noisy key: mostly chance, but cheaper items and non-kits tend to sell more.
        var rankKey = new double[skuCount];
        for (var i = 0; i < skuCount; i++)
        {
            rankKey[i] = random.NextGaussianPair().A + PriceRankBias * Math.Log(skus[i].ValueCents / 300.0)
                       + (skus[i].IsModular ? KitRankPenalty : 0);
        }
        var byPopularity = Enumerable.Range(0, skuCount).OrderBy(i => rankKey[i]).ThenBy(i => i).ToArray();
        var popularity = new double[skuCount];
        var total = 0.0;
        for (var r = 0; r < skuCount; r++) total += popularity[byPopularity[r]] = 1.0 / Math.Pow(r + 1 + ZipfOffset, ZipfExponent);
        for (var i = 0; i < skuCount; i++) popularity[i] /= total;

        return new Catalog { Skus = skus, Categories = categories, Components = components, Popularity = popularity, ByPopularity = byPopularity };
    }

    private static SkuCategory[] DrawCategories(int skuCount, int modularCount, DemoRandom random)
    {
        // Exact counts per category (largest remainder), then shuffled: the range mix does not drift with the seed.
        var regular = skuCount - modularCount;
        var specs = CategorySpec.All;
        var counts = specs.Select(s => (int)Math.Floor(s.Share * regular)).ToArray();
        var order = specs.Select((s, i) => (Remainder: s.Share * regular - counts[i], Index: i)).OrderByDescending(x => x.Remainder).ToArray();
        for (var k = 0; counts.Sum() < regular; k++) counts[order[k % order.Length].Index]++;
        var categories = new List<SkuCategory>(skuCount);
        for (var c = 0; c < specs.Count; c++) categories.AddRange(Enumerable.Repeat(specs[c].Category, counts[c]));
        categories.AddRange(Enumerable.Repeat(SkuCategory.Kit, modularCount));
        var result = categories.ToArray();
        random.Shuffle(result);
        return result;
    }

    private static Sku RegularSku(string id, CategorySpec spec, DemoRandom random, HashSet<string> names)
    {
        var volumeMl = (int)Math.Clamp(random.NextLogNormal(spec.MedianVolumeMl, CategorySpec.VolumeSigma), spec.MinVolumeMl, spec.MaxVolumeMl);
        var weightGrams = Math.Max(5, (int)(volumeMl * spec.GramsPerMl * random.NextDouble(0.8, 1.2)));
        var valueCents = PriceEnding(random.NextLogNormal(spec.MedianPriceCents, CategorySpec.PriceSigma));
        int? shelfLife = spec.MinShelfLifeDays is { } min && spec.MaxShelfLifeDays is { } max ? random.NextInt(min, max) : null;
        var size = spec.Liquid ? Liters(volumeMl) : Grams(weightGrams);
        var baseName = $"{Pick(CatalogWords.Brands, random)} {Pick(spec.Adjectives, random)} {Pick(spec.Nouns, random)}";
        return new Sku
        {
            Id = id,
            Name = Unique($"{baseName} {size}", names),
            VolumeMilliliters = volumeMl,
            WeightGrams = weightGrams,
            Zone = spec.Zone,
            ValueCents = valueCents,
            ShelfLifeDays = shelfLife,
        };
    }

    private static Sku ModularSku(string id, DemoRandom random, HashSet<string> names, string[] componentIds, bool[] used)
    {
        var mealKit = random.Chance(0.6);
        var specs = ComponentCatalog.All;
        var packaging = mealKit ? ComponentCatalog.Use.MealKitPackaging : ComponentCatalog.Use.GiftPackaging;
        var content = mealKit ? ComponentCatalog.Use.MealKitContent : ComponentCatalog.Use.GiftContent;
        var contentIndices = Enumerable.Range(0, specs.Count).Where(i => specs[i].Use == content).ToArray();
        random.Shuffle(contentIndices);
        var servings = mealKit ? (random.Chance(0.5) ? 2 : 4) : 1;
        var chosen = Enumerable.Range(0, specs.Count).Where(i => specs[i].Use == packaging)
            .Select(i => (Index: i, Quantity: 1))
            .Concat(contentIndices.Take(random.NextInt(3, 5)).Select(i => (Index: i, Quantity: mealKit ? servings / 2 : 1)))
            .ToArray();

        long costCents = 0;
        var volumeMl = 0;
        var zone = TemperatureZone.Ambient;
        foreach (var (index, quantity) in chosen)
        {
            used[index] = true;
            costCents += specs[index].CostCents * quantity;
            volumeMl += specs[index].VolumeMl * quantity;
            // Ice packs travel frozen but keep a meal kit chilled; only content decides the kit's zone.
            if (specs[index].Zone == TemperatureZone.Chilled) zone = TemperatureZone.Chilled;
        }
        var name = mealKit
            ? $"Meal kit {Pick(CatalogWords.MealKitDishes, random)} for {servings}"
            : $"Gift box {Pick(CatalogWords.GiftThemes, random)}";
        return new Sku
        {
            Id = id,
            Name = Unique(name, names),
            VolumeMilliliters = volumeMl,
            WeightGrams = Math.Max(50, (int)(volumeMl * 0.45)),
            Zone = zone,
            ValueCents = PriceEnding(costCents * random.NextDouble(1.8, 2.4)),
            ShelfLifeDays = mealKit ? 4 : 180,
            Bom = new BillOfMaterials(chosen.Select(c => new BomLine(componentIds[c.Index], c.Quantity)).ToArray(), mealKit ? random.NextInt(90, 180) : random.NextInt(60, 120)),
        };
    }

    /// <summary>Shelf prices end in 9 (e.g. 2.49, 12.99) and stay within 0.29..199.99.</summary>
    private static long PriceEnding(double cents)
    {
        var clamped = Math.Clamp(cents, 29, 19_999);
        var step = clamped < 1_000 ? 10 : 100;
        return (long)(Math.Floor(clamped / step) * step + step - 1);
    }

    private static string Liters(int ml) => ml >= 1_000
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(ml / 1000.0, 1)} L")
        : $"{(int)Math.Round(ml / 10.0) * 10} ml";

    private static string Grams(int g) => g >= 1_000
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(g / 1000.0, 1)} kg")
        : $"{Math.Max(5, (int)Math.Round(g / 5.0) * 5)} g";

    private static string Pick(string[] words, DemoRandom random) => words[random.NextInt(words.Length)];

    private static string Unique(string name, HashSet<string> names)
    {
        if (names.Add(name)) return name;
        for (var n = 2; ; n++)
        {
            var candidate = $"{name} (v{n})";
            if (names.Add(candidate)) return candidate;
        }
    }
}
