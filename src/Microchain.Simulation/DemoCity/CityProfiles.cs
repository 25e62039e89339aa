using Microchain.Domain.Geo;

namespace Microchain.Simulation.DemoCity;

/// <summary>Built-in cities. Coordinates are district centers; populations are rounded census figures.</summary>
public static class CityProfiles
{
    /// <summary>Lyon and its inner ring (Métropole de Lyon), DC in the Corbas logistics zone south-east of town.</summary>
    public static CityProfile Lyon { get; } = new()
    {
        Name = "Lyon",
        Center = new GeoPoint(45.7640, 4.8357),
        RadiusKm = 25,
        LogisticsZone = new GeoPoint(45.6700, 4.9050),
        Neighbourhoods =
        [
            new("Lyon 1er (Terreaux)", new GeoPoint(45.7675, 4.8300), 30_000, 400),
            new("Lyon 2e (Presqu'île)", new GeoPoint(45.7500, 4.8270), 31_000, 500),
            new("Lyon 3e (Part-Dieu)", new GeoPoint(45.7590, 4.8590), 103_000, 700),
            new("Lyon 4e (Croix-Rousse)", new GeoPoint(45.7780, 4.8270), 36_000, 450),
            new("Lyon 5e (Vieux Lyon)", new GeoPoint(45.7600, 4.8000), 48_000, 650),
            new("Lyon 6e (Brotteaux)", new GeoPoint(45.7700, 4.8500), 51_000, 500),
            new("Lyon 7e (Guillotière)", new GeoPoint(45.7430, 4.8420), 84_000, 700),
            new("Lyon 8e (Monplaisir)", new GeoPoint(45.7350, 4.8700), 86_000, 700),
            new("Lyon 9e (Vaise)", new GeoPoint(45.7740, 4.8050), 50_000, 650),
            new("Villeurbanne", new GeoPoint(45.7690, 4.8820), 155_000, 900),
            new("Vaulx-en-Velin", new GeoPoint(45.7780, 4.9200), 53_000, 800),
            new("Caluire-et-Cuire", new GeoPoint(45.7950, 4.8460), 43_000, 700),
            new("Rillieux-la-Pape", new GeoPoint(45.8200, 4.8980), 31_000, 800),
            new("Écully", new GeoPoint(45.7750, 4.7770), 18_000, 700),
            new("Tassin-la-Demi-Lune", new GeoPoint(45.7630, 4.7640), 22_000, 700),
            new("Sainte-Foy-lès-Lyon", new GeoPoint(45.7340, 4.7950), 22_000, 600),
            new("Oullins", new GeoPoint(45.7140, 4.8070), 26_000, 600),
            new("Saint-Fons", new GeoPoint(45.7080, 4.8530), 19_000, 600),
            new("Vénissieux", new GeoPoint(45.6970, 4.8860), 67_000, 900),
            new("Bron", new GeoPoint(45.7380, 4.9130), 43_000, 800),
            new("Saint-Priest", new GeoPoint(45.6960, 4.9440), 47_000, 900),
        ],
    };
}
