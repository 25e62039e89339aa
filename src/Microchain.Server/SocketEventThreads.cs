using Microchain.Runtime.Hosting;

namespace Microchain.Server;

/// <summary>
/// Puts the runtime's socket event threads under Linux's SCHED_BATCH policy once the server listens. Such a thread
/// (".NET Sockets") waits on epoll and hands every socket that became ready to the thread pool. Under load each send on
/// loopback woke it, and the kernel let the woken thread preempt the request thread that had just sent: a third of
/// the request threads' context switches, at about two per order (perf, docs/benchmarks.md "Order pipeline"). A batch
/// thread does not preempt on wakeup: it runs when a core frees up or the running thread's slice ends, and then hands
/// over every socket that became ready meanwhile. On an idle core it runs at once, so a lightly loaded server answers
/// as soon as before. Needs no privilege; elsewhere than Linux, or where no such thread is found, nothing changes.
/// </summary>
public static class SocketEventThreads
{
    /// <summary>The name the runtime gives its socket event threads (Linux shows 15 characters at most).</summary>
    public const string ThreadName = ".NET Sockets";

    private static int batched = -1;

    /// <summary>Socket event threads put under SCHED_BATCH by the last call; null before any call.</summary>
    public static int? Batched => Volatile.Read(ref batched) is var n and >= 0 ? n : null;

    /// <summary>Puts every socket event thread of this process under SCHED_BATCH; returns how many it changed.</summary>
    public static int UseBatchPolicy()
    {
        var count = OperatingSystem.IsLinux() ? LinuxThreads.ThreadsNamed(ThreadName).Count(LinuxThreads.TrySetBatchPolicy) : 0;
        Volatile.Write(ref batched, count);
        return count;
    }
}
