using Microchain.Domain.Geo;
using Microchain.Domain.Orders;

namespace Microchain.Domain.Validation;

/// <summary>
/// An order as submitted, before anything is stored. Either <see cref="DeliverTo"/> (home delivery) or
/// <see cref="LockerId"/> (locker pickup) is set; lines may hold anything, the validator reports what is wrong.
/// </summary>
public sealed record OrderDraft(
    string CustomerId,
    IReadOnlyList<OrderLine> Lines,
    GeoPoint? DeliverTo = null,
    string? LockerId = null,
    DeliveryWindow? Window = null);
