using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Microchain.Testing.Support.Postgres;

/// <summary>
/// One initdb'ed cluster in a temp directory and its running server. PostgreSQL refuses to run as root, so
/// when the tests run as root, initdb and pg_ctl run as the 'postgres' OS user (runuser).
/// </summary>
public sealed class PostgresProcess : IAsyncDisposable
{
    private readonly PostgresBinaries binaries;
    private readonly string root;
    private readonly string dataDir;
    private int stopped;

    private PostgresProcess(PostgresBinaries binaries, string root, int port)
    {
        this.binaries = binaries;
        this.root = root;
        dataDir = Path.Combine(root, "data");
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
            Timeout = 30,
        }.ConnectionString;
    }

    public string AdminConnectionString { get; }

    public static bool OsUserExists(string user) =>
        File.Exists("/etc/passwd")
        && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));

    public static async Task<PostgresProcess> StartAsync(PostgresBinaries binaries)
    {
        var root = Directory.CreateTempSubdirectory("microchain-pg-").FullName;
        // The server's OS user must create its data directory and socket here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0x1FF); // rwxrwxrwx
        }
        try
        {
            await RunAsync(binaries.InitDb, root,
                ["-D", Path.Combine(root, "data"), "-U", "postgres", "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C"]);
            Exception? last = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var port = FreePort();
                var server = new PostgresProcess(binaries, root, port);
                try
                {
                    // fsync=off only speeds up this throwaway server: the tests kill clients, never the server,
                    // so what they prove (an acknowledged commit is in the database) does not rest on it.
                    var options = $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} " +
                                  "-c max_connections=60 -c shared_buffers=32MB -c fsync=off -c full_page_writes=off";
                    await RunAsync(binaries.PgCtl, root,
                        ["-D", server.dataDir, "-l", Path.Combine(root, $"server-{port}.log"), "-w", "-t", "60", "-o", options, "start"]);
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
                    return server;
                }
                catch (InvalidOperationException ex)
                {
                    last = ex; // most likely the port was taken between probing and binding
                }
            }

            throw last!;
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        try
        {
            await RunAsync(binaries.PgCtl, root, ["-D", dataDir, "stop", "-m", "immediate", "-w", "-t", "30"]);
        }
        finally
        {
            TryDelete(root);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string workingDirectory, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!Environment.IsPrivilegedProcess)
        {
            start.FileName = program;
            foreach (var a in arguments)
            {
                start.ArgumentList.Add(a);
            }
        }
        else if (FindRunUser() is { } runuser)
        {
            start.FileName = runuser;
            foreach (var a in (string[])["-u", "postgres", "--", program, .. arguments])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            // No runuser: su runs one shell command, so every word is single-quoted.
            start.FileName = "su";
            var command = string.Join(' ', new[] { program }.Concat(arguments).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
            foreach (var a in (string[])["postgres", "-s", "/bin/sh", "-c", command])
            {
                start.ArgumentList.Add(a);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // Wait for the process's exit, not for end of output: a started server could keep the pipes open.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = string.Join(Environment.NewLine, Directory.GetFiles(workingDirectory, "*.log").Select(File.ReadAllText));
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: "
                + $"{Completed(stdout)}{Completed(stderr)}{Environment.NewLine}{log}");
        }
    }

    private static string? FindRunUser() =>
        ((string[])["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"]).FirstOrDefault(File.Exists);

    private static string Completed(Task<string> output) => output.IsCompletedSuccessfully ? output.Result : string.Empty;

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
