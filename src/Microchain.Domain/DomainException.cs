namespace Microchain.Domain;

/// <summary>A domain rule was broken; <see cref="Code"/> is stable and machine-readable.</summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
