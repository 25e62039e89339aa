namespace Microchain.Planning.NetworkDesign;

/// <summary>One node of the search: the subgradient loop, site fixing, primal heuristics and branching.</summary>
internal sealed partial class BranchAndBound
{
    /// <summary>Solves a node; returns it (with its best bound) when a limit interrupted it, otherwise null.</summary>
    private SearchNode? Process(SearchNode node)
    {
        var n = _model.N;
        // Below the root a node with every site decided is a leaf: its parent's bound stands, pricing settles it.
        if (node.Depth > 0 && Array.IndexOf(node.Fix, LagrangianRelaxation.Free) < 0)
        {
            Leaf(node.Fix, node.Bound);
            return null;
        }
        var isRoot = node.Depth == 0;
        var fix = (sbyte[])node.Fix.Clone();
        var lambda = (double[])node.Lambda.Clone();
        var bestLambda = (double[])lambda.Clone();
        var g = new double[n];
        double muCap = node.MuCapacity, muBudget = node.MuBudget;
        double bestMuCap = muCap, bestMuBudget = muBudget;
        var best = node.Bound;
        var theta = isRoot ? 2.0 : 1.0;
        var patience = isRoot ? 30 : 12;
        var thetaMin = isRoot ? 1e-4 : 5e-3;
        var maxIterations = isRoot ? 20_000 : 1_500;
        var stale = 0;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if (ShouldStop()) return node with { Bound = Math.Max(node.Bound, best) };
            var value = _relaxation.Evaluate(fix, lambda, muCap, muBudget);
            AssertBound(value);
            if (double.IsPositiveInfinity(value)) return null;
            if (value > best + (1e-12 * Math.Max(1, Math.Abs(value))))
            {
                best = value;
                Array.Copy(lambda, bestLambda, n);
                bestMuCap = muCap;
                bestMuBudget = muBudget;
                stale = 0;
            }
            else
            {
                stale++;
            }
            if (isRoot) ReportLower(Math.Min(best, _upper));
            if (Prunes(best)) return null;
            FixSites(fix, value);
            if (iteration % 10 == 0) Offer(RepairedSelection(), polish: false);
            var (gCap, gBudget) = _relaxation.Subgradient(lambda, g);
            // The capacity and budget rows are rescaled to "one customer" units so that they do not swamp the λ steps.
            gCap /= _capacityScale;
            gBudget /= _budgetScale;
            var norm = 0.0;
            for (var j = 0; j < n; j++) norm += g[j] * g[j];
            if (muCap > 0 || gCap > 0) norm += gCap * gCap;
            else gCap = 0;
            if (muBudget > 0 || gBudget > 0) norm += gBudget * gBudget;
            else gBudget = 0;
            if (norm == 0)
            {
                // The relaxed solution satisfies the relaxed constraints: it is this node's optimum.
                Offer(RepairedSelection(), polish: false);
                break;
            }
            if (stale >= patience)
            {
                theta /= 2;
                stale = 0;
                if (theta < thetaMin) break;
            }
            var target = double.IsFinite(_upper) ? _upper : (Math.Abs(best) * 1.1) + 1;
            var step = theta * Math.Max(target - value, 1e-9 * Math.Max(1, Math.Abs(target))) / norm;
            for (var j = 0; j < n; j++) lambda[j] += step * g[j];
            muCap = Math.Max(0, muCap + (step * gCap / _capacityScale));
            muBudget = Math.Max(0, muBudget + (step * gBudget / _budgetScale));
        }

        // Re-evaluate at the best multipliers so selection, fixing and branching agree with the node's bound.
        var final = _relaxation.Evaluate(fix, bestLambda, bestMuCap, bestMuBudget);
        if (Prunes(final)) return null;
        FixSites(fix, final);
        var open = RepairedSelection();
        Offer(open, polish: _uncapacitatedSearch is not null || _nodes <= 1 || _nodes % 64 == 0);
        if (Prunes(final)) return null;
        Branch(fix, bestLambda, bestMuCap, bestMuBudget, Math.Max(final, node.Bound), node.Depth + 1);
        return null;
    }

    /// <summary>Fixes every free site whose flip alone would lift the bound past the incumbent.</summary>
    private void FixSites(sbyte[] fix, double value)
    {
        if (double.IsPositiveInfinity(_upper)) return;
        for (var i = 0; i < _model.M; i++)
        {
            if (fix[i] != LagrangianRelaxation.Free) continue;
            if (Prunes(value + _relaxation.Delta(i)))
                fix[i] = _relaxation.Selected[i] ? LagrangianRelaxation.Open : LagrangianRelaxation.Closed;
        }
    }

    /// <summary>The Lagrangian open set, topped up with cheap capacity when it cannot hold the demand.</summary>
    private bool[] RepairedSelection()
    {
        var open = (bool[])_relaxation.Selected.Clone();
        if (_model.Capacity is not { } capacity) return open;
        var held = 0.0;
        var count = 0;
        for (var i = 0; i < _model.M; i++)
        {
            if (!open[i]) continue;
            held += capacity[i];
            count++;
        }
        while (held < _model.TotalDemand && count < _model.MaxOpen)
        {
            var pick = -1;
            for (var i = 0; i < _model.M; i++)
            {
                if (open[i] || _model.Status[i] == SiteStatus.ForcedClosed || capacity[i] <= 0) continue;
                if (pick < 0 || _relaxation.Rho[i] / capacity[i] < _relaxation.Rho[pick] / capacity[pick]) pick = i;
            }
            if (pick < 0) break;
            open[pick] = true;
            held += capacity[pick];
            count++;
        }
        return open;
    }

    /// <summary>Splits on the free site that serves the most contested customers; a node with no free site is a leaf.</summary>
    private void Branch(sbyte[] fix, double[] lambda, double muCap, double muBudget, double bound, int depth)
    {
        int m = _model.M, n = _model.N;
        var pick = -1;
        var pickScore = double.NegativeInfinity;
        var g = new double[n];
        _relaxation.Subgradient(lambda, g);
        for (var i = 0; i < m; i++)
        {
            if (fix[i] != LagrangianRelaxation.Free) continue;
            var contested = 0.0;
            if (_relaxation.Selected[i])
            {
                for (var j = 0; j < n; j++)
                {
                    if (g[j] < 0 && _model.C(i, j) < lambda[j]) contested += 1;
                }
            }
            var score = (contested * 1e6) + Math.Min(_relaxation.Delta(i), 1e5);
            if (score > pickScore)
            {
                pickScore = score;
                pick = i;
            }
        }
        if (pick < 0)
        {
            Leaf(fix, bound);
            return;
        }
        var delta = _relaxation.Delta(pick);
        var selected = _relaxation.Selected[pick];
        foreach (var state in new[] { LagrangianRelaxation.Open, LagrangianRelaxation.Closed })
        {
            var agrees = selected == (state == LagrangianRelaxation.Open);
            var childBound = agrees ? bound : bound + delta;
            if (Prunes(childBound)) continue;
            var childFix = (sbyte[])fix.Clone();
            childFix[pick] = state;
            _queue.Enqueue(new SearchNode(childFix, lambda, muCap, muBudget, childBound, depth), (childBound, _sequence++));
        }
    }

    /// <summary>Every site decided: price it exactly; single-source pricing is heuristic, so its bound stays open.</summary>
    private void Leaf(sbyte[] fix, double bound)
    {
        var open = new bool[_model.M];
        for (var i = 0; i < _model.M; i++) open[i] = fix[i] == LagrangianRelaxation.Open;
        Offer(open, polish: false);
        var cost = _evaluator.Total(open, _scratch);
        if (_model.SingleSource && !Prunes(bound) && cost > bound) _unresolved = Math.Min(_unresolved, bound);
    }
}
