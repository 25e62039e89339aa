using Microchain.Runtime.Orders;

namespace Microchain.Server.Webhooks;

/// <summary>The topics a subscription may name: exact order moves ("order.allocated") or all of them ("order.*").</summary>
public static class WebhookTopics
{
    public const string AllOrders = OrderNotification.TopicPrefix + "*";

    /// <summary>Patterns a subscription may hold at most.</summary>
    public const int MaxPatterns = 20;

    /// <summary>The topics order moves are announced under.</summary>
    public static IReadOnlyList<string> Known => OrderNotification.Topics;

    public static bool IsKnownPattern(string pattern) =>
        pattern == AllOrders || Known.Contains(pattern, StringComparer.Ordinal);

    public static bool Matches(IReadOnlyList<string> patterns, string topic) =>
        patterns.Any(p => p == topic || (p == AllOrders && topic.StartsWith(OrderNotification.TopicPrefix, StringComparison.Ordinal)));
}
