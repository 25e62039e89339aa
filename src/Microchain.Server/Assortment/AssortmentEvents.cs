using System.Text.Json;
using Microchain.Runtime.Journal;

namespace Microchain.Server.Assortment;

/// <summary>A node's assortment was set: from now on it stocks exactly <paramref name="Skus"/>.</summary>
/// <param name="Source">"api" (PUT) or "plan" (applied from a plan).</param>
internal sealed record AssortmentSet(string Tenant, string NodeId, IReadOnlyList<string> Skus, IReadOnlyList<string> Added, IReadOnlyList<string> Dropped, string Source, DateTimeOffset At);

/// <summary>A node's assortment was removed: it stocks everything it holds again.</summary>
internal sealed record AssortmentCleared(string Tenant, string NodeId, DateTimeOffset At);

/// <summary>How assortment events are written to and read from the journal.</summary>
internal static class AssortmentJson
{
    /// <summary>One stream for every tenant: a server loads all assortments with one read at start.</summary>
    public const string Stream = "assortments";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static EventData Event<T>(T e) where T : notnull => new(typeof(T).Name, JsonSerializer.Serialize(e, Options));

    public static object Read(StoredEvent e) => e.Type switch
    {
        nameof(AssortmentSet) => JsonSerializer.Deserialize<AssortmentSet>(e.Data, Options)!,
        nameof(AssortmentCleared) => JsonSerializer.Deserialize<AssortmentCleared>(e.Data, Options)!,
        _ => throw new InvalidOperationException($"unknown assortment event type '{e.Type}' in stream {e.StreamId}"),
    };
}
