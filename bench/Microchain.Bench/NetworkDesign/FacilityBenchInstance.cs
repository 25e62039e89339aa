using Microchain.Planning.NetworkDesign;

namespace Microchain.Bench.NetworkDesign;

/// <summary>One benchmark instance with its published optimal value.</summary>
public sealed record FacilityBenchInstance(string Family, string Name, string Path, double PublishedOptimum)
{
    /// <summary>Reads the instance file into a facility location problem.</summary>
    public FacilityProblem Load() => Family switch
    {
        "cap" => OrLibraryReader.ReadCap(Path, capacitated: true),
        "uncap" => OrLibraryReader.ReadCap(Path, capacitated: false),
        "pmed" => OrLibraryReader.ReadPMedian(Path).ToFacilityProblem(),
        _ => throw new InvalidOperationException($"unknown family {Family}"),
    };

    /// <summary>
    /// Lists a family's instances in natural order: cap = orlib_cap (multi-source optimum from bounds.txt),
    /// uncap = orlib_uncap (optimal-solutions.txt), pmed = orlib_pmed (pmedopt.txt).
    /// </summary>
    public static IReadOnlyList<FacilityBenchInstance> List(string family, string folder)
    {
        var (pattern, valuesFile) = family switch
        {
            "cap" => ("cap*.txt", "bounds.txt"),
            "uncap" => ("cap*.txt", "optimal-solutions.txt"),
            "pmed" => ("pmed*.txt", "pmedopt.txt"),
            _ => throw new ArgumentException($"unknown family {family}", nameof(family)),
        };
        var values = OrLibraryReader.ReadValues(System.IO.Path.Combine(folder, valuesFile));
        return [.. Directory.GetFiles(folder, pattern)
            .Where(f => !f.EndsWith(valuesFile, StringComparison.Ordinal) && f.EndsWith(".txt", StringComparison.Ordinal))
            .Select(f => (File: f, Name: System.IO.Path.GetFileNameWithoutExtension(f)))
            .Where(x => values.ContainsKey(x.Name))
            .OrderBy(x => int.Parse(new string([.. x.Name.Where(char.IsDigit)]), System.Globalization.CultureInfo.InvariantCulture))
            .Select(x => new FacilityBenchInstance(family, x.Name, x.File, values[x.Name]))];
    }
}
