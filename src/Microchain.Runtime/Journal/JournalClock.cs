namespace Microchain.Runtime.Journal;

internal static class JournalClock
{
    /// <summary>UTC now, truncated to microseconds: the precision every store keeps, so reads equal writes.</summary>
    public static DateTimeOffset Now(TimeProvider timeProvider)
    {
        var ticks = timeProvider.GetUtcNow().UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }
}
