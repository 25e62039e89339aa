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
/// </summary>
public sealed class AtpBoard
{
    private readonly ConcurrentDictionary<string, AtpSheet> _sheets = new(StringComparer.Ordinal);

    /// <summary>Starts (or restarts) the sheet of a node grain, from its whole state.</summary>
    internal AtpSheet Open(string grainKey, NodeStock stock)
    {
        var sheet = new AtpSheet();
        sheet.PublishAll(stock);
        _sheets[grainKey] = sheet;
        return sheet;
    }

    /// <summary>Takes a node grain's sheet off the board, unless a newer activation replaced it.</summary>
    internal void Close(string grainKey, AtpSheet sheet) => _sheets.TryRemove(KeyValuePair.Create(grainKey, sheet));

    /// <summary>
    /// The node's availability for <paramref name="skuIds"/> (distinct), or null when it must be asked of the grain:
    /// the node is not on this silo's board, or one of the SKUs is modular there.
    /// </summary>
    public NodeAvailability? TryRead(string grainKey, string nodeId, IReadOnlyList<string> skuIds)
    {
        ArgumentNullException.ThrowIfNull(skuIds);
        if (!_sheets.TryGetValue(grainKey, out var sheet)) return null;
        return sheet.TryRead(nodeId, skuIds);
    }
}

/// <summary>One node grain's published ATP. Written only on the grain's turn; read from any thread.</summary>
internal sealed class AtpSheet
{
    private readonly ConcurrentDictionary<string, int> _atp = new(StringComparer.Ordinal);
    private FrozenSet<string> _modular = FrozenSet<string>.Empty;
    private AssemblySetup? _assembly;
    private long _reservedUnits;

    public void PublishAll(NodeStock stock)
    {
        foreach (var skuId in stock.Positions.Keys) _atp[skuId] = Math.Max(0, stock.PositionOf(skuId).Available);
        stock.ForgetChanges();
        PublishSetup(stock);
    }

    /// <summary>Publishes what the last decisions changed.</summary>
    public void PublishChanges(NodeStock stock)
    {
        foreach (var skuId in stock.ChangedSkus) _atp[skuId] = Math.Max(0, stock.PositionOf(skuId).Available);
        stock.ForgetChanges();
        PublishSetup(stock);
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

    public NodeAvailability? TryRead(string nodeId, IReadOnlyList<string> skuIds)
    {
        var modular = Volatile.Read(ref _modular);
        var atp = new Dictionary<string, int>(skuIds.Count, StringComparer.Ordinal);
        foreach (var skuId in skuIds)
        {
            if (modular.Contains(skuId)) return null;
            atp[skuId] = _atp.GetValueOrDefault(skuId);
        }
        return new NodeAvailability(nodeId, atp, (int)Math.Min(int.MaxValue, Volatile.Read(ref _reservedUnits)));
    }
}
