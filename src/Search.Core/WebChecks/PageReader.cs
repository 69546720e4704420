using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Extraction.Text;
using Search.Core.Extraction.Web;

namespace Search.Core.WebChecks;

/// <summary>
/// Reads a fetched page: decodes it by the charset the server or the page declares (government sites still
/// serve GBK), then reads it with the same <see cref="WebPageReader"/> ingestion uses: the article's title,
/// its main text without menus and link lists, and the publication date the page shows.
/// </summary>
public static partial class PageReader
{
    [GeneratedRegex(@"charset\s*=\s*[""']?([\w-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    public static PageContent Read(byte[] body, string? contentType)
    {
        var html = Decode(body, contentType);
        var article = WebPageReader.Read(html);
        var text = article.Title is { Length: > 0 } title ? title + "\n" + article.Text : article.Text;
        return new PageContent(html, article.Title, text, article.PublishedDate);
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
    public static DateOnly? PublishedDate(string html, string text) =>
        WebPageReader.MetaDate(html) ?? WebPageReader.PublishedDate(text.Split('\n'));
}
