using System.Globalization;
using System.Text.Json;

namespace Microchain.Domain.NetworkFiles;

/// <summary>
/// Reads the fields of one JSON object, reporting every problem with its path: wrong type, missing required field,
/// out-of-range number, unknown enum value. <see cref="Finish"/> reports the properties nobody asked for (typos) and
/// duplicates. A failed read returns a placeholder; callers compare <see cref="ErrorSink.Count"/> to know.
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonElement _object;
    private readonly ErrorSink _errors;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private JsonFields(JsonElement obj, string path, ErrorSink errors) => (_object, Path, _errors) = (obj, path, errors);

    public string Path { get; }

    /// <summary>Opens <paramref name="element"/> as an object, or reports that it is not one and returns null.</summary>
    public static JsonFields? Open(JsonElement element, string path, ErrorSink errors)
    {
        if (element.ValueKind == JsonValueKind.Object) return new JsonFields(element, path, errors);
        errors.Add(path, $"must be an object, found {Kind(element)}");
        return null;
    }

    public string At(string name) => JsonPath.Property(Path, name);

    /// <summary>The raw value, or null when absent or JSON null; marks the name as known.</summary>
    public JsonElement? Raw(string name)
    {
        _known.Add(name);
        return _object.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private JsonElement? Required(string name)
    {
        var value = Raw(name);
        if (value is null) _errors.Add(At(name), "is required");
        return value;
    }

    public string RequiredText(string name, int maxLength = NetworkFileLimits.MaxTextLength) =>
        Required(name) is { } v ? Text(v, At(name), maxLength) ?? "" : "";

    public string? OptionalText(string name, int maxLength = NetworkFileLimits.MaxTextLength) =>
        Raw(name) is { } v ? Text(v, At(name), maxLength) : null;

    public int RequiredInt(string name) => Required(name) is { } v ? Int(v, At(name)) ?? 0 : 0;

    public int Int(string name, int fallback) => Raw(name) is { } v ? Int(v, At(name)) ?? fallback : fallback;

    public int? OptionalInt(string name) => Raw(name) is { } v ? Int(v, At(name)) : null;

    public long Long(string name, long fallback)
    {
        if (Raw(name) is not { } v) return fallback;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
        _errors.Add(At(name), $"must be a whole number between {long.MinValue} and {long.MaxValue}, found {Show(v)}");
        return fallback;
    }

    public double RequiredDouble(string name) => Required(name) is { } v ? Double(v, At(name)) ?? 0 : 0;

    public double Double(string name, double fallback) => Raw(name) is { } v ? Double(v, At(name)) ?? fallback : fallback;

    public bool Bool(string name, bool fallback)
    {
        if (Raw(name) is not { } v) return fallback;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        _errors.Add(At(name), $"must be true or false, found {Show(v)}");
        return fallback;
    }

    public T RequiredEnum<T>(string name) where T : struct, Enum => Required(name) is { } v ? Enum<T>(v, At(name)) ?? default : default;

    public T Enum<T>(string name, T fallback) where T : struct, Enum => Raw(name) is { } v ? Enum<T>(v, At(name)) ?? fallback : fallback;

    public DateOnly RequiredDate(string name)
    {
        if (Required(name) is not { } v) return default;
        if (v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        _errors.Add(At(name), $"must be a date \"yyyy-MM-dd\", found {Show(v)}");
        return default;
    }

    public TimeOnly RequiredTime(string name) => Required(name) is { } v ? Time(v, At(name)) ?? default : default;

    public TimeOnly Time(string name, TimeOnly fallback) => Raw(name) is { } v ? Time(v, At(name)) ?? fallback : fallback;

    public JsonFields? RequiredObject(string name) => Required(name) is { } v ? Open(v, At(name), _errors) : null;

    public JsonFields? OptionalObject(string name) => Raw(name) is { } v ? Open(v, At(name), _errors) : null;

    /// <summary>The elements of an array (empty when absent), refusing more than <paramref name="maxCount"/>.</summary>
    public IReadOnlyList<JsonElement> Array(string name, int maxCount, bool required = false)
    {
        var value = required ? Required(name) : Raw(name);
        if (value is not { } v) return [];
        if (v.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(At(name), $"must be an array, found {Kind(v)}");
            return [];
        }
        var count = v.GetArrayLength();
        if (count > maxCount)
        {
            _errors.Add(At(name), $"has {count} entries; the limit is {maxCount}");
            return [];
        }
        return [.. v.EnumerateArray()];
    }

    /// <summary>Reports properties that were never read (typos must not pass silently) and names given twice.</summary>
    public void Finish()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _object.EnumerateObject())
        {
            var path = At(property.Name);
            if (!seen.Add(property.Name)) _errors.Add(path, "is given more than once");
            else if (!_known.Contains(property.Name))
                _errors.Add(path, $"is not a known property here; known: {string.Join(", ", _known.Order(StringComparer.Ordinal))}");
        }
    }

    private string? Text(JsonElement v, string path, int maxLength)
    {
        if (v.ValueKind != JsonValueKind.String)
        {
            _errors.Add(path, $"must be a string, found {Kind(v)}");
            return null;
        }
        var text = v.GetString()!;
        if (text.Length > maxLength)
        {
            _errors.Add(path, $"is {text.Length} characters long; the limit is {maxLength}");
            return null;
        }
        return text;
    }

    private int? Int(JsonElement v, string path)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)) return n;
        _errors.Add(path, $"must be a whole number between {int.MinValue} and {int.MaxValue}, found {Show(v)}");
        return null;
    }

    private double? Double(JsonElement v, string path)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        _errors.Add(path, $"must be a finite number, found {Show(v)}");
        return null;
    }

    private T? Enum<T>(JsonElement v, string path) where T : struct, Enum
    {
        if (v.ValueKind == JsonValueKind.String && EnumNames<T>.TryParse(v.GetString()!, out var value)) return value;
        _errors.Add(path, $"must be one of {string.Join(", ", EnumNames<T>.All)}; found {Show(v)}");
        return null;
    }

    private TimeOnly? Time(JsonElement v, string path)
    {
        if (v.ValueKind == JsonValueKind.String && TimeText.TryParse(v.GetString()!, out var t)) return t;
        _errors.Add(path, $"must be a time of day \"HH:mm\" or \"HH:mm:ss\", found {Show(v)}");
        return null;
    }

    private static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Show(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"\"{JsonPath.Describe(v.GetString()!)}\"",
        JsonValueKind.Number => v.GetRawText(),
        _ => Kind(v),
    };
}
