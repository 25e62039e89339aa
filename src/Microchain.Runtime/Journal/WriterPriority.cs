using Microchain.Runtime.Hosting;

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

    private static bool TryNice() => LinuxThreads.TrySetNice(LinuxThreads.CurrentThreadId(), LinuxNice);

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
}
