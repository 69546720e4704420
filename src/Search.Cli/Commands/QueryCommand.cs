using System.Globalization;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Search;

namespace Search.Cli.Commands;

/// <summary>`query "TEXT"`: full-text search over the evidence, with the indicators every hit supports.</summary>
public sealed class QueryCommand : ICliCommand
{
    public string Name => "query";

    public string Summary => "Search the evidence (words, \"phrases\", AND/OR/NOT, -word, field:value filters).";

    public string Usage => "search query \"TEXT\" [--framework ID] [--indicator N] [--department D] [--type T] [--year Y] [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--top K] [--page P] [--sort relevance|date] [--rerank] [--json]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var request = new SearchRequest
        {
            Query = string.Join(' ', args.Positional),
            Framework = args.Get("framework"),
            Indicator = args.Get("indicator") is { } n ? args.GetInt("indicator", 0) : null,
            Department = args.Get("department"),
            FileType = args.Get("type"),
            Year = args.Get("year") is not null ? args.GetInt("year", 0) : null,
            From = SearchRequest.ParseDate(args.Get("from"), "--from"),
            To = SearchRequest.ParseDate(args.Get("to"), "--to"),
            Page = Math.Max(1, args.GetInt("page", 1)),
            Size = Math.Clamp(args.GetInt("top", 10), 1, 100),
            Sort = args.Get("sort") switch
            {
                null or "relevance" => SearchSort.Relevance,
                "date" => SearchSort.Date,
                var other => throw new CliUsageException($"--sort must be relevance or date, not '{other}'."),
            },
        };
        var results = context.Get<IEvidenceIndex>().Search(request);
        if (args.Has("rerank"))
        {
            results = await context.Get<Search.Core.Llm.RerankedSearch>().RerankAsync(request.Query, results, cancellationToken);
        }

        if (args.Json)
        {
            context.WriteJson(new
            {
                total = results.Total,
                totalIsLowerBound = results.TotalIsLowerBound,
                hits = results.Hits.Select(h => new
                {
                    documentId = h.DocumentId,
                    title = h.Title,
                    file = h.FileName,
                    page = h.Page,
                    snippet = h.Snippet,
                    department = h.Department,
                    date = h.Date,
                    docNumber = h.DocNumber,
                    indicators = h.Indicators.Select(i => new { framework = i.Framework, number = i.Number, score = i.Score }),
                }),
                facets = results.Facets,
            });
            return ExitCodes.Success;
        }

        context.Output.WriteLine(results.TotalIsLowerBound
            ? $"约 {results.Total} 条以上结果（该词出现很多，只统计了完整词语的匹配，词内匹配排在其后，未计入）"
            : $"{results.Total} 条结果");
        var rank = (request.Page - 1) * request.Size;
        foreach (var h in results.Hits)
        {
            var indicators = h.Indicators.Count == 0 ? "" : "  指标 " + string.Join(" ", h.Indicators.Select(i => $"{i.Framework}#{i.Number}"));
            context.Output.WriteLine($"{++rank}. {h.Title}  [{h.FileName} 第{h.Page}页]{indicators}");
            context.Output.WriteLine($"   {h.Snippet.Replace("<mark>", "【").Replace("</mark>", "】")}");
            var meta = string.Join("  ", new[] { h.Department, h.DocNumber, h.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.Where(x => !string.IsNullOrEmpty(x)));
            if (meta.Length > 0)
            {
                context.Output.WriteLine($"   {meta}  id {h.DocumentId}");
            }
        }
        return ExitCodes.Success;
    }
}
