namespace Microchain.Planning.NetworkDesign;

/// <summary>Turns the incumbent open set into a <see cref="FacilitySolution"/> with its assignments and cost split.</summary>
internal static class SolutionBuilder
{
    public static FacilitySolution Build(LocationModel model, AssignmentEvaluator evaluator, bool[]? open, SolveStatus status,
        double lowerBound, int nodes, TimeSpan elapsed)
    {
        if (open is null)
        {
            return new FacilitySolution
            {
                Status = status,
                Objective = double.PositiveInfinity,
                LowerBound = lowerBound,
                OpeningCost = 0,
                AssignmentCost = 0,
                OpenSites = [],
                Assignments = [],
                Nodes = nodes,
                Elapsed = elapsed,
            };
        }
        var fraction = new double[model.M * model.N];
        var assignmentCost = evaluator.Evaluate(open, fraction);
        var openingCost = model.OpeningCostOf(open);
        var sites = new List<int>();
        var assignments = new List<FacilityAssignment>();
        for (var i = 0; i < model.M; i++)
        {
            if (!open[i]) continue;
            sites.Add(i);
        }
        for (var j = 0; j < model.N; j++)
        {
            foreach (var i in sites)
            {
                var share = fraction[(i * model.N) + j];
                if (share > 0) assignments.Add(new FacilityAssignment(i, j, share, share * model.Demand[j]));
            }
        }
        var objective = openingCost + assignmentCost;
        return new FacilitySolution
        {
            Status = status,
            Objective = objective,
            LowerBound = Math.Min(lowerBound, objective),
            OpeningCost = openingCost,
            AssignmentCost = assignmentCost,
            OpenSites = sites,
            Assignments = assignments,
            Nodes = nodes,
            Elapsed = elapsed,
        };
    }
}
