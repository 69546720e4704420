using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Search.Core.Extraction;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Search;

namespace Search.Core.WebChecks;

/// <summary>
/// Checks each planned address: fetch within the limits, read the page, look for the expected words and the
/// publication date, keep a snapshot (the bytes as sent, their text, SHA-256 and, with a browser, a screenshot
/// and a PDF), file the snapshot as evidence, and say what changed since the last check of the address.
/// </summary>
public sealed class WebChecker(
    PageFetcher fetcher,
    SnapshotStore snapshots,
    IPageRenderer renderer,
    WebCheckRepository repository,
    IngestionPipeline pipeline,
    MappingService mappings,
    IndexProjector projector,
    TextExtractionService extraction,
    Vocabulary vocabulary,
    IOptions<WebCheckOptions> options,
    ILogger<WebChecker> logger)
{
    public const string SnapshotKind = "web-snapshot";

    private readonly WebCheckOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks every target of the plan, a few at a time and politely per host, reporting each result as it comes.</summary>
    public async Task<WebCheckReport> RunAsync(string runId, WebCheckPlan plan, IProgress<WebCheckResult>? progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var results = new WebCheckResult?[plan.Targets.Count];
        using var gate = new SemaphoreSlim(Math.Max(1, _options.Concurrency));
        await Task.WhenAll(plan.Targets.Select(async (target, i) =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var result = await CheckAsync(target, cancellationToken);
                repository.SaveResult(runId, result);
                results[i] = result;
                progress?.Report(result);
            }
            finally
            {
                gate.Release();
            }
        }));
        return new WebCheckReport(runId, plan.Framework, started, DateTimeOffset.UtcNow, results.OfType<WebCheckResult>().ToList(), plan.Unchecked);
    }

    public async Task<WebCheckResult> CheckAsync(WebCheckTarget target, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        var result = new WebCheckResult
        {
            Id = id,
            Url = target.Url,
            Framework = target.Framework,
            Indicator = target.Indicator,
            FinalUrl = target.Url,
            Outcome = WebCheckOutcomes.Dead,
            Source = target.Source,
            FetchedAt = DateTimeOffset.UtcNow,
        };
        if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var url))
        {
            return result with { Outcome = WebCheckOutcomes.Refused, Notes = ["不是完整的网址"] };
        }

        var hostGate = _hosts.GetOrAdd(url.Host, _ => new SemaphoreSlim(Math.Max(1, _options.PerHostConcurrency)));
        FetchedPage page;
        await hostGate.WaitAsync(cancellationToken);
        try
        {
            page = await fetcher.FetchAsync(url, cancellationToken);
        }
        finally
        {
            hostGate.Release();
        }
        result = result with
        {
            Status = page.Status,
            FinalUrl = page.FinalUrl.ToString(),
            Redirects = page.Redirects,
            FetchedAt = page.FetchedAt,
            ElapsedMs = page.ElapsedMilliseconds,
        };
        result = await JudgeAsync(result, target, page, cancellationToken);
        var previous = repository.Previous(target.Url, id);
        result = result with { Changes = Changes(previous, result) };
        logger.LogInformation("Web check {Url}: {Outcome} ({Status}) in {Elapsed} ms", target.Url, result.Outcome, result.Status, result.ElapsedMs);
        return result;
    }

    private async Task<WebCheckResult> JudgeAsync(WebCheckResult result, WebCheckTarget target, FetchedPage page, CancellationToken cancellationToken)
    {
        if (page.Refusal is not null)
        {
            return result with { Outcome = WebCheckOutcomes.Refused, Notes = [page.Refusal] };
        }
        if (page.Error is not null || page.Status is null)
        {
            return result with { Outcome = WebCheckOutcomes.Dead, Notes = [page.Error ?? "没有响应"] };
        }
        if (page.Status >= 400)
        {
            return result with { Outcome = WebCheckOutcomes.Dead, Notes = [$"服务器返回 HTTP {page.Status}"] };
        }

        var notes = new List<string>();
        if (page.Truncated)
        {
            notes.Add($"页面超过 {_options.MaxBytes / 1024 / 1024} MB，只读取并保存了前 {_options.MaxBytes / 1024 / 1024} MB");
        }
        var folder = snapshots.FolderFor(result.Id);
        var isHtml = IsHtml(page);
        var rawName = isHtml ? "page.html" : "page.bin";
        var rawPath = Path.Combine(folder, rawName);
        await File.WriteAllBytesAsync(rawPath, page.Body, cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(page.Body));
        var content = isHtml ? PageReader.Read(page.Body, page.ContentType) : await ReadOtherAsync(rawPath, notes, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "page.txt"), $"{page.FinalUrl}\n{content.Title}\n\n{content.Text}", cancellationToken);

        var searchable = Squeeze(TextNormalizer.Normalize(content.Title + "\n" + content.Text));
        var found = target.Expect.Where(w => vocabulary.Expand(w).Any(f => searchable.Contains(Squeeze(TextNormalizer.Normalize(f)), StringComparison.OrdinalIgnoreCase))).ToList();
        var missing = target.Expect.Except(found).ToList();

        string? deadline = null;
        var late = false;
        if (target.Deadline is { } rule)
        {
            if (content.PublishedDate is { } published)
            {
                var due = rule.DeadlineFor(published, content.Title);
                deadline = $"{rule.Describe()}（{due:yyyy-MM-dd}）";
                late = rule.IsLate(published, content.Title);
                if (late)
                {
                    notes.Add($"页面发布日期 {published:yyyy-MM-dd} 晚于 {due:yyyy-MM-dd}（{rule.Describe()}）");
                }
            }
            else
            {
                deadline = rule.Describe();
                notes.Add("页面上没有找到发布日期，无法核对是否按期公开");
            }
        }
        if (target.Expect.Count == 0)
        {
            notes.Add("没有要核对的关键词，只核对了网址能否访问");
        }
        if (missing.Count > 0)
        {
            notes.Insert(0, $"页面中没有找到：{string.Join("、", missing)}");
        }
        var moved = IsMoved(page);
        if (moved)
        {
            notes.Add($"网址已跳转到 {page.FinalUrl}，请更新佐证中的网址");
        }
        var outcome = missing.Count > 0 ? WebCheckOutcomes.KeywordMissing
            : late ? WebCheckOutcomes.Late
            : moved ? WebCheckOutcomes.Moved
            : WebCheckOutcomes.Ok;

        if (isHtml && _options.Screenshots)
        {
            notes.AddRange(await RenderAsync(page, sha256, folder, cancellationToken));
        }
        result = result with
        {
            Title = content.Title,
            KeywordsFound = found,
            KeywordsMissing = missing,
            PublishedDate = content.PublishedDate,
            Deadline = deadline,
            Outcome = outcome,
            Sha256 = sha256,
        };
        var documentId = await FileAsEvidenceAsync(result, target, page, content, notes, cancellationToken);
        return result with { Notes = notes, DocumentId = documentId, SnapshotFiles = snapshots.FilesOf(result.Id) };
    }

    private async Task<IReadOnlyList<string>> RenderAsync(FetchedPage page, string sha256, string folder, CancellationToken cancellationToken)
    {
        if (renderer.Unavailable is { } reason)
        {
            return [reason];
        }
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(Math.Max(5, _options.ScreenshotTimeoutSeconds)));
            var caption = $"网址：{page.FinalUrl}　检查时间：{page.FetchedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss zzz}　SHA-256：{sha256}";
            return await renderer.RenderAsync(page.Body, page.ContentType, page.FinalUrl, fetcher.FetchAsync, caption,
                Path.Combine(folder, "page.png"), Path.Combine(folder, "page.pdf"), deadline.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Rendering {Url} failed", page.FinalUrl);
            return [$"截图失败：{e.Message}"];
        }
    }

    /// <summary>
    /// The name a page's snapshot is filed under: site, address and title. The address keeps two pages of one site with
    /// the same title (a CMS that titles every page 通知公告) apart, so one is never taken for a newer version of the
    /// other and replaced with its snapshots; the same address checked again is the same file, and replaces its last snapshot.
    /// </summary>
    public static string SnapshotName(Uri address, string? title)
    {
        var path = address.PathAndQuery.Trim('/');
        var place = path.Length == 0 ? "首页" : IngestionService.SafeName(path.Replace('/', '_'));
        if (place.Length > 80)
        {
            place = place[..80];
        }
        return $"网络检索/{address.Host}/{place}/{IngestionService.SafeName(title ?? address.Host)}.html";
    }

    /// <summary>
    /// Files the page as evidence of type "web-snapshot" (UTF-8 HTML that records its address), linked to the
    /// indicator when the page shows what the indicator expects. The same content checked again is the same document.
    /// </summary>
    private async Task<string?> FileAsEvidenceAsync(WebCheckResult result, WebCheckTarget target, FetchedPage page, PageContent content, List<string> notes, CancellationToken cancellationToken)
    {
        if (content.Text.Trim().Length == 0)
        {
            notes.Add("页面没有可检索的文字，快照未编入索引");
            return null;
        }
        var file = Path.Combine(snapshots.FolderFor(result.Id), "evidence.html");
        var address = page.FinalUrl.ToString();
        var html = $"<!-- saved from url=({address.Length:D4}){address} -->\n<meta charset=\"utf-8\">\n"
            + (IsHtml(page) ? content.Html : $"<title>{System.Net.WebUtility.HtmlEncode(content.Title)}</title><pre>{System.Net.WebUtility.HtmlEncode(content.Text)}</pre>");
        await File.WriteAllTextAsync(file, html, new UTF8Encoding(false), cancellationToken);
        try
        {
            var name = SnapshotName(page.FinalUrl, content.Title);
            var outcome = (await pipeline.IngestAsync(file, name, target.LeadUnit, cancellationToken, SnapshotKind)).FirstOrDefault();
            if (outcome?.DocumentId is not { } documentId || outcome.Outcome is not (IngestOutcomeKind.Ingested or IngestOutcomeKind.Replaced or IngestOutcomeKind.Duplicate))
            {
                notes.Add($"快照未能编入索引：{outcome?.Reason}");
                return null;
            }
            if (target.Framework is { } framework && target.Indicator is { } number && result.Outcome is WebCheckOutcomes.Ok or WebCheckOutcomes.Moved or WebCheckOutcomes.Late)
            {
                await mappings.DecideAsync(documentId, framework, number, DecisionKind.Add, "网络检索", $"网络检索 {result.FetchedAt:yyyy-MM-dd HH:mm} {target.Url}", cancellationToken);
            }
            else
            {
                // The report links the snapshot as evidence: it is searchable when the report says so.
                await projector.FlushAsync(cancellationToken);
            }
            return documentId;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<PageContent> ReadOtherAsync(string path, List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            var extracted = await extraction.ExtractAsync(path, cancellationToken);
            var text = string.Join('\n', extracted.Sections.Select(s => s.Text));
            return new PageContent("", extracted.Title, text, PageReader.PublishedDate("", text));
        }
        catch (ExtractionException e)
        {
            notes.Add($"无法读取该网址返回的文件：{e.Reason}");
            return new PageContent("", null, "", null);
        }
    }

    private static bool IsHtml(FetchedPage page) =>
        page.ContentType is null || page.ContentType.Contains("html", StringComparison.OrdinalIgnoreCase) || page.ContentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);

    /// <summary>A redirect counts as a move unless it only adds https or a trailing slash.</summary>
    private static bool IsMoved(FetchedPage page) =>
        page.Redirects.Count > 0
        && !string.Equals(Canonical(page.RequestedUrl), Canonical(page.FinalUrl), StringComparison.OrdinalIgnoreCase);

    private static string Canonical(Uri url) => url.Host + url.PathAndQuery.TrimEnd('/');

    private static string Squeeze(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>What differs from the previous check of the same address, in words an assessor reads.</summary>
    public static IReadOnlyList<string> Changes(WebCheckResult? previous, WebCheckResult current)
    {
        if (previous is null)
        {
            return ["首次检查"];
        }
        var changes = new List<string>();
        if (previous.Outcome != current.Outcome)
        {
            changes.Add($"结果由“{WebCheckOutcomes.Label(previous.Outcome)}”变为“{WebCheckOutcomes.Label(current.Outcome)}”");
        }
        if (previous.Status != current.Status)
        {
            changes.Add($"状态码由 {previous.Status?.ToString() ?? "无"} 变为 {current.Status?.ToString() ?? "无"}");
        }
        if (previous.FinalUrl != current.FinalUrl)
        {
            changes.Add($"最终网址由 {previous.FinalUrl} 变为 {current.FinalUrl}");
        }
        if (previous.Title != current.Title)
        {
            changes.Add($"标题由“{previous.Title}”变为“{current.Title}”");
        }
        if (previous.PublishedDate != current.PublishedDate)
        {
            changes.Add($"发布日期由 {previous.PublishedDate?.ToString("yyyy-MM-dd") ?? "无"} 变为 {current.PublishedDate?.ToString("yyyy-MM-dd") ?? "无"}");
        }
        if (previous.Sha256 is not null && current.Sha256 is not null && previous.Sha256 != current.Sha256)
        {
            changes.Add("页面内容有变化（SHA-256 不同）");
        }
        return changes.Count == 0 ? [$"与 {previous.FetchedAt.ToLocalTime():yyyy-MM-dd HH:mm} 的检查相比没有变化"] : changes;
    }
}
