using Search.Core.Matching;

namespace Search.Core.Tests.Matching;

public sealed class FrameworkMatcherTests
{
    private static readonly IndicatorProfileInput[] Indicators =
    [
        new(1, "健全完善政府工作部门的权责清单，清单公布并能依据法律法规的变化进行动态调整。", "一、政府职能依法全面履行", null,
            ["推行政府部门权力清单制度的文件", "政府各部门权责清单的公开网址及截图", "权责清单动态调整的相关文件"], ["梳理权责清单情况"]),
        new(12, "全面落实公平竞争审查制度，对涉及市场主体经济活动的政策措施进行公平竞争审查。", "一、政府职能依法全面履行", null,
            ["公平竞争审查工作的文件", "公平竞争审查台账"], ["开展公平竞争审查情况"]),
        new(40, "健全行政复议案件审理机制，行政复议决定书依法公开，纠错率合理。", "六、社会矛盾纠纷依法有效化解", null,
            ["行政复议决定书公开网址及截图", "行政复议案件统计表"], ["行政复议工作开展情况"]),
    ];

    private static readonly MatchTokenizer Tokenizer = new(["权责清单", "公平竞争审查", "行政复议"]);

    private readonly FrameworkMatcher _matcher = new("test", Indicators, Tokenizer);

    [Theory]
    [InlineData("区政府关于公布2023年部门权责清单动态调整结果的通知", "根据法律法规立改废情况，对区市场监管分局等12个部门的权责清单进行动态调整并在门户网站公布。", 1)]
    [InlineData("2022年公平竞争审查工作台账", "区发改局对新出台的涉企政策措施逐件开展公平竞争审查，共审查文件23件。", 12)]
    [InlineData("区政府行政复议决定书（卫沙政复决字〔2023〕5号）", "申请人不服区市场监管分局作出的行政处罚决定，申请行政复议，本机关决定维持。", 40)]
    public void Match_Evidence_RanksItsIndicatorFirst(string title, string text, int expected)
    {
        var matches = _matcher.Match(new MatchInput(title, text), top: 3);

        Assert.NotEmpty(matches);
        Assert.Equal(expected, matches[0].Number);
        Assert.NotEmpty(matches[0].Reasons);
    }

    [Fact]
    public void ProfileCosines_OfTermFrequencies_EqualThoseOfTheWeightedVector()
    {
        // Profiles and idf as a framework builds them, and a document that shares some words and not others.
        var raw = Indicators.Select(i => Tokenizer.Features(i.Text + string.Concat(i.MaterialItems))).ToList();
        var idf = raw.SelectMany(f => f.Keys).GroupBy(k => k).ToDictionary(g => g.Key, g => Math.Log(1.0 + (double)raw.Count / g.Count()));
        var unknown = Math.Log(1.0 + raw.Count);
        SparseVector Weigh(Dictionary<string, double> f) =>
            new(f.ToDictionary(kv => kv.Key, kv => ProfilePostings.Weight(kv.Value, idf.GetValueOrDefault(kv.Key, unknown))));
        var profiles = raw.Select((f, i) => (Indicators[i].Number, Weigh(f))).ToList();
        var postings = new ProfilePostings(profiles, idf, unknown);
        var document = Tokenizer.Features("区政府行政复议决定书公开。申请人不服行政处罚决定申请行政复议，本机关决定维持，决定书已在门户网站公开。沙坡头景区游客量同比增长。");

        var fromFrequencies = postings.Cosines(document);
        var fromVector = postings.Cosines(Weigh(document));

        Assert.Equal(fromVector, fromFrequencies);
        for (var slot = 0; slot < profiles.Count; slot++)
        {
            Assert.Equal(Weigh(document).Cosine(profiles[slot].Item2), fromFrequencies[postings.Slot(profiles[slot].Number)], 12);
        }
        Assert.Equal(40, profiles[Array.IndexOf(fromFrequencies, fromFrequencies.Max())].Number);
        Assert.All(postings.Cosines(new Dictionary<string, double>()), c => Assert.Equal(0, c));
    }

    [Theory]
    [InlineData("沙坡头景区五一假期旅游接待情况", "五一假期全区共接待游客12.3万人次，实现旅游收入8600万元，沙坡头景区游客量同比增长15%。")]
    [InlineData("中卫市气象台天气预报", "明天白天晴转多云，偏北风3到4级，最高气温18度，最低气温5度。")]
    public void Match_UnrelatedText_MapsToNothing(string title, string text) =>
        Assert.Empty(_matcher.Match(new MatchInput(title, text)));

    // A long text in the field's own words and a long text that is not, both scoring under the full threshold.
    private const string FieldText =
        "区政府召开专题会议部署行政复议工作。会议要求健全行政复议案件审理机制，依法公开行政复议决定书，合理控制纠错率；" +
        "各部门要配合做好公平竞争审查，对涉及市场主体经济活动的政策措施逐件审查；同时梳理权责清单，及时动态调整并公布。" +
        "会议强调，行政复议是化解行政争议的主渠道，要加强案件审理，规范决定书公开，完善统计表，做好情况说明。";

    private const string OtherText =
        "国庆假期全区共接待游客十二万人次，景区客流平稳有序，乡村民宿入住率较高，特色餐饮、农家乐生意兴旺。" +
        "气象部门预计假期后期以晴朗干燥天气为主，日间气温逐日回升，早晚温差较大，请游客注意添衣保暖、错峰出行。" +
        "交通部门在主要路口增派人员疏导车流，景区停车场新增车位八百个，公交线路加密班次，确保游客出行顺畅安全。";

    [Fact]
    public void Match_FieldTextUnderTheThreshold_HeardFromTheLowerThreshold()
    {
        var input = FrameworkMatcher.Prepare(Tokenizer, new MatchInput("", FieldText));
        var best = _matcher.ScoreAll(input)[0].Score;
        // The full threshold just above the text's best score, the lower one below it.
        var settings = MatcherSettings.Default with { Threshold = best + 0.01, LowThreshold = best - 0.01 };
        var matcher = new FrameworkMatcher("test", Indicators, Tokenizer, settings);

        Assert.True(matcher.DomainShare(input) >= settings.DomainShare, $"share {matcher.DomainShare(input)}");
        Assert.Equal(40, Assert.Single(matcher.Match(input, top: 1)).Number);
        // Without the field-share rule the same text maps to nothing.
        Assert.Empty(new FrameworkMatcher("test", Indicators, Tokenizer, settings with { DomainShare = 1.01 }).Match(input));
    }

    [Fact]
    public void Match_LongTextOutsideTheField_NeedsTheFullThreshold()
    {
        var input = FrameworkMatcher.Prepare(Tokenizer, new MatchInput("", OtherText));
        var settings = MatcherSettings.Default with { LowThreshold = 0 };
        var matcher = new FrameworkMatcher("test", Indicators, Tokenizer, settings);

        Assert.True(matcher.DomainShare(input) < settings.DomainShare, $"share {matcher.DomainShare(input)}");
        Assert.Equal(settings.Threshold, matcher.ThresholdFor(input));
        Assert.Empty(matcher.Match(input));
    }

    [Fact]
    public void DomainShare_ShortText_NotRead() =>
        Assert.Equal(0, _matcher.DomainShare(FrameworkMatcher.Prepare(Tokenizer, new MatchInput("", "健全行政复议案件审理机制，行政复议决定书依法公开。"))));

    [Fact]
    public void Match_PathHint_AddsReasonAndRanksHintedIndicator()
    {
        var matches = _matcher.Match(new MatchInput("审查记录", "对新出台的政策措施开展审查。", Hints: [12]));

        Assert.Equal(12, matches[0].Number);
        Assert.Contains(matches[0].Reasons, r => r.Contains("指标12"));
    }

    [Fact]
    public void Match_HintWithoutContentSupport_MapsNothing() =>
        Assert.Empty(_matcher.Match(new MatchInput("中卫市气象台天气预报", "明天白天晴转多云，偏北风3到4级，最高气温18度，最低气温5度。", Hints: [12])));

    [Fact]
    public void Match_TitleNamesMaterialItem_ReasonSaysSo()
    {
        var matches = _matcher.Match(new MatchInput("2023年公平竞争审查台账", "区发改局对新出台的涉企政策措施逐件开展审查。"));

        Assert.Equal(12, matches[0].Number);
        Assert.Contains(matches[0].Reasons, r => r.StartsWith("标题与材料第2项相符"));
    }

    private static readonly IndicatorProfileInput[] ReportIndicators =
    [
        new(95, "每年3月1日前报告上一年度法治政府建设情况，4月1日前通过政府门户网站向社会公开。", "九、法治政府建设组织领导", null,
            ["2022年以来法治政府建设情况年度报告公布网址、截图"], []),
        new(84, "深入学习贯彻习近平法治思想，把习近平法治思想、宪法法律列入政府常务会学习内容。", "八、依法行政能力", null,
            ["习近平法治思想学习宣传有关方案、信息报道", "政府常务会议学习通知、会议纪要"], []),
    ];

    private const string ReportText =
        "现将本县上一年度法治政府建设情况报告如下。一年来，县政府深入学习贯彻习近平法治思想，把习近平法治思想和宪法法律列入政府常务会议学习内容，举办专题学习会4次。";

    [Fact]
    public void Match_TitleIsTheReportAnItemAsksFor_RaisesThatIndicatorAndSaysWhy()
    {
        var input = new MatchInput("某县2023年度法治政府建设情况报告", ReportText, Date: new DateOnly(2024, 3, 1));
        var without = new FrameworkMatcher("test", ReportIndicators, new MatchTokenizer(), MatcherSettings.Default with { KindWeight = 0 });
        var with = new FrameworkMatcher("test", ReportIndicators, new MatchTokenizer());

        var before = without.Match(input).Single(m => m.Number == 95);
        var after = with.Match(input).Single(m => m.Number == 95);

        Assert.Equal(before.Score + MatcherSettings.Default.KindWeight, after.Score, 3);
        Assert.Contains(after.Reasons, r => r.StartsWith("标题所示的报告正是材料第1项所要，日期2024-03-01在“2022年以来”之内", StringComparison.Ordinal));
        Assert.Equal(with.Match(input).Single(m => m.Number == 84).Score, without.Match(input).Single(m => m.Number == 84).Score, 3);
    }

    // Two neighbours in the notice's own words: one text names the emergency work both share, and the training only one asks for.
    private static readonly IndicatorProfileInput[] EmergencyIndicators =
    [
        new(64, "风险防范意识不断增强，定期对容易引发自然灾害、事故灾害和公共卫生事件的危险源、危险区域进行调查、登记、风险评估。", "七、突发事件依法预防处置", null,
            ["对容易引发自然灾害、事故灾害和公共卫生事件的危险源、危险区域开展调查、登记、风险评估等工作的印证资料"], ["相关工作情况说明"]),
        new(67, "突发事件应急管理培训制度建立健全，定期对负责处置突发事件的工作人员进行培训。", "七、突发事件依法预防处置", null,
            ["突发事件应急管理培训制度", "对突发事件负责人定期培训的方案、信息简报、照片等资料"], ["定期培训相关工作情况说明"]),
    ];

    [Fact]
    public void Match_TextHoldsMostOfOneItem_RaisesThatIndicatorAndSaysWhich()
    {
        var input = new MatchInput("", "县应急管理局为负责处置突发事件的工作人员举办应急管理专题培训，讲解自然灾害和事故灾害的应对，编发信息简报并留存照片。");
        var without = new FrameworkMatcher("test", EmergencyIndicators, new MatchTokenizer(), MatcherSettings.Default with { CoverageWeight = 0 });
        var with = new FrameworkMatcher("test", EmergencyIndicators, new MatchTokenizer());

        var before = without.Match(input).Single(m => m.Number == 67);
        var after = with.Match(input).Single(m => m.Number == 67);

        Assert.True(after.Score > before.Score, $"{after.Score} > {before.Score}");
        Assert.Contains(after.Reasons, r => r.StartsWith("材料第1项的用语本文占72%：突发事件应急管理培训制度", StringComparison.Ordinal));
        Assert.DoesNotContain(before.Reasons, r => r.Contains("的用语本文占", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_TextHoldsLittleOfAnyItem_CoverageAddsNothing()
    {
        var input = new MatchInput("", "全县开展地质灾害隐患排查。");
        var without = new FrameworkMatcher("test", EmergencyIndicators, new MatchTokenizer(), MatcherSettings.Default with { CoverageWeight = 0 });
        var with = new FrameworkMatcher("test", EmergencyIndicators, new MatchTokenizer());

        Assert.Equal(without.ScoreAll(input).Single(s => s.Number == 64).Score, with.ScoreAll(input).Single(s => s.Number == 64).Score, 6);
    }

    [Fact]
    public void Match_NoTitle_FirstSentenceSaysWhatWasDone()
    {
        var input = new MatchInput("", "11月20日，县应急管理局为公务员任职培训班专题授课。授课讲解了自然灾害、事故灾害和公共卫生事件等突发事件的应对。");
        var without = new FrameworkMatcher("test", EmergencyIndicators, new MatchTokenizer(), MatcherSettings.Default with { VerbWeight = 0 });
        var with = new FrameworkMatcher("test", EmergencyIndicators, new MatchTokenizer());

        var after = with.Match(input).Single(m => m.Number == 67);

        Assert.Equal(without.Match(input).Single(m => m.Number == 67).Score + MatcherSettings.Default.VerbWeight / 2, after.Score, 3);
        Assert.Contains(after.Reasons, r => r == "首句的做法与指标一致：培训");
        Assert.DoesNotContain(with.Match(input).Single(m => m.Number == 64).Reasons, r => r.StartsWith("首句", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_TitleNamesAnAct_FirstSentenceNotRead()
    {
        var matcher = new FrameworkMatcher("test", EmergencyIndicators, new MatchTokenizer());

        var matches = matcher.Match(new MatchInput("县应急管理局开展危险区域风险评估", "县应急管理局为公务员任职培训班专题授课。对自然灾害、事故灾害的危险源、危险区域进行调查、登记。"));

        Assert.DoesNotContain(matches.SelectMany(m => m.Reasons), r => r.StartsWith("首句", StringComparison.Ordinal));
        Assert.Contains(matches.Single(m => m.Number == 64).Reasons, r => r == "标题的做法与指标一致：评估");
    }

    [Theory]
    [InlineData("\n  四川新闻网-首屏新闻\n11月20日，县应急管理局专题授课。此后", "四川新闻网-首屏新闻\n11月20日，县应急管理局专题授课。")]
    [InlineData("真没想到!近日，调解室里", "真没想到!")]
    [InlineData("没有句号的一行", "没有句号的一行")]
    public void FirstSentence_ToTheFirstSentenceEnd(string text, string expected) =>
        Assert.Equal(expected, MaterialKind.FirstSentence(text));

    [Fact]
    public void Match_ReportDatedBeforeTheItemsPeriod_NoKindReason()
    {
        var matcher = new FrameworkMatcher("test", ReportIndicators, new MatchTokenizer());

        var matches = matcher.Match(new MatchInput("某县2019年度法治政府建设情况报告", ReportText, Date: new DateOnly(2020, 3, 1)));

        Assert.DoesNotContain(matches.SelectMany(m => m.Reasons), r => r.StartsWith("标题所示", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_ReasonsNameMatchedMaterialItem()
    {
        var matches = _matcher.Match(new MatchInput("行政复议决定书公开情况", "区政府门户网站公开行政复议决定书的网址及截图。"));

        Assert.Contains(matches[0].Reasons, r => r.StartsWith("对应材料第1项"));
    }

    [Fact]
    public void WithExamples_ConfirmedSimilarDocument_RaisesScoreWithoutChangingTheOriginal()
    {
        var input = new MatchInput("涉企政策文件清理工作总结", "对区本级制定的涉企文件进行清理，废止妨碍统一市场的文件3件。");
        var before = _matcher.ScoreAll(input).First(s => s.Number == 12).Score;

        var confirmed = _matcher.WithExamples(new Dictionary<int, IReadOnlyList<(string Title, string Text)>>
        {
            [12] = [("2021年涉企文件清理工作总结", "对妨碍统一市场的涉企文件进行清理，废止文件5件。")],
        });
        var after = confirmed.ScoreAll(input).First(s => s.Number == 12).Score;

        Assert.True(after > before, $"score with a confirmed example {after} should exceed {before}");
        Assert.Equal(before, _matcher.ScoreAll(input).First(s => s.Number == 12).Score);
    }

    [Fact]
    public void Prepare_LongDocument_HeadFeaturesSameAsAnalysingTheHeadAgain()
    {
        var tokenizer = new MatchTokenizer(["行政复议决定书", "权责清单"]);
        var passages = Enumerable.Range(1, 120)
            .Select(i => $"第{i}条 区司法局依法公开行政复议决定书，权责清单动态调整，共计{i * 7}件，ＡＢＣ１２３。")
            .ToList();
        var head = DocumentText.Head(passages);

        var reused = FrameworkMatcher.Prepare(tokenizer, new MatchInput("年度报告", head, passages)).Whole;
        var direct = FrameworkMatcher.Prepare(tokenizer, new MatchInput("年度报告", head)).Whole;

        Assert.Equal(DocumentText.HeadCharacters, head.Length); // the head ends inside a passage
        Assert.Equal(direct.Keys.Order(StringComparer.Ordinal), reused.Keys.Order(StringComparer.Ordinal));
        Assert.All(direct, kv => Assert.Equal(kv.Value, reused[kv.Key], 9));
    }
}
