using System.Text;

namespace Microchain.Domain.NetworkFiles;

/// <summary>One field of a CSV record and where it starts (1-based line and column).</summary>
internal readonly record struct CsvField(string Value, int Line, int Column);

/// <summary>
/// RFC 4180 records: comma separated, fields optionally in double quotes with "" for a quote; a quoted field may span
/// lines. Unquoted fields are trimmed of spaces. Blank lines are skipped. Syntax problems go to the sink.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<List<CsvField>> Read(string text, ErrorSink errors)
    {
        var i = 0;
        var line = 1;
        var lineStart = 0;
        while (i < text.Length)
        {
            if (text[i] is '\n' or '\r')
            {
                (i, line, lineStart) = NextLine(text, i, line);
                continue;
            }
            var record = new List<CsvField>();
            var recordOk = true;
            while (true)
            {
                var field = new StringBuilder();
                var (fieldLine, fieldColumn) = (line, i - lineStart + 1);
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                            i++;
                            closed = true;
                            break;
                        }
                        if (text[i] is '\n' or '\r')
                        {
                            var end = i;
                            (i, line, lineStart) = NextLine(text, i, line);
                            field.Append(text, end, i - end);
                            continue;
                        }
                        field.Append(text[i++]);
                    }
                    if (!closed)
                    {
                        errors.Add(null, fieldLine, fieldColumn, "quoted field is not closed before the end of the file");
                        yield break;
                    }
                    while (i < text.Length && text[i] is ' ' or '\t') i++;
                    if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                    {
                        errors.Add(null, line, i - lineStart + 1, $"unexpected '{text[i]}' after a closing quote; a field with quotes must be quoted whole");
                        recordOk = false;
                        while (i < text.Length && text[i] is not ('\n' or '\r')) i++;
                    }
                }
                else
                {
                    var start = i;
                    while (i < text.Length && text[i] is not (',' or '\n' or '\r')) i++;
                    var raw = text[start..i];
                    if (raw.Contains('"'))
                    {
                        errors.Add(null, fieldLine, fieldColumn + raw.IndexOf('"', StringComparison.Ordinal), "stray '\"' in an unquoted field; quote the whole field and double inner quotes");
                        recordOk = false;
                    }
                    var trimmed = raw.TrimStart(' ', '\t');
                    if (trimmed.Length > 0) fieldColumn += raw.Length - trimmed.Length; // point at the value, or at a blank field's start
                    field.Append(trimmed.TrimEnd(' ', '\t'));
                }
                record.Add(new CsvField(field.ToString(), fieldLine, fieldColumn));
                if (i < text.Length && text[i] == ',') { i++; continue; }
                break;
            }
            if (recordOk && !(record.Count == 1 && record[0].Value.Length == 0)) yield return record;
        }
    }

    private static (int Index, int Line, int LineStart) NextLine(string text, int i, int line)
    {
        i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
        return (i, line + 1, i);
    }

    /// <summary>Quotes a field when it would not read back as itself unquoted.</summary>
    public static string Escape(string value) =>
        value.Length > 0 && value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value.Trim(' ', '\t').Length == value.Length
            ? value
            : $"\"{value.Replace("\"", "\"\"")}\"";
}
