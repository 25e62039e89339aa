using Microchain.Domain.Customers;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// The four demo segments (profit pools). Fees and frequencies follow European quick-commerce and grocery
/// delivery; the average basket is computed from the generated catalog so it matches the orders drawn.
/// </summary>
internal static class DemoSegments
{
    public const string Express = "express-30min";
    public const string SameDay = "same-day";
    public const string NextDay = "next-day-planned";
    public const string Pickup = "locker-pickup";

    public static IReadOnlyList<DemoSegmentProfile> Build(Catalog catalog)
    {
        var n = catalog.Skus.Count;
        return
        [
            Profile(Express, "Express 30 minutes", ServicePromise.ThirtyMinutes, 399, 1.6, 0.30, 0.25, 6, 0.36, 0.20, 0.97, DemoWindowKind.Immediate),
            Profile(SameDay, "Same day", ServicePromise.SameDay, 299, 0.9, 0.75, 0.10, 12, 0.30, 0.28, 0.96, DemoWindowKind.SameDaySlot),
            Profile(NextDay, "Next day, planned slot", ServicePromise.NextDay, 199, 0.6, 1.00, 0.05, 18, 0.20, 0.32, 0.98, DemoWindowKind.NextDaySlot),
            Profile(Pickup, "Locker pickup", ServicePromise.Pickup, 0, 0.7, 0.60, 0.18, 10, 0.14, 0.20, 0.95, DemoWindowKind.PickupDay),
        ];

        DemoSegmentProfile Profile(string id, string name, ServicePromise promise, long feeCents, double ordersPerWeek,
            double varietyShare, double growth, double meanLines, double centerShare, double outerShare, double serviceLevel,
            DemoWindowKind window)
        {
            var variety = Math.Clamp((int)Math.Round(n * varietyShare), Math.Min(n, 10), n);
            return new DemoSegmentProfile
            {
                Segment = new Segment
                {
                    Id = id,
                    Name = name,
                    Promise = promise,
                    DeliveryFeeCents = feeCents,
                    AverageBasketCents = (long)Math.Round(BasketModel.ExpectedLines(meanLines) * BasketModel.MeanQuantity * catalog.MeanValueCentsOfTop(variety)),
                    OrdersPerCustomerPerWeek = ordersPerWeek,
                    VarietySkus = variety,
                    GrowthPerYear = growth,
                    ServiceLevel = serviceLevel,
                },
                MeanLines = meanLines,
                CenterShare = centerShare,
                OuterShare = outerShare,
                Window = window,
            };
        }
    }
}
