using System.Diagnostics;
using Search.Core.Configuration;
using Search.Core.Frameworks;
using Search.Core.Ingestion;
using Search.Core.Llm;
using Search.Core.Matching;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Llm;

[Trait("Category", "Integration")]
public sealed class DraftServiceTests : IDisposable
{
    private const string Evidence = "关于开展2023年公平竞争审查工作的通知\n\n区市场监管分局对涉及市场主体经济活动的行政规范性文件逐件开展公平竞争审查，建立审查台账。\n\n2023年3月6日";

    private readonly FakeOpenAiServer _server = new();
    private readonly Services _services;
    private readonly TempFolder _inputs = new();

    public DraftServiceTests()
    {
        _services = new Services(new()
        {
            ["Search:Llm:Endpoint"] = _server.Endpoint,
            ["Search:Llm:Model"] = "county-model",
            ["Search:Llm:ApiKey"] = "test-key",
            ["Search:Llm:TimeoutSeconds"] = "3",
            ["Search:Llm:MaxAttempts"] = "2",
        });
    }

    private async Task<string> LinkEvidenceAsync(int number = 12)
    {
        var path = _inputs.File("gpjz.txt");
        await File.WriteAllTextAsync(path, Evidence);
        var id = (await _services.Get<IngestionPipeline>().IngestAsync(path, "gpjz.txt", "区市场监管分局", CancellationToken.None))[0].DocumentId!;
        await _services.Get<MappingService>().DecideAsync(id, "shapotou-2023", number, DecisionKind.Confirm, "审核员", null, CancellationToken.None);
        return id;
    }

    private Task<ExplanationDraft> DraftAsync(int number = 12) =>
        _services.Get<DraftService>().DraftAsync("shapotou-2023", number, "审核员", CancellationToken.None);

    private static string Sentences(int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"第{i}项：区市场监管分局逐件开展公平竞争审查并建立审查台账。[1]"));

    [Fact]
    public async Task DraftAsync_CitedAnswer_SavesDraftWithCitationToDocumentPage()
    {
        var id = await LinkEvidenceAsync();

        var draft = await DraftAsync();

        Assert.Equal("draft", draft.Status);
        Assert.Equal(500, draft.Limit);
        Assert.True(draft.Length <= draft.Limit);
        var citation = Assert.Single(draft.Citations);
        Assert.Equal(id, citation.DocumentId);
        Assert.Equal(1, citation.Page);
        Assert.Empty(draft.Warnings);
        var saved = Assert.Single(_services.Get<DraftService>().List("shapotou-2023", 12));
        Assert.Equal(draft.Text, saved.Text);
        Assert.Equal("draft", saved.Status);
        Assert.Equal(id, saved.Citations[0].DocumentId);
    }

    [Fact]
    public async Task DraftAsync_Request_HoldsEvidenceLimitAndWhatToCover()
    {
        var id = await LinkEvidenceAsync();
        var indicator = _services.Get<FrameworkCatalog>().GetIndicator("shapotou-2023", 12);

        await DraftAsync();

        var request = Assert.Single(_server.ChatRequests);
        Assert.Equal("county-model", request.Body["model"]!.ToString());
        Assert.Equal("Bearer test-key", request.Authorization);
        Assert.Contains("逐件开展公平竞争审查", request.Prompt);
        Assert.Contains($"[1] 《关于开展2023年公平竞争审查工作的通知》（文件 {id}，第 1 页）", request.Prompt);
        Assert.Contains("不超过 500 字", request.Prompt);
        Assert.Contains("字数上限：500 字", request.Prompt);
        Assert.Contains(indicator.Text, request.Prompt);
        Assert.All(indicator.Explanation, item => Assert.Contains(item, request.Prompt));
    }

    [Fact]
    public async Task DraftAsync_TooLongThenFits_AsksOnceMoreAndKeepsSecondAnswer()
    {
        await LinkEvidenceAsync();
        _server.Chat = call => FakeOpenAiServer.Reply.ChatText(call == 0 ? Sentences(30) : Sentences(3));

        var draft = await DraftAsync();

        var requests = _server.ChatRequests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains("超过 500 字上限", requests[1].Prompt);
        Assert.Equal(DraftLength.Count(Sentences(3)), draft.Length);
        Assert.Empty(draft.Warnings);
    }

    [Fact]
    public async Task DraftAsync_TooLongTwice_TrimmedAtSentenceEndAndFlagged()
    {
        await LinkEvidenceAsync();
        _server.Chat = _ => FakeOpenAiServer.Reply.ChatText(Sentences(30));

        var draft = await DraftAsync();

        Assert.InRange(draft.Length, 400, 500);
        Assert.EndsWith("。[1]", draft.Text);
        Assert.Contains(draft.Warnings, w => w.Contains("截断"));
        Assert.Single(_services.Get<DraftService>().List("shapotou-2023", 12));
    }

    [Fact]
    public async Task DraftAsync_NoCitations_AsksAgainThenFailsWithoutSaving()
    {
        await LinkEvidenceAsync();
        _server.Chat = _ => FakeOpenAiServer.Reply.ChatText("本地区高度重视公平竞争审查工作，取得了明显成效。");

        var e = await Assert.ThrowsAsync<LlmException>(() => DraftAsync());

        Assert.Equal(LlmFailure.BadAnswer, e.Failure);
        Assert.Contains("没有引用", e.Message);
        Assert.Equal(2, _server.ChatRequests.Count());
        Assert.Empty(_services.Get<DraftService>().List("shapotou-2023", 12));
    }

    [Fact]
    public async Task DraftAsync_CitesEvidenceNotGiven_Fails()
    {
        await LinkEvidenceAsync();
        _server.Chat = _ => FakeOpenAiServer.Reply.ChatText("区里建立了审查台账。[1] 全年审查文件120件。[7]");

        var e = await Assert.ThrowsAsync<LlmException>(() => DraftAsync());

        Assert.Contains("[7]", e.Message);
        Assert.Empty(_services.Get<DraftService>().List("shapotou-2023", 12));
    }

    [Fact]
    public async Task DraftAsync_SentenceWithoutCitation_SavedWithWarning()
    {
        await LinkEvidenceAsync();
        _server.Chat = _ => FakeOpenAiServer.Reply.ChatText("区里逐件开展公平竞争审查。[1]全年没有发现问题，成效显著。");

        var draft = await DraftAsync();

        Assert.Contains(draft.Warnings, w => w.Contains("全年没有发现问题"));
    }

    [Fact]
    public async Task DraftAsync_MalformedAnswer_ClearErrorWithoutRetry()
    {
        await LinkEvidenceAsync();
        _server.Chat = _ => FakeOpenAiServer.Reply.Malformed();

        var e = await Assert.ThrowsAsync<LlmException>(() => DraftAsync());

        Assert.Equal(LlmFailure.BadAnswer, e.Failure);
        Assert.Contains(_server.Endpoint, e.Message);
        Assert.Single(_server.ChatRequests);
    }

    [Fact]
    public async Task DraftAsync_EmptyAnswer_ClearError()
    {
        await LinkEvidenceAsync();
        _server.Chat = _ => FakeOpenAiServer.Reply.ChatText("  ");

        var e = await Assert.ThrowsAsync<LlmException>(() => DraftAsync());

        Assert.Contains("空回答", e.Message);
    }

    [Fact]
    public async Task DraftAsync_ServerErrors_TriedMaxAttemptsThenUnavailable()
    {
        await LinkEvidenceAsync();
        _server.Chat = _ => FakeOpenAiServer.Reply.Error(500);

        var e = await Assert.ThrowsAsync<LlmException>(() => DraftAsync());

        Assert.Equal(LlmFailure.Unavailable, e.Failure);
        Assert.Contains("500", e.Message);
        Assert.Equal(2, _server.ChatRequests.Count());
    }

    [Fact]
    public async Task DraftAsync_OneServerError_SecondAttemptSucceeds()
    {
        await LinkEvidenceAsync();
        _server.Chat = call => call == 0 ? FakeOpenAiServer.Reply.Error(503) : FakeOpenAiServer.Reply.ChatText("区里逐件开展公平竞争审查。[1]");

        var draft = await DraftAsync();

        Assert.Single(draft.Citations);
        Assert.Equal(2, _server.ChatRequests.Count());
    }

    [Fact]
    public async Task DraftAsync_SlowServer_TimesOutWithinSecondsNoHang()
    {
        await LinkEvidenceAsync();
        _server.Chat = _ => FakeOpenAiServer.Reply.ChatText("太慢了。[1]", TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<LlmException>(() => DraftAsync());

        Assert.Equal(LlmFailure.Timeout, e.Failure);
        Assert.Contains("秒内没有回答", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(2, _server.ChatRequests.Count());
    }

    [Fact]
    public async Task DraftAsync_IndicatorWithoutEvidence_InvalidInputBeforeAskingTheModel()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => DraftAsync(40));

        Assert.Contains("指标40", e.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task DraftAsync_UnknownIndicator_NotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => DraftAsync(999));
    }

    public void Dispose()
    {
        _services.Dispose();
        _inputs.Dispose();
        _server.Dispose();
    }
}
