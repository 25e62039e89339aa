using System.Data.Common;

namespace Microchain.Runtime.Journal;

/// <summary>
/// An open read connection with its commands, one per SQL text, kept for reuse: SQLite then keeps each statement
/// compiled instead of parsing it on every read. Used by one reader at a time (see <see cref="ReadSessionPool"/>).
/// </summary>
internal sealed class ReadSession(DbConnection connection) : IAsyncDisposable
{
    // Bounded by the journal's fixed read statements (JournalSql), not by callers.
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, created on first use; bind its parameters with <see cref="Bind"/>.</summary>
    public DbCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand(sql, null);
            _commands[sql] = command;
        }

        return command;
    }

    /// <summary>Sets a parameter of a reused command, adding it on first use.</summary>
    public static void Bind(DbCommand command, string name, object value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index >= 0)
        {
            parameters[index].Value = value;
        }
        else
        {
            command.AddParameter(name, value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
