using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Orders;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Draws realistic orders from a demo city: the customer in proportion to its segment's order frequency, a
/// basket of 1–30 lines from the segment's variety by popularity (alias tables: O(1) per line), quantities
/// 1–5 (mostly 1), and the window the segment's promise gives at <c>now</c>. Deterministic for a seed and the
/// sequence of calls; not thread-safe (one generator per driver).
/// </summary>
public sealed class DemoOrderGenerator
{
    /// <summary>Redraws of a SKU already in the basket before the line is dropped (keeps quantities within 1–5).</summary>
    private const int MaxRedraws = 8;
    private static readonly long TicksPerHour = TimeSpan.TicksPerHour;

    private readonly DemoRandom _random;
    private readonly string? _orderIdPrefix;
    private readonly IReadOnlyList<Customer> _customers;
    private readonly int[] _customerSegment;
    private readonly AliasTable _customerTable;
    private readonly DemoSegmentProfile[] _segments;
    private readonly int[][] _segmentSkus;
    private readonly AliasTable[] _segmentTables;
    private readonly string[] _skuIds;
    private readonly Dictionary<string, GeoPoint> _lockerLocations;
    private readonly int[] _stamp;
    private readonly int[] _lineSkus = new int[BasketModel.MaxLines];
    private readonly int[] _lineQuantities = new int[BasketModel.MaxLines];
    private long _sequence;

    /// <param name="orderIdPrefix">Ids are the prefix and a sequence number; null leaves ids to the caller.</param>
    public DemoOrderGenerator(DemoCity city, int seed, string? orderIdPrefix = "ORD-")
    {
        ArgumentNullException.ThrowIfNull(city);
        var network = city.Network;
        if (network.Customers.Count == 0) throw new ArgumentException("the city has no customers to draw orders from", nameof(city));
        if (network.Skus.Count == 0) throw new ArgumentException("the city has no SKUs to draw orders from", nameof(city));
        _random = new DemoRandom(seed, 0x0DE5);
        _orderIdPrefix = orderIdPrefix;
        _customers = network.Customers;
        _segments = city.SegmentProfiles.ToArray();
        var segmentIndex = _segments.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _customerSegment = _customers.Select(c => segmentIndex[c.SegmentId]).ToArray();
        _customerTable = new AliasTable(_customerSegment.Select(s => _segments[s].Segment.OrdersPerCustomerPerWeek).ToArray());
        ExpectedOrdersPerDay = _customerSegment.Sum(s => _segments[s].Segment.OrdersPerCustomerPerWeek) / 7;

        _skuIds = network.Skus.Select(s => s.Id).ToArray();
        var popularity = city.SkuPopularity;
        var byPopularity = Enumerable.Range(0, _skuIds.Length).OrderByDescending(i => popularity[i]).ThenBy(i => i).ToArray();
        _segmentSkus = _segments.Select(s => byPopularity.Take(Math.Clamp(s.Segment.VarietySkus, 1, _skuIds.Length)).ToArray()).ToArray();
        _segmentTables = _segmentSkus.Select(skus => new AliasTable(skus.Select(i => popularity[i]).ToArray())).ToArray();
        _lockerLocations = network.Nodes.Where(n => n.Kind == NodeKind.Locker).ToDictionary(n => n.Id, n => n.Location, StringComparer.Ordinal);
        _stamp = new int[_skuIds.Length];
    }

    /// <summary>Orders per day the city's customers place on average (the pace a demo driver can replay at).</summary>
    public double ExpectedOrdersPerDay { get; }

    /// <summary>Orders per hour the city places at <paramref name="at"/>, following <see cref="DemoDemandCurve"/>.</summary>
    public double ExpectedOrdersPerHour(DateTimeOffset at) => DemoDemandCurve.OrdersPerHour(ExpectedOrdersPerDay, at);

    public long Generated => _sequence;

    public DemoOrder Next(DateTimeOffset now)
    {
        _sequence++;
        var c = _customerTable.Sample(_random);
        var customer = _customers[c];
        var s = _customerSegment[c];
        var segment = _segments[s];
        var lines = DrawLines(s, segment);
        var pickup = segment.Segment.Promise.Mode == DeliveryMode.LockerPickup && customer.LockerId is not null
            && _lockerLocations.ContainsKey(customer.LockerId);
        return new DemoOrder(
            _orderIdPrefix is null ? null : string.Concat(_orderIdPrefix, _sequence.ToString("D9")),
            customer.Id,
            lines,
            pickup ? _lockerLocations[customer.LockerId!] : customer.Location,
            pickup ? customer.LockerId : null,
            Window(segment, now));
    }

    /// <summary>The next <paramref name="count"/> orders, all placed at <paramref name="now"/>.</summary>
    public IReadOnlyList<DemoOrder> Next(int count, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var orders = new DemoOrder[count];
        for (var i = 0; i < count; i++) orders[i] = Next(now);
        return orders;
    }

    private OrderLine[] DrawLines(int s, DemoSegmentProfile segment)
    {
        // The stamp marks SKUs already in this basket without clearing an array per order.
        var stamp = unchecked((int)_sequence);
        var skus = _segmentSkus[s];
        var table = _segmentTables[s];
        var wanted = Math.Min(BasketModel.DrawLines(segment.MeanLines, _random), skus.Length);
        var count = 0;
        for (var l = 0; l < wanted; l++)
        {
            for (var attempt = 0; attempt <= MaxRedraws; attempt++)
            {
                var sku = skus[table.Sample(_random)];
                if (_stamp[sku] == stamp) continue;
                _stamp[sku] = stamp;
                _lineSkus[count] = sku;
                _lineQuantities[count] = BasketModel.DrawQuantity(_random);
                count++;
                break;
            }
        }
        var lines = new OrderLine[count];
        for (var l = 0; l < count; l++) lines[l] = new OrderLine(_skuIds[_lineSkus[l]], _lineQuantities[l]);
        return lines;
    }

    private DeliveryWindow Window(DemoSegmentProfile segment, DateTimeOffset now)
    {
        var promiseEnd = now.AddMinutes(segment.Segment.Promise.MaxLeadTimeMinutes);
        switch (segment.Window)
        {
            case DemoWindowKind.SameDaySlot:
            {
                // A two-hour slot on the hour, starting at least an hour out and ending within the promise.
                var earliest = CeilingHour(now.AddHours(1));
                var slots = Math.Max(1, (int)((promiseEnd - earliest).Ticks / TicksPerHour) - 1);
                var start = earliest.AddHours(_random.NextInt(slots));
                return new DeliveryWindow(start, start.AddHours(2));
            }
            case DemoWindowKind.NextDaySlot:
            {
                // Tomorrow 08:00–22:00 in the customer's offset; the latest slot still ends within the promise.
                var tomorrow = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerDay, now.Offset).AddDays(1);
                var lastStartHour = Math.Clamp((int)((promiseEnd.AddHours(-2) - tomorrow).Ticks / TicksPerHour), 8, 20);
                var start = tomorrow.AddHours(_random.NextInt(8, lastStartHour));
                return new DeliveryWindow(start, start.AddHours(2));
            }
            case DemoWindowKind.PickupDay:
                return new DeliveryWindow(CeilingHour(now.AddHours(2)), promiseEnd);
            default:
                return new DeliveryWindow(now, promiseEnd);
        }
    }

    private static DateTimeOffset CeilingHour(DateTimeOffset t)
    {
        var remainder = t.Ticks % TicksPerHour;
        return remainder == 0 ? t : new DateTimeOffset(t.Ticks - remainder + TicksPerHour, t.Offset);
    }
}
