using System.Net;
using System.Text.Json.Serialization;
using Microchain.Runtime.Hosting;
using Microchain.Server.Auth;
using Microchain.Server.Endpoints;
using Microchain.Server.Errors;
using Microchain.Server.Networks;
using Microchain.Server.Replenishment;
using Microchain.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace Microchain.Server;

/// <summary>Composes the host: the embedded runtime, the nanoservice endpoints, OpenAPI and its UI.</summary>
public static class MicrochainServer
{
    /// <summary>JSON nested deeper than this is refused.</summary>
    public const int MaxJsonDepth = 64;

    public static async Task<WebApplication> BuildAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        var problems = options.Problems();
        if (problems.Count > 0) throw new ArgumentException("invalid server options: " + string.Join("; ", problems), nameof(options));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Parse(options.Host), options.Port);
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error)
            .AddFilter("Microsoft", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.MaxDepth = MaxJsonDepth;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => Problems.Normalize(c.ProblemDetails));
        builder.Services.AddExceptionHandler<ExceptionProblems>();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<NetworkCatalog>();
        builder.Services.AddSingleton<Orders.LiveNetwork>();
        builder.Services.AddSingleton<Orders.IdempotencyGate>();
        builder.Services.AddSingleton<Orders.OrderDesk>();
        builder.Services.AddSingleton<Orders.PickDesk>();
        builder.Services.AddSingleton<Orders.PickLists>();
        builder.Services.AddSingleton<Orders.OrderImporter>();
        builder.Services.AddSingleton<Orders.OrderIndex>();
        builder.Services.AddSingleton<Orders.OrderDemandHistory>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Orders.OrderIndex>());
        builder.Services.AddSingleton<Assortment.AssortmentBook>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Assortment.AssortmentBook>());
        builder.Services.AddSingleton(options.Dispatch);
        builder.Services.AddSingleton<Dispatch.WaveStore>();
        builder.Services.AddSingleton<Dispatch.WaveRunner>();
        builder.Services.AddSingleton<Dispatch.Dispatcher>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Dispatch.Dispatcher>());
        builder.Services.AddSingleton<ReadinessState>();
        builder.Services.AddSingleton(new ApiKeyStore(options.Runtime.DataDirectory));
        builder.Services.AddWebhooks(options.Webhooks);
        builder.Services.AddReplenishment(options.Replenishment);
        builder.AddMicrochainRuntime(options.Runtime, await JournalFactory.OpenAsync(options.Runtime, TimeProvider.System, cancellationToken));

        var app = builder.Build();
        // Once Kestrel listens, the runtime's socket event threads exist (see SocketEventThreads for why and what).
        app.Lifetime.ApplicationStarted.Register(() => SocketEventThreads.UseBatchPolicy());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthEndpoints();
        app.MapNetworkEndpoints();
        app.MapStockEndpoints();
        app.MapAtpEndpoints();
        app.MapLedgerEndpoints();
        app.MapOrderEndpoints();
        app.MapPickingEndpoints();
        app.MapOrderImportEndpoints();
        app.MapNetworkDesignEndpoints();
        app.MapRouteEndpoints();
        app.MapDispatchEndpoints();
        app.MapForecastEndpoints();
        app.MapOrderToolsEndpoints();
        app.MapWebhookEndpoints();
        app.MapAssortmentEndpoints();
        app.MapTransferEndpoints();
        app.MapReplenishmentEndpoints();
        return app;
    }
}
