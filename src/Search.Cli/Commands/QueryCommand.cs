using System.CommandLine;
using System.Globalization;
using Search.Core.Configuration;
using Search.Core.Coverage;
using Search.Core.Indexing;
using Search.Core.Search;

namespace Search.Cli.Commands;

/// <summary>`query "TEXT"`: full-text search over the evidence, with the indicators every hit supports.</summary>
public sealed class QueryCommand : ICliCommand
{
    public string Name => "query";

    // Several words are one query, as if quoted: `query 行政 复议` finds what has both.
    private static readonly Argument<string[]> Text = new("TEXT") { Description = "检索词（词语、\"短语\"、OR、NOT、-词、department: 等过滤）", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string> Framework = CliOptions.Framework(required: false);
    private static readonly Option<int?> Indicator = CliOptions.OptionalIndicator();
    private static readonly Option<string> Department = CliOptions.Text("--department", "只看这个单位的文件", "D");
    private static readonly Option<string> Type = CliOptions.Text("--type", "文件类型：pdf、docx、xlsx、image、html、web-snapshot…", "T");
    private static readonly Option<int?> Year = new("--year") { Description = "年份", HelpName = "Y" };
    private static readonly Option<string> From = CliOptions.Text("--from", "起始日期", "yyyy-MM-dd");
    private static readonly Option<string> To = CliOptions.Text("--to", "截止日期", "yyyy-MM-dd");
    private static readonly Option<int> Top = CliOptions.Number("--top", "每页条数（1–100）", 10, minimum: 1);
    private static readonly Option<int> Page = CliOptions.Number("--page", "第几页", 1, minimum: 1);
    private static readonly Option<string> Sort = SortOption();
    private static readonly Option<bool> Rerank = CliOptions.Flag("--rerank", "用配置的语言模型向量重排");

    public Command Definition { get; } = new("query", "检索佐证材料，每条结果标出它支撑的指标。")
    {
        Text, Framework, Indicator, Department, Type, Year, From, To, Top, Page, Sort, Rerank,
    };

    private static Option<string> SortOption()
    {
        var sort = CliOptions.Text("--sort", "排序：relevance（相关度）或 date（日期）", "relevance|date");
        sort.AcceptOnlyFromAmong("relevance", "date");
        return sort;
    }

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var request = new SearchRequest
        {
            Query = string.Join(' ', args.Value(Text) ?? []),
            Framework = args.Value(Framework),
            Indicator = args.Value(Indicator),
            Department = args.Value(Department),
            FileType = args.Value(Type),
            Year = args.Value(Year),
            From = SearchRequest.ParseDate(args.Value(From), "--from"),
            To = SearchRequest.ParseDate(args.Value(To), "--to"),
            Page = args.Value(Page),
            Size = Math.Clamp(args.Value(Top), 1, 100),
            Sort = args.Value(Sort) == "date" ? SearchSort.Date : SearchSort.Relevance,
        };
        // A unit typed as people type it (市场监管, in --department or as department: in the query) filters on the units it names, by the same rule as `coverage --unit`.
        (request, var resolved) = context.Get<UnitResolver>().Apply(request);
        var results = context.Get<IEvidenceIndex>().Search(request);
        if (args.Value(Rerank))
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
                resolvedDepartment = resolved,
            });
            return ExitCodes.Success;
        }

        if (resolved is { Resolved: false })
        {
            context.Output.WriteLine($"没有与“{resolved.Typed}”相符的报送单位。已知单位：{string.Join("、", resolved.Known ?? [])}");
            return ExitCodes.NotFound;
        }
        if (resolved is not null)
        {
            var units = string.Join("、", resolved.Units);
            context.Output.WriteLine(units == DepartmentView.Normalise(resolved.Typed) ? $"报送单位：{units}" : $"报送单位：{units}（按“{resolved.Typed}”匹配）");
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
