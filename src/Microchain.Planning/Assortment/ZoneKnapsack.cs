namespace Microchain.Planning.Assortment;

/// <summary>
/// The knapsack under an assortment: items each use volume in one of a few zones and one slot; the zones have
/// volume capacities and all items share the slots. Maximise the summed score. Scores and volumes are integers.
/// </summary>
/// <param name="Scores">Score of each item (only positive scores can be worth choosing).</param>
/// <param name="Volumes">Volume each item takes in its zone (positive).</param>
/// <param name="Zones">The zone index (0..Capacities.Count-1) of each item.</param>
/// <param name="Capacities">Volume capacity of each zone.</param>
/// <param name="Slots">Most items that may be chosen.</param>
public sealed record ZoneKnapsackProblem(IReadOnlyList<long> Scores, IReadOnlyList<long> Volumes, IReadOnlyList<int> Zones, IReadOnlyList<long> Capacities, int Slots)
{
    /// <summary>Most items a problem may hold.</summary>
    public const int MaxItems = 100_000;

    public int Count => Scores.Count;

    /// <summary>Throws when the arrays disagree or a number is out of range.</summary>
    public void Check()
    {
        if (Count > MaxItems) throw new ArgumentException($"at most {MaxItems} items");
        if (Volumes.Count != Count || Zones.Count != Count) throw new ArgumentException("scores, volumes and zones must have one entry per item");
        if (Slots < 0) throw new ArgumentException("slots must not be negative");
        for (var z = 0; z < Capacities.Count; z++)
            if (Capacities[z] < 0) throw new ArgumentException($"zone {z}: capacity must not be negative");
        for (var i = 0; i < Count; i++)
        {
            if (Volumes[i] <= 0) throw new ArgumentException($"item {i}: volume must be positive");
            if (Zones[i] < 0 || Zones[i] >= Capacities.Count) throw new ArgumentException($"item {i}: zone {Zones[i]} does not exist");
        }
    }

    /// <summary>Whether <paramref name="chosen"/> respects every capacity.</summary>
    public bool Fits(IReadOnlyCollection<int> chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        if (chosen.Count > Slots) return false;
        var used = new long[Capacities.Count];
        foreach (var i in chosen) used[Zones[i]] = checked(used[Zones[i]] + Volumes[i]);
        for (var z = 0; z < used.Length; z++)
            if (used[z] > Capacities[z]) return false;
        return true;
    }
}

/// <summary>How the search ended: proven optimal, or the best found within the node limit.</summary>
public enum KnapsackStatus
{
    Optimal,
    Feasible,
}

/// <summary>The chosen items (ascending), their score, an upper bound on any solution's score, and the relative gap.</summary>
public sealed record ZoneKnapsackSolution(IReadOnlyList<int> Chosen, long Score, long Bound, KnapsackStatus Status, long NodesExplored, double LagrangeMultiplier)
{
    /// <summary>(bound − score) / max(1, bound); 0 when proven optimal.</summary>
    public double Gap => Bound <= Score ? 0 : (double)(Bound - Score) / Math.Max(1, Bound);
}

/// <summary>Limits of the search; the same problem and options give the same answer (no clock, no randomness).</summary>
/// <param name="MaxNodes">Branch-and-bound nodes before it stops with the incumbent.</param>
/// <param name="MaxExactItems">Largest candidate count for which branch and bound runs at all.</param>
/// <param name="MaxLocalSearchPasses">Passes of add/swap local search over the greedy solution.</param>
public sealed record ZoneKnapsackOptions(long MaxNodes = 200_000, int MaxExactItems = 400, int MaxLocalSearchPasses = 50)
{
    public static ZoneKnapsackOptions Default { get; } = new();
}
