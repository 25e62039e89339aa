using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Microchain.Bench.Journal;

/// <summary>
/// A throwaway PostgreSQL server for the benchmark, like the test fixture's but with the default durability
/// (fsync on): initdb in a temp folder, 127.0.0.1 on a free port, stopped and deleted on dispose. PostgreSQL
/// refuses root, so as root it runs as the 'postgres' OS user via runuser.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string binFolder;
    private readonly string root;

    private PrivatePostgres(string binFolder, string root, string connectionString)
    {
        this.binFolder = binFolder;
        this.root = root;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The bin folder of a Debian-style install (/usr/lib/postgresql/N/bin, newest first), or null.</summary>
    public static string? FindBinaries()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(debianRoot)
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
            .Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")));
    }

    public static async Task<PrivatePostgres> StartAsync(string binFolder, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("microchain-bench-pg-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0x1FF); // the server's OS user writes here
        }

        var data = Path.Combine(root, "data");
        try
        {
            await RunAsync(Path.Combine(binFolder, "initdb"),
                ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"], cancellationToken).ConfigureAwait(false);
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var options = $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c max_connections=40";
            await RunAsync(Path.Combine(binFolder, "pg_ctl"),
                ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", options, "start"], cancellationToken)
                .ConfigureAwait(false);
            var connectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Timeout = 30,
            }.ConnectionString;
            return new PrivatePostgres(binFolder, root, connectionString);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(binFolder, "pg_ctl"), ["-D", Path.Combine(root, "data"), "stop", "-m", "fast", "-w", "-t", "60"],
                CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        IEnumerable<string> args = arguments;
        if (Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            args = ["-u", "postgres", "--", program, .. arguments];
        }
        else
        {
            start.FileName = program;
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // Wait for exit, not for end of output: the started server keeps inherited pipes open.
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var error = stderr.IsCompletedSuccessfully ? await stderr.ConfigureAwait(false) : string.Empty;
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {error}");
        }
    }
}
