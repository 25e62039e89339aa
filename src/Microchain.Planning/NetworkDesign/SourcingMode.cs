namespace Microchain.Planning.NetworkDesign;

/// <summary>How a customer's demand may be split between open sites.</summary>
public enum SourcingMode
{
    /// <summary>A customer's demand may be split between several sites (a transportation problem given the open sites).</summary>
    MultiSource = 0,

    /// <summary>Each customer is served by exactly one site (a generalized assignment problem given the open sites).</summary>
    SingleSource = 1,
}
