namespace Microchain.Domain.Network;

/// <summary>What a node costs: fixed per day (rent, staff base, automation lease) and variable per unit picked.</summary>
public readonly record struct NodeCosts(long FixedCostCentsPerDay, long PickCostCentsPerUnit, long OpeningCostCents = 0)
{
    public void Validate(string nodeId)
    {
        Guard.That(FixedCostCentsPerDay >= 0 && PickCostCentsPerUnit >= 0 && OpeningCostCents >= 0,
            "node.costs", $"node {nodeId}: costs must not be negative");
    }
}
