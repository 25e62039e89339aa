using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microchain.Runtime.EventSourcing;

/// <summary>The one JSON shape of domain events and snapshots in the journal.</summary>
public static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
