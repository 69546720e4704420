using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Extraction.Text;

namespace Search.Core.Extraction.Web;

/// <summary>Saved web pages (HTML, MHT): visible text without scripts and styles, the title, and the page address the file records.</summary>
public sealed partial class HtmlTextExtractor : ITextExtractor
{
    [GeneratedRegex(@"<(script|style|noscript|template|svg)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex(@"</?(p|div|br|li|tr|h[1-6]|section|article|table|ul|ol|header|footer|td|th|dd|dt)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"saved from url=\(\d+\)(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex SavedFrom();

    [GeneratedRegex(@"<link[^>]+rel=[""']canonical[""'][^>]*href=[""']([^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex Canonical();

    [GeneratedRegex(@"<meta[^>]+charset=[""']?([\w-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"[ \t\u00a0\u3000]+")]
    private static partial Regex Spaces();

    public bool CanExtract(FileKind kind) => kind is FileKind.Html or FileKind.Mht;

    public async Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        string html;
        string? location = null;
        if (kind == FileKind.Mht)
        {
            (html, location) = MhtReader.ReadHtml(bytes);
        }
        else
        {
            var ascii = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
            var declared = TextDecoder.ByName(MetaCharset().Match(ascii).Groups[1].Value);
            html = declared is not null && !(bytes.Length >= 3 && bytes[0] == 0xEF) ? declared.GetString(bytes) : TextDecoder.Decode(bytes);
        }
        return Parse(html, location);
    }

    public static ExtractionResult Parse(string html, string? location = null)
    {
        location ??= SavedFrom().Match(html) is { Success: true } saved ? saved.Groups[1].Value
            : Canonical().Match(html) is { Success: true } canonical ? canonical.Groups[1].Value : null;
        var title = Title().Match(html) is { Success: true } t ? Clean(WebUtility.HtmlDecode(AnyTag().Replace(t.Groups[1].Value, ""))) : null;
        var body = Comment().Replace(html, "");
        body = Invisible().Replace(body, " ");
        body = Title().Replace(body, " ");
        body = BlockTag().Replace(body, "\n");
        body = WebUtility.HtmlDecode(AnyTag().Replace(body, ""));
        var sections = body.Split('\n')
            .Select(Clean)
            .Where(l => l.Length > 0)
            .Select(l => new TextSection(l, 1))
            .ToList();
        if (title is { Length: > 0 } && (sections.Count == 0 || sections[0].Text != title))
        {
            sections.Insert(0, new TextSection(title, 1, "网页标题", SectionKind.Heading));
        }
        return new ExtractionResult(sections, 1, string.IsNullOrEmpty(title) ? null : title, location);
    }

    private static string Clean(string text) => Spaces().Replace(text, " ").Trim();
}
