namespace Microchain.Testing.Support.Postgres;

/// <summary>
/// Where initdb and pg_ctl are: the folder in MICROCHAIN_TEST_POSTGRES_BIN if set (only there), else a
/// Debian-style /usr/lib/postgresql/N/bin (15 preferred), else PATH.
/// </summary>
public sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    public const string FolderVariable = "MICROCHAIN_TEST_POSTGRES_BIN";

    public static PostgresBinaries? Find()
    {
        var candidates = new List<string>();
        const string debianRoot = "/usr/lib/postgresql";
        var pinned = Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrWhiteSpace(pinned))
        {
            candidates.Add(pinned);
        }
        else if (Directory.Exists(debianRoot))
        {
            candidates.AddRange(Directory.GetDirectories(debianRoot)
                .OrderBy(d => Path.GetFileName(d) == "15" ? 0 : 1)
                .ThenByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        if (string.IsNullOrWhiteSpace(pinned))
        {
            candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        foreach (var dir in candidates)
        {
            var initdb = Path.Combine(dir, "initdb");
            var pgctl = Path.Combine(dir, "pg_ctl");
            if (File.Exists(initdb) && File.Exists(pgctl) && File.Exists(Path.Combine(dir, "postgres")))
            {
                return new PostgresBinaries(initdb, pgctl);
            }
        }

        return null;
    }
}
