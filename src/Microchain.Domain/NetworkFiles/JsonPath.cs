using System.Text;

namespace Microchain.Domain.NetworkFiles;

/// <summary>JSON paths in the usual notation: <c>$.nodes[3].storage</c>, and <c>$['odd name']</c> for names that are not identifiers.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        IsIdentifier(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("\\", "\\\\").Replace("'", "\\'")}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>Every path from the root down to <paramref name="path"/>, the path itself included.</summary>
    public static IEnumerable<string> Prefixes(string path)
    {
        var quoted = false;
        for (var i = 1; i < path.Length; i++)
        {
            var c = path[i];
            if (quoted)
            {
                if (c == '\\') i++;
                else if (c == '\'') quoted = false;
                continue;
            }
            if (c == '\'') quoted = true;
            else if (c is '.' or '[') yield return path[..i];
        }
        yield return path;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name.AsSpan(1))
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        return true;
    }

    public static string Describe(string text, int max = 40)
    {
        var builder = new StringBuilder(text.Length > max ? text[..max] + "…" : text);
        return builder.Replace("\n", "\\n").Replace("\r", "\\r").ToString();
    }
}
