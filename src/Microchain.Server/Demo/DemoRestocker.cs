using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;

namespace Microchain.Server.Demo;

/// <summary>
/// The demo's nightly-ish top-up: receipts that bring every position's available units back to its initial on-hand,
/// as far as the position's capacity allows (units reserved by orders still occupy shelf space until picked).
/// </summary>
public sealed class DemoRestocker(IGrainFactory grains, string tenant, IReadOnlyList<Domain.NetworkFiles.StockRow> initial, TimeProvider time)
{
    /// <summary>Stock rows read per call (the node grain's page size).</summary>
    private const int PageSize = 1_000;

    /// <summary>Tops every position up once; returns the units received.</summary>
    public async Task<long> TopUpAsync(string reference, CancellationToken cancellationToken)
    {
        long received = 0;
        foreach (var node in initial.GroupBy(l => l.NodeId, StringComparer.Ordinal))
        {
            var grain = grains.GetGrain<INodeGrain>(GrainKey.Compose(tenant, node.Key));
            var now = new Dictionary<string, StockRow>(StringComparer.Ordinal);
            for (var offset = 0; ; offset += PageSize)
            {
                var page = await grain.GetStock(offset, PageSize, cancellationToken);
                foreach (var row in page.Items) now[row.SkuId] = row;
                if (page.Items.Count == 0 || offset + page.Items.Count >= page.Total) break;
            }
            foreach (var level in node)
            {
                if (!now.TryGetValue(level.SkuId, out var row)) continue;
                var units = Math.Min(level.OnHand - row.Available, row.Capacity - row.OnHand - row.InTransit);
                if (units <= 0) continue;
                var outcome = await grain.Receive(level.SkuId, units, reference, cancellationToken);
                if (outcome.Succeeded) received += units;
            }
        }
        return received;
    }

    /// <summary>Tops up every <paramref name="every"/> until cancelled, reporting each top-up's units.</summary>
    public async Task RunAsync(TimeSpan every, Action<long> toppedUp, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero);
        for (var round = 1; ; round++)
        {
            if (!await Delay(every, cancellationToken)) return;
            try
            {
                toppedUp(await TopUpAsync($"demo-restock-{round}", cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<bool> Delay(TimeSpan wait, CancellationToken cancellationToken)
    {
        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !cancellationToken.IsCancellationRequested;
    }
}
