namespace Microchain.Domain.Customers;

/// <summary>What a segment is promised: how delivery reaches it and how long it may take.</summary>
public enum DeliveryMode
{
    Delivery,
    LockerPickup,
}

public readonly record struct ServicePromise(DeliveryMode Mode, int MaxLeadTimeMinutes)
{
    public static ServicePromise ThirtyMinutes { get; } = new(DeliveryMode.Delivery, 30);
    public static ServicePromise SameDay { get; } = new(DeliveryMode.Delivery, 12 * 60);
    public static ServicePromise NextDay { get; } = new(DeliveryMode.Delivery, 36 * 60);
    public static ServicePromise Pickup { get; } = new(DeliveryMode.LockerPickup, 24 * 60);
}
