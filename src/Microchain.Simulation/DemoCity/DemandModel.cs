namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Expected demand per MFC: orders per day by segment (from the customers it serves) and units per day per SKU
/// (a segment buys from its <c>VarietySkus</c> most popular SKUs, in proportion to popularity).
/// </summary>
internal sealed class DemandModel
{
    private readonly Catalog _catalog;
    private readonly IReadOnlyList<DemoSegmentProfile> _segments;
    private readonly double[,] _dailyOrders;
    private readonly int[] _rankOf;
    /// <summary>Units per order per unit of popularity, by segment: lines × quantity ÷ popularity of its variety.</summary>
    private readonly double[] _unitsPerPopularity;

    public DemandModel(Catalog catalog, IReadOnlyList<DemoSegmentProfile> segments, int[] customerSegment, int[] customerMfc, int mfcCount)
    {
        _catalog = catalog;
        _segments = segments;
        _dailyOrders = new double[mfcCount, segments.Count];
        for (var c = 0; c < customerSegment.Length; c++)
            _dailyOrders[customerMfc[c], customerSegment[c]] += segments[customerSegment[c]].Segment.OrdersPerCustomerPerWeek / 7.0;
        _rankOf = new int[catalog.Skus.Count];
        for (var r = 0; r < _rankOf.Length; r++) _rankOf[catalog.ByPopularity[r]] = r;
        _unitsPerPopularity = segments.Select(s =>
        {
            var top = catalog.ByPopularity.Take(s.Segment.VarietySkus).Sum(i => catalog.Popularity[i]);
            return UnitsPerOrder(s) / top;
        }).ToArray();
    }

    public int MfcCount => _dailyOrders.GetLength(0);
    public int SegmentCount => _segments.Count;

    /// <summary>Expected units in one order of a segment.</summary>
    public static double UnitsPerOrder(DemoSegmentProfile segment) => BasketModel.ExpectedLines(segment.MeanLines) * BasketModel.MeanQuantity;

    public double UnitsPerOrder(int segment) => UnitsPerOrder(_segments[segment]);

    public double DailyOrders(int mfc, int segment) => _dailyOrders[mfc, segment];

    public double DailyOrders(int mfc)
    {
        var total = 0.0;
        for (var s = 0; s < _segments.Count; s++) total += _dailyOrders[mfc, s];
        return total;
    }

    public int RankOf(int sku) => _rankOf[sku];

    public double DailyUnits(int mfc, int sku)
    {
        var units = 0.0;
        for (var s = 0; s < _segments.Count; s++)
        {
            if (_rankOf[sku] < _segments[s].Segment.VarietySkus) units += _dailyOrders[mfc, s] * _unitsPerPopularity[s];
        }
        return units * _catalog.Popularity[sku];
    }

    public double CityDailyUnits(int sku)
    {
        var units = 0.0;
        for (var m = 0; m < MfcCount; m++) units += DailyUnits(m, sku);
        return units;
    }
}
