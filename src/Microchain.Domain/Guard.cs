namespace Microchain.Domain;

/// <summary>Invariant checks that stay on in release builds: stock and money are never left inconsistent.</summary>
internal static class Guard
{
    public static void That(bool condition, string code, string message)
    {
        if (!condition) throw new DomainException(code, message);
    }

    public static string Id(string? value, string what)
    {
        That(!string.IsNullOrWhiteSpace(value), "id.empty", $"{what} id must not be empty");
        // The message is built only on failure: slicing a short id would throw ArgumentOutOfRangeException.
        if (value!.Length > Limits.MaxIdLength)
            throw new DomainException("id.too_long", $"{what} id '{value[..32]}…' is longer than {Limits.MaxIdLength}");
        return value;
    }
}
