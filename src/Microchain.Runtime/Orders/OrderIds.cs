using System.Security.Cryptography;
using System.Text;

namespace Microchain.Runtime.Orders;

/// <summary>
/// Order ids are derived from the tenant and the client's idempotency key, so a retry after a crash or a lost
/// answer lands on the same order grain and the same journal stream: one key can never make two orders.
/// </summary>
public static class OrderIds
{
    public const string Prefix = "o-";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string FromIdempotencyKey(string tenant, string idempotencyKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(tenant + "\n" + idempotencyKey), hash);
        return Prefix + Base32(hash[..16]);
    }

    /// <summary>Whether <paramref name="id"/> names an order (reservations of other kinds use other ids).</summary>
    public static bool IsOrderId(string id) => id.StartsWith(Prefix, StringComparison.Ordinal) && id.Length == Prefix.Length + 26;

    /// <summary>Separates an order id from the attempt number in the id of a reservation made when re-sourcing.</summary>
    public const char AttemptSeparator = '~';

    /// <summary>Re-sourcing attempts per order: a limit on the reservations one order can leave at nodes.</summary>
    public const int MaxAttempts = 99;

    /// <summary>
    /// The reservation id of an order's <paramref name="attempt"/>-th allocation: attempt 0 (placement) reserves under
    /// the order id itself, re-sourcing after a short pick under "orderId~attempt", so each maps back to its order.
    /// </summary>
    public static string ReservationFor(string orderId, int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attempt, MaxAttempts);
        return attempt == 0 ? orderId : orderId + AttemptSeparator + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The order a reservation belongs to, or null when <paramref name="reservationId"/> is not an order's.</summary>
    public static string? OrderOf(string reservationId)
    {
        if (IsOrderId(reservationId)) return reservationId;
        var at = reservationId.IndexOf(AttemptSeparator, StringComparison.Ordinal);
        if (at < 0 || !IsOrderId(reservationId[..at])) return null;
        var attempt = reservationId.AsSpan(at + 1);
        // Canonical digits only ("~01" or "~+1" is no attempt of ours), so one reservation id maps to one attempt.
        return attempt.Length is > 0 and <= 2 && attempt[0] != '0' && int.TryParse(attempt, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n is >= 1 and <= MaxAttempts ? reservationId[..at] : null;
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(26);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return text.ToString();
    }
}
