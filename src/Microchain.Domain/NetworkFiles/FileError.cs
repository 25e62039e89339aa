namespace Microchain.Domain.NetworkFiles;

/// <summary>
/// One problem found in an input file. <see cref="Line"/> and <see cref="Column"/> are 1-based; <see cref="Path"/> is a
/// JSON path (<c>$.nodes[3].storage.chilledLiters</c>) for network files and the column name for stock CSV files.
/// </summary>
public sealed record FileError(string File, int? Line, string? Path, string Message)
{
    public int? Column { get; init; }

    /// <summary>Compiler style, so editors and terminals can jump to it: <c>network.json:12:7: $.nodes[0].id: message</c>.</summary>
    public override string ToString()
    {
        var where = Line is null ? File : Column is null ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
        return Path is null ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}
