namespace Microchain.Server.Webhooks;

/// <summary>Journal streams of webhooks; tenants never contain '/', so the names cannot collide.</summary>
internal static class WebhookStreams
{
    /// <summary>Every tenant that ever subscribed, so the dispatcher can find all delivery streams after a restart.</summary>
    public const string Tenants = "webhook-tenants";

    /// <summary>A tenant's subscriptions: created and deleted.</summary>
    public static string Subscriptions(string tenant) => "webhooks/" + tenant;

    /// <summary>One subscription's deliveries: scheduled and every attempt.</summary>
    public static string Deliveries(string tenant, string subscriptionId) => "webhook-deliveries/" + tenant + "/" + subscriptionId;
}
