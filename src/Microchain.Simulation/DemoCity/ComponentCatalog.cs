using Microchain.Domain.Catalog;

namespace Microchain.Simulation.DemoCity;

/// <summary>The common parts modular products are assembled from: packaging shared by all kits, and contents.</summary>
internal static class ComponentCatalog
{
    internal enum Use { MealKitPackaging, MealKitContent, GiftPackaging, GiftContent }

    internal sealed record Spec(string Name, TemperatureZone Zone, int VolumeMl, long CostCents, Use Use);

    public static IReadOnlyList<Spec> All { get; } =
    [
        new("Kit box, insulated", TemperatureZone.Ambient, 9_000, 95, Use.MealKitPackaging),
        new("Ice pack", TemperatureZone.Frozen, 400, 25, Use.MealKitPackaging),
        new("Recipe card", TemperatureZone.Ambient, 10, 4, Use.MealKitPackaging),
        new("Chicken thigh portion 300 g", TemperatureZone.Chilled, 350, 310, Use.MealKitContent),
        new("Salmon fillet portion 250 g", TemperatureZone.Chilled, 300, 520, Use.MealKitContent),
        new("Beef chuck portion 400 g", TemperatureZone.Chilled, 450, 590, Use.MealKitContent),
        new("Pike quenelles 4 pcs", TemperatureZone.Chilled, 400, 330, Use.MealKitContent),
        new("Fresh pasta portion 250 g", TemperatureZone.Chilled, 400, 140, Use.MealKitContent),
        new("Arborio rice portion 200 g", TemperatureZone.Ambient, 250, 60, Use.MealKitContent),
        new("Basmati rice portion 200 g", TemperatureZone.Ambient, 250, 55, Use.MealKitContent),
        new("Vegetable mix portion 400 g", TemperatureZone.Chilled, 700, 150, Use.MealKitContent),
        new("Mushrooms portion 250 g", TemperatureZone.Chilled, 500, 130, Use.MealKitContent),
        new("Potatoes portion 600 g", TemperatureZone.Ambient, 700, 70, Use.MealKitContent),
        new("Cream portion 200 ml", TemperatureZone.Chilled, 220, 90, Use.MealKitContent),
        new("Parmesan portion 60 g", TemperatureZone.Chilled, 90, 120, Use.MealKitContent),
        new("Curry paste sachet", TemperatureZone.Ambient, 60, 45, Use.MealKitContent),
        new("Spice blend sachet", TemperatureZone.Ambient, 20, 25, Use.MealKitContent),
        new("Sauce pot 150 ml", TemperatureZone.Chilled, 170, 80, Use.MealKitContent),
        new("Herb bunch", TemperatureZone.Chilled, 150, 60, Use.MealKitContent),
        new("Gift box, kraft", TemperatureZone.Ambient, 6_000, 120, Use.GiftPackaging),
        new("Tissue paper and ribbon", TemperatureZone.Ambient, 100, 30, Use.GiftPackaging),
        new("Greeting card", TemperatureZone.Ambient, 20, 35, Use.GiftPackaging),
        new("Praline chocolates 150 g", TemperatureZone.Ambient, 400, 390, Use.GiftContent),
        new("Dark chocolate bar 100 g", TemperatureZone.Ambient, 120, 160, Use.GiftContent),
        new("Apricot jam 220 g", TemperatureZone.Ambient, 250, 210, Use.GiftContent),
        new("Acacia honey 250 g", TemperatureZone.Ambient, 250, 330, Use.GiftContent),
        new("Loose tea tin 100 g", TemperatureZone.Ambient, 450, 420, Use.GiftContent),
        new("Ground coffee 250 g", TemperatureZone.Ambient, 400, 350, Use.GiftContent),
        new("Butter biscuits 200 g", TemperatureZone.Ambient, 600, 180, Use.GiftContent),
        new("Beaujolais 375 ml", TemperatureZone.Ambient, 500, 450, Use.GiftContent),
        new("Tapenade jar 90 g", TemperatureZone.Ambient, 120, 190, Use.GiftContent),
        new("Calissons 120 g", TemperatureZone.Ambient, 300, 520, Use.GiftContent),
        new("Scented candle", TemperatureZone.Ambient, 350, 380, Use.GiftContent),
        new("Hand cream 50 ml", TemperatureZone.Ambient, 80, 260, Use.GiftContent),
    ];
}
