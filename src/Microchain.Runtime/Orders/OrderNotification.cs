using System.Text.Json;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;

namespace Microchain.Runtime.Orders;

/// <summary>
/// What subscribers hear about an order: written to the outbox in the same transaction as the order's events, so a
/// committed move is always announced and an announced move was always committed.
/// </summary>
/// <param name="Tenant">Whose order.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Event">The move, e.g. "order.allocated" (also the outbox topic).</param>
/// <param name="Status">The order's status after the move.</param>
/// <param name="Version">The order stream's version after the move: orders notifications of one order.</param>
/// <param name="At">When the move happened.</param>
public sealed record OrderNotification(string Tenant, string OrderId, string Event, OrderStatus Status, long Version, DateTimeOffset At)
{
    /// <summary>Topic prefix of every order notification.</summary>
    public const string TopicPrefix = "order.";

    /// <summary>Every topic an order move is announced under, one per kind of order event.</summary>
    public static IReadOnlyList<string> Topics { get; } =
        [.. new[] { "captured", "validated", "promised", "allocated", "part-picked", "reallocated", "short", "picked", "dispatched", "redirected", "delivered", "rejected", "cancelled", "failed" }
            .Select(name => TopicPrefix + name)];

    /// <summary>The topic of one order event: "order." + what happened, in lower case.</summary>
    public static string TopicOf(IOrderEvent e) => TopicPrefix + e switch
    {
        OrderCaptured => "captured",
        OrderValidated => "validated",
        OrderPromised => "promised",
        OrderAllocated => "allocated",
        OrderPartPicked => "part-picked",
        OrderReallocated => "reallocated",
        OrderLinesShorted => "short",
        OrderPicked => "picked",
        OrderDispatched => "dispatched",
        OrderRedirected => "redirected",
        OrderDelivered => "delivered",
        OrderRejected => "rejected",
        OrderCancelled => "cancelled",
        OrderFailed => "failed",
        _ => throw new ArgumentException($"no topic for {e.GetType().Name}", nameof(e)),
    };

    /// <summary>The outbox messages of events appended after <paramref name="versionBefore"/>, one per event.</summary>
    public static OutboxMessage[] OutboxOf(string tenant, string orderId, IReadOnlyList<IOrderEvent> events, long versionBefore)
    {
        var outbox = new OutboxMessage[events.Count];
        for (var i = 0; i < events.Count; i++)
            outbox[i] = new OrderNotification(tenant, orderId, TopicOf(events[i]), Order.StatusAfter(events[i]), versionBefore + i + 1, events[i].At).ToOutbox();
        return outbox;
    }

    public OutboxMessage ToOutbox() => new(Event, JsonSerializer.Serialize(this, DomainJson.Options));

    public static OrderNotification? FromOutbox(string data) => JsonSerializer.Deserialize<OrderNotification>(data, DomainJson.Options);
}
