using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Server.Webhooks;

public static class WebhookHosting
{
    /// <summary>Adds the subscription registry and, if enabled, the dispatcher. Needs the runtime's journal and TimeProvider.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0) throw new ArgumentException("invalid webhook options: " + string.Join("; ", problems), nameof(options));
        services.AddSingleton(options);
        services.AddSingleton<WebhookRegistry>();
        services.AddSingleton<WebhookSender>();
        if (options.Enabled) services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
