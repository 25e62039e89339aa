using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microchain.Domain.Network;

namespace Microchain.Domain.NetworkFiles;

/// <summary>Reads and writes the network JSON format described in docs/network-format.md. Pure text in, text out.</summary>
public static class NetworkFile
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 32,
    };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Names and ids stay readable (é, ü, ’) in a file meant for people; it is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false), new TimeOfDayConverter() },
    };

    /// <summary>Parses and validates a network file; <paramref name="fileName"/> is only used to name it in errors.</summary>
    public static NetworkFileResult Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new ErrorSink(NetworkFileLimits.MaxErrors);
        // Every char is at least one UTF-8 byte: refuse an oversized text before copying it.
        if (json.Length > NetworkFileLimits.MaxFileBytes)
            return Failed(fileName, $"file is over {NetworkFileLimits.MaxFileBytes} bytes, the limit");
        // A UTF-8 byte order mark is legal in a file but not in JSON text.
        var utf8 = Encoding.UTF8.GetBytes(json.StartsWith('\uFEFF') ? json[1..] : json);
        if (utf8.Length > NetworkFileLimits.MaxFileBytes)
            return Failed(fileName, $"file is {utf8.Length} bytes; the limit is {NetworkFileLimits.MaxFileBytes}");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var line = (int?)ex.LineNumber + 1;
            var column = (int?)ex.BytePositionInLine + 1;
            return new NetworkFileResult(null, [new FileError(fileName, line, null, $"invalid JSON: {WithoutPosition(ex.Message)}") { Column = column }]);
        }

        using (document)
        {
            var reader = new NetworkFileReader(errors);
            NetworkModel? model = null;
            try
            {
                reader.Read(document.RootElement);
                model = new NetworkFileValidator(reader, errors).Build();
            }
            catch (TooManyErrorsException)
            {
                // The sink has its cap and knows it was truncated.
            }
            if (errors.Count == 0 && model is not null) return new NetworkFileResult(model, []) { Rules = reader.Rules };
            var locate = JsonLineMap.Build(utf8, errors.Errors.Select(e => e.Path).OfType<string>());
            return new NetworkFileResult(null, errors.ToFileErrors(fileName, locate));
        }
    }

    /// <summary>Writes a network as indented JSON (camelCase, every field explicit, nulls left out); <see cref="Parse"/> reads it back equal.</summary>
    public static string Write(NetworkModel network, JsonElement? rules = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (rules is { ValueKind: not JsonValueKind.Object })
            throw new ArgumentException("rules must be a JSON object", nameof(rules));
        return JsonSerializer.Serialize(NetworkDocumentMapper.ToDocument(network, rules), WriteOptions) + "\n";
    }

    private static NetworkFileResult Failed(string fileName, string message) => new(null, [new FileError(fileName, null, null, message)]);

    // JsonException messages end with "LineNumber: 3 | BytePositionInLine: 7."; the position is reported in its own fields.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private sealed class TimeOfDayConverter : JsonConverter<TimeOnly>
    {
        public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TimeText.TryParse(reader.GetString() ?? "", out var time) ? time : throw new JsonException("expected a time of day HH:mm");

        public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(TimeText.Format(value));
    }
}
