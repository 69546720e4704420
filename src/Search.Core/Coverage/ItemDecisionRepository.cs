using System.Globalization;
using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>Stores decisions on material items; like mapping decisions they follow content ids, so they outlive re-ingestion and the recycle bin.</summary>
public sealed class ItemDecisionRepository(MetadataDatabase database, AuditLog audit)
{
    public void Save(ItemDecision d)
    {
        database.Execute(
            """
            INSERT INTO item_decisions (document_id, framework, number, item, decision, "user", time, note) VALUES (@d, @f, @n, @i, @k, @u, @t, @note)
            ON CONFLICT(document_id, framework, number, item) DO UPDATE SET decision=@k, "user"=@u, time=@t, note=@note
            """,
            ("@d", d.DocumentId), ("@f", d.Framework), ("@n", d.Number), ("@i", d.Item), ("@k", d.Decision.ToString()), ("@u", d.User), ("@t", d.Time.ToString("O")), ("@note", d.Note));
        audit.Record(d.User, "item-" + d.Decision.ToString().ToLowerInvariant(), $"{d.DocumentId} → {d.Framework}#{d.Number}.{d.Item}", d.Note);
    }

    /// <summary>Records the decision unless one is there already: an upload for an item never overrides a reviewer's word. True when recorded.</summary>
    public bool SaveUnlessDecided(ItemDecision d)
    {
        var saved = database.Execute(
            """
            INSERT INTO item_decisions (document_id, framework, number, item, decision, "user", time, note) VALUES (@d, @f, @n, @i, @k, @u, @t, @note)
            ON CONFLICT(document_id, framework, number, item) DO NOTHING
            """,
            ("@d", d.DocumentId), ("@f", d.Framework), ("@n", d.Number), ("@i", d.Item), ("@k", d.Decision.ToString()), ("@u", d.User), ("@t", d.Time.ToString("O")), ("@note", d.Note)) == 1;
        if (saved)
        {
            audit.Record(d.User, "item-" + d.Decision.ToString().ToLowerInvariant(), $"{d.DocumentId} → {d.Framework}#{d.Number}.{d.Item}", d.Note);
        }
        return saved;
    }

    /// <summary>Withdraws the word on one document × item; the note says why, for the audit log. False when there was none.</summary>
    public bool Delete(string documentId, string framework, int number, int item, string user, string? note)
    {
        var removed = database.Execute("DELETE FROM item_decisions WHERE document_id=@d AND framework=@f AND number=@n AND item=@i",
            ("@d", documentId), ("@f", framework), ("@n", number), ("@i", item)) == 1;
        if (removed)
        {
            audit.Record(user, "item-undo", $"{documentId} → {framework}#{number}.{item}", note);
        }
        return removed;
    }

    public IReadOnlyList<ItemDecision> ForFramework(string framework)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            "SELECT document_id, framework, number, item, decision, \"user\", time, note FROM item_decisions WHERE framework=@f ORDER BY time", ("@f", framework));
        using var reader = command.ExecuteReader();
        var list = new List<ItemDecision>();
        while (reader.Read())
        {
            list.Add(new ItemDecision(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), Enum.Parse<DecisionKind>(reader.GetString(4)),
                reader.GetString(5), DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return list;
    }
}
