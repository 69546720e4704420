using System.Globalization;
using System.Text.Json;
using System.Data.Common;

namespace Search.Core.Storage;

/// <summary>
/// Reads and writes document and passage rows in the metadata database. Documents in the recycle bin (deleted_at set)
/// are left out of every read but the bin's own and the content lookup, so nothing shows them by mistake.
/// </summary>
public sealed class DocumentRepository(MetadataDatabase database)
{
    private const string Columns = "id, sha256, source_key, file_name, source_path, department, kind, size, stored_path, status, reason, page_count, title, doc_number, doc_date, date_from_doc_number, issuing_body, source_url, urls, indicator_hints, warnings, used_ocr, created_at, updated_at, revision, indexed_revision, deleted_at, deleted_by, ocr_pages";

    private const string InUse = "deleted_at IS NULL";

    /// <summary>
    /// Inserts or updates a document. Every change raises its revision, so the index owner re-projects it
    /// (or removes it from the index when its status says it is not searchable). A document in the recycle bin stays
    /// there (a delete while it was being extracted holds) unless <paramref name="leaveBin"/> says the same content
    /// was stored again.
    /// </summary>
    public void Upsert(DocumentRecord d, bool leaveBin = false)
    {
        using var connection = database.Open();
        Upsert(connection, null, d, leaveBin);
        Interlocked.Increment(ref _changes);
    }

    private long _changes;

    /// <summary>
    /// Counts this process's writes to documents (a unit may have been added, changed or removed, or gone to or come back
    /// from the recycle bin); what other processes write it cannot see.
    /// </summary>
    public long Changes => Interlocked.Read(ref _changes);

    private static void Upsert(DbConnection connection, DbTransaction? tx, DocumentRecord d, bool leaveBin = false)
    {
        var bin = leaveBin ? ", deleted_at=NULL, deleted_by=NULL" : "";
        using var command = MetadataDatabase.Prepare(connection,
            $"""
            INSERT INTO documents ({Columns}) VALUES (@id, @sha, @key, @name, @path, @dept, @kind, @size, @stored, @status, @reason, @pages, @title, @num, @date, @datefromnum, @body, @url, @urls, @hints, @warnings, @ocr, @created, @updated, 1, 0, NULL, NULL, @ocrpages)
            ON CONFLICT(id) DO UPDATE SET sha256=@sha, source_key=@key, file_name=@name, source_path=@path, department=@dept, kind=@kind, size=@size, stored_path=@stored,
              status=@status, reason=@reason, page_count=@pages, title=@title, doc_number=@num, doc_date=@date, date_from_doc_number=@datefromnum, issuing_body=@body,
              source_url=@url, urls=@urls, indicator_hints=@hints, warnings=@warnings, used_ocr=@ocr, ocr_pages=@ocrpages, updated_at=@updated, revision=documents.revision + 1{bin}
            """,
            ("@id", d.Id), ("@sha", d.Sha256), ("@key", d.SourceKey), ("@name", d.FileName), ("@path", d.SourcePath), ("@dept", d.Department),
            ("@kind", d.Kind), ("@size", d.Size), ("@stored", d.StoredPath), ("@status", d.Status.ToString()), ("@reason", d.Reason),
            ("@pages", d.PageCount), ("@title", d.Title), ("@num", d.DocNumber), ("@date", d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("@datefromnum", d.DateFromDocNumber ? 1 : 0), ("@body", d.IssuingBody), ("@url", d.SourceUrl),
            ("@urls", JsonSerializer.Serialize(d.Urls)), ("@hints", JsonSerializer.Serialize(d.IndicatorHints)), ("@warnings", JsonSerializer.Serialize(d.Warnings)),
            ("@ocr", d.UsedOcr ? 1 : 0), ("@ocrpages", d.OcrPages), ("@created", d.CreatedAt.ToString("O")), ("@updated", d.UpdatedAt.ToString("O")));
        command.Transaction = tx;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Records what extraction learnt in one transaction: the passages, then the document as extracted.
    /// The index owner projects it from here; a crash before that loses nothing, since the projection is redone from these rows.
    /// </summary>
    public void SaveExtracted(DocumentRecord document, IReadOnlyList<PassageRecord> passages) =>
        database.InTransaction((connection, tx) => SaveExtracted(connection, tx, document, passages));

    /// <summary>The same, inside a transaction the caller holds (<see cref="MetadataDatabase.InTransaction"/>).</summary>
    public void SaveExtracted(DbConnection connection, DbTransaction tx, DocumentRecord document, IReadOnlyList<PassageRecord> passages)
    {
        WritePassages(connection, tx, document.Id, passages);
        Upsert(connection, tx, document with { Status = DocumentStatus.Extracted, Reason = null });
        // Counted before the caller commits: a change counted and then rolled back only costs the unit cache a reload.
        Interlocked.Increment(ref _changes);
    }

    /// <summary>A document in use (not in the recycle bin).</summary>
    public DocumentRecord? Get(string id) => Query($"WHERE id = @id AND {InUse}", ("@id", id)).FirstOrDefault();

    /// <summary>A document in the recycle bin.</summary>
    public DocumentRecord? GetDeleted(string id) => Query("WHERE id = @id AND deleted_at IS NOT NULL", ("@id", id)).FirstOrDefault();

    /// <summary>A document in use or in the recycle bin.</summary>
    public DocumentRecord? GetIncludingDeleted(string id) => Query("WHERE id = @id", ("@id", id)).FirstOrDefault();

    /// <summary>The record of a content, in use or in the recycle bin (uploading it again brings it back).</summary>
    public DocumentRecord? FindBySha(string sha256) => Query("WHERE sha256 = @sha", ("@sha", sha256)).FirstOrDefault();

    public IReadOnlyList<DocumentRecord> FindByKey(string sourceKey) => Query($"WHERE source_key = @key AND {InUse}", ("@key", sourceKey));

    public IReadOnlyList<DocumentRecord> ListByStatus(DocumentStatus status) =>
        Query($"WHERE status = @status AND {InUse} ORDER BY created_at", ("@status", status.ToString()));

    public IReadOnlyList<DocumentRecord> ListAll() => Query($"WHERE {InUse} ORDER BY created_at");

    /// <summary>The documents the index holds or is about to hold (extracted or indexed, not in the recycle bin).</summary>
    public IReadOnlyList<DocumentRecord> ListSearchable() => Query($"WHERE status IN ('Extracted', 'Indexed') AND {InUse} ORDER BY created_at");

    /// <summary>The recycle bin, most recently deleted first.</summary>
    public IReadOnlyList<DocumentRecord> ListDeleted() => Query("WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC");

    /// <summary>Documents deleted before <paramref name="before"/>, due to be purged.</summary>
    public IReadOnlyList<DocumentRecord> ListDeletedBefore(DateTimeOffset before) =>
        Query("WHERE deleted_at IS NOT NULL AND deleted_at < @before ORDER BY deleted_at", ("@before", before.ToUniversalTime().ToString("O")));

    /// <summary>
    /// Moves a document to the recycle bin: one statement, so a second process or a kill -9 sees it either in use or
    /// deleted, never half. Its rows, decisions and original stay; the raised revision makes the index owner drop it.
    /// False when there is no such document in use.
    /// </summary>
    public bool MoveToBin(string id, string user, DateTimeOffset at)
    {
        var moved = database.Execute($"UPDATE documents SET deleted_at=@t, deleted_by=@u, revision=revision + 1 WHERE id=@id AND {InUse}",
            ("@t", at.ToUniversalTime().ToString("O")), ("@u", user), ("@id", id)) == 1;
        Interlocked.Increment(ref _changes);
        return moved;
    }

    /// <summary>Takes a document out of the recycle bin; the raised revision makes the index owner project it again. False when it is not in the bin.</summary>
    public bool Restore(string id)
    {
        var restored = database.Execute("UPDATE documents SET deleted_at=NULL, deleted_by=NULL, revision=revision + 1 WHERE id=@id AND deleted_at IS NOT NULL", ("@id", id)) == 1;
        Interlocked.Increment(ref _changes);
        return restored;
    }

    /// <summary>Every document record, in use or in the recycle bin (an empty store is one with none at all).</summary>
    public int Count()
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT COUNT(*) FROM documents");
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public void SetStatus(string id, DocumentStatus status, string? reason) =>
        database.Execute("UPDATE documents SET status=@s, reason=@r, updated_at=@u, revision=revision + 1 WHERE id=@id",
            ("@s", status.ToString()), ("@r", reason), ("@u", DateTimeOffset.UtcNow.ToString("O")), ("@id", id));

    /// <summary>Asks the index owner to project the document again (its links changed: a decision, a re-match).</summary>
    public void RequestProjection(string id) =>
        database.Execute("UPDATE documents SET revision=revision + 1 WHERE id=@id", ("@id", id));

    /// <summary>
    /// Removes a document's rows for good (passages, automatic matches, the document), in use or in the recycle bin, and
    /// records that the index must drop it, in one transaction; reviewer decisions stay, since the same content gets the same id again.
    /// </summary>
    /// <remarks>
    /// With <paramref name="onlyFromBin"/> nothing happens unless the document is in the recycle bin at that moment:
    /// a purge never removes a document someone restored in the meantime. False when no row was removed.
    /// </remarks>
    public bool Delete(string id, bool onlyFromBin = false)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        using (var row = MetadataDatabase.Prepare(connection, "DELETE FROM documents WHERE id=@id" + (onlyFromBin ? " AND deleted_at IS NOT NULL" : ""), ("@id", id)))
        {
            row.Transaction = tx;
            if (row.ExecuteNonQuery() == 0)
            {
                tx.Rollback();
                return false;
            }
        }
        foreach (var sql in new[]
        {
            "DELETE FROM passages WHERE document_id=@id",
            "DELETE FROM auto_mappings WHERE document_id=@id",
            "INSERT INTO index_deletions (document_id, requested_at) VALUES (@id, @t)",
        })
        {
            using var c = MetadataDatabase.Prepare(connection, sql, ("@id", id), ("@t", DateTimeOffset.UtcNow.ToString("O")));
            c.Transaction = tx;
            c.ExecuteNonQuery();
        }
        tx.Commit();
        Interlocked.Increment(ref _changes);
        return true;
    }

    /// <summary>Documents whose last change the index has not taken yet, oldest change first.</summary>
    public IReadOnlyList<ProjectionState> Unprojected(int limit)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            $"SELECT {StateColumns} FROM documents WHERE revision <> indexed_revision ORDER BY updated_at LIMIT @n", ("@n", limit));
        return ReadStates(command);
    }

    /// <summary>Every document's projection state, for reconciling the index with the store at start-up.</summary>
    public IReadOnlyList<ProjectionState> ProjectionStates()
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, $"SELECT {StateColumns} FROM documents");
        return ReadStates(command);
    }

    /// <summary>
    /// Records that a commit holds these revisions: an extracted document becomes indexed. A document changed
    /// again meanwhile keeps its newer revision and is projected once more.
    /// </summary>
    public void MarkProjected(IReadOnlyCollection<ProjectionState> projected)
    {
        if (projected.Count == 0)
        {
            return;
        }
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        using var update = MetadataDatabase.Prepare(connection,
            "UPDATE documents SET indexed_revision=@r, status=CASE WHEN status='Extracted' THEN 'Indexed' ELSE status END WHERE id=@id AND revision=@r");
        update.Transaction = tx;
        var id = MetadataDatabase.Parameter(update, "@id", "");
        var revision = MetadataDatabase.Parameter(update, "@r", 0L);
        foreach (var p in projected)
        {
            id.Value = p.DocumentId;
            revision.Value = p.Revision;
            update.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Index deletions not yet committed to the index, in the order they were asked for.</summary>
    public IReadOnlyList<(long Seq, string DocumentId)> PendingDeletions(int limit)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT seq, document_id FROM index_deletions ORDER BY seq LIMIT @n", ("@n", limit));
        using var reader = command.ExecuteReader();
        var list = new List<(long, string)>();
        while (reader.Read())
        {
            list.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return list;
    }

    /// <summary>The units documents were filed under, for resolving a unit name as someone typed it.</summary>
    public IReadOnlyList<string> Departments()
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, $"SELECT DISTINCT department FROM documents WHERE department IS NOT NULL AND department <> '' AND {InUse}");
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }
        return list;
    }

    public void ClearDeletions(long upToSeq) =>
        database.Execute("DELETE FROM index_deletions WHERE seq <= @s", ("@s", upToSeq));

    private const string StateColumns = "id, status, revision, indexed_revision, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END";

    private static List<ProjectionState> ReadStates(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<ProjectionState>();
        while (reader.Read())
        {
            list.Add(new ProjectionState(reader.GetString(0), Enum.Parse<DocumentStatus>(reader.GetString(1)), reader.GetInt64(2), reader.GetInt64(3), Convert.ToInt32(reader.GetValue(4)) == 1));
        }
        return list;
    }

    private static void WritePassages(DbConnection connection, DbTransaction tx, string documentId, IReadOnlyList<PassageRecord> passages)
    {
        using (var delete = MetadataDatabase.Prepare(connection, "DELETE FROM passages WHERE document_id=@id", ("@id", documentId)))
        {
            delete.Transaction = tx;
            delete.ExecuteNonQuery();
        }
        using var insert = MetadataDatabase.Prepare(connection,
            "INSERT INTO passages (document_id, ordinal, text, page, start_offset, location) VALUES (@id, @o, @t, @p, @s, @l)", ("@id", documentId));
        insert.Transaction = tx;
        var ordinal = MetadataDatabase.Parameter(insert, "@o", 0);
        var text = MetadataDatabase.Parameter(insert, "@t", "");
        var page = MetadataDatabase.Parameter(insert, "@p", 0);
        var start = MetadataDatabase.Parameter(insert, "@s", 0);
        var location = MetadataDatabase.Parameter(insert, "@l", "");
        foreach (var p in passages)
        {
            ordinal.Value = p.Ordinal;
            text.Value = p.Text;
            page.Value = p.Page;
            start.Value = p.StartOffset;
            location.Value = (object?)p.Location ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
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

    private static DocumentRecord Read(DbDataReader r)
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
            Revision = r.GetInt64(24),
            IndexedRevision = r.GetInt64(25),
            DeletedAt = S(26) is { } deleted ? DateTimeOffset.Parse(deleted, CultureInfo.InvariantCulture) : null,
            DeletedBy = S(27),
            OcrPages = r.IsDBNull(28) ? null : Convert.ToInt32(r.GetValue(28)),
        };
    }
}
