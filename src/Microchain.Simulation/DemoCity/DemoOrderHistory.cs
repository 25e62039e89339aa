namespace Microchain.Simulation.DemoCity;

/// <summary>
/// A seeded past for the demo city: its expected orders per day, drawn day by day at noon UTC from one order
/// generator. What a day's units count for (a node, a segment) is the caller's rule: replenishment counts them at the
/// customer's home MFC, as the server counts allocations; assortment at the node nearest the delivery point, as the
/// server counts captured orders.
/// </summary>
public static class DemoOrderHistory
{
    /// <summary>The orders of <paramref name="days"/> days from <paramref name="firstDay"/>, with the day's index; same seed, same orders.</summary>
    /// <param name="dayDrawn">Called after each day with its index and order count (progress).</param>
    public static IEnumerable<(int Day, DemoOrder Order)> Draw(DemoCity city, int seed, DateOnly firstDay, int days, Action<int, int>? dayDrawn = null)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var generator = new DemoOrderGenerator(city, seed, orderIdPrefix: null);
        var perDay = (int)Math.Round(generator.ExpectedOrdersPerDay);
        for (var day = 0; day < days; day++)
        {
            var at = new DateTimeOffset(firstDay.AddDays(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            foreach (var order in generator.Next(perDay, at)) yield return (day, order);
            dayDrawn?.Invoke(day, perDay);
        }
    }
}
