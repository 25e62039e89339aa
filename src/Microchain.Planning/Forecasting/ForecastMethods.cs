namespace Microchain.Planning.Forecasting;

/// <summary>The built-in forecast methods, by name.</summary>
public static class ForecastMethods
{
    /// <summary>Every built-in single method, simplest first (selection breaks ties in this order).</summary>
    public static IReadOnlyList<IForecastMethod> All { get; } =
    [
        new NaiveMethod(),
        new SeasonalNaiveMethod(),
        new MeanMethod(),
        new SesMethod(),
        new CrostonMethod(CrostonVariant.Classic),
        new CrostonMethod(CrostonVariant.Sba),
        new TsbMethod(),
        new SeasonalEsMethod(),
        new AdidaMethod(),
        new ImapaMethod(),
    ];

    /// <summary>Equal-weight combination of SES, SBA, TSB, ADIDA and IMAPA, named <c>Comb</c>.</summary>
    public static IForecastMethod IntermittentCombination { get; } = new CombinationMethod(
        "Comb", [.. All.Where(m => m.Name is "SES" or "SBA" or "TSB" or "ADIDA" or "IMAPA")]);

    /// <summary>
    /// Default candidates for automatic selection of mean forecasts (planning): seasonal naive, the
    /// intermittent-demand methods and seasonal ES. Naive is left out: on intermittent series its
    /// cross-validation score is flattered whenever the last period was zero.
    /// </summary>
    public static IReadOnlyList<IForecastMethod> PlanningCandidates { get; } =
        [.. All.Where(m => m.Name is not ("Naive" or "Croston")), IntermittentCombination];

    /// <summary>Default candidates for intermittent series: the intermittent-demand methods and their combination.</summary>
    public static IReadOnlyList<IForecastMethod> IntermittentCandidates { get; } =
        [.. All.Where(m => m.Name is "SES" or "SBA" or "TSB" or "ADIDA" or "IMAPA"), IntermittentCombination];

    /// <summary>
    /// Candidates for absolute-error (MASE) selection: the median of each intermittent method's predictive
    /// distribution, the point that minimises expected absolute error.
    /// </summary>
    public static IReadOnlyList<IForecastMethod> MedianCandidates { get; } =
        [.. All.Where(m => m.Name is "Mean" or "SES" or "SBA" or "TSB" or "ADIDA" or "IMAPA").Select(m => new MedianForecastMethod(m))];

    /// <summary>The built-in method named <paramref name="name"/> (case-insensitive), or <c>Auto</c> with default options.</summary>
    public static IForecastMethod ByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, AutoForecastMethod.AutoName, StringComparison.OrdinalIgnoreCase)) return new AutoForecastMethod();
        if (string.Equals(name, IntermittentCombination.Name, StringComparison.OrdinalIgnoreCase)) return IntermittentCombination;
        const string medianSuffix = "-median";
        if (name.EndsWith(medianSuffix, StringComparison.OrdinalIgnoreCase)) return new MedianForecastMethod(ByName(name[..^medianSuffix.Length]));
        return All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"unknown forecast method '{name}'; known: {string.Join(", ", All.Select(m => m.Name))}, Auto, or NAME-median", nameof(name));
    }
}
