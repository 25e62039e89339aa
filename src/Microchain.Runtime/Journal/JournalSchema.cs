namespace Microchain.Runtime.Journal;

/// <summary>Creates the schema if missing and records its version; refuses a newer schema than this code knows.</summary>
internal static class JournalSchema
{
    public static async Task EnsureAsync(WriteSession session, CancellationToken cancellationToken)
    {
        await using var transaction = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in session.Dialect.SchemaStatements)
        {
            await using var ddl = session.CreateCommand(statement);
            await ddl.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var select = session.CreateCommand(JournalSql.SelectSchemaVersion);
        var value = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (value is null or DBNull)
        {
            await using var insert = session.CreateCommand(JournalSql.InsertSchemaVersion);
            insert.AddParameter("@version", JournalSql.SchemaVersion);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var version = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            if (version > JournalSql.SchemaVersion)
            {
                throw new NotSupportedException(
                    $"The journal schema is version {version}; this build knows up to {JournalSql.SchemaVersion}.");
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
