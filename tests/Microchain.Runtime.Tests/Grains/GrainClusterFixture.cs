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

    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.GrainFactory;
    /// <summary>The same journal the silo writes to, for tests that play a second writer.</summary>
    public IEventJournal Journal { get; } = SharedJournal.Value;

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
            siloBuilder.Services.AddSingleton(TimeProvider.System);
            siloBuilder.Services.AddSingleton(_ => SharedJournal.Value);
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
