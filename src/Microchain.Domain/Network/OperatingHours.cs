namespace Microchain.Domain.Network;

/// <summary>Daily opening hours in the node's local time; Close ≤ Open means open past midnight; equal means 24 h.</summary>
public readonly record struct OperatingHours(TimeOnly Open, TimeOnly Close)
{
    public static OperatingHours AllDay { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool IsOpenAt(TimeOnly time)
    {
        if (Open == Close) return true;
        return Open < Close ? time >= Open && time < Close : time >= Open || time < Close;
    }
}
