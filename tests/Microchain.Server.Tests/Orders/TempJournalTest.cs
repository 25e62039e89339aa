using Microchain.Runtime.Journal;

namespace Microchain.Server.Tests.Orders;

/// <summary>A test on its own SQLite journal in a temp folder, deleted afterwards.</summary>
public abstract class TempJournalTest : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "microchain-read-model-" + Guid.NewGuid().ToString("N"));
    private SqliteEventJournal? _journal;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected SqliteEventJournal Journal => _journal ?? throw new InvalidOperationException("the journal is not open yet");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _journal = await SqliteEventJournal.OpenAsync(Path.Combine(_dir, "journal.db"), TimeProvider.System, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_journal is not null) await _journal.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
