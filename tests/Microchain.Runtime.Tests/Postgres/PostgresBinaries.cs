namespace Microchain.Runtime.Tests.Postgres;

/// <summary>Where initdb and pg_ctl are: a Debian-style /usr/lib/postgresql/N/bin (15 preferred) or PATH.</summary>
public sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    public static PostgresBinaries? Find()
    {
        var candidates = new List<string>();
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            candidates.AddRange(Directory.GetDirectories(debianRoot)
                .OrderBy(d => Path.GetFileName(d) == "15" ? 0 : 1)
                .ThenByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));

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
