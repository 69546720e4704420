namespace Search.Core.Indexing;

/// <summary>
/// Whether this process owns the data directory (holds its lock, writes the index, runs the projector) or only
/// reads the last commit another process made. The service owns; a command line owns only while it writes.
/// </summary>
public sealed record IndexAccess(bool Owner, string Command)
{
    public static IndexAccess OwnerAs(string command) => new(true, command);

    public static IndexAccess ReadOnly(string command) => new(false, command);
}
