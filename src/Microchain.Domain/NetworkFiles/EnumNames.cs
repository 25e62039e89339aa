using System.Text.Json;

namespace Microchain.Domain.NetworkFiles;

/// <summary>The file spelling of a domain enum: its member names in camelCase (<c>CentralDc</c> → <c>centralDc</c>), matched exactly.</summary>
internal static class EnumNames<T> where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName =
        System.Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.Ordinal);

    public static IReadOnlyList<string> All { get; } = [.. ByName.Keys];

    public static bool TryParse(string text, out T value) => ByName.TryGetValue(text, out value);
}

/// <summary>Times of day as <c>HH:mm</c>, or <c>HH:mm:ss</c> (with a fraction) when seconds matter.</summary>
internal static class TimeText
{
    private static readonly string[] Formats = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];

    public static bool TryParse(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, Formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);

    public static string Format(TimeOnly time) =>
        time.Ticks % TimeSpan.TicksPerMinute == 0 ? time.ToString("HH:mm") : time.ToString("HH:mm:ss.FFFFFFF").TrimEnd('.');
}
