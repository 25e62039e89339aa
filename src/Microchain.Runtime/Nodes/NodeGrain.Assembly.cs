using Microchain.Domain.Inventory;

namespace Microchain.Runtime.Nodes;

/// <summary>Assembly of modular products: setup and ATP reads. Reservations and picks of modular lines go through <see cref="NodeStock"/> as any other.</summary>
public sealed partial class NodeGrain : INodeAssemblyGrain
{
    /// <summary>SKUs per ATP read.</summary>
    public const int MaxAtpSkus = 1_000;

    public Task<CommandOutcome> ConfigureAssembly(AssemblySetup setup, CancellationToken cancellationToken) =>
        Run(now => _stock.ConfigureAssembly(setup, now), cancellationToken);

    public Task<NodeAtp> GetAtp(IReadOnlyList<string> skuIds, int? horizonMinutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skuIds);
        var skus = skuIds.Distinct(StringComparer.Ordinal).Take(MaxAtpSkus).ToArray();
        var setup = _stock.Assembly;
        var horizon = Math.Clamp(horizonMinutes ?? setup?.HorizonMinutes ?? AssemblySetup.DefaultHorizonMinutes, 1, AssemblySetup.MaxHorizonMinutes);
        var items = skus.Select(s => _stock.AtpOf(s, horizon)).ToArray();
        var assembled = skus.Where(_stock.AssembledUnits.ContainsKey).ToDictionary(s => s, s => _stock.AssembledUnits[s], StringComparer.Ordinal);
        return Task.FromResult(new NodeAtp(_stock.NodeId, setup?.CapacityPerHour ?? 0, horizon, _stock.CommittedAssemblyUnits, assembled, items));
    }
}
