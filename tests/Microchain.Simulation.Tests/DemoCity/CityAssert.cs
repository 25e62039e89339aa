using GeneratedCity = Microchain.Simulation.DemoCity.DemoCity;
using Xunit;

namespace Microchain.Simulation.Tests.DemoCity;

/// <summary>Deep equality of two generated cities (records holding lists compare those lists by content).</summary>
internal static class CityAssert
{
    public static void Same(GeneratedCity expected, GeneratedCity actual)
    {
        var a = expected.Network;
        var b = actual.Network;
        Assert.Equal(a.Name, b.Name);
        Assert.Equal(a.Nodes, b.Nodes);
        Assert.Equal(a.Skus.Select(s => s with { Bom = null }), b.Skus.Select(s => s with { Bom = null }));
        Assert.Equal(a.Skus.Select(Bom), b.Skus.Select(Bom));
        Assert.Equal(a.Components, b.Components);
        Assert.Equal(a.Segments, b.Segments);
        Assert.Equal(a.Customers, b.Customers);
        Assert.Equal(a.Suppliers, b.Suppliers);
        Assert.Equal(a.Contracts, b.Contracts);
        Assert.Equal(a.Vehicles.Select(v => v with { Skills = [] }), b.Vehicles.Select(v => v with { Skills = [] }));
        Assert.Equal(a.Vehicles.Select(v => string.Join(',', v.Skills)), b.Vehicles.Select(v => string.Join(',', v.Skills)));
        Assert.Equal(expected.SkuPopularity, actual.SkuPopularity);
        Assert.Equal(expected.Stock, actual.Stock);
        Assert.Equal(expected.CustomerHomeMfcIds, actual.CustomerHomeMfcIds);
    }

    private static string Bom(Microchain.Domain.Catalog.Sku sku) =>
        sku.Bom is null ? "" : $"{sku.Bom.AssemblySeconds}:{string.Join(',', sku.Bom.Lines)}";
}
