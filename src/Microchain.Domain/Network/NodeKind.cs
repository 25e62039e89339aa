namespace Microchain.Domain.Network;

/// <summary>A place that holds or hands over stock.</summary>
public enum NodeKind
{
    CentralDc,
    Mfc,
    DarkStore,
    Store,
    Locker,
    Supplier,
}
