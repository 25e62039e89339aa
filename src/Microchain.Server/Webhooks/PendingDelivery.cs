namespace Microchain.Server.Webhooks;

/// <summary>A delivery the dispatcher still has to make: its last known attempt count and when to try next.</summary>
internal sealed class PendingDelivery(string tenant, string subscriptionId, DeliveryScheduled scheduled, int attempts, DateTimeOffset nextAttemptAt)
{
    public string Tenant { get; } = tenant;
    public string SubscriptionId { get; } = subscriptionId;
    public DeliveryScheduled Scheduled { get; } = scheduled;
    public int Attempts { get; set; } = attempts;
    public DateTimeOffset NextAttemptAt { get; set; } = nextAttemptAt;
}
