using Microchain.Domain.Orders;
using Microchain.Runtime.Orders;

namespace Microchain.Server.Webhooks;

/// <summary>The topics a subscription may name: exact order moves ("order.allocated") or all of them ("order.*").</summary>
public static class WebhookTopics
{
    public const string AllOrders = OrderNotification.TopicPrefix + "*";

    /// <summary>Patterns a subscription may hold at most.</summary>
    public const int MaxPatterns = 20;

    /// <summary>One topic per order status the order can move to: "order." + the status in lower case.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [.. Enum.GetValues<OrderStatus>().Select(s => OrderNotification.TopicPrefix + s.ToString().ToLowerInvariant())];

    public static bool IsKnownPattern(string pattern) =>
        pattern == AllOrders || Known.Contains(pattern, StringComparer.Ordinal);

    public static bool Matches(IReadOnlyList<string> patterns, string topic) =>
        patterns.Any(p => p == topic || (p == AllOrders && topic.StartsWith(OrderNotification.TopicPrefix, StringComparison.Ordinal)));
}
