namespace Search.Core.Storage;

/// <summary>
/// Short-lived claims on names ("sha:…" for a content, "key:…" for a department's file path) in the store, so two
/// workers (threads, processes or machines) never ingest the same content or two versions of one file at once.
/// A claim lapses unless renewed, so a worker that dies holds nothing for long.
/// </summary>
public sealed class ContentClaims(MetadataDatabase database)
{
    /// <summary>Takes the claim for <paramref name="owner"/> when it is free, lapsed or already theirs.</summary>
    public bool TryClaim(string name, string owner, TimeSpan ttl)
    {
        var now = DateTimeOffset.UtcNow;
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            """
            INSERT INTO content_claims (name, owner, until) VALUES (@n, @o, @until)
            ON CONFLICT (name) DO UPDATE SET owner=@o, until=@until WHERE content_claims.until < @now OR content_claims.owner = @o
            RETURNING name
            """,
            ("@n", name), ("@o", owner), ("@until", (now + ttl).ToString("O")), ("@now", now.ToString("O")));
        return command.ExecuteScalar() is not null;
    }

    public void Renew(IEnumerable<string> names, string owner, TimeSpan ttl)
    {
        var until = (DateTimeOffset.UtcNow + ttl).ToString("O");
        foreach (var name in names)
        {
            database.Execute("UPDATE content_claims SET until=@until WHERE name=@n AND owner=@o", ("@until", until), ("@n", name), ("@o", owner));
        }
    }

    public void Release(IEnumerable<string> names, string owner)
    {
        foreach (var name in names)
        {
            database.Execute("DELETE FROM content_claims WHERE name=@n AND owner=@o", ("@n", name), ("@o", owner));
        }
    }

    /// <summary>Drops the claims of processes on <paramref name="machine"/> that no longer run (<see cref="ProcessHolder"/> names); returns how many.</summary>
    public int ReleaseDeadLocal(string machine, Func<int, bool> isRunning) =>
        database.Strings("SELECT DISTINCT owner FROM content_claims WHERE owner LIKE @m", ("@m", ProcessHolder.MachinePattern(machine)))
            .Where(o => ProcessHolder.IsDeadLocal(o, machine, isRunning))
            .Sum(o => database.Execute("DELETE FROM content_claims WHERE owner=@o", ("@o", o)));
}
