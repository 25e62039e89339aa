using System.Text.Json;
using Microchain.Domain.Network;
using Microchain.Runtime.EventSourcing;

namespace Microchain.Server.Networks;

/// <summary>Reads and writes the network file of a data directory.</summary>
public static class NetworkFileStore
{
    public static NetworkModel Load(string path) =>
        JsonSerializer.Deserialize<NetworkModel>(File.ReadAllText(path), DomainJson.Options)
        ?? throw new InvalidDataException($"{path}: empty network file");

    public static void Save(string path, NetworkModel network) =>
        DataDirectory.WriteAtomically(path, JsonSerializer.Serialize(network, DomainJson.Options));
}
