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
