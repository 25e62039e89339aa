using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;

namespace Microchain.Server.Networks;

/// <summary>Puts starting stock into the node grains, in batches each grain accepts, reporting progress.</summary>
public static class NetworkStocking
{
    public static async Task StockAsync(IGrainFactory grains, string tenant, IReadOnlyList<Domain.NetworkFiles.StockRow> levels,
        IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var node in levels.GroupBy(l => l.NodeId, StringComparer.Ordinal))
        {
            var grain = grains.GetGrain<INodeGrain>(GrainKey.Compose(tenant, node.Key));
            foreach (var chunk in node.Chunk(NodeGrain.MaxLevelsPerCall))
            {
                var outcome = await grain.SetLevels(chunk.Select(l => new StockLevelCommand(l.SkuId, l.Capacity, l.OnHand)).ToArray(), "initial-stock", cancellationToken);
                if (!outcome.Succeeded) throw new InvalidOperationException($"stocking node {node.Key} failed: {outcome.Message}");
                done += chunk.Length;
                progress?.Report((done, levels.Count));
            }
        }
    }
}
