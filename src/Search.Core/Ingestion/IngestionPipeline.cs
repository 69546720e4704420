using Microsoft.Extensions.Logging;
using Search.Core.Extraction;
using Search.Core.Extraction.Archives;
using Search.Core.Matching;
using Search.Core.Storage;
using Search.Core.WebChecks;

namespace Search.Core.Ingestion;

/// <summary>
/// Ingests one file: store → extract → describe → split → match → record. Expected per-file problems end as an
/// outcome with a reason, never as an exception; the stored original is never lost. The pipeline writes only to
/// the metadata store: the index owner's projector makes the index follow it, so the pipeline can run anywhere.
/// </summary>
public sealed class IngestionPipeline(
    BlobStore blobs,
    DocumentRepository documents,
    TextExtractionService extraction,
    ArchiveExpander archives,
    IDocumentMatcher matcher,
    MappingDecisionRepository decisions,
    WebCheckRepository webChecks,
    SnapshotStore snapshots,
    ContentClaims claims,
    DataPaths paths,
    Extraction.Ocr.OcrLayoutStore ocrLayouts,
    Extraction.Pages.PageImageRenderer pageImages,
    Indexing.AnalysedPassages analysed,
    MetadataDatabase database,
    ILogger<IngestionPipeline> logger)
{
    /// <summary>
    /// Ingests a file; an archive yields one outcome for itself and one per entry. <paramref name="kindLabel"/>
    /// replaces the detected kind as the document's type (a web snapshot is HTML, but filed as "web-snapshot").
    /// The documents are searchable once the index owner has committed them (see IndexProjector.FlushAsync).
    /// </summary>
    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(string path, string displayName, string? department, CancellationToken cancellationToken, string? kindLabel = null)
    {
        var outcomes = new List<IngestOutcome>();
        await IngestIntoAsync(path, displayName, department, outcomes, depth: 0, cancellationToken, kindLabel);
        return outcomes;
    }

    /// <summary>Matches a stored document again from its stored passages (after a framework import) and asks for its re-projection.</summary>
    public void Rematch(string documentId)
    {
        var document = documents.Get(documentId);
        if (document is null || !document.Status.IsSearchable())
        {
            return;
        }
        decisions.SaveAutoMatches(documentId, matcher.MatchDocument(document, documents.GetPassages(documentId)));
        documents.RequestProjection(documentId);
    }

    /// <summary>
    /// Removes a document for good, in use or in the recycle bin: its rows and index entries (one transaction marks it
    /// for the index owner), then its original when no other record uses it, its quarantined copy and the web-check
    /// snapshots filed as it. While it runs it holds the content's claim, so no worker stores the same content meanwhile
    /// and finds its original gone.
    /// </summary>
    /// <param name="onlyFromBin">Remove it only if it is in the recycle bin at that moment (a purge); false when it was not.</param>
    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken, bool onlyFromBin = false)
    {
        var document = documents.GetIncludingDeleted(documentId) ?? throw new Configuration.NotFoundException($"没有编号为 {documentId} 的文件。");
        await using var claim = await ClaimScope.AcquireAsync(claims, ["sha:" + document.Sha256], document.SourcePath, cancellationToken);
        return Delete(documentId, onlyFromBin);
    }

    private bool Delete(string documentId, bool onlyFromBin = false)
    {
        var document = documents.GetIncludingDeleted(documentId) ?? throw new Configuration.NotFoundException($"没有编号为 {documentId} 的文件。");
        var checks = webChecks.ChecksFiledAs(documentId);
        if (!documents.Delete(documentId, onlyFromBin))
        {
            return false;
        }
        ocrLayouts.Delete(documentId);
        pageImages.Forget(documentId);
        if (document.Status == DocumentStatus.Quarantined)
        {
            paths.DeleteQuarantined(document.StoredPath);
        }
        else if (documents.FindBySha(document.Sha256) is null)
        {
            blobs.Delete(document.StoredPath);
        }
        foreach (var check in checks)
        {
            snapshots.Delete(check);
        }
        return true;
    }

    private async Task IngestIntoAsync(string path, string displayName, string? department, List<IngestOutcome> outcomes, int depth, CancellationToken cancellationToken, string? kindLabel = null)
    {
        department ??= DepartmentGuesser.FromPath(displayName);
        DocumentRecord? stored = null;
        try
        {
            if (!File.Exists(path))
            {
                throw new ExtractionException("文件不存在", displayName);
            }
            var storing = IngestionStages.Time("store");
            var sha = await BlobStore.HashAsync(path, cancellationToken);
            // One worker at a time per content and per department file: a duplicate waits for the first copy,
            // two versions of one file replace each other in turn.
            await using var claim = await ClaimScope.AcquireAsync(claims, ["sha:" + sha, "key:" + SourceKeyFor(department, displayName)], displayName, cancellationToken);
            var (record, duplicate, fromBin) = await StoreAsync(path, sha, displayName, department, cancellationToken);
            storing.Dispose();
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

            ExtractionResult extracted;
            using (IngestionStages.Time("extract"))
            {
                extracted = await extraction.ExtractAsync(path, kind, cancellationToken);
            }
            var describing = IngestionStages.Time("describe");
            var metadata = DocumentMetadataReader.Read(Path.GetFileName(displayName), displayName, extracted);
            describing.Dispose();
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
                OcrPages = extracted.OcrPageCount,
                UpdatedAt = DateTimeOffset.UtcNow,
            };

            if (metadata.ClassificationMarks.Count > 0)
            {
                Quarantine(record, metadata.ClassificationMarks, displayName, outcomes);
                return;
            }

            List<PassageRecord> passages;
            using (IngestionStages.Time("split"))
            {
                passages = PassageSplitter.Split(extracted)
                    .Select(p => new PassageRecord(record.Id, p.Ordinal, p.Text, p.Page, p.StartOffset, p.Location))
                    .ToList();
            }
            if (passages.Count == 0)
            {
                throw new ExtractionException("文件中没有可检索的文字", displayName);
            }

            // Where this process owns the index, each passage is analysed here once, for matching and for the index both.
            IReadOnlyList<Indexing.PassageWords>? words = null;
            if (analysed.Enabled)
            {
                using (IngestionStages.Time("analyse"))
                {
                    words = analysed.Analyse(passages.Select(p => p.Text));
                }
            }
            IReadOnlyDictionary<string, IReadOnlyList<Matching.IndicatorMatch>> matches;
            using (IngestionStages.Time("match"))
            {
                matches = matcher.MatchDocument(record, passages, words);
            }
            using (IngestionStages.Time("save"))
            {
                if (extracted.OcrPages.Count > 0)
                {
                    ocrLayouts.Save(record.Id, extracted.OcrPages);
                }
                if (words is not null)
                {
                    analysed.Offer(record.Id, words);
                }
                // Matches, passages and the document as extracted in one transaction: the projector sees all or none.
                database.InTransaction((connection, tx) =>
                {
                    MappingDecisionRepository.SaveAutoMatches(connection, tx, record.Id, matches);
                    documents.SaveExtracted(connection, tx, record, passages);
                });
            }
            bool replaced;
            using (IngestionStages.Time("replace"))
            {
                replaced = RemovePreviousVersions(record, cancellationToken);
            }
            outcomes.Add(new IngestOutcome(displayName, replaced ? IngestOutcomeKind.Replaced : IngestOutcomeKind.Ingested,
                fromBin is null ? null : $"内容与回收站中的“{fromBin.SourcePath}”相同：已重新入库并移出回收站，原有的审核决定仍然有效", record.Id, passages.Count));
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

    /// <summary>
    /// A file with classification marks is kept only in the quarantine folder, with no passages stored and nothing
    /// indexed; the reason says where it is, so a reviewer can hand it to whoever handles classified material.
    /// </summary>
    private void Quarantine(DocumentRecord record, IReadOnlyList<string> marks, string displayName, List<IngestOutcome> outcomes)
    {
        Directory.CreateDirectory(paths.Quarantine);
        var target = Path.Combine(paths.Quarantine, Path.GetFileName(record.StoredPath));
        if (!File.Exists(target))
        {
            File.Copy(record.StoredPath, target);
        }
        blobs.Delete(record.StoredPath);
        var reason = $"含密级标识（{string.Join("、", marks)}），按规定不得上传：未编入索引，文件已移至隔离区 {target}";
        documents.Upsert(record with { Status = DocumentStatus.Quarantined, Reason = reason, StoredPath = target });
        outcomes.Add(new IngestOutcome(displayName, IngestOutcomeKind.Quarantined, reason, record.Id));
        logger.LogWarning("Quarantined {File}: classification marks {Marks}", displayName, string.Join(",", marks));
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

    /// <summary>
    /// The store step: keep the original, record it. Returns a duplicate outcome when the content is already in use.
    /// Content in the recycle bin is ingested again under the new name and unit and leaves the bin; its decisions,
    /// which follow the content, hold again.
    /// </summary>
    private async Task<(DocumentRecord Record, IngestOutcome? Duplicate, DocumentRecord? FromBin)> StoreAsync(string path, string sha, string displayName, string? department, CancellationToken cancellationToken)
    {
        var existing = documents.FindBySha(sha);
        if (existing is { DeletedAt: null, Status: DocumentStatus.Extracted or DocumentStatus.Indexed or DocumentStatus.Quarantined or DocumentStatus.Expanded })
        {
            var reason = $"内容与已入库的“{existing.SourcePath}”相同，未重复保存";
            return (existing, new IngestOutcome(displayName, IngestOutcomeKind.Duplicate, reason, existing.Id), null);
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
        documents.Upsert(record, leaveBin: true);
        if (existing?.DeletedAt is not null)
        {
            logger.LogInformation("{File} has the content of {Id}, which was in the recycle bin: ingested again", displayName, existing.Id);
        }
        return (record, null, existing?.DeletedAt is null ? null : existing);
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
            documents.Upsert(archive with { Kind = "zip", Status = DocumentStatus.Expanded, Reason = null, UpdatedAt = DateTimeOffset.UtcNow });
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

    /// <summary>A changed file under the same department and path replaces what was there before.</summary>
    /// <summary>Who the recycle bin names for a version a newer upload of the same file replaced.</summary>
    public const string ReplacedByNewerVersion = "（新版本替换）";

    /// <summary>
    /// A newer version of a file (same unit and path) sends the earlier ones to the recycle bin, from which they can
    /// be restored until they are purged: an upload over the wrong file is never a loss.
    /// </summary>
    private bool RemovePreviousVersions(DocumentRecord current, CancellationToken cancellationToken)
    {
        var replaced = false;
        foreach (var previous in documents.FindByKey(current.SourceKey).Where(d => d.Id != current.Id))
        {
            cancellationToken.ThrowIfCancellationRequested();
            documents.MoveToBin(previous.Id, ReplacedByNewerVersion, DateTimeOffset.UtcNow);
            replaced = true;
        }
        return replaced;
    }

    private static string SourceKeyFor(string? department, string displayName) =>
        $"{department ?? ""}|{displayName.Replace('\\', '/').Trim().ToLowerInvariant()}";
}
