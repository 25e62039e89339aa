using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Domain.Validation;
using Microchain.Planning.Promise;

namespace Microchain.Server.Orders;

/// <summary>The answer of <c>POST /v1/orders:validate</c>: valid when no rule is broken, else every violation.</summary>
public sealed record ValidationAnswer(bool Valid, IReadOnlyList<Violation> Violations);

/// <summary>A basket to promise for: lines and a delivery point and/or a locker; a segment narrows the promises offered.</summary>
public sealed record PromiseRequest(
    IReadOnlyList<OrderLineRequest> Lines,
    GeoPoint? DeliverTo = null,
    string? LockerId = null,
    string? SegmentId = null);

/// <summary>Delivery options, fastest promise first, as of <paramref name="ComputedAt"/>.</summary>
public sealed record PromiseAnswer(DateTimeOffset ComputedAt, IReadOnlyList<DeliveryOption> Options);

/// <summary>Units of a SKU an order holds at a node now.</summary>
public sealed record AllocationRequest(string NodeId, string SkuId, int Quantity);

/// <summary>A captured, not yet picked order and where its units are allocated now.</summary>
public sealed record ReoptimizeOrderRequest(string OrderId, OrderRequest Order, IReadOnlyList<AllocationRequest> Allocations);

/// <summary>The body of <c>POST /v1/orders:reoptimize</c>.</summary>
public sealed record ReoptimizeRequest(IReadOnlyList<ReoptimizeOrderRequest> Orders);

/// <summary>One order before and after.</summary>
public sealed record ReassignmentAnswer(
    string OrderId, bool Changed, IReadOnlyList<Allocation> Before, IReadOnlyList<Allocation> After, long CostBeforeCents, long CostAfterCents);

/// <summary>
/// The answer of <c>POST /v1/orders:reoptimize</c>. <paramref name="LowerBoundCents"/> is null when the relaxation
/// had no solution (no bound is known).
/// </summary>
public sealed record ReoptimizeAnswer(
    IReadOnlyList<ReassignmentAnswer> Assignments,
    long CostBeforeCents,
    long CostAfterCents,
    long SavingCents,
    int OrdersMoved,
    bool ProvedOptimal,
    int BranchNodes,
    double? LowerBoundCents,
    string Explanation);
