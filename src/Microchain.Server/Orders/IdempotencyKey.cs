namespace Microchain.Server.Orders;

/// <summary>The rules of the Idempotency-Key header.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>An error message, or null when the key is usable.</summary>
    public static string? Check(string? key)
    {
        if (string.IsNullOrEmpty(key)) return $"the {Header} header is required";
        if (key.Length > MaxLength) return $"the {Header} header is longer than {MaxLength} characters";
        foreach (var c in key)
            if (c is < '!' or > '~') return $"the {Header} header must be visible ASCII characters";
        return null;
    }
}
