namespace Search.Cli.Commands;

/// <summary>
/// The real texts `bench ocr` prints into pages: the five built-in notices (corpus/policy) and public reports
/// (corpus/eval/ocr, sources in its README). Zaozhuang and Shenxian were looked at while the OCR rules were
/// set (tune); the rest are held out.
/// </summary>
public static class OcrBenchmarkSources
{
    /// <summary>Characters of body text on one printed page.</summary>
    private const int BodyCharacters = 380;

    private static readonly SourceSpec[] Specs =
    [
        new("zaozhuang-2021", "policy", "tune", "中共枣庄市委全面依法治市委员会文件", "枣法委发〔2021〕10号", "关于进一步推进创建全国法治政府建设示范市工作实施方案", "枣庄市人民政府", 8),
        new("shenxian-2021", "policy", "tune", "莘县人民政府办公室文件", "莘政办发〔2021〕10号", "莘县2021年法治政府建设工作计划", "莘县人民政府", 6),
        new("national-2019", "policy", "held-out", "中央全面依法治国委员会办公室文件", "中法办发〔2019〕10号", "关于开展法治政府建设示范创建活动的意见", "中国政府网", 6),
        new("xiayi-2023", "policy", "held-out", "夏邑县法治政府建设领导小组办公室", "夏法政办〔2023〕12号", "夏邑县创建全省法治政府建设示范县工作推进方案", "夏邑县人民政府", 6),
        new("shapotou-2023", "policy", "held-out", null, null, "沙坡头区法治政府建设示范创建指标和任务分工表", "中卫市沙坡头区人民政府", 12),
        new("yueyang-2022", "eval/ocr", "held-out", null, null, null, "岳阳县人民政府", 1),
        new("jinghai-2023", "eval/ocr", "held-out", null, null, null, "天津市静海区人民政府", 1),
        new("gaotai-2022", "eval/ocr", "held-out", null, null, null, "高台县人民政府", 1),
    ];

    public static IReadOnlyList<OcrBenchmarkSource> Load(string corpus, int count) =>
        Specs.Take(count).Select(spec => Read(corpus, spec)).ToList();

    private static OcrBenchmarkSource Read(string corpus, SourceSpec spec)
    {
        var lines = File.ReadAllLines(Path.Combine(corpus, spec.Folder, spec.Id + ".txt"))
            .Select(l => l.Trim().Replace("\t", "")).Where(l => l.Length > 0).ToList();
        var title = spec.Title ?? lines[0];
        // Whole lines of prose (long, not table headers), from where the notice's body starts, up to a page's worth.
        var body = new List<string>();
        foreach (var line in lines.Skip(spec.SkipLines).Where(l => l.Length >= 25 && l.Any(c => c >= '\u4e00')))
        {
            var remaining = BodyCharacters - body.Sum(b => b.Length);
            if (remaining < 25)
            {
                break;
            }
            body.Add(line.Length <= remaining ? line : CutAtSentence(line, remaining));
        }
        return new OcrBenchmarkSource(spec.Id, spec.Split, spec.Header, spec.Number, title, spec.Site, body);
    }

    /// <summary>The longest start of <paramref name="line"/> within <paramref name="limit"/> that ends a sentence or clause.</summary>
    private static string CutAtSentence(string line, int limit)
    {
        var cut = line[..limit];
        var end = cut.LastIndexOfAny(['。', '；', '，']);
        return end > 10 ? cut[..(end + 1)] : cut;
    }

    private sealed record SourceSpec(string Id, string Folder, string Split, string? Header, string? Number, string? Title, string Site, int SkipLines);
}

/// <summary>One real text laid out as a page: red header and document number when it has them, title, body paragraphs.</summary>
public sealed record OcrBenchmarkSource(string Id, string Split, string? Header, string? Number, string Title, string Site, IReadOnlyList<string> Body)
{
    /// <summary>What a person reads on the printed page, in order.</summary>
    public string PrintedText => string.Join("\n", new[] { Header, Number, Title }.OfType<string>().Concat(Body));
}
