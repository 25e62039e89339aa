using Microchain.Domain.Customers;

namespace Microchain.Simulation.DemoCity;

/// <summary>How a segment's requested window is laid out relative to the moment of ordering.</summary>
public enum DemoWindowKind
{
    /// <summary>From now to now + promise (e.g. 30 minutes).</summary>
    Immediate,
    /// <summary>A two-hour slot later today, within the promise.</summary>
    SameDaySlot,
    /// <summary>A two-hour slot tomorrow between 08:00 and 22:00, within the promise.</summary>
    NextDaySlot,
    /// <summary>Ready at the locker a few hours from now, collectable until the promise ends.</summary>
    PickupDay,
}

/// <summary>A demo segment: the domain's <see cref="Segment"/> plus how its customers order.</summary>
public sealed record DemoSegmentProfile
{
    public required Segment Segment { get; init; }
    /// <summary>Mean order lines per basket (1..30 drawn around it).</summary>
    public required double MeanLines { get; init; }
    /// <summary>Share of customers in the city center; shifted toward <see cref="OuterShare"/> with distance.</summary>
    public required double CenterShare { get; init; }
    /// <summary>Share of customers at the city's edge.</summary>
    public required double OuterShare { get; init; }
    public required DemoWindowKind Window { get; init; }

    public string Id => Segment.Id;
}
