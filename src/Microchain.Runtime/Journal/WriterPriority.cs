using System.Runtime.InteropServices;

namespace Microchain.Runtime.Journal;

/// <summary>
/// Raises the journal writer thread's scheduling priority where the system allows it. The writer is the pipeline's
/// one serial stage: every acknowledged write waits for its commit. Among the server's busy threads on two cores it
/// waited for a core often enough to stretch its commit cycles (docs/benchmarks.md, "Order pipeline"). On Linux the
/// nice value is per thread and raising it needs CAP_SYS_NICE (root has it); without it the default stays.
/// </summary>
internal static class WriterPriority
{
    /// <summary>The Linux nice value asked for (lower runs sooner; 0 is the default).</summary>
    public const int LinuxNice = -10;

    private const int PrioProcess = 0;

    private static int raised = -1;

    /// <summary>Whether the last writer thread started got its raised priority; null before any started.</summary>
    public static bool? Raised => Volatile.Read(ref raised) switch { 1 => true, 0 => false, _ => null };

    /// <summary>Raises the calling thread's priority if allowed; returns whether it did.</summary>
    public static bool TryRaiseCurrentThread()
    {
        var done = OperatingSystem.IsLinux() ? TryNice() : TryThreadPriority();
        Volatile.Write(ref raised, done ? 1 : 0);
        return done;
    }

    private static bool TryNice()
    {
        try
        {
            return SetPriority(PrioProcess, GetThreadId(), LinuxNice) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static bool TryThreadPriority()
    {
        try
        {
            Thread.CurrentThread.Priority = ThreadPriority.AboveNormal;
            return true;
        }
        catch (ThreadStateException)
        {
            return false;
        }
    }

    // DllImport, not LibraryImport: these take and return plain ints (no marshalling), and LibraryImport would
    // need the project compiled with unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
#pragma warning restore SYSLIB1054
}
