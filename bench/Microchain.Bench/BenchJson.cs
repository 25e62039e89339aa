using System.Text.Json;

namespace Microchain.Bench;

/// <summary>The last line of <c>--json</c> output: one JSON object of a benchmark's headline figures.</summary>
public static class BenchJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
    };

    public static void WriteHeadline(TextWriter output, object headline) =>
        output.WriteLine(JsonSerializer.Serialize(headline, headline.GetType(), Options));
}
