using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>
/// Deleting a document moves it here: out of search, coverage, counts, exports and the index, with its original,
/// passages and decisions kept for <see cref="RecycleBinOptions.RetentionDays"/>, so it can be restored as it was.
/// After that, or when an administrator says so, it is purged for good. Who may do which is the caller's rule. Like a
/// reviewer's decision, a delete or a restore is in the index before the call returns.
/// </summary>
public sealed class RecycleBin(DocumentRepository documents, IngestionPipeline pipeline, Indexing.IndexProjector projector, AuditLog audit,
    IOptions<RecycleBinOptions> options, ILogger<RecycleBin> logger)
{
    /// <summary>The system's name in the audit log for purges nobody asked for.</summary>
    public const string Sweeper = "回收站定期清理";

    public TimeSpan Retention => TimeSpan.FromDays(options.Value.RetentionDays);

    /// <summary>When a document in the bin will be purged.</summary>
    public DateTimeOffset PurgeAt(DocumentRecord document) => (document.DeletedAt ?? DateTimeOffset.UtcNow) + Retention;

    /// <summary>The bin, most recently deleted first.</summary>
    public IReadOnlyList<DocumentRecord> List() => documents.ListDeleted();

    /// <summary>Moves a document in use to the bin (one statement) and returns it as the bin holds it.</summary>
    public async Task<DocumentRecord> MoveInAsync(string id, string user, CancellationToken cancellationToken)
    {
        var document = documents.Get(id) ?? throw new NotFoundException($"没有编号为 {id} 的文件。");
        if (!documents.MoveToBin(id, user, DateTimeOffset.UtcNow))
        {
            throw new NotFoundException($"没有编号为 {id} 的文件。");
        }
        audit.Record(user, "delete", id, $"移入回收站：{document.SourcePath}");
        await projector.FlushAsync(cancellationToken);
        return documents.GetDeleted(id) ?? document;
    }

    /// <summary>
    /// Brings a document back: searchable again (the index owner projects it from its kept passages), with its decisions
    /// as they were. It is matched again, since a framework imported while it was in the bin passed it by.
    /// </summary>
    public async Task<DocumentRecord> RestoreAsync(string id, string user, CancellationToken cancellationToken)
    {
        var document = documents.GetDeleted(id) ?? throw new NotFoundException($"回收站中没有编号为 {id} 的文件。");
        if (!documents.Restore(id))
        {
            throw new NotFoundException($"回收站中没有编号为 {id} 的文件。");
        }
        pipeline.Rematch(id);
        audit.Record(user, "restore", id, $"从回收站恢复：{document.SourcePath}");
        await projector.FlushAsync(cancellationToken);
        return documents.Get(id) ?? document with { DeletedAt = null, DeletedBy = null };
    }

    /// <summary>Removes a document in the bin for good (its original, passages and index entries); never one restored meanwhile.</summary>
    public async Task PurgeAsync(string id, string user, CancellationToken cancellationToken)
    {
        var document = documents.GetDeleted(id) ?? throw new NotFoundException($"回收站中没有编号为 {id} 的文件。");
        if (!await pipeline.DeleteAsync(id, cancellationToken, onlyFromBin: true))
        {
            throw new NotFoundException($"回收站中没有编号为 {id} 的文件。");
        }
        audit.Record(user, "purge", id, $"永久删除：{document.SourcePath}");
    }

    /// <summary>Purges what has been in the bin longer than the retention period (as of <paramref name="now"/>); returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        var purged = 0;
        foreach (var document in documents.ListDeletedBefore((now ?? DateTimeOffset.UtcNow) - Retention))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await PurgeAsync(document.Id, Sweeper, cancellationToken);
                purged++;
            }
            catch (Exception e) when (e is NotFoundException or ContentBusyException)
            {
                // Restored or purged by someone else meanwhile, or a worker is storing the same content: the next sweep decides.
                logger.LogInformation("Recycle bin: {Id} left for the next sweep ({Reason})", document.Id, e.Message);
            }
        }
        if (purged > 0)
        {
            logger.LogInformation("Recycle bin: purged {Count} documents deleted more than {Days} days ago", purged, options.Value.RetentionDays);
        }
        return purged;
    }
}
