namespace Microchain.Domain.Catalog;

public enum TemperatureZone
{
    Ambient,
    Chilled,
    Frozen,
}
