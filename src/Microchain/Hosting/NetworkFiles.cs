using Microchain.Domain.Network;
using Microchain.Server.Networks;

namespace Microchain.Cli.Hosting;

/// <summary>Loads a network file for a command, turning every problem into a one-line CLI error.</summary>
internal static class NetworkFiles
{
    public static NetworkModel Load(string path)
    {
        try
        {
            return NetworkFileStore.Load(path);
        }
        catch (Exception ex) when (ex is IOException or NetworkFileException)
        {
            throw new CliException($"{path}: {ex.Message}");
        }
    }
}
