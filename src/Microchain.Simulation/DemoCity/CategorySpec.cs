using Microchain.Domain.Catalog;

namespace Microchain.Simulation.DemoCity;

/// <summary>How one category's items look: share of the range, size, density, price curve, shelf life and words.</summary>
internal sealed record CategorySpec(
    SkuCategory Category,
    TemperatureZone Zone,
    double Share,
    double MedianVolumeMl,
    int MinVolumeMl,
    int MaxVolumeMl,
    double GramsPerMl,
    double MedianPriceCents,
    int? MinShelfLifeDays,
    int? MaxShelfLifeDays,
    bool Liquid,
    string[] Nouns,
    string[] Adjectives)
{
    /// <summary>Log-normal shape of prices: a long tail of premium items above a mass of staples.</summary>
    public const double PriceSigma = 0.65;
    public const double VolumeSigma = 0.7;

    public static IReadOnlyList<CategorySpec> All { get; } =
    [
        new(SkuCategory.Produce, TemperatureZone.Chilled, 0.12, 900, 150, 5_000, 0.6, 229, 3, 14, false, CatalogWords.Produce, CatalogWords.ProduceAdjectives),
        new(SkuCategory.Dairy, TemperatureZone.Chilled, 0.14, 500, 100, 3_000, 1.0, 219, 7, 45, false, CatalogWords.Dairy, CatalogWords.DairyAdjectives),
        new(SkuCategory.Frozen, TemperatureZone.Frozen, 0.10, 900, 200, 4_000, 0.6, 399, 90, 365, false, CatalogWords.Frozen, CatalogWords.FrozenAdjectives),
        new(SkuCategory.Bakery, TemperatureZone.Ambient, 0.06, 900, 150, 4_000, 0.3, 189, 2, 10, false, CatalogWords.Bakery, CatalogWords.BakeryAdjectives),
        new(SkuCategory.Pantry, TemperatureZone.Ambient, 0.25, 600, 80, 4_000, 0.75, 249, 120, 720, false, CatalogWords.Pantry, CatalogWords.PantryAdjectives),
        new(SkuCategory.Drinks, TemperatureZone.Ambient, 0.12, 1_200, 250, 9_000, 1.05, 279, 120, 540, true, CatalogWords.Drinks, CatalogWords.DrinksAdjectives),
        new(SkuCategory.Household, TemperatureZone.Ambient, 0.11, 1_300, 150, 12_000, 0.5, 429, null, null, false, CatalogWords.Household, CatalogWords.HouseholdAdjectives),
        new(SkuCategory.PersonalCare, TemperatureZone.Ambient, 0.10, 300, 30, 2_000, 0.95, 479, 540, 1_095, false, CatalogWords.PersonalCare, CatalogWords.PersonalCareAdjectives),
    ];
}
