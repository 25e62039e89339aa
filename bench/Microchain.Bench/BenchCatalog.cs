using System.CommandLine;

namespace Microchain.Bench;

/// <summary>Every <c>microchain bench NAME</c> command; each benchmark adds one line here.</summary>
public static class BenchCatalog
{
    public static IReadOnlyList<Command> Commands() =>
    [
        NetworkDesign.FacilityBenchCommand.Build(),
        Demo.DemoCityBench.Build(),
        Inventory.ForecastBench.Command(),
        Inventory.InventoryBench.Command(),
        Sourcing.BatchSourcingBench.Create(),
        Routing.VrptwBench.Build(),
        Routing.CvrpBench.Build(),
        Pipeline.PipelineBench.Build(),
        Journal.JournalBench.Build(),
        Assortment.AssortmentBench.Build(),
    ];
}
