using System.Globalization;
using System.Runtime.InteropServices;

namespace Microchain.Runtime.Hosting;

/// <summary>
/// Scheduling of single threads on Linux, where it is per thread (by thread id): the journal writer's nice value and
/// the socket event threads' policy. Every call fails softly (false, -1 or nothing) where the system lacks it.
/// </summary>
public static class LinuxThreads
{
    /// <summary>SCHED_BATCH: a thread that does not preempt others when it wakes.</summary>
    public const int BatchPolicy = 3;

    private const int PrioProcess = 0;
    private const string Tasks = "/proc/self/task";

    /// <summary>The calling thread's id; -1 where there is none to get.</summary>
    public static int CurrentThreadId()
    {
        try
        {
            return GetThreadId();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    /// <summary>Sets a thread's nice value (lowering it needs CAP_SYS_NICE); returns whether it did.</summary>
    public static bool TrySetNice(int tid, int nice)
    {
        try
        {
            return tid > 0 && SetPriority(PrioProcess, tid, nice) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Puts a thread under SCHED_BATCH (no privilege needed); returns whether it did.</summary>
    public static bool TrySetBatchPolicy(int tid)
    {
        try
        {
            var priority = 0; // struct sched_param { int sched_priority; }: 0 for SCHED_BATCH
            return tid > 0 && SetScheduler(tid, BatchPolicy, ref priority) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>A thread's scheduling policy (e.g. <see cref="BatchPolicy"/>); -1 on failure.</summary>
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

    /// <summary>Ids of this process's threads with the given name; none where there is no /proc.</summary>
    public static IReadOnlyList<int> ThreadsNamed(string name)
    {
        var ids = new List<int>();
        if (!Directory.Exists(Tasks)) return ids;
        foreach (var task in Directory.EnumerateDirectories(Tasks))
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

    // DllImport, not LibraryImport: plain ints and a ref int, no marshalling, and LibraryImport would need the
    // project compiled with unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "sched_setscheduler")]
    private static extern int SetScheduler(int pid, int policy, ref int param);

    [DllImport("libc", EntryPoint = "sched_getscheduler")]
    private static extern int GetScheduler(int pid);
#pragma warning restore SYSLIB1054
}
