using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Microchain.Cli.Tests;

/// <summary>The real <c>microchain</c> program as a child process, for tests that kill it.</summary>
internal sealed class MicrochainProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private MicrochainProcess(Process process) => _process = process;

    public string Output
    {
        get { lock (_output) return string.Join('\n', _output); }
    }

    public static MicrochainProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "microchain.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start microchain");
        var child = new MicrochainProcess(process);
        process.OutputDataReceived += (_, e) => child.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => child.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Collect(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    /// <summary>Waits until the server answers ready; fails with what it printed if it exits or never gets there.</summary>
    public async Task WaitReadyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"microchain exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"microchain never became ready:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut of the process.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
