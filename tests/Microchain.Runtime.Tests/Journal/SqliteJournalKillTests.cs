using Microchain.Runtime.Journal;

namespace Microchain.Runtime.Tests.Journal;

public sealed class SqliteJournalKillTests : JournalKillTests, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("microchain-kill-").FullName;

    protected override string Provider => "sqlite";

    protected override Task<string> CreateStoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Path.Combine(folder, "journal.db"));

    protected override async Task<IEventJournal> OpenAsync(string store, CancellationToken cancellationToken) =>
        await SqliteEventJournal.OpenAsync(store, TimeProvider.System, cancellationToken);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
