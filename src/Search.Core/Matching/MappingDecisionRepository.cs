using System.Globalization;
using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>Stores reviewer decisions and the automatic matches they override; decisions outlive re-ingestion because ids follow content.</summary>
public sealed class MappingDecisionRepository(MetadataDatabase database, AuditLog audit)
{
    public void Save(MappingDecision d)
    {
        database.Execute(
            """
            INSERT INTO mapping_decisions (document_id, framework, number, decision, "user", time, note) VALUES (@d, @f, @n, @k, @u, @t, @note)
            ON CONFLICT(document_id, framework, number) DO UPDATE SET decision=@k, "user"=@u, time=@t, note=@note
            """,
            ("@d", d.DocumentId), ("@f", d.Framework), ("@n", d.Number), ("@k", d.Decision.ToString()), ("@u", d.User), ("@t", d.Time.ToString("O")), ("@note", d.Note));
        audit.Record(d.User, "mapping-" + d.Decision.ToString().ToLowerInvariant(), $"{d.DocumentId} → {d.Framework}#{d.Number}", d.Note);
    }

    /// <summary>Withdraws the decision on a pair, so the automatic match speaks again; false when there was none.</summary>
    public bool Delete(string documentId, string framework, int number, string user, string? note)
    {
        var removed = database.Execute("DELETE FROM mapping_decisions WHERE document_id=@d AND framework=@f AND number=@n",
            ("@d", documentId), ("@f", framework), ("@n", number)) > 0;
        if (removed)
        {
            audit.Record(user, "mapping-undo", $"{documentId} → {framework}#{number}", note);
        }
        return removed;
    }

    public IReadOnlyList<MappingDecision> ForDocument(string documentId) => Query("WHERE document_id=@d", ("@d", documentId));

    public IReadOnlyList<MappingDecision> ForFramework(string framework) => Query("WHERE framework=@f", ("@f", framework));

    public IReadOnlyList<MappingDecision> All() => Query("");

    /// <summary>Replaces a document's automatic matches in every framework named, in one transaction.</summary>
    public void SaveAutoMatches(string documentId, IReadOnlyDictionary<string, IReadOnlyList<IndicatorMatch>> matchesByFramework) =>
        database.InTransaction((connection, tx) => SaveAutoMatches(connection, tx, documentId, matchesByFramework));

    /// <summary>The same, inside a transaction the caller holds (<see cref="MetadataDatabase.InTransaction"/>).</summary>
    public static void SaveAutoMatches(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string documentId, IReadOnlyDictionary<string, IReadOnlyList<IndicatorMatch>> matchesByFramework)
    {
        using var delete = MetadataDatabase.Prepare(connection, "DELETE FROM auto_mappings WHERE document_id=@d AND framework=@f", ("@d", documentId));
        delete.Transaction = tx;
        var deleteFramework = MetadataDatabase.Parameter(delete, "@f", "");
        using var insert = MetadataDatabase.Prepare(connection,
            "INSERT INTO auto_mappings (document_id, framework, number, score, reasons) VALUES (@d, @f, @n, @s, @r)", ("@d", documentId));
        insert.Transaction = tx;
        var framework = MetadataDatabase.Parameter(insert, "@f", "");
        var number = MetadataDatabase.Parameter(insert, "@n", 0);
        var score = MetadataDatabase.Parameter(insert, "@s", 0.0);
        var reasons = MetadataDatabase.Parameter(insert, "@r", "");
        foreach (var (id, matches) in matchesByFramework)
        {
            deleteFramework.Value = id;
            delete.ExecuteNonQuery();
            foreach (var m in matches)
            {
                framework.Value = id;
                number.Value = m.Number;
                score.Value = m.Score;
                reasons.Value = string.Join("\n", m.Reasons);
                insert.ExecuteNonQuery();
            }
        }
    }

    /// <summary>A document's automatic matches in every framework.</summary>
    public IReadOnlyList<(string Framework, IndicatorMatch Match)> AutoMatchesOf(string documentId)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT framework, number, score, reasons FROM auto_mappings WHERE document_id=@d ORDER BY framework, score DESC", ("@d", documentId));
        using var reader = command.ExecuteReader();
        var list = new List<(string, IndicatorMatch)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), new IndicatorMatch(reader.GetInt32(1), reader.GetDouble(2), reader.GetString(3).Split('\n', StringSplitOptions.RemoveEmptyEntries))));
        }
        return list;
    }

    /// <summary>Automatic matches of a framework: document → its matches.</summary>
    public IReadOnlyDictionary<string, List<IndicatorMatch>> AutoMatches(string framework) =>
        ReadAutoMatches("WHERE framework=@f", ("@f", framework));

    /// <summary>Automatic matches of one document in one framework.</summary>
    public IReadOnlyList<IndicatorMatch> AutoMatches(string framework, string documentId) =>
        ReadAutoMatches("WHERE framework=@f AND document_id=@d", ("@f", framework), ("@d", documentId)).GetValueOrDefault(documentId) ?? [];

    private Dictionary<string, List<IndicatorMatch>> ReadAutoMatches(string where, params (string, object?)[] parameters)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, $"SELECT document_id, number, score, reasons FROM auto_mappings {where}", parameters);
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, List<IndicatorMatch>>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }
            list.Add(new IndicatorMatch(reader.GetInt32(1), reader.GetDouble(2), reader.GetString(3).Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
        return result;
    }

    private List<MappingDecision> Query(string where, params (string, object?)[] parameters)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, $"SELECT document_id, framework, number, decision, \"user\", time, note FROM mapping_decisions {where} ORDER BY time", parameters);
        using var reader = command.ExecuteReader();
        var list = new List<MappingDecision>();
        while (reader.Read())
        {
            list.Add(new MappingDecision(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), Enum.Parse<DecisionKind>(reader.GetString(3)),
                reader.GetString(4), DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return list;
    }
}
