namespace Microchain.Runtime.Journal;

/// <summary>
/// The writer loop's record of which queued writes failed, so that a write that follows one of them
/// (<see cref="JournalTicket"/>) fails too. Used on the writer loop only. Memory is bounded: past
/// <see cref="Capacity"/> failures it forgets them all and treats every write issued until then as failed, which
/// errs on the safe side (a follower is refused, never written without what it follows).
/// </summary>
internal sealed class TicketBook(Func<long> lastIssued)
{
    public const int Capacity = 65_536;

    private readonly HashSet<long> failed = [];
    private long forgottenThrough;

    public bool HasFailed(long sequence) => sequence <= forgottenThrough || failed.Contains(sequence);

    /// <summary>True when any of <paramref name="after"/> failed.</summary>
    public bool AnyFailed(long[] after)
    {
        foreach (var sequence in after)
        {
            if (HasFailed(sequence))
            {
                return true;
            }
        }

        return false;
    }

    public void Fail(long sequence)
    {
        if (failed.Count >= Capacity)
        {
            failed.Clear();
            forgottenThrough = lastIssued();
        }

        failed.Add(sequence);
    }

    /// <summary>Undoes <see cref="Fail"/> for a write that will run again (its transaction was rolled back).</summary>
    public void Forget(long sequence) => failed.Remove(sequence);
}
