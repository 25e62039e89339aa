using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

/// <summary>
/// Durability against a crash: a real child process (Microchain.Runtime.KillTarget) appends from concurrent
/// writers and reports each acknowledged append; we SIGKILL it mid-stream, reopen the store and check that
/// every acknowledged event is there exactly once, at its acknowledged version, with no gaps.
/// </summary>
public abstract class JournalKillTests
{
    private const int Cycles = 3;
    private const int AcksPerCycle = 200;
    private const int SigKillExitCode = 128 + 9;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract string Provider { get; }

    protected abstract Task<string> CreateStoreAsync(CancellationToken cancellationToken);

    protected abstract Task<IEventJournal> OpenAsync(string store, CancellationToken cancellationToken);

    [Fact]
    public async Task Journal_killed_with_sigkill_keeps_every_acknowledged_append_exactly_once()
    {
        var store = await CreateStoreAsync(Ct);
        var acks = new List<Ack>();
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            var cycleAcks = await RunUntilKilledAsync(store, $"c{cycle}");
            Assert.True(cycleAcks.Count >= AcksPerCycle);
            acks.AddRange(cycleAcks);

            var journal = await OpenAsync(store, Ct);
            await using (journal)
            {
                await VerifyAsync(journal, acks);
            }
        }
    }

    private static async Task VerifyAsync(IEventJournal journal, IReadOnlyList<Ack> acks)
    {
        foreach (var stream in acks.Select(a => a.Stream).Distinct())
        {
            var events = await journal.ReadAsync(stream, 1, Ct);
            // Consecutive versions from 1: no gap, no duplicate version.
            Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.Version));
            var payloads = events.Select(e => Payload.Parse(e.Data)).ToList();
            // Exactly once: no (writer, seq) was stored twice.
            Assert.Equal(payloads.Count, payloads.Distinct().Count());

            foreach (var ack in acks.Where(a => a.Stream == stream))
            {
                Assert.True(ack.LastVersion <= events.Count, $"acknowledged {ack} is missing: stream {stream} ends at {events.Count}");
                for (var version = ack.FirstVersion; version <= ack.LastVersion; version++)
                {
                    Assert.Equal(new Payload(ack.Writer, ack.FirstSeq + (version - ack.FirstVersion)), payloads[(int)version - 1]);
                }
            }
        }
    }

    private async Task<List<Ack>> RunUntilKilledAsync(string store, string runTag)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "Microchain.Runtime.KillTarget.dll"), Provider, store, runTag])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("KillTarget did not start.");
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var acks = new List<Ack>();
        // Not a timing assertion: a bound so that a broken child fails the test instead of hanging it.
        using var hangGuard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        hangGuard.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            while (acks.Count < AcksPerCycle)
            {
                var line = await process.StandardOutput.ReadLineAsync(hangGuard.Token)
                    ?? throw new InvalidOperationException($"KillTarget ended early: {await stderr}");
                acks.Add(Ack.Parse(line));
            }
        }
        finally
        {
            process.Kill(); // SIGKILL on Linux: no cleanup, no flush, no dispose runs in the child
            await process.WaitForExitAsync(CancellationToken.None);
        }

        // Lines already in the pipe were acknowledged before the kill: they must hold too.
        while (await process.StandardOutput.ReadLineAsync(Ct) is { } line)
        {
            acks.Add(Ack.Parse(line));
        }

        Assert.Equal(SigKillExitCode, process.ExitCode);
        return acks;
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        return !string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")) ? Path.Combine(root, "dotnet") : "dotnet";
    }

    private readonly record struct Ack(string Stream, long FirstVersion, long LastVersion, string Writer, long FirstSeq)
    {
        public static Ack Parse(string line)
        {
            var parts = line.Split(' ');
            Assert.True(parts is ["ack", _, _, _, _, _], $"not an ack line: '{line}'");
            return new Ack(
                parts[1],
                long.Parse(parts[2], CultureInfo.InvariantCulture),
                long.Parse(parts[3], CultureInfo.InvariantCulture),
                parts[4],
                long.Parse(parts[5], CultureInfo.InvariantCulture));
        }
    }

    private readonly record struct Payload(string Writer, long Seq)
    {
        public static Payload Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            return new Payload(
                document.RootElement.GetProperty("writer").GetString()!,
                document.RootElement.GetProperty("seq").GetInt64());
        }
    }
}
