using System.Text.RegularExpressions;

namespace Microchain.Bench.Routing;

/// <summary>Selects instances by a comma list of names or globs (e.g. <c>C1*,R101</c>), case-insensitive.</summary>
public sealed class InstanceFilter(string? pattern)
{
    private readonly Regex[] _patterns = string.IsNullOrWhiteSpace(pattern)
        ? []
        : [.. pattern.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*").Replace("\\?", ".") + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];

    /// <summary>True when no pattern was given or one pattern matches.</summary>
    public bool Matches(string name) => _patterns.Length == 0 || _patterns.Any(p => p.IsMatch(name));
}
