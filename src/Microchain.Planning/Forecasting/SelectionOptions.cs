namespace Microchain.Planning.Forecasting;

/// <summary>Error measure minimised by automatic selection.</summary>
public enum SelectionMetric
{
    /// <summary>Mean absolute error (MASE up to the series' constant scale).</summary>
    Mase,

    /// <summary>Mean squared error (RMSSE up to the series' constant scale).</summary>
    Rmsse,
}

/// <summary>
/// Rolling-origin cross-validation for automatic selection. Origin i (0-based) ends the training window at
/// <c>n − Horizon − i × OriginStep</c> and scores the next <c>Horizon</c> periods; origins leaving fewer than
/// <see cref="MinTrainPeriods"/> periods are skipped. When none remain, the horizon shrinks to what the
/// history allows; below one period, <see cref="Fallback"/> is used unscored.
/// </summary>
public sealed record SelectionOptions
{
    /// <summary>Maximum number of origins scored.</summary>
    public int Origins { get; init; } = 4;

    /// <summary>Periods between consecutive origins.</summary>
    public int OriginStep { get; init; } = 3;

    /// <summary>Periods scored after each origin; null = the season length.</summary>
    public int? Horizon { get; init; }

    /// <summary>Options for MASE selection among median point forecasts (accuracy reporting, not replenishment).</summary>
    public static SelectionOptions AbsoluteError { get; } = new() { Metric = SelectionMetric.Mase, Candidates = ForecastMethods.MedianCandidates, IntermittentCandidates = null };

    /// <summary>Fewest training periods an origin may leave.</summary>
    public int MinTrainPeriods { get; init; } = 8;

    /// <summary>The error measure compared across methods.</summary>
    /// <remarks>Defaults to squared error, whose optimum is the mean that replenishment consumes.</remarks>
    public SelectionMetric Metric { get; init; } = SelectionMetric.Rmsse;

    /// <summary>Candidate methods; ties go to the earlier one.</summary>
    public IReadOnlyList<IForecastMethod> Candidates { get; init; } = ForecastMethods.PlanningCandidates;

    /// <summary>
    /// Candidates for intermittent series (average inter-demand interval above <see cref="IntermittentAdi"/>);
    /// null means <see cref="Candidates"/> for every series. Seasonal methods are left out by default: on
    /// sparse histories their cross-validation score is mostly noise and selection overfits it.
    /// </summary>
    public IReadOnlyList<IForecastMethod>? IntermittentCandidates { get; init; } = ForecastMethods.IntermittentCandidates;

    /// <summary>Average inter-demand interval (periods per non-zero period) above which a series counts as intermittent; 1.32 is the Syntetos–Boylan cut-off.</summary>
    public double IntermittentAdi { get; init; } = 1.32;

    /// <summary>Method used when the history is too short to score anything.</summary>
    public IForecastMethod Fallback { get; init; } = new SesMethod();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Origins, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Origins, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(OriginStep, 1);
        if (Horizon is { } h) ArgumentOutOfRangeException.ThrowIfLessThan(h, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinTrainPeriods, 1);
        ArgumentNullException.ThrowIfNull(Candidates);
        ArgumentNullException.ThrowIfNull(Fallback);
        if (IntermittentCandidates is { Count: 0 }) throw new ArgumentException("intermittent candidates must not be empty", nameof(IntermittentCandidates));
        if (Candidates.Count == 0) throw new ArgumentException("at least one candidate method is required", nameof(Candidates));
    }
}

/// <summary>The outcome of selection for one series.</summary>
/// <param name="Chosen">The method with the lowest cross-validated error.</param>
/// <param name="Scores">Cross-validated mean error of each candidate, in candidate order (empty when unscored).</param>
public sealed record SelectionResult(IForecastMethod Chosen, IReadOnlyList<double> Scores);
