namespace Microchain.Server.Networks;

/// <summary>What lives under a data directory: the network served, the journal, API keys and a few markers.</summary>
public sealed record DataDirectory(string Root)
{
    public string NetworkFile => Path.Combine(Root, "network.json");
    public string StockedMarker => Path.Combine(Root, "stocked");
    /// <summary>Stock to put in once, before the first start is ready (stock CSV format).</summary>
    public string InitialStockFile => Path.Combine(Root, "initial-stock.csv");
    public string DevApiKeyFile => Path.Combine(Root, "dev-api-key.txt");

    public bool HasNetwork => File.Exists(NetworkFile);

    public void Create() => Directory.CreateDirectory(Root);

    /// <summary>Writes a file so that a crash leaves the old or the new content, never a torn one.</summary>
    public static void WriteAtomically(string path, string content)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
