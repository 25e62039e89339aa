using System.Text;
using System.Text.Json;

namespace Microchain.Domain.NetworkFiles;

/// <summary>
/// Finds where JSON paths sit in the text. One forward pass of <see cref="Utf8JsonReader"/> that descends only into
/// containers on the way to a wanted path, so locating a hundred errors in a large file stays cheap.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly byte[] _utf8;
    private readonly int[] _lineStarts;
    private readonly Dictionary<string, (int Line, int Column)> _found = new(StringComparer.Ordinal);

    private JsonLineMap(byte[] utf8)
    {
        _utf8 = utf8;
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n') starts.Add(i + 1);
        _lineStarts = [.. starts];
    }

    /// <summary>Locates each path, or its nearest existing ancestor when the path itself is absent (a missing field).</summary>
    public static Func<string, (int Line, int Column)?> Build(byte[] utf8, IEnumerable<string> paths)
    {
        var wanted = new HashSet<string>(paths.SelectMany(JsonPath.Prefixes), StringComparer.Ordinal);
        var map = new JsonLineMap(utf8);
        map.Walk(wanted);
        return path =>
        {
            foreach (var prefix in JsonPath.Prefixes(path).Reverse())
                if (map._found.TryGetValue(prefix, out var at)) return at;
            return null;
        };
    }

    private void Walk(HashSet<string> wanted)
    {
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var stack = new Stack<(string Path, bool IsArray, int NextIndex)>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = JsonPath.Property(stack.Peek().Path, reader.GetString()!);
                    Record(pendingProperty, wanted, reader.TokenStartIndex);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    string path;
                    if (stack.Count == 0) path = JsonPath.Root;
                    else if (stack.Peek().IsArray)
                    {
                        var top = stack.Pop();
                        path = JsonPath.Index(top.Path, top.NextIndex);
                        stack.Push(top with { NextIndex = top.NextIndex + 1 });
                    }
                    else path = pendingProperty!;
                    Record(path, wanted, reader.TokenStartIndex);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        if (wanted.Contains(path)) stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                        else reader.Skip();
                    }
                    break;
            }
        }
    }

    private void Record(string path, HashSet<string> wanted, long offset)
    {
        if (!wanted.Contains(path) || _found.ContainsKey(path)) return;
        var index = Array.BinarySearch(_lineStarts, (int)offset);
        var line = index >= 0 ? index : ~index - 1;
        var column = Encoding.UTF8.GetCharCount(_utf8, _lineStarts[line], (int)offset - _lineStarts[line]) + 1;
        _found[path] = (line + 1, column);
    }
}
