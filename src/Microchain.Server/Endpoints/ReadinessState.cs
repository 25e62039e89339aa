namespace Microchain.Server.Endpoints;

/// <summary>Ready once the journal is open, the silo is up and the network is loaded (and stocked, for the demo).</summary>
public sealed class ReadinessState
{
    private volatile string? _notReadyReason = "starting";

    public bool IsReady => _notReadyReason is null;
    public string? Reason => _notReadyReason;

    public void NotReady(string reason) => _notReadyReason = reason;

    public void Ready() => _notReadyReason = null;
}
