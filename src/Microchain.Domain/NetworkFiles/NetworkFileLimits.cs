namespace Microchain.Domain.NetworkFiles;

/// <summary>Limits of the network and stock files; documented in docs/network-format.md.</summary>
public static class NetworkFileLimits
{
    /// <summary>Largest file accepted. Callers should check the file's length before reading it into memory.</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;
    public const int MaxErrors = 100;
    public const int MaxTextLength = 200;
    public const int MaxNodes = 10_000;
    public const int MaxSkus = 200_000;
    public const int MaxComponents = 50_000;
    public const int MaxSegments = 1_000;
    public const int MaxCustomers = 1_000_000;
    public const int MaxSuppliers = 10_000;
    public const int MaxContracts = 200_000;
    public const int MaxVehicles = 50_000;
    public const int MaxBomLines = 100;
    public const int MaxSkillsPerVehicle = 16;
    public const int MaxStockRows = 2_000_000;
    /// <summary>The only format version this code reads and writes.</summary>
    public const int FormatVersion = 1;
}
