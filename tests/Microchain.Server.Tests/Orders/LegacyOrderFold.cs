using System.Text.Json;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Server.Orders;

namespace Microchain.Server.Tests.Orders;

/// <summary>
/// The order index's fold as it was before it learned to skip events by their stored type: every order event
/// deserialized through the polymorphic contract. Kept as the oracle the index must agree with.
/// </summary>
internal sealed class LegacyOrderFold
{
    public Dictionary<string, Dictionary<string, OrderSummary>> ByTenant { get; } = new(StringComparer.Ordinal);

    public void Apply(StoredEvent stored)
    {
        if (!stored.StreamId.StartsWith("order/", StringComparison.Ordinal)) return;
        var (tenant, orderId) = GrainKey.Split(stored.StreamId["order/".Length..]);
        var e = JsonSerializer.Deserialize<IOrderEvent>(stored.Data, DomainJson.Options);
        if (!ByTenant.TryGetValue(tenant, out var orders)) ByTenant[tenant] = orders = new(StringComparer.Ordinal);
        if (e is OrderCaptured c)
        {
            orders[orderId] = new OrderSummary(orderId, OrderStatus.Captured, c.CustomerId, c.SegmentId, [], c.Lines.Sum(l => l.Quantity), c.At, c.At);
            return;
        }
        if (e is null or OrderVoided || !orders.TryGetValue(orderId, out var summary)) return;
        orders[orderId] = summary with
        {
            Status = Order.StatusAfter(e),
            UpdatedAt = e.At,
            NodeIds = e switch
            {
                OrderAllocated a => a.Allocations.Select(x => x.NodeId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                OrderReallocated r when !summary.NodeIds.Contains(r.NodeId) => summary.NodeIds.Append(r.NodeId).Order(StringComparer.Ordinal).ToArray(),
                _ => summary.NodeIds,
            },
        };
    }
}
