using System.Globalization;
using Microchain.Domain;
using Microchain.Domain.Geo;
using Microchain.Planning.NetworkDesign.FromData;

namespace Microchain.Cli.Commands;

/// <summary>Order history for network design: a CSV of <c>lat,lon,segment[,orders]</c>, one row per place (and order count).</summary>
internal static class DemandHistory
{
    public const int MaxRows = 2_000_000;

    public static IReadOnlyList<DemandSample> Read(FileInfo file, double weeks)
    {
        if (!file.Exists) throw new CliException($"{file.FullName} does not exist");
        if (!(weeks > 0)) throw new CliException("--demand-weeks must be positive");
        var samples = new List<DemandSample>();
        var line = 0;
        foreach (var text in File.ReadLines(file.FullName))
        {
            line++;
            if (line == 1 && text.StartsWith("lat", StringComparison.OrdinalIgnoreCase)) continue;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (samples.Count >= MaxRows) throw new CliException($"{file.FullName}: more than {MaxRows:N0} rows");
            var f = text.Split(',');
            if (f.Length is < 3 or > 4
                || !double.TryParse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                throw new CliException($"{file.FullName}:{line}: expected lat,lon,segment[,orders]");
            var orders = 1.0;
            if (f.Length == 4 && (!double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out orders) || !(orders >= 0) || !double.IsFinite(orders)))
                throw new CliException($"{file.FullName}:{line}: orders must be a non-negative number");
            try
            {
                samples.Add(new DemandSample(new GeoPoint(lat, lon), orders / weeks, f[2].Trim()));
            }
            catch (DomainException ex)
            {
                throw new CliException($"{file.FullName}:{line}: {ex.Message}");
            }
        }
        return samples;
    }
}
