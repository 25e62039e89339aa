using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microchain.Domain.Inventory;

namespace Microchain.Runtime.Nodes;

/// <summary>
/// Available-to-promise of the node grains active in this silo, written by each grain on its own turn right after
/// every decision, so that sourcing reads it without a grain call per node per order (the pipeline's largest cost
/// once measured). A read is as fresh as <see cref="INodeGrain.GetAvailability"/> (decided reservations count, even
/// before they are durable) but not a snapshot: two SKUs read while the grain decides may straddle a decision. That
/// is safe because a read only steers sourcing; the reservation, decided by the grain, is what never oversells.
/// Nodes not active here (another silo, not yet activated) and modular SKUs (their ATP depends on components and
/// assembly capacity) are not on the board: readers ask the grain.
/// <para>
/// Each SKU id gets a slot number once, shared by all sheets, so a read hashes each basket SKU once and then reads
/// one array cell per node.
/// </para>
/// </summary>
public sealed class AtpBoard
{
    /// <summary>Distinct SKU ids the board tracks; beyond this, new SKUs are asked of the grains.</summary>
    public const int MaxSlots = 1_000_000;

    private readonly ConcurrentDictionary<string, AtpSheet> _sheets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _slots = new(StringComparer.Ordinal);
    private int _slotCount;

    /// <summary>Starts (or restarts) the sheet of a node grain, from its whole state.</summary>
    internal AtpSheet Open(string grainKey, NodeStock stock)
    {
        var sheet = new AtpSheet(this);
        sheet.PublishAll(stock);
        _sheets[grainKey] = sheet;
        return sheet;
    }

    /// <summary>Takes a node grain's sheet off the board, unless a newer activation replaced it.</summary>
    internal void Close(string grainKey, AtpSheet sheet) => _sheets.TryRemove(KeyValuePair.Create(grainKey, sheet));

    /// <summary>The slot of a SKU, assigned on first sight; -1 once <see cref="MaxSlots"/> are taken.</summary>
    internal int SlotFor(string skuId) => _slots.TryGetValue(skuId, out var slot) ? slot : _slots.GetOrAdd(skuId, _ => NextSlot());

    /// <summary>A fresh slot number (a racing GetOrAdd may waste one: harmless), or -1 when they have run out.</summary>
    private int NextSlot()
    {
        var taken = Interlocked.Increment(ref _slotCount);
        return taken <= MaxSlots ? taken - 1 : -1;
    }

    /// <summary>The slots of a basket's SKUs for <see cref="TryRead"/>: -1 for a SKU no sheet ever published (0 units everywhere).</summary>
    public int[] SlotsOf(IReadOnlyList<string> skuIds)
    {
        ArgumentNullException.ThrowIfNull(skuIds);
        var slots = new int[skuIds.Count];
        for (var i = 0; i < slots.Length; i++) slots[i] = _slots.TryGetValue(skuIds[i], out var slot) ? slot : -1;
        return slots;
    }

    /// <summary>
    /// The node's availability for <paramref name="skuIds"/> (distinct; <paramref name="slots"/> from
    /// <see cref="SlotsOf"/>), or null when it must be asked of the grain: the node is not on this silo's board, a
    /// SKU is modular there, or a SKU has no slot.
    /// </summary>
    public NodeAvailability? TryRead(string grainKey, string nodeId, string[] skuIds, int[] slots)
    {
        ArgumentNullException.ThrowIfNull(skuIds);
        ArgumentNullException.ThrowIfNull(slots);
        return _sheets.TryGetValue(grainKey, out var sheet) ? sheet.TryRead(nodeId, skuIds, slots) : null;
    }
}

/// <summary>One node grain's published ATP, one cell per board slot. Written only on the grain's turn; read from any thread.</summary>
internal sealed class AtpSheet(AtpBoard board)
{
    private int[] _atp = new int[64];
    private FrozenSet<string> _modular = FrozenSet<string>.Empty;
    private AssemblySetup? _assembly;
    private long _reservedUnits;
    private bool _overflow;

    public void PublishAll(NodeStock stock)
    {
        stock.TrackChanges();
        foreach (var skuId in stock.Positions.Keys) Publish(skuId, stock);
        stock.ForgetChanges();
        PublishSetup(stock);
    }

    /// <summary>Publishes what the last decisions changed.</summary>
    public void PublishChanges(NodeStock stock)
    {
        foreach (var skuId in stock.ChangedSkus) Publish(skuId, stock);
        stock.ForgetChanges();
        PublishSetup(stock);
    }

    private void Publish(string skuId, NodeStock stock)
    {
        var slot = board.SlotFor(skuId);
        if (slot < 0)
        {
            Volatile.Write(ref _overflow, true);
            return;
        }
        var atp = _atp;
        if (slot >= atp.Length)
        {
            // Readers may still read the old array for a moment: a stale read, which only steers sourcing.
            var grown = new int[Math.Max(slot + 1, atp.Length * 2)];
            Array.Copy(atp, grown, atp.Length);
            Volatile.Write(ref _atp, atp = grown);
        }
        Volatile.Write(ref atp[slot], stock.FinishedUnits(skuId)); // modular SKUs are not read from the board
    }

    private void PublishSetup(NodeStock stock)
    {
        if (!ReferenceEquals(stock.Assembly, _assembly))
        {
            _assembly = stock.Assembly;
            Volatile.Write(ref _modular, _assembly is null ? FrozenSet<string>.Empty : _assembly.Recipes.Select(r => r.SkuId).ToFrozenSet(StringComparer.Ordinal));
        }
        Volatile.Write(ref _reservedUnits, stock.ReservedUnits);
    }

    public NodeAvailability? TryRead(string nodeId, string[] skuIds, int[] slots)
    {
        var modular = Volatile.Read(ref _modular);
        var atp = Volatile.Read(ref _atp);
        var units = new int[skuIds.Length];
        for (var i = 0; i < skuIds.Length; i++)
        {
            if (modular.Count > 0 && modular.Contains(skuIds[i])) return null;
            var slot = slots[i];
            if (slot < 0 && Volatile.Read(ref _overflow)) return null; // a SKU beyond the board's slots may be stocked here
            units[i] = slot >= 0 && slot < atp.Length ? Volatile.Read(ref atp[slot]) : 0;
        }
        return new NodeAvailability(nodeId, new BasketUnitsDictionary(skuIds, units), (int)Math.Min(int.MaxValue, Volatile.Read(ref _reservedUnits)));
    }
}
