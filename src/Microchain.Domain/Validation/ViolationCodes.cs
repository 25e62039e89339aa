namespace Microchain.Domain.Validation;

/// <summary>The stable violation codes; clients match on these, so they never change meaning.</summary>
public static class ViolationCodes
{
    public const string LinesEmpty = "lines.empty";
    public const string LinesTooMany = "lines.too_many";
    public const string SkuUnknown = "line.sku_unknown";
    public const string SkuInactive = "line.sku_inactive";
    public const string SkuDuplicate = "line.sku_duplicate";
    public const string QuantityNotPositive = "line.quantity_not_positive";
    public const string QuantityTooLarge = "line.quantity_too_large";
    public const string CustomerUnknown = "customer.unknown";
    public const string CustomerBlocked = "customer.blocked";
    public const string DestinationMissing = "deliver_to.missing";
    public const string DestinationAmbiguous = "deliver_to.ambiguous";
    public const string OutsideServiceArea = "deliver_to.outside_service_area";
    public const string LockerUnknown = "locker.unknown";
    public const string LockerClosed = "locker.closed";
    public const string WindowRequired = "window.required";
    public const string WindowEndBeforeStart = "window.end_before_start";
    public const string WindowInPast = "window.in_past";
    public const string WindowTooSoon = "window.too_soon";
    public const string WindowTooFar = "window.too_far";
    public const string WindowTooLong = "window.too_long";
    public const string WindowOutsideHours = "window.outside_hours";
    public const string ZonesNotCombinable = "zones.not_combinable";
    public const string ZoneNotDeliverable = "zones.not_deliverable";
    public const string ValueTooLow = "value.too_low";
    public const string ValueTooHigh = "value.too_high";
}
