using System.Globalization;
using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>Stores reviewer decisions on material items; like mapping decisions they follow content ids, so they outlive re-ingestion.</summary>
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
