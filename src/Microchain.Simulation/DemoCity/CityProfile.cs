using Microchain.Domain.Geo;

namespace Microchain.Simulation.DemoCity;

/// <summary>A residential area: customers scatter around its center (Gaussian, <see cref="SpreadMeters"/> standard deviation).</summary>
public readonly record struct Neighbourhood(string Name, GeoPoint Center, int Population, int SpreadMeters);

/// <summary>A real city's shape for the demo: its center, bounds, neighbourhoods and the logistics zone for the DC.</summary>
public sealed record CityProfile
{
    public const int MaxNeighbourhoods = 200;

    public required string Name { get; init; }
    public required GeoPoint Center { get; init; }
    /// <summary>No customer, node or neighbourhood lies farther than this from the center.</summary>
    public double RadiusKm { get; init; } = 25;
    /// <summary>Where the central DC sits: an edge-of-town logistics zone.</summary>
    public required GeoPoint LogisticsZone { get; init; }
    public required IReadOnlyList<Neighbourhood> Neighbourhoods { get; init; }

    /// <summary>Problems with the profile, each a sentence; empty when it is usable.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("City name must not be empty.");
        if (RadiusKm is < 1 or > 200 || double.IsNaN(RadiusKm)) errors.Add($"City radius must be within 1..200 km (got {RadiusKm}).");
        if (Center.HaversineMetersTo(LogisticsZone) > RadiusKm * 1000)
            errors.Add($"City logistics zone {LogisticsZone} is farther than {RadiusKm} km from the center.");
        if (Neighbourhoods is null || Neighbourhoods.Count is 0 or > MaxNeighbourhoods)
        {
            errors.Add($"City must have 1..{MaxNeighbourhoods} neighbourhoods (got {Neighbourhoods?.Count ?? 0}).");
            return errors;
        }
        foreach (var n in Neighbourhoods)
        {
            if (string.IsNullOrWhiteSpace(n.Name)) errors.Add("Every neighbourhood needs a name.");
            if (n.Population is < 1 or > 10_000_000) errors.Add($"Neighbourhood '{n.Name}' population must be within 1..10,000,000 (got {n.Population}).");
            if (n.SpreadMeters is < 100 or > 5_000) errors.Add($"Neighbourhood '{n.Name}' spread must be within 100..5,000 m (got {n.SpreadMeters}).");
            // Three standard deviations must fit, so customers can be drawn without piling up on the border.
            if (Center.HaversineMetersTo(n.Center) + 3.0 * n.SpreadMeters > RadiusKm * 1000)
                errors.Add($"Neighbourhood '{n.Name}' (center and 3 spreads) reaches beyond {RadiusKm} km of the city center.");
        }
        return errors;
    }
}
