using Microchain.Domain.Catalog;

namespace Microchain.Domain.Network;

/// <summary>How much a node can hold, per temperature zone in liters, and in slots (distinct SKUs).</summary>
public sealed record StorageCapacity(long AmbientLiters, long ChilledLiters, long FrozenLiters, int Slots)
{
    public long LitersFor(TemperatureZone zone) => zone switch
    {
        TemperatureZone.Ambient => AmbientLiters,
        TemperatureZone.Chilled => ChilledLiters,
        TemperatureZone.Frozen => FrozenLiters,
        _ => 0,
    };

    public void Validate(string nodeId)
    {
        Guard.That(AmbientLiters >= 0 && ChilledLiters >= 0 && FrozenLiters >= 0 && Slots >= 0,
            "node.capacity", $"node {nodeId}: storage capacity must not be negative");
    }
}
