namespace Microchain.Planning.Forecasting;

/// <summary>
/// Scaled error measures. MASE (Hyndman &amp; Koehler 2006) divides the mean absolute error by the in-sample
/// mean absolute one-step naive error of the whole training series (the convention of the carparts studies).
/// RMSSE (M5 convention) divides the mean squared error by the in-sample mean squared one-step naive error
/// counted from the first period with demand, then takes the square root. A series whose scale is zero
/// (constant training data, e.g. all zeros) has no defined value: both return NaN and callers exclude it.
/// </summary>
public static class ForecastAccuracy
{
    /// <summary>Mean |y[t] − y[t−1]| over the training series (0 when it cannot be computed).</summary>
    public static double MaseScale(ReadOnlySpan<double> train)
    {
        if (train.Length < 2) return 0;
        double s = 0;
        for (var t = 1; t < train.Length; t++) s += Math.Abs(train[t] - train[t - 1]);
        return s / (train.Length - 1);
    }

    /// <summary>Mean (y[t] − y[t−1])² from the first non-zero period of the training series (0 when undefined).</summary>
    public static double RmsseScale(ReadOnlySpan<double> train)
    {
        var first = 0;
        while (first < train.Length && train[first] == 0) first++;
        if (train.Length - first < 2) return 0;
        double s = 0;
        for (var t = first + 1; t < train.Length; t++) s += (train[t] - train[t - 1]) * (train[t] - train[t - 1]);
        return s / (train.Length - first - 1);
    }

    /// <summary>MASE of <paramref name="forecast"/> against <paramref name="actual"/>; NaN when the scale is zero.</summary>
    public static double Mase(ReadOnlySpan<double> train, ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        var scale = MaseScale(train);
        if (scale <= 0) return double.NaN;
        double s = 0;
        for (var i = 0; i < actual.Length; i++) s += Math.Abs(actual[i] - forecast[i]);
        return s / actual.Length / scale;
    }

    /// <summary>RMSSE of <paramref name="forecast"/> against <paramref name="actual"/>; NaN when the scale is zero.</summary>
    public static double Rmsse(ReadOnlySpan<double> train, ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        var scale = RmsseScale(train);
        if (scale <= 0) return double.NaN;
        double s = 0;
        for (var i = 0; i < actual.Length; i++) s += (actual[i] - forecast[i]) * (actual[i] - forecast[i]);
        return Math.Sqrt(s / actual.Length / scale);
    }

    private static void CheckLengths(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        if (actual.Length == 0 || actual.Length != forecast.Length)
            throw new ArgumentException("actual and forecast must be non-empty and of equal length");
    }
}
