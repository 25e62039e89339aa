using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microchain.Domain.Network;

namespace Microchain.Domain.NetworkFiles;

/// <summary>The outcome of reading a network file: the network, or every error found (at most <see cref="NetworkFileLimits.MaxErrors"/>, then a closing note).</summary>
public sealed record NetworkFileResult(NetworkModel? Network, IReadOnlyList<FileError> Errors)
{
    /// <summary>The file's <c>rules</c> object as written (per-tenant order validation rules), or null when absent.</summary>
    public JsonElement? Rules { get; init; }

    [MemberNotNullWhen(true, nameof(Network))]
    public bool Succeeded => Network is not null;
}
