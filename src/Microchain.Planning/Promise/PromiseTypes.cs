using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Orders;

namespace Microchain.Planning.Promise;

/// <summary>What to promise for: a basket and where it goes (a point, a locker, or a point with a locker nearby).</summary>
/// <param name="Basket">SKU × quantity; duplicate SKUs are summed.</param>
/// <param name="DeliverTo">Home delivery point; also used to find a nearby locker when <paramref name="LockerId"/> is null.</param>
/// <param name="LockerId">A chosen locker: only locker-pickup options are then offered for it.</param>
public sealed record PromiseQuery(IReadOnlyList<OrderLine> Basket, GeoPoint? DeliverTo = null, string? LockerId = null);

/// <summary>Live state of the network the promise is computed from.</summary>
/// <param name="Atp">Available to promise per node id, per SKU id; a missing entry counts as 0.</param>
/// <param name="QueuedUnits">Units waiting to be picked per node id (pick load); missing = 0.</param>
public sealed record NetworkState(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Atp,
    IReadOnlyDictionary<string, int> QueuedUnits);

/// <summary>Knobs of the promise calculation. Money in cents.</summary>
/// <param name="SlotMinutes">Windows start on the local clock's slot grid and last one slot (e.g. 15 or 30).</param>
/// <param name="LocalUtcOffset">Offset of the network's local time (node hours are local).</param>
/// <param name="LockerSearchMeters">A locker this close (straight line) to the delivery point is offered for pickup.</param>
/// <param name="LastMileCentsPerKm">Van cost per road kilometre.</param>
/// <param name="LastMileCentsPerStop">Fixed cost of one delivery stop.</param>
/// <param name="SplitPenaltyCents">Extra cost per additional node.</param>
/// <param name="MaxNodesPerOption">Most nodes one option may combine (1..3).</param>
/// <param name="HorizonDays">Windows starting later than this are not offered.</param>
public sealed record PromiseSettings(
    int SlotMinutes = 15,
    TimeSpan LocalUtcOffset = default,
    int LockerSearchMeters = 2_000,
    long LastMileCentsPerKm = 60,
    long LastMileCentsPerStop = 150,
    long SplitPenaltyCents = 300,
    int MaxNodesPerOption = 2,
    int HorizonDays = 3)
{
    /// <summary>The defaults.</summary>
    public static PromiseSettings Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> on an out-of-range knob.</summary>
    public void Check()
    {
        if (SlotMinutes is < 1 or > 240 || 24 * 60 % SlotMinutes != 0)
            throw new ArgumentOutOfRangeException(nameof(SlotMinutes), "slot minutes must divide a day and be within 1..240");
        if (MaxNodesPerOption is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(MaxNodesPerOption), "1..3 nodes per option");
        if (HorizonDays is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(HorizonDays), "horizon must be 1..30 days");
        if (LockerSearchMeters < 0 || LastMileCentsPerKm < 0 || LastMileCentsPerStop < 0 || SplitPenaltyCents < 0)
            throw new ArgumentOutOfRangeException(nameof(LastMileCentsPerKm), "distances and costs must not be negative");
    }
}

/// <summary>One way the basket can reach the customer.</summary>
/// <param name="Mode">Home delivery or locker pickup.</param>
/// <param name="Promise">The segment promise this option meets.</param>
/// <param name="WindowStart">Earliest window start (on the slot grid).</param>
/// <param name="WindowEnd">Window end, one slot later.</param>
/// <param name="NodeIds">Nodes that pick the basket, by id.</param>
/// <param name="LockerId">The pickup locker, for <see cref="DeliveryMode.LockerPickup"/>.</param>
/// <param name="EstimatedCostCents">Pick + last mile + split penalty.</param>
/// <param name="Explanation">Queue, pick and travel minutes per node, and why this plan.</param>
public sealed record DeliveryOption(
    DeliveryMode Mode,
    ServicePromise Promise,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    IReadOnlyList<string> NodeIds,
    string? LockerId,
    long EstimatedCostCents,
    string Explanation);
