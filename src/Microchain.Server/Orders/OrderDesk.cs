using System.Security.Cryptography;
using System.Text.Json;
using Microchain.Domain.Orders;
using Microchain.Domain.Validation;
using Microchain.Planning.Sourcing;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Orders;
using Microchain.Server.Networks;

namespace Microchain.Server.Orders;

/// <summary>The answer to an order request, before it becomes HTTP.</summary>
public sealed record DeskAnswer(DeskVerdict Verdict, OrderView? Order, IReadOnlyList<Violation> Violations, bool Replayed)
{
    public static DeskAnswer Of(DeskVerdict verdict) => new(verdict, null, [], false);
}

public enum DeskVerdict
{
    /// <summary>Recorded (allocated or rejected: see the order's status), or replayed as first answered.</summary>
    Answered,
    Invalid,
    InFlight,
    KeyReused,
    Abandoned,
    NoNetwork,
}

/// <summary>
/// Order capture: validate against the tenant's rules, source from live availability, then let the order intake
/// reserve and record. When a node turns out short (a race with another order), it sources again on fresh numbers,
/// up to <see cref="MaxAttempts"/> times; the last attempt records a rejection rather than trying on.
/// </summary>
public sealed class OrderDesk(NetworkCatalog catalog, LiveNetwork live, OrderIntake intake, IdempotencyGate gate, TimeProvider time)
{
    public const int MaxAttempts = 3;

    public async Task<DeskAnswer> PlaceAsync(string tenant, string key, OrderRequest request, CancellationToken cancellationToken)
    {
        var network = catalog.Get(tenant);
        if (network is null) return DeskAnswer.Of(DeskVerdict.NoNetwork);
        if (!gate.TryEnter(tenant, key, out var lease)) return DeskAnswer.Of(DeskVerdict.InFlight);
        using (lease)
        {
            var orderId = OrderIds.FromIdempotencyKey(tenant, key);
            var hash = Hash(request);
            var draft = request.ToDraft();
            var context = ValidationContext.For(network);
            var violations = OrderValidator.Validate(draft, context, network.OrderRules, OrderSourcing.Travel, time.GetUtcNow());
            if (violations.Count > 0)
            {
                // A replay is answered as first answered, even if the rules (or the clock) would now refuse it.
                var existing = await intake.FindAsync(tenant, orderId, cancellationToken);
                return existing is null ? new DeskAnswer(DeskVerdict.Invalid, null, violations, false) : Replay(existing, hash);
            }
            var segmentId = context.Customers[draft.CustomerId].SegmentId;
            for (var attempt = 1; ; attempt++)
            {
                var availability = await live.ReadAsync(tenant, network, draft.Lines.Select(l => l.SkuId).ToArray(), cancellationToken);
                var decision = OrderSourcing.Decide(network, draft, availability, null, "pending", segmentId);
                var command = Command(network, draft, segmentId, key, hash, decision, network.OrderRules, attempt == MaxAttempts);
                var outcome = await intake.PlaceAsync(tenant, orderId, command, cancellationToken);
                switch (outcome.Status)
                {
                    case PlacementStatus.Shortage when attempt < MaxAttempts: continue;
                    case PlacementStatus.Placed: return new DeskAnswer(DeskVerdict.Answered, outcome.Order, [], false);
                    case PlacementStatus.Replayed: return Replay(outcome.Order!, hash);
                    case PlacementStatus.KeyReused: return DeskAnswer.Of(DeskVerdict.KeyReused);
                    case PlacementStatus.Voided: return DeskAnswer.Of(DeskVerdict.Abandoned);
                    default: throw new InvalidOperationException($"placement answered {outcome.Status} on the last attempt");
                }
            }
        }
    }

    private PlaceOrder Command(Domain.Network.NetworkModel network, OrderDraft draft, string segmentId, string key, string hash, SourcingDecision decision, OrderRules rules, bool lastAttempt)
    {
        var destination = OrderSourcing.Destination(network, draft);
        if (!decision.Fulfilled)
            return new PlaceOrder(draft.CustomerId, segmentId, draft.Lines, destination, draft.LockerId, draft.Window, key, hash, [], null, ["stock.insufficient"], true);
        var now = time.GetUtcNow();
        var window = draft.Window ?? new DeliveryWindow(now, now.AddMinutes(Math.Max(rules.MinLeadMinutes, 30)));
        var mode = draft.LockerId is null ? "delivery" : "locker-pickup";
        return new PlaceOrder(draft.CustomerId, segmentId, draft.Lines, destination, draft.LockerId, draft.Window, key, hash,
            decision.Allocations, new PromiseTerms(mode, window, decision.Cost.TotalCents), [], lastAttempt);
    }

    /// <summary>A replay shows the order as its placement left it, so the same request gets the same answer.</summary>
    private static DeskAnswer Replay(OrderView order, string hash)
    {
        if (order.History.Count == 0 || order.History[0] is not OrderCaptured { RequestHash: var first } || first != hash)
            return DeskAnswer.Of(DeskVerdict.KeyReused);
        var end = 0;
        while (end < order.History.Count && order.History[end] is not (OrderAllocated or OrderRejected)) end++;
        var placed = Order.Replay(order.History.Take(Math.Min(end + 1, order.History.Count)));
        return new DeskAnswer(DeskVerdict.Answered, OrderView.Of(placed), [], true);
    }

    /// <summary>Hash of the request as parsed (not as spelled): the same order with other whitespace is the same request.</summary>
    public static string Hash(OrderRequest request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, HashOptions)));

    private static readonly JsonSerializerOptions HashOptions = new(JsonSerializerDefaults.Web);
}
