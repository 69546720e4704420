using Microsoft.Extensions.Logging;
using Search.Core.Extraction;
using Search.Core.Extraction.Archives;
using Search.Core.Indexing;
using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>
/// Ingests one file: store → extract → describe → split → match → index. Expected per-file problems
/// end as an outcome with a reason, never as an exception; the stored original is never lost.
/// </summary>
public sealed class IngestionPipeline(
    BlobStore blobs,
    DocumentRepository documents,
    TextExtractionService extraction,
    ArchiveExpander archives,
    IDocumentMatcher matcher,
    IEvidenceIndex index,
    DataPaths paths,
    ILogger<IngestionPipeline> logger)
{
    /// <summary>
    /// Ingests a file; an archive yields one outcome for itself and one per entry. <paramref name="kindLabel"/>
    /// replaces the detected kind as the document's type (a web snapshot is HTML, but filed as "web-snapshot").
    /// </summary>
    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(string path, string displayName, string? department, CancellationToken cancellationToken, string? kindLabel = null)
    {
        var outcomes = new List<IngestOutcome>();
        await IngestIntoAsync(path, displayName, department, outcomes, depth: 0, cancellationToken, kindLabel);
        return outcomes;
    }

    /// <summary>Re-matches and re-indexes a stored document from its stored passages (after a framework import or a decision).</summary>
    public async Task ReindexAsync(string documentId, CancellationToken cancellationToken)
    {
        var document = documents.Get(documentId);
        if (document is null || document.Status != DocumentStatus.Indexed || document.Kind == "zip")
        {
            return;
        }
        var passages = documents.GetPassages(documentId);
        await IndexAsync(document, passages, cancellationToken);
    }

    /// <summary>Removes a document: index entries, passages, metadata and, when no other record uses it, the original.</summary>
    public async Task DeleteAsync(string documentId, CancellationToken cancellationToken)
    {
        var document = documents.Get(documentId) ?? throw new Configuration.NotFoundException($"没有编号为 {documentId} 的文件。");
        await index.DeleteDocumentAsync(documentId, cancellationToken);
        documents.Delete(documentId);
        if (documents.FindBySha(document.Sha256) is null)
        {
            blobs.Delete(document.StoredPath);
        }
    }

    private async Task IngestIntoAsync(string path, string displayName, string? department, List<IngestOutcome> outcomes, int depth, CancellationToken cancellationToken, string? kindLabel = null)
    {
        department ??= DepartmentGuesser.FromPath(displayName);
        DocumentRecord? stored = null;
        try
        {
            var (record, duplicate) = await StoreAsync(path, displayName, department, cancellationToken);
            stored = record;
            if (duplicate is not null)
            {
                outcomes.Add(duplicate);
                return;
            }

            var kind = FileKindDetector.Detect(path);
            if (kind == FileKind.Zip)
            {
                await ExpandAsync(record, path, displayName, department, outcomes, depth, cancellationToken);
                return;
            }

            var extracted = await extraction.ExtractAsync(path, kind, cancellationToken);
            var metadata = DocumentMetadataReader.Read(Path.GetFileName(displayName), displayName, extracted);
            record = record with
            {
                Kind = kindLabel ?? kind.ToString().ToLowerInvariant(),
                PageCount = extracted.PageCount,
                Title = metadata.Title,
                DocNumber = metadata.DocNumber,
                Date = metadata.Date,
                DateFromDocNumber = metadata.DateFromDocNumber,
                IssuingBody = metadata.IssuingBody,
                SourceUrl = extracted.SourceUrl,
                Urls = metadata.Urls,
                IndicatorHints = metadata.IndicatorHints,
                Warnings = extracted.Warnings,
                UsedOcr = extracted.UsedOcr,
                UpdatedAt = DateTimeOffset.UtcNow,
            };

            var passages = PassageSplitter.Split(extracted)
                .Select(p => new PassageRecord(record.Id, p.Ordinal, p.Text, p.Page, p.StartOffset, p.Location))
                .ToList();
            documents.ReplacePassages(record.Id, passages);

            if (metadata.ClassificationMarks.Count > 0)
            {
                var reason = $"含密级标识（{string.Join("、", metadata.ClassificationMarks)}），按规定不得上传，已隔离、未编入索引";
                documents.Upsert(record with { Status = DocumentStatus.Quarantined, Reason = reason });
                outcomes.Add(new IngestOutcome(displayName, IngestOutcomeKind.Quarantined, reason, record.Id));
                return;
            }
            if (passages.Count == 0)
            {
                throw new ExtractionException("文件中没有可检索的文字", displayName);
            }

            await IndexAsync(record, passages, cancellationToken);
            documents.Upsert(record with { Status = DocumentStatus.Indexed, Reason = null });
            var replaced = await RemovePreviousVersionsAsync(record, cancellationToken);
            outcomes.Add(new IngestOutcome(displayName, replaced ? IngestOutcomeKind.Replaced : IngestOutcomeKind.Ingested, null, record.Id, passages.Count));
        }
        catch (ExtractionException e)
        {
            Fail(stored, displayName, e.Reason, outcomes);
        }
        catch (IOException e)
        {
            Fail(stored, displayName, $"无法读取文件：{e.Message}", outcomes);
        }
        catch (UnauthorizedAccessException)
        {
            Fail(stored, displayName, "没有读取该文件的权限", outcomes);
        }
    }

    private void Fail(DocumentRecord? stored, string displayName, string reason, List<IngestOutcome> outcomes)
    {
        logger.LogWarning("Ingestion of {File} failed: {Reason}", displayName, reason);
        if (stored is not null)
        {
            documents.SetStatus(stored.Id, DocumentStatus.Failed, reason);
        }
        outcomes.Add(new IngestOutcome(displayName, IngestOutcomeKind.Failed, reason, stored?.Id));
    }

    /// <summary>The store step: hash, keep the original, record it. Returns a duplicate outcome when the content is already indexed.</summary>
    private async Task<(DocumentRecord Record, IngestOutcome? Duplicate)> StoreAsync(string path, string displayName, string? department, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ExtractionException("文件不存在", displayName);
        }
        var sha = await BlobStore.HashAsync(path, cancellationToken);
        var existing = documents.FindBySha(sha);
        if (existing is { Status: DocumentStatus.Indexed or DocumentStatus.Quarantined })
        {
            var reason = $"内容与已入库的“{existing.SourcePath}”相同，未重复保存";
            return (existing, new IngestOutcome(displayName, IngestOutcomeKind.Duplicate, reason, existing.Id));
        }
        var storedPath = await blobs.StoreAsync(path, sha, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var record = new DocumentRecord
        {
            Id = DocumentRecord.IdFor(sha),
            Sha256 = sha,
            SourceKey = SourceKeyFor(department, displayName),
            FileName = Path.GetFileName(displayName),
            SourcePath = displayName,
            Department = department,
            Kind = "unknown",
            Size = new FileInfo(path).Length,
            StoredPath = storedPath,
            Status = DocumentStatus.Stored,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        documents.Upsert(record);
        return (record, null);
    }

    private async Task ExpandAsync(DocumentRecord archive, string path, string displayName, string? department, List<IngestOutcome> outcomes, int depth, CancellationToken cancellationToken)
    {
        if (depth >= 2)
        {
            throw new ExtractionException("压缩包嵌套过深（超过两层），未展开", displayName);
        }
        var target = Path.Combine(paths.Temp, "expand-" + Guid.NewGuid().ToString("N"));
        try
        {
            var expansion = archives.Expand(path, target);
            documents.Upsert(archive with { Kind = "zip", Status = DocumentStatus.Indexed, Reason = null, UpdatedAt = DateTimeOffset.UtcNow });
            outcomes.Add(new IngestOutcome(displayName, IngestOutcomeKind.Expanded, $"展开 {expansion.Entries.Count} 个文件", archive.Id));
            foreach (var refused in expansion.Refused)
            {
                outcomes.Add(new IngestOutcome($"{displayName}/{refused.Name}", IngestOutcomeKind.Failed, refused.Reason));
            }
            foreach (var entry in expansion.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await IngestIntoAsync(entry.FullPath, $"{displayName}/{entry.RelativePath}", department, outcomes, depth + 1, cancellationToken);
            }
        }
        finally
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
        }
    }

    private async Task IndexAsync(DocumentRecord document, IReadOnlyList<PassageRecord> passages, CancellationToken cancellationToken)
    {
        var indicators = matcher.MatchDocument(document, passages);
        var indexed = passages.Select(p => new IndexedPassage
        {
            DocumentId = document.Id,
            Ordinal = p.Ordinal,
            Text = p.Text,
            Page = p.Page,
            StartOffset = p.StartOffset,
            Location = p.Location,
            Title = document.Title ?? document.FileName,
            FileName = document.SourcePath,
            DocNumber = document.DocNumber,
            Department = document.Department,
            Date = document.Date,
            FileType = document.Kind,
            Indicators = indicators,
        }).ToList();
        await index.ReplaceDocumentAsync(document.Id, indexed, cancellationToken);
    }

    /// <summary>A changed file under the same department and path replaces what was there before.</summary>
    private async Task<bool> RemovePreviousVersionsAsync(DocumentRecord current, CancellationToken cancellationToken)
    {
        var replaced = false;
        foreach (var previous in documents.FindByKey(current.SourceKey).Where(d => d.Id != current.Id))
        {
            await DeleteAsync(previous.Id, cancellationToken);
            replaced = true;
        }
        return replaced;
    }

    private static string SourceKeyFor(string? department, string displayName) =>
        $"{department ?? ""}|{displayName.Replace('\\', '/').Trim().ToLowerInvariant()}";
}
