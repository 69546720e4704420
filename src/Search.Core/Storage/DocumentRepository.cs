using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Search.Core.Storage;

/// <summary>Reads and writes document and passage rows in the metadata database.</summary>
public sealed class DocumentRepository(MetadataDatabase database)
{
    private const string Columns = "id, sha256, source_key, file_name, source_path, department, kind, size, stored_path, status, reason, page_count, title, doc_number, doc_date, date_from_doc_number, issuing_body, source_url, urls, indicator_hints, warnings, used_ocr, created_at, updated_at";

    public void Upsert(DocumentRecord d)
    {
        database.Execute(
            $"""
            INSERT INTO documents ({Columns}) VALUES (@id, @sha, @key, @name, @path, @dept, @kind, @size, @stored, @status, @reason, @pages, @title, @num, @date, @datefromnum, @body, @url, @urls, @hints, @warnings, @ocr, @created, @updated)
            ON CONFLICT(id) DO UPDATE SET sha256=@sha, source_key=@key, file_name=@name, source_path=@path, department=@dept, kind=@kind, size=@size, stored_path=@stored,
              status=@status, reason=@reason, page_count=@pages, title=@title, doc_number=@num, doc_date=@date, date_from_doc_number=@datefromnum, issuing_body=@body,
              source_url=@url, urls=@urls, indicator_hints=@hints, warnings=@warnings, used_ocr=@ocr, updated_at=@updated
            """,
            ("@id", d.Id), ("@sha", d.Sha256), ("@key", d.SourceKey), ("@name", d.FileName), ("@path", d.SourcePath), ("@dept", d.Department),
            ("@kind", d.Kind), ("@size", d.Size), ("@stored", d.StoredPath), ("@status", d.Status.ToString()), ("@reason", d.Reason),
            ("@pages", d.PageCount), ("@title", d.Title), ("@num", d.DocNumber), ("@date", d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("@datefromnum", d.DateFromDocNumber ? 1 : 0), ("@body", d.IssuingBody), ("@url", d.SourceUrl),
            ("@urls", JsonSerializer.Serialize(d.Urls)), ("@hints", JsonSerializer.Serialize(d.IndicatorHints)), ("@warnings", JsonSerializer.Serialize(d.Warnings)),
            ("@ocr", d.UsedOcr ? 1 : 0), ("@created", d.CreatedAt.ToString("O")), ("@updated", d.UpdatedAt.ToString("O")));
    }

    public DocumentRecord? Get(string id) => Query("WHERE id = @id", ("@id", id)).FirstOrDefault();

    public DocumentRecord? FindBySha(string sha256) => Query("WHERE sha256 = @sha", ("@sha", sha256)).FirstOrDefault();

    public IReadOnlyList<DocumentRecord> FindByKey(string sourceKey) => Query("WHERE source_key = @key", ("@key", sourceKey));

    public IReadOnlyList<DocumentRecord> ListByStatus(DocumentStatus status) =>
        Query("WHERE status = @status ORDER BY created_at", ("@status", status.ToString()));

    public IReadOnlyList<DocumentRecord> ListAll() => Query("ORDER BY created_at");

    public int Count()
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT COUNT(*) FROM documents");
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public void SetStatus(string id, DocumentStatus status, string? reason) =>
        database.Execute("UPDATE documents SET status=@s, reason=@r, updated_at=@u WHERE id=@id",
            ("@s", status.ToString()), ("@r", reason), ("@u", DateTimeOffset.UtcNow.ToString("O")), ("@id", id));

    public void Delete(string id)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        foreach (var table in new[] { "passages", "auto_mappings" })
        {
            using var c = MetadataDatabase.Prepare(connection, $"DELETE FROM {table} WHERE document_id=@id", ("@id", id));
            c.Transaction = tx;
            c.ExecuteNonQuery();
        }
        using (var c = MetadataDatabase.Prepare(connection, "DELETE FROM documents WHERE id=@id", ("@id", id)))
        {
            c.Transaction = tx;
            c.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public void ReplacePassages(string documentId, IReadOnlyList<PassageRecord> passages)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        using (var delete = MetadataDatabase.Prepare(connection, "DELETE FROM passages WHERE document_id=@id", ("@id", documentId)))
        {
            delete.Transaction = tx;
            delete.ExecuteNonQuery();
        }
        using var insert = MetadataDatabase.Prepare(connection,
            "INSERT INTO passages (document_id, ordinal, text, page, start_offset, location) VALUES (@id, @o, @t, @p, @s, @l)",
            ("@id", documentId), ("@o", 0), ("@t", ""), ("@p", 0), ("@s", 0), ("@l", null));
        insert.Transaction = tx;
        foreach (var p in passages)
        {
            insert.Parameters["@o"].Value = p.Ordinal;
            insert.Parameters["@t"].Value = p.Text;
            insert.Parameters["@p"].Value = p.Page;
            insert.Parameters["@s"].Value = p.StartOffset;
            insert.Parameters["@l"].Value = (object?)p.Location ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public IReadOnlyList<PassageRecord> GetPassages(string documentId)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            "SELECT ordinal, text, page, start_offset, location FROM passages WHERE document_id=@id ORDER BY ordinal", ("@id", documentId));
        using var reader = command.ExecuteReader();
        var list = new List<PassageRecord>();
        while (reader.Read())
        {
            list.Add(new PassageRecord(documentId, reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return list;
    }

    private List<DocumentRecord> Query(string where, params (string, object?)[] parameters)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, $"SELECT {Columns} FROM documents {where}", parameters);
        using var reader = command.ExecuteReader();
        var list = new List<DocumentRecord>();
        while (reader.Read())
        {
            list.Add(Read(reader));
        }
        return list;
    }

    private static DocumentRecord Read(SqliteDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new DocumentRecord
        {
            Id = r.GetString(0),
            Sha256 = r.GetString(1),
            SourceKey = r.GetString(2),
            FileName = r.GetString(3),
            SourcePath = r.GetString(4),
            Department = S(5),
            Kind = r.GetString(6),
            Size = r.GetInt64(7),
            StoredPath = r.GetString(8),
            Status = Enum.Parse<DocumentStatus>(r.GetString(9)),
            Reason = S(10),
            PageCount = r.GetInt32(11),
            Title = S(12),
            DocNumber = S(13),
            Date = S(14) is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            DateFromDocNumber = r.GetInt32(15) == 1,
            IssuingBody = S(16),
            SourceUrl = S(17),
            Urls = JsonSerializer.Deserialize<List<string>>(r.GetString(18)) ?? [],
            IndicatorHints = JsonSerializer.Deserialize<List<int>>(r.GetString(19)) ?? [],
            Warnings = JsonSerializer.Deserialize<List<string>>(r.GetString(20)) ?? [],
            UsedOcr = r.GetInt32(21) == 1,
            CreatedAt = DateTimeOffset.Parse(r.GetString(22), CultureInfo.InvariantCulture),
            UpdatedAt = DateTimeOffset.Parse(r.GetString(23), CultureInfo.InvariantCulture),
        };
    }
}
