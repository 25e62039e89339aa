namespace Microchain.Planning.NetworkDesign;

/// <summary>Part of a customer's demand served by a site.</summary>
/// <param name="Site">Index of the site.</param>
/// <param name="Customer">Index of the customer.</param>
/// <param name="Fraction">Share of the customer's demand, in (0, 1]; below 1 only with multi-source sourcing.</param>
/// <param name="QuantityUnits">Demand units served (fraction × demand).</param>
public readonly record struct FacilityAssignment(int Site, int Customer, double Fraction, double QuantityUnits);

/// <summary>The result of a network-design solve with its proof quality.</summary>
public sealed record FacilitySolution
{
    /// <summary>Why the solver stopped.</summary>
    public required SolveStatus Status { get; init; }

    /// <summary>Total cost (opening plus assignment); infinity when no feasible solution was found.</summary>
    public required double Objective { get; init; }

    /// <summary>Proven lower bound on the optimal objective.</summary>
    public required double LowerBound { get; init; }

    /// <summary>(Objective − LowerBound) / Objective, 0 when proven optimal.</summary>
    public double Gap => double.IsFinite(Objective) ? Objective <= 0 ? 0 : Math.Max(0, (Objective - LowerBound) / Objective) : double.PositiveInfinity;

    /// <summary>True when the objective is proven optimal.</summary>
    public bool IsOptimal => Status == SolveStatus.Optimal;

    /// <summary>Sum of the opening costs of the open sites.</summary>
    public required double OpeningCost { get; init; }

    /// <summary>Sum of the assignment costs.</summary>
    public required double AssignmentCost { get; init; }

    /// <summary>Indices of the open sites, ascending.</summary>
    public required IReadOnlyList<int> OpenSites { get; init; }

    /// <summary>Who serves whom, split by fraction for multi-source sourcing.</summary>
    public required IReadOnlyList<FacilityAssignment> Assignments { get; init; }

    /// <summary>Branch-and-bound nodes explored.</summary>
    public required int Nodes { get; init; }

    /// <summary>Wall time of the solve as measured by the options' time provider.</summary>
    public required TimeSpan Elapsed { get; init; }
}
