using System.Globalization;
using System.Text.Json;
using Search.Core.Storage;

namespace Search.Core.Llm;

/// <summary>Keeps the drafts in the metadata database, newest first per indicator; it never changes a draft's status to final.</summary>
public sealed class DraftRepository(MetadataDatabase database)
{
    public void Save(ExplanationDraft draft)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, """
            INSERT INTO drafts (id, framework, number, text, length, limit_chars, limit_source, citations, warnings, status, model, created_by, created_at)
            VALUES (@id, @framework, @number, @text, @length, @limit, @source, @citations, @warnings, @status, @model, @by, @at)
            """,
            ("@id", draft.Id), ("@framework", draft.Framework), ("@number", draft.Number), ("@text", draft.Text), ("@length", draft.Length),
            ("@limit", draft.Limit), ("@source", draft.LimitSource), ("@citations", JsonSerializer.Serialize(draft.Citations)),
            ("@warnings", JsonSerializer.Serialize(draft.Warnings)), ("@status", ExplanationDraft.DraftStatus), ("@model", draft.Model),
            ("@by", draft.CreatedBy), ("@at", draft.CreatedAt.ToString("O", CultureInfo.InvariantCulture)));
        command.ExecuteNonQuery();
    }

    /// <summary>Saves a reviewer's text with its recounted length, citations and warnings.</summary>
    public void Update(ExplanationDraft draft) =>
        database.Execute("""
            UPDATE drafts SET text=@text, length=@length, citations=@citations, warnings=@warnings, edited_by=@by, edited_at=@at WHERE id=@id
            """,
            ("@id", draft.Id), ("@text", draft.Text), ("@length", draft.Length), ("@citations", JsonSerializer.Serialize(draft.Citations)),
            ("@warnings", JsonSerializer.Serialize(draft.Warnings)), ("@by", draft.EditedBy), ("@at", draft.EditedAt?.ToString("O", CultureInfo.InvariantCulture)));

    public IReadOnlyList<ExplanationDraft> List(string framework, int number) =>
        Query("WHERE framework = @framework AND number = @number ORDER BY created_at DESC", ("@framework", framework), ("@number", number));

    public ExplanationDraft? Get(string id) => Query("WHERE id = @id", ("@id", id)).FirstOrDefault();

    private IReadOnlyList<ExplanationDraft> Query(string where, params (string, object?)[] parameters)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT id, framework, number, text, length, limit_chars, limit_source, citations, warnings, status, model, created_by, created_at, edited_by, edited_at FROM drafts " + where, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<ExplanationDraft>();
        while (reader.Read())
        {
            list.Add(new ExplanationDraft
            {
                Id = reader.GetString(0),
                Framework = reader.GetString(1),
                Number = reader.GetInt32(2),
                Text = reader.GetString(3),
                Length = reader.GetInt32(4),
                Limit = reader.GetInt32(5),
                LimitSource = reader.GetString(6),
                Citations = JsonSerializer.Deserialize<List<DraftCitation>>(reader.GetString(7)) ?? [],
                Warnings = JsonSerializer.Deserialize<List<string>>(reader.GetString(8)) ?? [],
                Status = reader.GetString(9),
                Model = reader.GetString(10),
                CreatedBy = reader.GetString(11),
                CreatedAt = DateTimeOffset.Parse(reader.GetString(12), CultureInfo.InvariantCulture),
                EditedBy = reader.IsDBNull(13) ? null : reader.GetString(13),
                EditedAt = reader.IsDBNull(14) ? null : DateTimeOffset.Parse(reader.GetString(14), CultureInfo.InvariantCulture),
            });
        }
        return list;
    }
}
