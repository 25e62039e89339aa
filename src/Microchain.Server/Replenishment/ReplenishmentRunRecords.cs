using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microchain.Planning.Replenishment;
using Microchain.Runtime.Journal;

namespace Microchain.Server.Replenishment;

/// <summary>A recorded run as lists show it: when, why, and what it proposed in totals.</summary>
public sealed record ReplenishmentRunSummary(
    string RunId, string Kind, string Trigger, DateTimeOffset At, DateOnly Date,
    int Lines, int Transfers, int TransferUnits, int Deferred, int Purchases, int PurchaseUnits, long PurchaseCostCents, int Unplaced,
    bool Truncated, IReadOnlyList<string> Notes, SupplierSwitchImpact? Disruption);

/// <summary>A recorded run with its proposals, each with its reason.</summary>
public sealed record ReplenishmentRunView(
    ReplenishmentRunSummary Run, IReadOnlyList<TransferOrderProposal> Transfers, IReadOnlyList<TransferOrderProposal> Deferred,
    IReadOnlyList<PurchaseOrderProposal> Purchases, IReadOnlyList<string> Unplaced);

/// <summary>Index stream event: a run was recorded (its proposals are in the run's own stream).</summary>
internal sealed record ReplenishmentRunRecorded(ReplenishmentRunSummary Summary, int Chunks);

/// <summary>Run stream event: one slice of the run's proposals (a run's events stay under the journal's per-event limit).</summary>
internal sealed record ReplenishmentProposalsChunk(
    int Index, IReadOnlyList<TransferOrderProposal> Transfers, IReadOnlyList<TransferOrderProposal> Deferred,
    IReadOnlyList<PurchaseOrderProposal> Purchases, IReadOnlyList<string> Unplaced);

/// <summary>Stream names and the JSON of replenishment events; tenants never contain '/', so names cannot collide.</summary>
internal static class ReplenishmentJson
{
    /// <summary>Proposals per chunk event: ~0.5 KB each keeps an event far under the 1 MB limit.</summary>
    public const int ChunkSize = 500;

    /// <summary>Proposals kept per run: the whole run is one append, under the journal's 16 MB and 1,000-event limits.</summary>
    public const int MaxStoredProposals = 20_000;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Runs(string tenant) => "replenishment-runs/" + tenant;

    public static string Run(string tenant, string runId) => "replenishment-run/" + tenant + "/" + runId;

    public static EventData Event<T>(T e) where T : notnull => new(typeof(T).Name, JsonSerializer.Serialize(e, Options));

    public static object? Read(StoredEvent e) => e.Type switch
    {
        nameof(ReplenishmentRunRecorded) => JsonSerializer.Deserialize<ReplenishmentRunRecorded>(e.Data, Options),
        nameof(ReplenishmentProposalsChunk) => JsonSerializer.Deserialize<ReplenishmentProposalsChunk>(e.Data, Options),
        _ => throw new InvalidOperationException($"unknown replenishment event type '{e.Type}' in stream {e.StreamId}"),
    };
}
