using Microchain.Planning.NetworkDesign;
using Xunit;

namespace Microchain.Planning.Tests.NetworkDesign;

public sealed class FacilityBudgetRegressionTests
{
    /// <summary>Found by CsCheck seed 3qw0bs6oGo21: a budget below the cheapest site drove the Lagrangian bound to NaN.</summary>
    [Fact]
    public void Budget_below_every_site_is_infeasible_not_a_NaN_bound()
    {
        var problem = new FacilityProblem([259], [4, 2, 5, 5, 4], [29, 49, 35, 9, 22]) { MinOpenSites = 1, MaxOpenSites = 1, OpeningBudget = 240 };
        var solution = FacilityLocationSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(SolveStatus.Infeasible, solution.Status);
        Assert.Empty(solution.OpenSites);
    }
}
