namespace Microchain.Runtime.Journal;

/// <summary>
/// An append that had to follow another write (see <see cref="JournalTicket"/>) was refused because that write
/// failed, or is too old for the writer to still know how it ended. Nothing of the append was written.
/// </summary>
public sealed class JournalDependencyException : Exception
{
    public JournalDependencyException()
        : base("A write this append had to follow did not take place; nothing of the append was written.")
    {
    }

    public JournalDependencyException(string message)
        : base(message)
    {
    }

    public JournalDependencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
