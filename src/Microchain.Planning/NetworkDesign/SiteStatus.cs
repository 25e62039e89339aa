namespace Microchain.Planning.NetworkDesign;

/// <summary>What a user has decided about a candidate site before the solver runs.</summary>
public enum SiteStatus
{
    /// <summary>The solver decides.</summary>
    Free = 0,

    /// <summary>The site is open in every solution (an existing node that stays).</summary>
    ForcedOpen = 1,

    /// <summary>The site is closed in every solution (ruled out by the user).</summary>
    ForcedClosed = 2,
}
