namespace Microchain.Domain.Inventory;

/// <summary>
/// Modular products: a modular SKU is promised from finished units on the shelf plus units assembled from components,
/// limited by the node's assembly capacity. Reserving one holds its finished units and the components of the rest,
/// all or nothing with the other lines; picking it consumes them and records the assembly.
/// </summary>
public sealed partial class NodeStock
{
    private readonly Dictionary<string, long> _assembled = new(StringComparer.Ordinal);
    private AssemblySetup? _assembly;

    /// <summary>What the node assembles; null until configured.</summary>
    public AssemblySetup? Assembly => _assembly;

    /// <summary>Units assembled (picked from components) per modular SKU over the node's life.</summary>
    public IReadOnlyDictionary<string, long> AssembledUnits => _assembled;

    /// <summary>
    /// Units to assemble for open reservations: they take assembly capacity until picked or released. Summed on demand
    /// (modular reads and reservations only) rather than kept in step with every event.
    /// </summary>
    public long CommittedAssemblyUnits
    {
        get
        {
            long units = 0;
            foreach (var r in _reservations.Values)
                foreach (var h in r.Assemblies) units += h.Assembled;
            return units;
        }
    }

    public IReadOnlyList<INodeStockEvent> ConfigureAssembly(AssemblySetup setup, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        if (setup.SameAs(_assembly) || _assembly is null && setup.CapacityPerHour == 0 && setup.Recipes.Count == 0) return [];
        return Raise(new AssemblyConfigured(setup, now));
    }

    /// <summary>Units of <paramref name="skuId"/> that can be promised now (0 for unknown SKUs).</summary>
    public int AvailableToPromise(string skuId) => AtpOf(skuId).Atp;

    /// <summary>Finished units on the shelf, not reserved: the whole ATP of a SKU that is not modular.</summary>
    public int FinishedUnits(string skuId) => Math.Max(0, PositionOf(skuId).Available);

    /// <summary>ATP of a SKU and, for a modular one, what limits it; <paramref name="horizonMinutes"/> null = the setup's horizon.</summary>
    public SkuAtp AtpOf(string skuId, int? horizonMinutes = null)
    {
        var finished = FinishedUnits(skuId);
        if (_assembly?.RecipeOf(skuId) is not { } recipe) return new SkuAtp(skuId, false, finished, finished, 0, 0, 0, null);
        var capacityLeft = CapacityLeft(recipe, horizonMinutes ?? _assembly.HorizonMinutes, CommittedAssemblyUnits);
        var buildable = long.MaxValue;
        string? limit = null;
        foreach (var line in recipe.Components)
        {
            var units = Math.Max(0, PositionOf(line.ComponentId).Available) / line.Quantity;
            if (units < buildable) (buildable, limit) = (units, SkuAtp.ComponentLimit(line.ComponentId));
        }
        if (capacityLeft < buildable) limit = SkuAtp.CapacityLimit;
        var assemblable = (int)Math.Min(buildable, capacityLeft);
        return new SkuAtp(skuId, true, (int)Math.Min(Limits.MaxStockUnits, (long)finished + assemblable), finished, assemblable, (int)buildable, capacityLeft, limit);
    }

    private long RemainingCapacity(AssemblyRecipe recipe, long committed) => CapacityLeft(recipe, _assembly!.HorizonMinutes, committed);

    private int CapacityLeft(AssemblyRecipe recipe, int horizonMinutes, long committed) =>
        (int)Math.Clamp(_assembly!.UnitsWithin(recipe, horizonMinutes) - committed, 0, Limits.MaxStockUnits);

    /// <summary>True when the reservation goes through assembly: it names a modular SKU, or re-reserves an assembled one.</summary>
    private bool UsesAssembly(string reservationId, StockLine[] merged) =>
        _assembly is not null && merged.Any(l => _assembly.RecipeOf(l.SkuId) is not null)
        || _reservations.TryGetValue(reservationId, out var existing) && existing.Assemblies.Count > 0;

    /// <summary>As <see cref="TryReserve"/>, for lines with modular SKUs: finished units first, the rest from components within capacity.</summary>
    private ReservationResult TryReserveAssembled(string reservationId, StockLine[] merged, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (_reservations.TryGetValue(reservationId, out var existing))
        {
            Guard.That(Requested(existing).SequenceEqual(merged), "stock.reservation_conflict", $"reservation {reservationId} exists with other lines");
            return new ReservationResult(true, [], []);
        }
        var demand = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var holds = new List<AssemblyHold>();
        var capacityShort = new HashSet<string>(StringComparer.Ordinal);
        var committed = CommittedAssemblyUnits;
        foreach (var line in merged)
        {
            if (_assembly?.RecipeOf(line.SkuId) is not { } recipe)
            {
                demand[line.SkuId] = demand.GetValueOrDefault(line.SkuId) + line.Quantity;
                continue;
            }
            var finished = Math.Min(line.Quantity, Math.Max(0, PositionOf(line.SkuId).Available));
            var rest = line.Quantity - finished;
            if (finished > 0) demand[line.SkuId] = finished;
            if (rest > RemainingCapacity(recipe, committed)) capacityShort.Add(line.SkuId);
            committed += rest;
            foreach (var c in recipe.Components) demand[c.ComponentId] = demand.GetValueOrDefault(c.ComponentId) + (long)rest * c.Quantity;
            holds.Add(new AssemblyHold(line.SkuId, line.Quantity, finished, rest, recipe.AssemblySeconds, recipe.Components));
        }
        var short_ = demand.Where(d => d.Value > PositionOf(d.Key).Available).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        if (short_.Count > 0 || capacityShort.Count > 0) return ReservationResult.Refused(Shortages(merged, holds, short_, capacityShort));
        var lines = demand.Where(d => d.Value > 0).Select(d => new StockLine(d.Key, (int)d.Value)).ToArray();
        return new ReservationResult(true, [], Raise(new StockReserved(reservationId, lines, expiresAt, now) { Assemblies = holds }));
    }

    /// <summary>Shortages as the caller asked: a plain line short of units, or a modular line short of components or capacity.</summary>
    private List<Shortage> Shortages(StockLine[] merged, List<AssemblyHold> holds, HashSet<string> shortStock, HashSet<string> capacityShort)
    {
        var shortages = new List<Shortage>();
        foreach (var line in merged)
        {
            var hold = holds.Find(h => h.SkuId == line.SkuId);
            var isShort = hold is null
                ? shortStock.Contains(line.SkuId)
                : capacityShort.Contains(line.SkuId) || hold.Assembled > 0 && hold.Components.Any(c => shortStock.Contains(c.ComponentId));
            if (isShort) shortages.Add(new Shortage(line.SkuId, line.Quantity, hold is null ? Math.Max(0, PositionOf(line.SkuId).Available) : AtpOf(line.SkuId).Atp));
        }
        return shortages;
    }

    /// <summary>The lines a reservation was asked for: its stock lines with each assembly folded back into its modular SKU.</summary>
    private static StockLine[] Requested(Reservation reservation)
    {
        var units = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in reservation.Lines) units[line.SkuId] = line.Quantity;
        foreach (var h in reservation.Assemblies)
        {
            units[h.SkuId] = units.GetValueOrDefault(h.SkuId) - h.Finished + h.Quantity;
            foreach (var c in h.Components) units[c.ComponentId] = units.GetValueOrDefault(c.ComponentId) - (long)h.Assembled * c.Quantity;
        }
        return units.Where(u => u.Value > 0).Select(u => new StockLine(u.Key, (int)u.Value)).ToArray();
    }

    /// <summary>
    /// As <see cref="Pick"/>, for a reservation with modular lines: picked modular units are finished ones first, then
    /// assembled ones, whose components leave the shelf; plain lines cannot take components held for assembly.
    /// </summary>
    private INodeStockEvent[] PickAssembled(Reservation reservation, IReadOnlyList<StockLine> picked, DateTimeOffset now)
    {
        var plainReserved = Requested(reservation).ToDictionary(l => l.SkuId, l => l.Quantity, StringComparer.Ordinal);
        var stock = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var assembled = new List<StockLine>();
        foreach (var line in Merge(picked))
        {
            if (reservation.Assemblies.FirstOrDefault(h => h.SkuId == line.SkuId) is not { } hold)
            {
                var reserved = plainReserved.GetValueOrDefault(line.SkuId);
                Guard.That(line.Quantity <= reserved, "stock.over_pick", $"picked {line.Quantity} of {line.SkuId} but {reserved} were reserved");
                stock[line.SkuId] = stock.GetValueOrDefault(line.SkuId) + line.Quantity;
                continue;
            }
            Guard.That(line.Quantity <= hold.Quantity, "stock.over_pick", $"picked {line.Quantity} of {line.SkuId} but {hold.Quantity} were reserved");
            var finished = Math.Min(line.Quantity, hold.Finished);
            var built = line.Quantity - finished;
            if (finished > 0) stock[line.SkuId] = stock.GetValueOrDefault(line.SkuId) + finished;
            if (built == 0) continue;
            assembled.Add(new StockLine(line.SkuId, built));
            foreach (var c in hold.Components) stock[c.ComponentId] = stock.GetValueOrDefault(c.ComponentId) + (long)built * c.Quantity;
        }
        var lines = stock.Select(s => new StockLine(s.Key, (int)s.Value)).ToArray();
        return Raise(new StockPicked(reservation.Id, lines, now) { Assembled = assembled });
    }

    private void RecordAssembled(IReadOnlyList<StockLine>? assembled)
    {
        foreach (var line in assembled ?? []) _assembled[line.SkuId] = _assembled.GetValueOrDefault(line.SkuId) + line.Quantity;
    }
}
