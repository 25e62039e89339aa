namespace Microchain.Server.Webhooks;

/// <summary>An active subscription as the registry holds it.</summary>
public sealed record WebhookSubscription(string Tenant, string Id, Uri Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset CreatedAt);
