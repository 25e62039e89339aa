using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Fleet;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Supply;

namespace Microchain.Domain.NetworkFiles;

/// <summary>A field left out of a file takes the domain's own default, read from these instances so the two never drift.</summary>
internal static class DomainDefaults
{
    public static Node Node { get; } = new() { Id = "", Name = "", Kind = NodeKind.Mfc, Location = default, Storage = new(0, 0, 0, 0) };
    public static Sku Sku { get; } = new() { Id = "", Name = "" };
    public static Component Component { get; } = new() { Id = "", Name = "" };
    public static Segment Segment { get; } = new() { Id = "", Name = "", Promise = default };
    public static Customer Customer { get; } = new() { Id = "", SegmentId = "", Location = default };
    public static Supplier Supplier { get; } = new() { Id = "", Name = "" };
    public static SupplierContract Contract { get; } = new() { Id = "", SupplierId = "", SkuId = "", NodeId = "", Start = default, End = default };
    public static Vehicle Vehicle { get; } = new() { Id = "", NodeId = "", Kind = VehicleKind.Van };
}
