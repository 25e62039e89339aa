namespace Microchain.Server.Replenishment;

/// <summary>How the server runs replenishment; the run times themselves come from each network's <c>replenishment</c> section.</summary>
public sealed record ReplenishmentOptions
{
    /// <summary>Whether runs happen at the network's run times (on-demand runs work either way).</summary>
    public bool Scheduled { get; init; } = true;

    /// <summary>The clock of scheduled runs and of a run's planning day; tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Longest sleep between schedule checks, so a changed network's run times are seen.</summary>
    public TimeSpan MaxIdle { get; init; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> Problems() =>
        MaxIdle < TimeSpan.FromSeconds(1) || MaxIdle > TimeSpan.FromHours(1) ? ["replenishment max idle must be within 1 s..1 h"] : [];
}
