using System.Text.Json;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;

namespace Microchain.Server.Dispatch;

/// <summary>A wave as it stands: its plan, the reports of its stops, and its stream's version.</summary>
public sealed record WaveState(WavePlanned Plan, IReadOnlyDictionary<int, StopReported> Reports, long Version);

/// <summary>
/// Durable waves: one journal stream per tenant/node/wave (the plan, then stop reports) and one list stream per
/// tenant/node; a plan and its list line are appended in one transaction. Read through a cache. Callers serialize
/// writes per tenant (see <see cref="WaveRunner"/>), so the versions held here are the journal's.
/// </summary>
public sealed class WaveStore(IEventJournal journal)
{
    private readonly Dictionary<string, List<WaveListed>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WaveState> _waves = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public static string ListStream(string tenant, string nodeId) => $"waves/{tenant}/{nodeId}";

    public static string WaveStream(string tenant, string nodeId, string waveId) => $"wave/{tenant}/{nodeId}/{waveId}";

    /// <summary>The node's waves, oldest first.</summary>
    public async Task<IReadOnlyList<WaveListed>> ListAsync(string tenant, string nodeId, CancellationToken cancellationToken)
    {
        var stream = ListStream(tenant, nodeId);
        lock (_lock) if (_lists.TryGetValue(stream, out var cached)) return [.. cached];
        var stored = await journal.ReadAsync(stream, 1, cancellationToken);
        var list = stored.Select(e => JsonSerializer.Deserialize<WaveListed>(e.Data, DomainJson.Options)!).ToList();
        lock (_lock) return [.. _lists.TryAdd(stream, list) ? list : _lists[stream]];
    }

    public async Task<WaveState?> GetAsync(string tenant, string nodeId, string waveId, CancellationToken cancellationToken)
    {
        var stream = WaveStream(tenant, nodeId, waveId);
        lock (_lock) if (_waves.TryGetValue(stream, out var cached)) return cached;
        var stored = await journal.ReadAsync(stream, 1, cancellationToken);
        if (stored.Count == 0) return null;
        var events = stored.Select(e => JsonSerializer.Deserialize<IWaveEvent>(e.Data, DomainJson.Options)!).ToArray();
        var reports = events.OfType<StopReported>().ToDictionary(r => r.Stop);
        var state = new WaveState((WavePlanned)events[0], reports, stored[^1].Version);
        lock (_lock) return _waves.TryAdd(stream, state) ? state : _waves[stream];
    }

    /// <summary>Records a new wave and its line in the node's list, atomically.</summary>
    public async Task AddAsync(string tenant, WavePlanned plan, CancellationToken cancellationToken)
    {
        var list = await ListAsync(tenant, plan.NodeId, cancellationToken);
        var line = new WaveListed(plan.WaveId, plan.Trigger, plan.Slot, plan.At, plan.Stops.Sum(s => s.OrderIds.Count), plan.Left.Count);
        var listStream = ListStream(tenant, plan.NodeId);
        var waveStream = WaveStream(tenant, plan.NodeId, plan.WaveId);
        await journal.AppendManyAsync(
        [
            new StreamAppend(waveStream, 0, [Data<IWaveEvent>(plan)]),
            new StreamAppend(listStream, list.Count, [Data(line)]),
        ], [], cancellationToken);
        lock (_lock)
        {
            _lists[listStream] = [.. list, line];
            _waves[waveStream] = new WaveState(plan, new Dictionary<int, StopReported>(), 1);
        }
    }

    public async Task<WaveState> ReportAsync(string tenant, WaveState wave, StopReported report, CancellationToken cancellationToken)
    {
        var stream = WaveStream(tenant, wave.Plan.NodeId, wave.Plan.WaveId);
        var version = await journal.AppendAsync(stream, wave.Version, [Data<IWaveEvent>(report)], cancellationToken);
        var reports = new Dictionary<int, StopReported>(wave.Reports) { [report.Stop] = report };
        var next = wave with { Reports = reports, Version = version };
        lock (_lock) _waves[stream] = next;
        return next;
    }

    /// <summary>Forgets cached state (after a failed write, whose outcome the journal decides).</summary>
    public void Forget(string tenant, string nodeId)
    {
        lock (_lock)
        {
            _lists.Remove(ListStream(tenant, nodeId));
            foreach (var key in _waves.Keys.Where(k => k.StartsWith($"wave/{tenant}/{nodeId}/", StringComparison.Ordinal)).ToArray()) _waves.Remove(key);
        }
    }

    private static EventData Data<T>(T e) => new(e!.GetType().Name, JsonSerializer.Serialize(e, DomainJson.Options));
}
