using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Extraction.Text;

namespace Search.Core.Extraction.Web;

/// <summary>Saved web pages (HTML, MHT): the article as <see cref="WebPageReader"/> reads it, its title, date and source, and the page address the file records.</summary>
public sealed partial class HtmlTextExtractor : ITextExtractor
{
    [GeneratedRegex(@"<meta[^>]+charset=[""']?([\w-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

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
        var article = WebPageReader.Read(html, location);
        var sections = new List<TextSection>();
        if (article.Title is { Length: > 0 } title)
        {
            sections.Add(new TextSection(title, 1, "网页标题", SectionKind.Heading));
        }
        var published = new List<string>();
        if (article.PublishedDate is { } date)
        {
            published.Add($"发布时间：{date:yyyy年M月d日}");
        }
        if (article.Source is { Length: > 0 } source)
        {
            published.Add($"来源：{source}");
        }
        if (published.Count > 0)
        {
            sections.Add(new TextSection(string.Join(" ", published), 1, "发布信息"));
        }
        sections.AddRange(article.Paragraphs.Select(p => new TextSection(p, 1)));
        return new ExtractionResult(sections, 1, string.IsNullOrEmpty(article.Title) ? null : article.Title, article.Location);
    }
}
