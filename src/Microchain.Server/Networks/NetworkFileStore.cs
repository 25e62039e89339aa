using Microchain.Domain.Network;
using Microchain.Domain.NetworkFiles;

namespace Microchain.Server.Networks;

/// <summary>A network file that could not be loaded; <see cref="Errors"/> names file, line and JSON path of each problem.</summary>
public sealed class NetworkFileException(string path, IReadOnlyList<FileError> errors)
    : Exception($"{path}: {errors.Count} error(s); first: {(errors.Count > 0 ? errors[0] : null)}")
{
    public IReadOnlyList<FileError> Errors { get; } = errors;
}

/// <summary>Reads and writes network files and stock CSVs in the documented formats (docs/network-format.md).</summary>
public static class NetworkFileStore
{
    public static NetworkFileResult Read(string path)
    {
        var size = new FileInfo(path).Length;
        if (size > NetworkFileLimits.MaxFileBytes)
            return new NetworkFileResult(null, [new FileError(path, null, null, $"the file is {size:N0} bytes; at most {NetworkFileLimits.MaxFileBytes:N0} are read")]);
        return NetworkFile.Parse(File.ReadAllText(path), path);
    }

    public static NetworkModel Load(string path)
    {
        var result = Read(path);
        return result.Network ?? throw new NetworkFileException(path, result.Errors);
    }

    public static void Save(string path, NetworkModel network) => DataDirectory.WriteAtomically(path, NetworkFile.Write(network));

    public static IReadOnlyList<StockRow> LoadStock(string path, NetworkModel network)
    {
        var result = StockCsv.Parse(File.ReadAllText(path), path, network);
        return result.Succeeded ? result.Rows : throw new NetworkFileException(path, result.Errors);
    }

    public static void SaveStock(string path, IEnumerable<StockRow> rows) => DataDirectory.WriteAtomically(path, StockCsv.Write(rows));
}
