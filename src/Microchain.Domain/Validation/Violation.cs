namespace Microchain.Domain.Validation;

/// <summary>One broken rule: a stable <paramref name="Code"/> (see docs/order-rules.md), the JSON path of the
/// offending field (e.g. <c>lines[2].quantity</c>) and a message for people.</summary>
public sealed record Violation(string Code, string Path, string Message);
