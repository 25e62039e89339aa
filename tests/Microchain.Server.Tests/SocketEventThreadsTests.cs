using Microchain.Runtime.Hosting;

namespace Microchain.Server.Tests;

[Collection(ServerTestGroup.Name)]
public sealed class SocketEventThreadsTests(ServerFixture server)
{
    [Fact]
    public async Task A_started_server_runs_the_socket_event_threads_under_SCHED_BATCH()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("SCHED_BATCH is a Linux scheduling policy");
        // A request through the server's socket makes sure it has been listening and serving.
        using var response = await server.Client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        var threads = LinuxThreads.ThreadsNamed(SocketEventThreads.ThreadName);
        Assert.NotEmpty(threads);
        Assert.All(threads, tid => Assert.Equal(LinuxThreads.BatchPolicy, LinuxThreads.PolicyOf(tid)));
        Assert.True(SocketEventThreads.Batched >= 1);
    }

    [Fact]
    public void A_name_no_thread_has_finds_nothing()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("reads /proc");
        Assert.Empty(LinuxThreads.ThreadsNamed("no-such-thread-x"));
    }
}
