using Microchain.Simulation.DemoCity;
using GeneratedCity = Microchain.Simulation.DemoCity.DemoCity;

namespace Microchain.Simulation.Tests.DemoCity;

/// <summary>Cities generated once per test run and shared by the test classes (generation is pure).</summary>
internal static class DemoCities
{
    /// <summary>2,000 customers, 1 MFC, 1 locker, 300 SKUs.</summary>
    public static readonly DemoCityOptions SmallOptions = new() { Seed = 7, Scale = 0.1, Skus = 300 };

    private static readonly Lazy<GeneratedCity> DefaultCity = new(() => DemoCityGenerator.Generate(new DemoCityOptions()));
    private static readonly Lazy<GeneratedCity> SmallCity = new(() => DemoCityGenerator.Generate(SmallOptions));

    public static GeneratedCity Default => DefaultCity.Value;
    public static GeneratedCity Small => SmallCity.Value;
}
