namespace Microchain.Domain.Network;

/// <summary>Flexible centers are planned, opened, run down and closed as demand moves.</summary>
public enum NodeLifecycle
{
    Planned,
    Open,
    Closing,
    Closed,
}

public static class NodeLifecycleRules
{
    /// <summary>Planned → Open → Closing → Closed; a planned node may be dropped; a closing node may reopen.</summary>
    public static bool CanMove(NodeLifecycle from, NodeLifecycle to) => (from, to) switch
    {
        (NodeLifecycle.Planned, NodeLifecycle.Open) => true,
        (NodeLifecycle.Planned, NodeLifecycle.Closed) => true,
        (NodeLifecycle.Open, NodeLifecycle.Closing) => true,
        (NodeLifecycle.Closing, NodeLifecycle.Open) => true,
        (NodeLifecycle.Closing, NodeLifecycle.Closed) => true,
        _ => false,
    };
}
