using System.Net;
using Microchain.Runtime.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Microchain.Runtime.Hosting;

public static class RuntimeHostingExtensions
{
    /// <summary>
    /// Adds the journal and one embedded Orleans silo (localhost clustering) to the host. Grain calls carry
    /// Microchain types as JSON, so the domain stays free of serializer attributes.
    /// </summary>
    /// <param name="journal">The opened journal (see <see cref="JournalFactory"/>); the host disposes it on shutdown.</param>
    public static IHostApplicationBuilder AddMicrochainRuntime(this IHostApplicationBuilder builder, RuntimeOptions options, IEventJournal journal)
    {
        var problems = options.Problems();
        if (problems.Count > 0) throw new InvalidOperationException("invalid runtime options: " + string.Join("; ", problems));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options.Reservations);
        builder.Services.AddSingleton<Nodes.AtpBoard>();
        builder.Services.AddSingleton<Orders.OrderIntake>();
        builder.Services.AddSingleton<IEventJournal>(_ => journal);
        var siloPort = options.SiloPort == 0 ? FreePort.Pick() : options.SiloPort;
        var gatewayPort = options.GatewayPort == 0 ? FreePort.Pick() : options.GatewayPort;
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("microchain", "microchain"));
            silo.Configure<EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Loopback);
            silo.AddMicrochainSerialization();
        });
        return builder;
    }

    /// <summary>Lets grain calls carry Microchain types as JSON; silos and external clients both need it.</summary>
    public static ISiloBuilder AddMicrochainSerialization(this ISiloBuilder silo)
    {
        silo.Services.AddSerializer(s => s.AddJsonSerializer(IsMicrochainType));
        return silo;
    }

    /// <inheritdoc cref="AddMicrochainSerialization(ISiloBuilder)"/>
    public static IClientBuilder AddMicrochainSerialization(this IClientBuilder client)
    {
        client.Services.AddSerializer(s => s.AddJsonSerializer(IsMicrochainType));
        return client;
    }

    internal static bool IsMicrochainType(Type type) =>
        type.Namespace?.StartsWith("Microchain", StringComparison.Ordinal) == true;
}
