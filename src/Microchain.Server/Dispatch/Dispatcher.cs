using Microchain.Domain.Network;
using Microchain.Server.Networks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microchain.Server.Dispatch;

/// <summary>
/// Runs scheduled waves: every tick of the dispatcher's clock it works out each node's current wave slot (its
/// interval or last cut-off) and runs the wave once per slot. A slot already recorded in the node's wave list is not
/// run again after a restart.
/// </summary>
public sealed partial class Dispatcher(NetworkCatalog catalog, WaveRunner runner, WaveStore store, DispatchOptions options, ILogger<Dispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> _lastSlot = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _running = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Scheduled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Tick, runner.Clock, stoppingToken);
                await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogWaveFailed(logger, ex);
            }
        }
    }

    /// <summary>Runs every wave that is due now (of one tenant, or of all); returns how many were planned.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken, string? onlyTenant = null)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            return await RunDueOnceAsync(onlyTenant, cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<int> RunDueOnceAsync(string? onlyTenant, CancellationToken cancellationToken)
    {
        var planned = 0;
        var now = runner.Clock.GetUtcNow();
        foreach (var tenant in catalog.Tenants().Where(t => onlyTenant is null || t == onlyTenant))
        {
            if (catalog.Get(tenant) is not { } network) continue;
            foreach (var nodeId in network.Vehicles.Select(v => v.NodeId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (network.FindNode(nodeId) is not { IsOpen: true, Kind: not NodeKind.Locker }) continue;
                var slot = network.Dispatch.For(nodeId).SlotAt(now, network.OrderRules.LocalUtcOffset);
                var key = tenant + "/" + nodeId;
                if (!_lastSlot.TryGetValue(key, out var last))
                {
                    var recorded = (await store.ListAsync(tenant, nodeId, cancellationToken)).LastOrDefault(w => w.Trigger == WaveTrigger.Schedule);
                    last = recorded?.Slot ?? DateTimeOffset.MinValue;
                }
                if (slot <= last) continue;
                var run = await runner.RunAsync(tenant, nodeId, WaveTrigger.Schedule, slot, cancellationToken);
                if (run.Status == WaveRunStatus.Planned) planned++;
                _lastSlot[key] = slot;
            }
        }
        return planned;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dispatch wave failed; it is tried again at the next tick")]
    private static partial void LogWaveFailed(ILogger logger, Exception ex);
}
