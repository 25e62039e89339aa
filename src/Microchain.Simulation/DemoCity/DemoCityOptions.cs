namespace Microchain.Simulation.DemoCity;

/// <summary>
/// What demo city to generate. <see cref="Scale"/> multiplies the demand side (customers, MFCs, lockers) so one
/// number grows or shrinks the whole city; the catalog size is set on its own with <see cref="Skus"/>.
/// </summary>
public sealed record DemoCityOptions
{
    public const int SegmentCount = 4;
    public const int MinCustomers = 1, MaxCustomers = 1_000_000;
    public const int MinSkus = 10, MaxSkus = 100_000;
    public const int MinMfcs = 1, MaxMfcs = 200;
    public const int MinLockers = 0, MaxLockers = 200;
    public const double MinScale = 0.01, MaxScale = 100;

    public int Seed { get; init; } = 42;
    public int Mfcs { get; init; } = 8;
    public int Lockers { get; init; } = 4;
    public int Skus { get; init; } = 2_000;
    public int Customers { get; init; } = 20_000;
    /// <summary>Fixed: express, same-day, next-day and locker pickup.</summary>
    public int Segments { get; } = SegmentCount;
    public CityProfile City { get; init; } = CityProfiles.Lyon;
    public double Scale { get; init; } = 1.0;
    /// <summary>Day the demo starts; supplier contracts are dated around it (no clock is read).</summary>
    public DateOnly StartDate { get; init; } = new(2026, 1, 5);

    public int ScaledCustomers => Scaled(Customers, MinCustomers);
    public int ScaledMfcs => Scaled(Mfcs, MinMfcs);
    public int ScaledLockers => Scaled(Lockers, MinLockers);

    /// <summary>Every problem with these options, each a full sentence; empty when they are valid.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (!(Scale is >= MinScale and <= MaxScale))
        {
            errors.Add($"Scale must be within {MinScale}..{MaxScale} (got {Scale}).");
            return errors; // the scaled counts below would be meaningless
        }
        var suffix = Scale == 1.0 ? "" : $" after scale {Scale}";
        Check(ScaledCustomers, MinCustomers, MaxCustomers, "Customers", Customers);
        Check(Skus, MinSkus, MaxSkus, "SKUs", Skus);
        Check(ScaledMfcs, MinMfcs, MaxMfcs, "MFCs", Mfcs);
        Check(ScaledLockers, MinLockers, MaxLockers, "Lockers", Lockers);
        if (City is null) errors.Add("City must be set.");
        else errors.AddRange(City.Errors());
        return errors;

        void Check(int value, int min, int max, string what, int raw)
        {
            if (raw < 0 || value < min || value > max)
                errors.Add($"{what} must be within {min:N0}..{max:N0}{suffix} (got {(raw == value ? raw.ToString("N0") : $"{raw:N0} → {value:N0}")}).");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Errors();
        if (errors.Count > 0) throw new ArgumentException("Invalid demo city options: " + string.Join(" ", errors));
    }

    private int Scaled(int value, int min)
    {
        if (!(Scale is >= MinScale and <= MaxScale) || value < 0) return value;
        var scaled = Math.Round(value * Scale, MidpointRounding.AwayFromZero);
        if (scaled > int.MaxValue) return int.MaxValue;
        // Scaling down never removes the last MFC or customer; lockers may scale to none only if asked for none.
        return value == 0 ? 0 : Math.Max(Math.Max(min, 1), (int)scaled);
    }
}
