using Microchain.Domain.Inventory;

namespace Microchain.Runtime.Nodes;

/// <summary>
/// Assembly of modular products at a node: the same activation as <see cref="INodeGrain"/> (one grain class, one
/// key), behind its own interface so that assembly can grow without touching the stock interface.
/// </summary>
[Alias("Microchain.Runtime.Nodes.INodeAssemblyGrain")]
public interface INodeAssemblyGrain : IGrainWithStringKey
{
    /// <summary>Sets the node's assembly capacity, horizon and recipes; the same setup again changes nothing.</summary>
    [Alias("ConfigureAssembly")]
    Task<CommandOutcome> ConfigureAssembly(AssemblySetup setup, CancellationToken cancellationToken);

    /// <summary>ATP of the given SKUs with, for modular ones, finished and assemblable units and what limits them.</summary>
    /// <param name="horizonMinutes">Assembly horizon to answer for; null = the node's own.</param>
    [Alias("GetAtp")]
    Task<NodeAtp> GetAtp(IReadOnlyList<string> skuIds, int? horizonMinutes, CancellationToken cancellationToken);
}

/// <summary>A node's ATP for some SKUs, with its assembly capacity and what is committed of it.</summary>
public sealed record NodeAtp(string NodeId, int AssemblyCapacityPerHour, int HorizonMinutes, long CommittedAssemblyUnits,
    IReadOnlyDictionary<string, long> AssembledUnits, IReadOnlyList<SkuAtp> Items);
