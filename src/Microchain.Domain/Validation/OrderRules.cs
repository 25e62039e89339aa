namespace Microchain.Domain.Validation;

/// <summary>
/// A tenant's order rules, read from its network file. Every limit has a default that suits a grocery
/// micro-fulfilment network; <see cref="Check"/> refuses settings that contradict the domain limits.
/// </summary>
public sealed record OrderRules
{
    /// <summary>Most lines one order may have; at most <see cref="Limits.MaxLinesPerOrder"/>.</summary>
    public int MaxLines { get; init; } = 50;

    /// <summary>Most units of one line; at most <see cref="Limits.MaxQuantityPerLine"/>.</summary>
    public int MaxQuantityPerLine { get; init; } = 99;

    /// <summary>Smallest order value (sum of SKU value × quantity); 0 = no minimum.</summary>
    public long MinOrderValueCents { get; init; }

    /// <summary>Largest order value; guards against fat-finger and fraud orders.</summary>
    public long MaxOrderValueCents { get; init; } = 100_000_00;

    /// <summary>Whether frozen goods may travel in one order with ambient goods (one tote, one van).</summary>
    public bool FrozenWithAmbientAllowed { get; init; } = true;

    /// <summary>
    /// Whether a chilled or frozen line needs a reachable open node with storage of that zone
    /// (otherwise the order cannot be delivered together).
    /// </summary>
    public bool ZoneStorageRequired { get; init; } = true;

    /// <summary>Minutes between now and the start of the requested window, at least.</summary>
    public int MinLeadMinutes { get; init; } = 30;

    /// <summary>How far ahead a window may start.</summary>
    public int MaxAdvanceDays { get; init; } = 14;

    /// <summary>Longest requested window.</summary>
    public int MaxWindowMinutes { get; init; } = 12 * 60;

    /// <summary>Whether an order must name a delivery window.</summary>
    public bool WindowRequired { get; init; }

    /// <summary>
    /// Offset of the network's local time from UTC; node opening hours are local. The offset of the incoming
    /// timestamps does not matter: every instant is converted with this offset.
    /// </summary>
    public TimeSpan LocalUtcOffset { get; init; } = TimeSpan.Zero;

    /// <summary>The defaults.</summary>
    public static OrderRules Default { get; } = new();

    /// <summary>Throws a <see cref="DomainException"/> (code <c>rules.*</c>) when a setting is out of range.</summary>
    public void Check()
    {
        Guard.That(MaxLines is > 0 and <= Limits.MaxLinesPerOrder, "rules.max_lines", $"max lines must be in 1..{Limits.MaxLinesPerOrder}");
        Guard.That(MaxQuantityPerLine is > 0 and <= Limits.MaxQuantityPerLine, "rules.max_quantity", $"max quantity per line must be in 1..{Limits.MaxQuantityPerLine}");
        Guard.That(MinOrderValueCents >= 0 && MaxOrderValueCents >= MinOrderValueCents, "rules.order_value", "order value limits must satisfy 0 ≤ min ≤ max");
        Guard.That(MinLeadMinutes is >= 0 and <= 7 * 24 * 60, "rules.min_lead", "min lead minutes must be in 0..10080");
        Guard.That(MaxAdvanceDays is > 0 and <= 366, "rules.max_advance", "max advance days must be in 1..366");
        Guard.That(MaxWindowMinutes is > 0 and <= 24 * 60, "rules.max_window", "max window minutes must be in 1..1440");
        Guard.That(LocalUtcOffset >= TimeSpan.FromHours(-14) && LocalUtcOffset <= TimeSpan.FromHours(14), "rules.utc_offset", "local UTC offset must be within ±14 h");
    }
}
