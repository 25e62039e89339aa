namespace Microchain.Server.Endpoints;

/// <summary>A page of a list: at most <see cref="MaxLimit"/> items per call.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);

public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;

    /// <summary>Checks paging parameters; returns an error message or null.</summary>
    public static string? Check(int? offset, int? limit) =>
        offset is < 0 ? "offset must not be negative"
        : limit is < 1 or > MaxLimit ? $"limit must be within 1..{MaxLimit}"
        : null;

    public static Page<T> Of<T>(IReadOnlyList<T> all, int? offset, int? limit)
    {
        var o = offset ?? 0;
        var l = limit ?? DefaultLimit;
        return new Page<T>(all.Skip(o).Take(l).ToArray(), all.Count, o, l);
    }
}
