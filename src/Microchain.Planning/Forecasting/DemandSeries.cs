namespace Microchain.Planning.Forecasting;

/// <summary>
/// Non-negative demand of one node × SKU at a fixed period (a day or a month), oldest first.
/// </summary>
public sealed class DemandSeries
{
    /// <summary>Longest history accepted; a planning series beyond this is a data error, not a forecast.</summary>
    public const int MaxLength = 100_000;

    private readonly double[] _values;

    /// <summary>Validates and copies the values.</summary>
    /// <param name="values">Demand per period, oldest first; finite and non-negative.</param>
    /// <param name="seasonLength">Periods per season: 7 for weekday seasonality of daily data, 12 for monthly; 1 for none.</param>
    public DemandSeries(IEnumerable<double> values, int seasonLength)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonLength, 1);
        _values = values.ToArray();
        if (_values.Length > MaxLength)
            throw new ArgumentOutOfRangeException(nameof(values), $"at most {MaxLength} periods");
        foreach (var v in _values)
        {
            if (!double.IsFinite(v) || v < 0)
                throw new ArgumentOutOfRangeException(nameof(values), "demand must be finite and non-negative");
        }
        SeasonLength = seasonLength;
    }

    /// <summary>Periods per season (1 = no seasonality).</summary>
    public int SeasonLength { get; }

    /// <summary>Number of periods.</summary>
    public int Length => _values.Length;

    /// <summary>The demand values, oldest first.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The first <paramref name="length"/> periods, as a new series with the same season length.</summary>
    public DemandSeries Take(int length) => new(_values.AsSpan(0, length).ToArray(), SeasonLength);
}
