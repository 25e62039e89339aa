using Microchain.Domain.Geo;

namespace Microchain.Simulation.DemoCity;

/// <summary>Where people live: a population-weighted mixture of Gaussians around neighbourhood centers, truncated at 3 sd.</summary>
internal sealed class CityDensity
{
    private readonly CityProfile _city;
    private readonly AliasTable _byPopulation;
    private readonly (double X, double Y)[] _centers;

    public CityDensity(CityProfile city, LocalFrame frame)
    {
        _city = city;
        Frame = frame;
        _byPopulation = new AliasTable(city.Neighbourhoods.Select(n => (double)n.Population).ToArray());
        _centers = city.Neighbourhoods.Select(n => frame.ToMeters(n.Center)).ToArray();
    }

    public LocalFrame Frame { get; }
    public IReadOnlyList<(double X, double Y)> Centers => _centers;

    /// <summary>Draws a home location; returns its neighbourhood index too.</summary>
    public (double X, double Y) Sample(DemoRandom random, out int neighbourhood)
    {
        neighbourhood = _byPopulation.Sample(random);
        return Around(neighbourhood, _city.Neighbourhoods[neighbourhood].SpreadMeters, random);
    }

    /// <summary>A point near a neighbourhood center, at most 3 <paramref name="sdMeters"/> away.</summary>
    public (double X, double Y) Around(int neighbourhood, double sdMeters, DemoRandom random)
    {
        var center = _centers[neighbourhood];
        while (true)
        {
            var (a, b) = random.NextGaussianPair();
            if (a * a + b * b > 9) continue;
            return (center.X + a * sdMeters, center.Y + b * sdMeters);
        }
    }

    public GeoPoint ToGeo((double X, double Y) p) => Frame.ToGeo(p.X, p.Y);

    public int NearestNeighbourhood((double X, double Y) p) => LocalFrame.Nearest(p, _centers);
}
