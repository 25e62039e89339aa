using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Microchain.Server.Auth;

/// <summary>
/// API keys are 256-bit random strings, so a plain SHA-256 is enough at rest (no dictionary to attack); the key
/// itself is shown once and never stored by the server.
/// </summary>
public static class ApiKeyHash
{
    public const string Prefix = "mck_";

    public static string NewKey()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Prefix + Convert.ToHexStringLower(bytes);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string hash) => SameHash(Hash(key), hash);

    /// <summary>Compares two hashes in constant time (for a given length).</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(a.AsSpan()), MemoryMarshal.AsBytes(b.AsSpan()));
}
