namespace Microchain.Cli.Hosting;

/// <summary>
/// Reports progress on the caller's thread. <see cref="Progress{T}"/> posts to the thread pool when there is no
/// synchronization context, so a late line could be written after the command returned and its writer was closed.
/// </summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
