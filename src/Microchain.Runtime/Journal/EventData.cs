namespace Microchain.Runtime.Journal;

/// <summary>An event to append: a type name and its payload as opaque text (JSON by convention).</summary>
public sealed record EventData(string Type, string Data);
