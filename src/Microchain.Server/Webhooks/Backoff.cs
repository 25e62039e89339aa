namespace Microchain.Server.Webhooks;

/// <summary>Exponential backoff with jitter: base·2^(failures−1), capped, minus up to a fraction drawn from the caller's generator.</summary>
public static class Backoff
{
    /// <param name="failedAttempts">Attempts that failed so far (≥ 1).</param>
    /// <param name="unitRandom">A draw in [0, 1) from a seeded generator.</param>
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, double jitterFraction, double unitRandom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        // In doubles, so 2^n cannot overflow a tick count before the cap applies.
        var ticks = Math.Min(baseDelay.Ticks * Math.Pow(2, failedAttempts - 1), maxDelay.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (1 - jitterFraction * unitRandom)));
    }
}
