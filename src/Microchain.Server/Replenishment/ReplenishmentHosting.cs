using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Server.Replenishment;

public static class ReplenishmentHosting
{
    /// <summary>Adds the run store, the runner and, if scheduled, the scheduler. Needs the runtime's journal and grains, and the order demand history (registered by the server).</summary>
    public static IServiceCollection AddReplenishment(this IServiceCollection services, ReplenishmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0) throw new ArgumentException("invalid replenishment options: " + string.Join("; ", problems), nameof(options));
        services.AddSingleton(options);
        services.AddSingleton<ReplenishmentRunStore>();
        services.AddSingleton<ReplenishmentRunner>();
        if (options.Scheduled) services.AddHostedService<ReplenishmentScheduler>();
        return services;
    }
}
