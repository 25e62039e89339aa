using System.Globalization;
using System.Runtime.InteropServices;

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

    private const int SchedBatch = 3;
    private static int batched = -1;

    /// <summary>Socket event threads put under SCHED_BATCH by the last call; null before any call.</summary>
    public static int? Batched => Volatile.Read(ref batched) is var n and >= 0 ? n : null;

    /// <summary>Puts every socket event thread of this process under SCHED_BATCH; returns how many it changed.</summary>
    public static int UseBatchPolicy()
    {
        var count = 0;
        if (OperatingSystem.IsLinux())
        {
            foreach (var tid in ThreadsNamed(ThreadName))
            {
                if (TrySetBatch(tid)) count++;
            }
        }
        Volatile.Write(ref batched, count);
        return count;
    }

    /// <summary>Ids of this process's threads with the given name; none where there is no /proc (not Linux).</summary>
    public static IReadOnlyList<int> ThreadsNamed(string name)
    {
        var ids = new List<int>();
        const string tasks = "/proc/self/task";
        if (!Directory.Exists(tasks)) return ids;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') == name
                    && int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
                    ids.Add(tid);
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }
        return ids;
    }

    /// <summary>The scheduling policy of a thread of this process (Linux), e.g. 3 for SCHED_BATCH; -1 on failure.</summary>
    public static int PolicyOf(int tid)
    {
        try
        {
            return GetScheduler(tid);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    private static bool TrySetBatch(int tid)
    {
        try
        {
            var priority = 0; // struct sched_param { int sched_priority; }: 0 for SCHED_BATCH
            return SetScheduler(tid, SchedBatch, ref priority) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport, not LibraryImport: plain ints and a ref int, no marshalling (see WriterPriority in the runtime).
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "sched_setscheduler")]
    private static extern int SetScheduler(int pid, int policy, ref int param);

    [DllImport("libc", EntryPoint = "sched_getscheduler")]
    private static extern int GetScheduler(int pid);
#pragma warning restore SYSLIB1054
}
