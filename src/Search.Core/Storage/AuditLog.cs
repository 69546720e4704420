namespace Search.Core.Storage;

/// <summary>Append-only record of uploads, deletions and mapping decisions: who did what, when.</summary>
public sealed class AuditLog(MetadataDatabase database)
{
    public void Record(string user, string action, string target, string? detail = null) =>
        database.Execute("INSERT INTO audit_log (time, \"user\", action, target, detail) VALUES (@t, @u, @a, @g, @d)",
            ("@t", DateTimeOffset.UtcNow.ToString("O")), ("@u", user), ("@a", action), ("@g", target), ("@d", detail));

    public IReadOnlyList<AuditEntry> Recent(int count = 100)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            "SELECT time, \"user\", action, target, detail FROM audit_log ORDER BY seq DESC LIMIT @n", ("@n", count));
        using var reader = command.ExecuteReader();
        var list = new List<AuditEntry>();
        while (reader.Read())
        {
            list.Add(new AuditEntry(DateTimeOffset.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return list;
    }
}

/// <summary>One line of the audit log.</summary>
public sealed record AuditEntry(DateTimeOffset Time, string User, string Action, string Target, string? Detail);
