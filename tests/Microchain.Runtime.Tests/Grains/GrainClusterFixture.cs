using Microchain.Runtime.Hosting;
using Microchain.Runtime.Journal;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Microchain.Runtime.Tests.Grains;

/// <summary>Orleans' in-process test cluster (one silo) over a real SQLite journal file.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    private static readonly string JournalPath = Path.Combine(Path.GetTempPath(), $"microchain-grains-{Guid.NewGuid():N}.db");
    private static readonly Lazy<IEventJournal> SharedJournal = new(() =>
        SqliteEventJournal.OpenAsync(JournalPath, TimeProvider.System, CancellationToken.None).GetAwaiter().GetResult());

    private static readonly ShiftedClock SharedClock = new();

    public TestCluster Cluster { get; private set; } = null!;
    /// <summary>The silo's clock: the system clock plus a shift that tests may only move forward.</summary>
    public static ShiftedClock Clock => SharedClock;
    public IGrainFactory Grains => Cluster.GrainFactory;
    /// <summary>The same journal the silo writes to, for tests that play a second writer.</summary>
    public IEventJournal Journal { get; } = SharedJournal.Value;
    /// <summary>The silo's ATP board (one silo in this cluster).</summary>
    public Microchain.Runtime.Nodes.AtpBoard Board =>
        ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<Microchain.Runtime.Nodes.AtpBoard>();

    /// <summary>Order placement as the server runs it, over the cluster's grains, journal and clock.</summary>
    public Microchain.Runtime.Orders.OrderIntake Intake => new(Grains, Journal, SharedClock, Microchain.Runtime.Orders.ReservationTiming.Default);

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Journal.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(JournalPath + suffix);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMicrochainSerialization();
            siloBuilder.Services.AddSingleton<TimeProvider>(SharedClock);
            siloBuilder.Services.AddSingleton(_ => SharedJournal.Value);
            siloBuilder.Services.AddSingleton(Microchain.Runtime.Orders.ReservationTiming.Default);
            siloBuilder.Services.AddSingleton<Microchain.Runtime.Nodes.AtpBoard>();
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMicrochainSerialization();
    }
}

[CollectionDefinition(Name)]
public sealed class GrainTestGroup : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grains";
}

/// <summary>The system clock moved forward by <see cref="Advance"/>; lets tests reach expiries without waiting.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _shiftTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _shiftTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);
}
