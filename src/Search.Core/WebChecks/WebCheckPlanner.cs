using System.Text.RegularExpressions;
using Search.Core.Configuration;
using Search.Core.Coverage;
using Search.Core.Frameworks;
using Search.Core.Search;
using Search.Core.Storage;

namespace Search.Core.WebChecks;

/// <summary>
/// Works out what to check online for a framework: the indicators assessed by 网络检索 or whose materials ask for
/// 网址, 截图, 公开 or 公布; for each, the words a right page shows and the addresses to try (those found in its
/// evidence and those users added).
/// </summary>
public sealed partial class WebCheckPlanner(FrameworkCatalog catalog, CoverageService coverage, DocumentRepository documents, WebCheckRepository repository, Vocabulary vocabulary)
{
    private const int MaxKeywords = 3;

    [GeneratedRegex("网址|截图|公开|公布|网站|网上")]
    private static partial Regex WebWords();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]{2,4}(?:清单|目录|年度报告|年报|决定书)")]
    private static partial Regex ListPhrase();

    /// <summary>The indicators of a framework that are checked online.</summary>
    public static bool IsCheckedOnline(Indicator indicator) =>
        indicator.Methods.Contains("网络检索") || indicator.Materials.SelectMany(m => m.Items).Any(i => WebWords().IsMatch(i));

    public WebCheckPlan Plan(string? frameworkId, int? indicatorNumber, IReadOnlyList<string> urls, IReadOnlyList<string> expect)
    {
        foreach (var url in urls)
        {
            Validate(url);
        }
        if (frameworkId is null)
        {
            if (urls.Count == 0)
            {
                throw new InvalidInputException("请指定指标体系（--framework）或要检查的网址（--url）。");
            }
            return new WebCheckPlan(null, urls.Select(u => new WebCheckTarget(u, null, null, null, null, expect, null, "command")).ToList(), []);
        }

        var framework = catalog.Get(frameworkId);
        var indicators = indicatorNumber is { } n
            ? [catalog.GetIndicator(framework.Id, n)]
            : framework.Indicators.Where(IsCheckedOnline).OrderBy(i => i.Number).ToList();
        if (indicatorNumber is not null)
        {
            foreach (var url in urls)
            {
                repository.AddAddress(framework.Id, indicatorNumber.Value, url, "command");
            }
        }

        var links = coverage.EvidenceLinks(framework.Id);
        var targets = new List<WebCheckTarget>();
        var noAddress = new List<UncheckedIndicator>();
        foreach (var indicator in indicators)
        {
            var words = expect.Count > 0 ? expect : KeywordsFor(indicator);
            var deadline = DeadlineRule.Find(indicator.Text) ?? DeadlineRule.Find(string.Join("。", indicator.Materials.SelectMany(m => m.Items)));
            var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var link in links.GetValueOrDefault(indicator.Number) ?? [])
            {
                if (documents.Get(link.DocumentId) is { } doc)
                {
                    foreach (var url in doc.Urls.Append(doc.SourceUrl).OfType<string>().Where(IsWebAddress))
                    {
                        addresses.TryAdd(url, "evidence:" + doc.Id);
                    }
                }
            }
            foreach (var address in repository.AddressesFor(framework.Id, indicator.Number))
            {
                addresses.TryAdd(address, "user");
            }
            if (indicatorNumber is null)
            {
                foreach (var url in urls)
                {
                    addresses.TryAdd(url, "command");
                }
            }
            if (addresses.Count == 0)
            {
                noAddress.Add(new UncheckedIndicator(indicator.Number, indicator.Text, words,
                    "佐证材料中没有网址，也没有手工添加的网址：请让牵头单位提供公开网址及截图，或添加网址后再检查"));
                continue;
            }
            targets.AddRange(addresses.Select(a => new WebCheckTarget(a.Key, framework.Id, indicator.Number, indicator.Text,
                indicator.LeadUnits.FirstOrDefault(), words, deadline, a.Value)));
        }
        return new WebCheckPlan(framework.Id, targets, noAddress);
    }

    /// <summary>
    /// The words a right page shows: the domain terms named by the items that ask for publication (then by the
    /// indicator text), longest first, else the list or report the item names (……清单, ……年度报告).
    /// </summary>
    public IReadOnlyList<string> KeywordsFor(Indicator indicator)
    {
        var webItems = indicator.Materials.SelectMany(m => m.Items).Where(i => WebWords().IsMatch(i)).ToList();
        var words = new List<string>();
        foreach (var source in webItems.Append(indicator.Text))
        {
            var text = source;
            foreach (var term in vocabulary.Terms.OrderByDescending(t => t.Length))
            {
                if (text.Contains(term, StringComparison.Ordinal))
                {
                    if (!words.Any(w => w.Contains(term, StringComparison.Ordinal)))
                    {
                        words.Add(term);
                    }
                    text = text.Replace(term, "\u0000", StringComparison.Ordinal);
                }
            }
            if (words.Count > 0)
            {
                break;
            }
        }
        if (words.Count == 0)
        {
            words.AddRange(webItems.Append(indicator.Text).SelectMany(t => ListPhrase().Matches(t).Select(m => m.Value)).Distinct().Take(MaxKeywords));
        }
        return words.Take(MaxKeywords).ToList();
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static void Validate(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw new InvalidInputException($"“{url}”不是完整的网址，应以 http:// 或 https:// 开头。");
        }
    }
}
