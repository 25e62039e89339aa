using System.Text;

namespace Microchain.Runtime.Journal;

/// <summary>Argument checks shared by all stores, so every store refuses the same input the same way.</summary>
internal static class JournalValidation
{
    // Strict: a lone surrogate cannot be stored as UTF-8 by every store, so it is refused up front.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void StreamId(string streamId, string paramName)
    {
        ArgumentNullException.ThrowIfNull(streamId, paramName);
        if (string.IsNullOrWhiteSpace(streamId) || streamId.Length > JournalLimits.MaxStreamIdLength)
        {
            throw new ArgumentException(
                $"A stream id must be 1 to {JournalLimits.MaxStreamIdLength} characters and not blank.", paramName);
        }

        if (streamId.Any(char.IsControl))
        {
            throw new ArgumentException("A stream id must not contain control characters.", paramName);
        }

        Utf8Bytes(streamId, JournalLimits.MaxStreamIdLength * 4, paramName);
    }

    public static void Name(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (string.IsNullOrWhiteSpace(name) || name.Length > JournalLimits.MaxNameLength || name.Any(char.IsControl))
        {
            throw new ArgumentException(
                $"A type or topic name must be 1 to {JournalLimits.MaxNameLength} characters, not blank, without control characters.",
                paramName);
        }

        Utf8Bytes(name, JournalLimits.MaxNameLength * 4, paramName);
    }

    /// <summary>Checks text data and returns its UTF-8 size in bytes.</summary>
    public static int Data(string data, int maxBytes, string paramName)
    {
        ArgumentNullException.ThrowIfNull(data, paramName);
        if (data.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("Data must not contain NUL characters (escape them in JSON).", paramName);
        }

        return Utf8Bytes(data, maxBytes, paramName);
    }

    public static void ExpectedVersion(long expectedVersion, string paramName)
    {
        if (expectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, expectedVersion, "An expected version is 0 (new stream) or more.");
        }
    }

    public static void Count(int count, int max, string paramName)
    {
        if (count < 1 || count > max)
        {
            throw new ArgumentOutOfRangeException(paramName, count, $"Must be between 1 and {max}.");
        }
    }

    private static int Utf8Bytes(string text, int maxBytes, string paramName)
    {
        // Each char is at least one UTF-8 byte: a too-long string is refused without encoding it.
        if (text.Length > maxBytes)
        {
            throw new ArgumentException($"Text is larger than the limit of {maxBytes} UTF-8 bytes.", paramName);
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("Text is not valid UTF-16 (lone surrogate).", paramName, ex);
        }

        if (bytes > maxBytes)
        {
            throw new ArgumentException($"Text is {bytes} UTF-8 bytes, larger than the limit of {maxBytes}.", paramName);
        }

        return bytes;
    }
}
