namespace Microchain.Bench.Inventory;

/// <summary>One monthly car-part demand series from <c>demand_carparts/carparts_wide.csv</c>.</summary>
internal sealed record CarpartsSeries(string Part, double[] Demand);

/// <summary>Loads the carparts data (Hyndman et al. 2008): one column per part, one row per month.</summary>
internal static class CarpartsData
{
    public const string FolderName = "demand_carparts";
    public const string FileName = "carparts_wide.csv";

    /// <summary>Complete series in file order; series with any missing month are counted in <paramref name="incomplete"/> and left out.</summary>
    public static List<CarpartsSeries> Load(string folder, out int incomplete)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, FileName));
        var header = lines[0].Trim().Split(',');
        var parts = header.Length - 1;
        var values = new double[parts][];
        var missing = new bool[parts];
        for (var p = 0; p < parts; p++) values[p] = new double[lines.Length - 1];
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Trim().Split(',');
            for (var p = 0; p < parts; p++)
            {
                var cell = p + 1 < cells.Length ? cells[p + 1].Trim() : "";
                if (cell.Length == 0 || cell == "NA") missing[p] = true;
                else values[p][row - 1] = double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        var result = new List<CarpartsSeries>(parts);
        incomplete = 0;
        for (var p = 0; p < parts; p++)
        {
            if (missing[p]) incomplete++;
            else result.Add(new CarpartsSeries(header[p + 1], values[p]));
        }
        return result;
    }
}
