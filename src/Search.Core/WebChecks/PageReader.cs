using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Extraction.Text;
using Search.Core.Extraction.Web;

namespace Search.Core.WebChecks;

/// <summary>
/// Reads a fetched page: decodes it by the charset the server or the page declares (government sites still
/// serve GBK), takes the title and visible text, and finds the publication date the page shows.
/// </summary>
public static partial class PageReader
{
    [GeneratedRegex(@"charset\s*=\s*[""']?([\w-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"(?:name|property|itemprop)\s*=\s*[""']([^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex MetaName();

    [GeneratedRegex(@"content\s*=\s*[""']([^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex MetaContent();

    [GeneratedRegex(@"(?:发布时间|发布日期|发文日期|公开日期|发布于|日期|时间)\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")]
    private static partial Regex LabelledDate();

    [GeneratedRegex(@"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")]
    private static partial Regex AnyDate();

    private static readonly HashSet<string> DateMetaNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "PubDate", "publishdate", "publish_date", "article:published_time", "firstpublishedtime", "datePublished", "dc.date", "dcterms.issued", "releasedate",
    };

    public static PageContent Read(byte[] body, string? contentType)
    {
        var html = Decode(body, contentType);
        var parsed = HtmlTextExtractor.Parse(html);
        var text = string.Join('\n', parsed.Sections.Select(s => s.Text));
        return new PageContent(html, parsed.Title, text, PublishedDate(html, text));
    }

    public static string Decode(byte[] body, string? contentType)
    {
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(body, 3, body.Length - 3);
        }
        var declared = TextDecoder.ByName(contentType is null ? null : Charset().Match(contentType).Groups[1].Value)
            ?? TextDecoder.ByName(Charset().Match(Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, 4096))).Groups[1].Value);
        return declared?.GetString(body) ?? TextDecoder.Decode(body);
    }

    /// <summary>The date in a publication meta tag, else the first date labelled 发布时间/发布日期/日期 in the text.</summary>
    public static DateOnly? PublishedDate(string html, string text)
    {
        foreach (Match tag in MetaTag().Matches(html))
        {
            if (MetaName().Match(tag.Value) is { Success: true } name && DateMetaNames.Contains(name.Groups[1].Value)
                && MetaContent().Match(tag.Value) is { Success: true } content && AnyDate().Match(content.Groups[1].Value) is { Success: true } date
                && ToDate(date) is { } fromMeta)
            {
                return fromMeta;
            }
        }
        foreach (Match labelled in LabelledDate().Matches(text))
        {
            if (ToDate(labelled) is { } fromText)
            {
                return fromText;
            }
        }
        return null;
    }

    private static DateOnly? ToDate(Match m)
    {
        var year = int.Parse(m.Groups[1].Value);
        var month = int.Parse(m.Groups[2].Value);
        var day = int.Parse(m.Groups[3].Value);
        return year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }
}
