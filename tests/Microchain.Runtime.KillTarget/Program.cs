using System.Globalization;
using Microchain.Runtime.Journal;

// A process for durability tests: concurrent writers append to a journal until the process is killed,
// printing one line per ACKNOWLEDGED append: "ack <stream> <firstVersion> <lastVersion> <writer> <firstSeq>".
// Usage: Microchain.Runtime.KillTarget <sqlite|postgres> <database path|connection string> <run tag>
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: <sqlite|postgres> <database path|connection string> <run tag>");
    return 2;
}

const int Writers = 4;
const int Streams = 2;
const int MaxAcks = 100_000; // a bound in case nobody kills us

var (provider, store, runTag) = (args[0], args[1], args[2]);

// If the test process dies, our stdin closes: exit rather than run on as an orphan.
_ = Task.Run(() =>
{
    Console.In.ReadToEnd();
    Environment.Exit(3);
});

await using IEventJournal journal = provider switch
{
    "sqlite" => await SqliteEventJournal.OpenAsync(store, TimeProvider.System, CancellationToken.None),
    "postgres" => await PostgresEventJournal.OpenAsync(store, TimeProvider.System, CancellationToken.None),
    _ => throw new ArgumentException($"Unknown provider '{provider}'.", nameof(args)),
};

var acks = 0;
await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w))));
return 0;

async Task WriteAsync(int writer)
{
    var stream = $"kill-{writer % Streams}";
    var name = $"{runTag}-w{writer}";
    long known = 0; // a wrong guess is corrected by the first conflict
    long seq = 0;
    while (Volatile.Read(ref acks) < MaxAcks)
    {
        var count = 1 + (int)(seq % 3);
        var events = Enumerable.Range(0, count)
            .Select(k => new EventData("kill.tick", string.Create(CultureInfo.InvariantCulture, $$"""{"writer":"{{name}}","seq":{{seq + k}}}""")))
            .ToArray();
        try
        {
            known = await journal.AppendAsync(stream, known, events, CancellationToken.None);
        }
        catch (JournalConcurrencyException ex)
        {
            known = ex.ActualVersion;
            continue;
        }

        // Console.Out flushes every line; one write per line keeps lines whole in the pipe.
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {stream} {known - count + 1} {known} {name} {seq}"));
        Interlocked.Increment(ref acks);
        seq += count;
    }
}
