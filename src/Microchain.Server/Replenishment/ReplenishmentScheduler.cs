using Microchain.Server.Networks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microchain.Server.Replenishment;

/// <summary>
/// Starts each tenant's runs at its network's run times, on <see cref="ReplenishmentOptions.Time"/>. Each wake-up
/// looks at the window since the last one, so a clock that jumps (or a fake one a test advances) still runs what
/// fell inside it; it sleeps until the next run time, at most <see cref="ReplenishmentOptions.MaxIdle"/>.
/// </summary>
public sealed class ReplenishmentScheduler(NetworkCatalog catalog, ReplenishmentRunner runner, ReplenishmentOptions options, ILogger<ReplenishmentScheduler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var time = options.Time;
        var last = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            foreach (var tenant in catalog.Tenants())
            {
                if (catalog.Get(tenant) is not { } network || ReplenishmentSchedule.Due(network, last, now) is not { } kind) continue;
                try
                {
                    await runner.RunAsync(tenant, new RunChoices(kind), RunTrigger.Schedule, wait: true, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A failed run is logged and the next run time tried again; the schedule does not stop.
                    log.LogError(ex, "replenishment run of tenant {Tenant} failed", tenant);
                }
            }
            last = now;
            var next = catalog.Tenants().Select(catalog.Get).OfType<Domain.Network.NetworkModel>()
                .Select(n => ReplenishmentSchedule.Next(n, now)).DefaultIfEmpty(now + options.MaxIdle).Min();
            // Never past the idle limit: a network replaced meanwhile may have earlier run times.
            var sleep = TimeSpan.FromTicks(Math.Clamp((next - now).Ticks, TimeSpan.TicksPerMillisecond, options.MaxIdle.Ticks));
            // The timer is set first and the clock read after: a clock that moved past the wake-up time while this
            // loop ran (a fake one jumps) is seen here, instead of the sleep starting from the moved clock.
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(sleep, time, wake.Token);
            if (time.GetUtcNow() < now + sleep) await delay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            else await wake.CancelAsync().ConfigureAwait(false);
        }
    }
}
