using Microsoft.Extensions.Logging;
using Search.Core.Configuration;
using Search.Core.Frameworks;

namespace Search.Core.Llm;

/// <summary>
/// Drafts the 情况说明 of one indicator from its evidence: asks the model, checks citations and length,
/// asks once more when the answer breaks a rule, trims at a sentence end as a last resort, and saves the result as a draft.
/// </summary>
public sealed class DraftService(LlmClient llm, FrameworkCatalog catalog, EvidenceGatherer gatherer, DraftRepository drafts, ILogger<DraftService> logger)
{
    public async Task<ExplanationDraft> DraftAsync(string frameworkId, int number, string user, CancellationToken cancellationToken)
    {
        // What the request names must exist before the server's own state is the answer.
        var framework = catalog.Get(frameworkId);
        var indicator = catalog.GetIndicator(frameworkId, number);
        llm.EnsureConfigured("起草情况说明");
        var options = llm.Options;
        var (limit, limitSource) = DraftLimit.For(indicator, options.DefaultLengthLimit);
        var excerpts = gatherer.Gather(framework.Id, indicator, options.MaxExcerpts, options.MaxExcerptChars);
        if (excerpts.Count == 0)
        {
            throw new InvalidInputException($"{framework.Id} 指标{number} 还没有佐证材料，无法起草情况说明；请先上传或确认佐证。");
        }
        var known = excerpts.Select(e => e.Marker).ToHashSet();
        var system = DraftPrompt.System(limit);
        var prompt = DraftPrompt.User(framework.Name, indicator, limit, excerpts);

        var answer = await AskAsync(system, prompt, known, cancellationToken);
        var problems = Problems(answer, limit);
        if (problems.Count > 0)
        {
            logger.LogInformation("Draft for {Framework}#{Number} asked again: {Problems}", framework.Id, number, string.Join("; ", problems));
            answer = await AskAsync(system, DraftPrompt.Repair(prompt, answer.Text, problems), known, cancellationToken);
        }

        if (answer.UnknownMarkers.Count > 0)
        {
            throw new LlmException(LlmFailure.BadAnswer,
                $"语言模型引用了未提供的材料 {string.Join("", answer.UnknownMarkers.Select(m => $"[{m}]"))}，草稿未保存。the model cited evidence it was not given.");
        }
        if (answer.Markers.Count == 0)
        {
            throw new LlmException(LlmFailure.BadAnswer, "语言模型的草稿没有引用任何材料，草稿未保存。the draft cites no evidence.");
        }
        var warnings = new List<string>();
        var text = answer.Text;
        if (answer.Length > limit)
        {
            text = DraftAnswer.Trim(text, limit);
            warnings.Add($"模型两次超出 {limit} 字上限（{answer.Length} 字），已在句末截断，请检查结尾。");
            answer = DraftAnswer.Check(text, known);
            if (answer.Markers.Count == 0)
            {
                throw new LlmException(LlmFailure.BadAnswer, $"语言模型的草稿超出 {limit} 字上限，截断后没有引用，草稿未保存。the draft is too long.");
            }
        }
        warnings.AddRange(answer.UncitedSentences.Select(s => $"这句话没有引用材料，请核对或删去：{s}"));

        var byMarker = excerpts.ToDictionary(e => e.Marker);
        var draft = new ExplanationDraft
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            Framework = framework.Id,
            Number = number,
            Text = text,
            Length = answer.Length,
            Limit = limit,
            LimitSource = limitSource,
            Citations = answer.Markers.Select(m => byMarker[m]).Select(e => new DraftCitation(e.Marker, e.DocumentId, e.Page, e.Title)).ToList(),
            Warnings = warnings,
            Model = llm.Model,
            CreatedBy = user,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        drafts.Save(draft);
        return draft;
    }

    /// <summary>
    /// Saves a reviewer's version of a draft. It needs no model: the markers must be those the draft was given,
    /// and length and unsupported sentences are recounted and reported, not refused, since the reviewer decides.
    /// </summary>
    public ExplanationDraft Edit(string frameworkId, int number, string draftId, string text, string user)
    {
        var draft = drafts.Get(draftId);
        if (draft is null || draft.Framework != catalog.Get(frameworkId).Id || draft.Number != number)
        {
            throw new NotFoundException($"{frameworkId} 指标{number} 没有编号为 {draftId} 的草稿。");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidInputException("草稿正文不能为空。");
        }
        var byMarker = draft.Citations.ToDictionary(c => c.Marker);
        var answer = DraftAnswer.Check(text, byMarker.Keys.ToList());
        if (answer.UnknownMarkers.Count > 0)
        {
            throw new InvalidInputException($"引用编号 {string.Join("", answer.UnknownMarkers.Select(m => $"[{m}]"))} 不在这份草稿的引用材料中；可用的编号：{string.Join("", byMarker.Keys.Order().Select(m => $"[{m}]"))}。");
        }
        var warnings = new List<string>();
        if (answer.Length > draft.Limit)
        {
            warnings.Add($"共 {answer.Length} 字，超过 {draft.Limit} 字上限。");
        }
        warnings.AddRange(answer.UncitedSentences.Select(s => $"这句话没有引用材料，请核对或删去：{s}"));
        var edited = draft with
        {
            Text = answer.Text,
            Length = answer.Length,
            Citations = answer.Markers.Select(m => byMarker[m]).ToList(),
            Warnings = warnings,
            EditedBy = user,
            EditedAt = DateTimeOffset.UtcNow,
        };
        drafts.Update(edited);
        return edited;
    }

    public IReadOnlyList<ExplanationDraft> List(string frameworkId, int number)
    {
        catalog.GetIndicator(frameworkId, number);
        return drafts.List(catalog.Get(frameworkId).Id, number);
    }

    private async Task<DraftAnswer> AskAsync(string system, string prompt, IReadOnlySet<int> known, CancellationToken cancellationToken)
    {
        var raw = await llm.CompleteAsync(system, prompt, cancellationToken);
        var answer = DraftAnswer.Check(raw, known);
        if (answer.Length == 0)
        {
            throw new LlmException(LlmFailure.BadAnswer, $"语言模型 {llm.Options.Endpoint} 返回了空回答，草稿未保存。the model answered with no text.",
                userMessage: "语言模型返回了空回答，草稿未保存。");
        }
        return answer;
    }

    private static List<string> Problems(DraftAnswer answer, int limit)
    {
        var problems = new List<string>();
        if (answer.Length > limit)
        {
            problems.Add($"共 {answer.Length} 字，超过 {limit} 字上限，请压缩");
        }
        if (answer.Markers.Count == 0)
        {
            problems.Add("没有标注任何材料编号，每句话末尾都要标注");
        }
        if (answer.UnknownMarkers.Count > 0)
        {
            problems.Add($"引用了不存在的编号 {string.Join("", answer.UnknownMarkers.Select(m => $"[{m}]"))}，只能引用给出的编号");
        }
        return problems;
    }
}
