namespace Microchain.Planning.NetworkDesign;

/// <summary>One period of a multi-period plan with its cost breakdown.</summary>
public sealed record PeriodPlan
{
    /// <summary>Index of the period.</summary>
    public required int Period { get; init; }

    /// <summary>Sites open during the period.</summary>
    public required IReadOnlyList<int> OpenSites { get; init; }

    /// <summary>Sites opened at the start of the period.</summary>
    public required IReadOnlyList<int> Opened { get; init; }

    /// <summary>Sites closed at the start of the period.</summary>
    public required IReadOnlyList<int> Closed { get; init; }

    /// <summary>Operating cost of the open sites.</summary>
    public required double OperatingCost { get; init; }

    /// <summary>Cost of serving the period's demand.</summary>
    public required double AssignmentCost { get; init; }

    /// <summary>One-time opening plus closing costs paid at the start of the period.</summary>
    public required double RelocationCost { get; init; }

    /// <summary>Who serves whom in the period.</summary>
    public required IReadOnlyList<FacilityAssignment> Assignments { get; init; }

    /// <summary>Operating + assignment + relocation.</summary>
    public double TotalCost => OperatingCost + AssignmentCost + RelocationCost;
}

/// <summary>A multi-period plan: the network of each period, its costs, and a lower bound on any plan's cost.</summary>
public sealed record MultiPeriodPlan
{
    /// <summary>Optimal when the plan meets the bound; Completed when a gap remains; Infeasible when no plan serves every period.</summary>
    public required SolveStatus Status { get; init; }

    /// <summary>The plan period by period.</summary>
    public required IReadOnlyList<PeriodPlan> Periods { get; init; }

    /// <summary>Lower bound: the sum of each period's own optimum bound (relocation costs are never negative).</summary>
    public required double LowerBound { get; init; }

    /// <summary>Total cost of the plan.</summary>
    public double TotalCost => Periods.Count == 0 ? double.PositiveInfinity : Periods.Sum(p => p.TotalCost);

    /// <summary>Operating cost over all periods.</summary>
    public double OperatingCost => Periods.Sum(p => p.OperatingCost);

    /// <summary>Assignment (service) cost over all periods.</summary>
    public double AssignmentCost => Periods.Sum(p => p.AssignmentCost);

    /// <summary>Opening and closing costs over all periods.</summary>
    public double RelocationCost => Periods.Sum(p => p.RelocationCost);

    /// <summary>(TotalCost − LowerBound) / TotalCost.</summary>
    public double Gap => double.IsFinite(TotalCost) && TotalCost > 0 ? Math.Max(0, (TotalCost - LowerBound) / TotalCost) : double.IsFinite(TotalCost) ? 0 : double.PositiveInfinity;
}
