namespace Microchain.Planning.NetworkDesign;

/// <summary>A branch-and-bound node: site fixings, the parent's best multipliers (shared, never written) and a bound.</summary>
internal sealed record SearchNode(sbyte[] Fix, double[] Lambda, double MuCapacity, double MuBudget, double Bound, int Depth);
