using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microsoft.Extensions.Hosting;

namespace Microchain.Server.Orders;

/// <summary>One order as lists show it.</summary>
public sealed record OrderSummary(
    string OrderId,
    OrderStatus Status,
    string CustomerId,
    string? SegmentId,
    IReadOnlyList<string> NodeIds,
    int Units,
    DateTimeOffset CapturedAt,
    DateTimeOffset UpdatedAt);

/// <summary>What a list asks for; every filter is optional.</summary>
public sealed record OrderFilter(OrderStatus? Status = null, string? NodeId = null, string? SegmentId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>
/// The read model behind order lists: folds every order event of the journal, in commit order, into a summary per
/// order. It follows the journal's global position, so it is rebuilt on start and trails writes by a poll interval.
/// </summary>
public sealed class OrderIndex(IEventJournal journal) : BackgroundService
{
    /// <summary>Events read per poll.</summary>
    public const int BatchSize = 2_000;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, Dictionary<string, OrderSummary>> _byTenant = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _position;

    /// <summary>The journal position folded so far.</summary>
    public long Position
    {
        get { lock (_lock) return _position; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                read = 0; // storage hiccup: try again after the idle wait
            }
            if (read < BatchSize) await Task.Delay(IdlePoll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Folds one batch of new events; returns how many were read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        // Only order streams: the store skips the rest (node stock moves are most of the journal) without reading them.
        var page = await journal.ReadGlobalAsync(Position, BatchSize, "order/", cancellationToken);
        lock (_lock)
        {
            foreach (var stored in page.Events) Fold(stored);
            _position = page.ScannedThrough;
        }
        return page.Events.Count;
    }

    private void Fold(StoredEvent stored)
    {
        // Keys are looked up as spans of the stream id: strings are made only for a tenant or an order seen first.
        var key = stored.StreamId.AsSpan("order/".Length);
        var slash = key.IndexOf('/');
        if (slash <= 0) GrainKey.Split(key.ToString()); // throws: not "tenant/id"
        var orderId = key[(slash + 1)..];
        var tenants = _byTenant.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!tenants.TryGetValue(key[..slash], out var orders)) tenants[key[..slash]] = orders = new(StringComparer.Ordinal);
        var byId = orders.GetAlternateLookup<ReadOnlySpan<char>>();
        // The stored type names the event: only a capture, an allocation and a reallocation carry fields a summary
        // keeps; every other move needs just its time, and an event of an order not captured here is not read at all.
        if (stored.Type == nameof(OrderCaptured))
        {
            var c = Parse<CaptureFields>(stored);
            var id = orderId.ToString();
            orders[id] = new OrderSummary(id, OrderStatus.Captured, c.CustomerId, c.SegmentId, [], c.Lines.Sum(l => l.Quantity), c.At, c.At);
            return;
        }
        if (stored.Type == nameof(OrderVoided)) return;
        if (!StatusByType.TryGetValue(stored.Type, out var status))
        {
            FoldUnknownType(stored, orderId.ToString(), orders);
            return;
        }
        if (!byId.TryGetValue(orderId, out var summary)) return;
        IReadOnlyList<string> nodeIds = summary.NodeIds;
        DateTimeOffset at;
        if (stored.Type == nameof(OrderAllocated))
        {
            var a = Parse<AllocationFields>(stored);
            nodeIds = a.Allocations.Select(x => x.NodeId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            at = a.At;
        }
        else if (stored.Type == nameof(OrderReallocated))
        {
            var r = Parse<ReallocationFields>(stored);
            if (!summary.NodeIds.Contains(r.NodeId)) nodeIds = summary.NodeIds.Append(r.NodeId).Order(StringComparer.Ordinal).ToArray();
            at = r.At;
        }
        else
        {
            at = Parse<TimeFields>(stored).At;
        }
        byId[orderId] = summary with { Status = status, UpdatedAt = at, NodeIds = nodeIds };
    }

    /// <summary>The polymorphic fold, for an event whose stored type name this version does not know.</summary>
    private static void FoldUnknownType(StoredEvent stored, string orderId, Dictionary<string, OrderSummary> orders)
    {
        var e = JsonSerializer.Deserialize<IOrderEvent>(stored.Data, DomainJson.Options);
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

    private static T Parse<T>(StoredEvent stored) where T : class =>
        JsonSerializer.Deserialize<T>(stored.Data, DomainJson.Options)
        ?? throw new InvalidOperationException($"order event {stored.StreamId}@{stored.Version} is empty");

    /// <summary>The status after each kind of order event, keyed by its stored type name, taken from <see cref="Order.StatusAfter"/>.</summary>
    private static readonly Dictionary<string, OrderStatus> StatusByType = typeof(IOrderEvent)
        .GetCustomAttributes(typeof(JsonDerivedTypeAttribute), inherit: false).Cast<JsonDerivedTypeAttribute>()
        .Select(a => a.DerivedType)
        .Where(t => t != typeof(OrderVoided))
        .ToDictionary(t => t.Name, t => Order.StatusAfter((IOrderEvent)RuntimeHelpers.GetUninitializedObject(t)), StringComparer.Ordinal);

    // The parts of an event's JSON a summary needs; the serializer skips the rest without building it.
    private sealed record TimeFields(DateTimeOffset At);
    private sealed record CaptureFields(string CustomerId, string? SegmentId, IReadOnlyList<LineFields> Lines, DateTimeOffset At);
    private sealed record LineFields(int Quantity);
    private sealed record AllocationFields(IReadOnlyList<NodeFields> Allocations, DateTimeOffset At);
    private sealed record NodeFields(string NodeId);
    private sealed record ReallocationFields(string NodeId, DateTimeOffset At);

    /// <summary>Orders of a tenant that pass the filter, newest first, paged; and how many pass in all.</summary>
    public (IReadOnlyList<OrderSummary> Items, int Total) List(string tenant, OrderFilter filter, int offset, int limit)
    {
        lock (_lock)
        {
            if (!_byTenant.TryGetValue(tenant, out var orders)) return ([], 0);
            var matching = orders.Values.Where(o =>
                    (filter.Status is null || o.Status == filter.Status) &&
                    (filter.NodeId is null || o.NodeIds.Contains(filter.NodeId)) &&
                    (filter.SegmentId is null || o.SegmentId == filter.SegmentId) &&
                    (filter.From is null || o.CapturedAt >= filter.From) &&
                    (filter.To is null || o.CapturedAt < filter.To))
                .OrderByDescending(o => o.CapturedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal)
                .ToList();
            return (matching.Skip(offset).Take(limit).ToArray(), matching.Count);
        }
    }

    /// <summary>Orders of a tenant by status.</summary>
    public IReadOnlyDictionary<OrderStatus, int> CountByStatus(string tenant)
    {
        lock (_lock)
        {
            return _byTenant.TryGetValue(tenant, out var orders)
                ? orders.Values.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count())
                : new Dictionary<OrderStatus, int>();
        }
    }
}
