namespace Microchain.Domain.NetworkFiles;

/// <summary>Collects errors up to a cap; past the cap it stops the parse, so a hopeless file costs little.</summary>
internal sealed class ErrorSink(int max)
{
    private readonly List<(string? Path, int? Line, int? Column, string Message)> _errors = [];

    public int Count => _errors.Count;
    public bool Truncated { get; private set; }
    public IReadOnlyList<(string? Path, int? Line, int? Column, string Message)> Errors => _errors;

    public void Add(string? path, string message) => Add(path, null, null, message);

    public void Add(string? path, int? line, int? column, string message)
    {
        if (_errors.Count >= max)
        {
            Truncated = true;
            throw new TooManyErrorsException();
        }
        _errors.Add((path, line, column, message));
    }

    /// <summary>The errors as <see cref="FileError"/>s, with a closing note when the cap was reached.</summary>
    public List<FileError> ToFileErrors(string file, Func<string, (int Line, int Column)?> locate)
    {
        var result = new List<FileError>(_errors.Count + 1);
        foreach (var (path, line, column, message) in _errors)
        {
            var at = line is null && path is not null ? locate(path) : null;
            result.Add(new FileError(file, line ?? at?.Line, path, message) { Column = column ?? at?.Column });
        }
        // In file order, which is how people fix them; OrderBy is stable, so errors on one spot keep their order.
        result = [.. result.OrderBy(e => e.Line ?? int.MaxValue).ThenBy(e => e.Column ?? 0)];
        if (Truncated) result.Add(new FileError(file, null, null, $"stopped after {max} errors; fix these and run again"));
        return result;
    }
}

/// <summary>Thrown by <see cref="ErrorSink"/> when the cap is reached; caught by the parser that owns the sink.</summary>
internal sealed class TooManyErrorsException : Exception
{
    public TooManyErrorsException() : base("too many errors") { }
}
