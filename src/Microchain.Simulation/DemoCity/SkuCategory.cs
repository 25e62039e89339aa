namespace Microchain.Simulation.DemoCity;

/// <summary>Grocery categories of the demo catalog; <see cref="Kit"/> marks modular products (meal kits, gift boxes).</summary>
public enum SkuCategory
{
    Produce,
    Dairy,
    Frozen,
    Bakery,
    Pantry,
    Drinks,
    Household,
    PersonalCare,
    Kit,
}
