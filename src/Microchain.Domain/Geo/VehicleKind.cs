namespace Microchain.Domain.Geo;

/// <summary>How a courier moves; each kind has its own speed in the travel model.</summary>
public enum VehicleKind
{
    Van,
    CargoBike,
    Walker,
    Truck,
}
