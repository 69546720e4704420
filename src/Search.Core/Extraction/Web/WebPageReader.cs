using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Search.Core.Extraction.Web;

/// <summary>
/// Reads a web page the way a person reads it, for ingestion and web checks alike: AngleSharp parses the
/// HTML, SmartReader (Readability) finds the article's main text, and government CMS conventions give the
/// title (ArticleTitle), the publication date (PubDate, 发布时间) and the source (ContentSource, 来源).
/// Menus, headers, footers and link lists are left out.
/// </summary>
public static partial class WebPageReader
{
    private static readonly HashSet<string> DateMetaNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "PubDate", "publishdate", "publish_date", "article:published_time", "firstpublishedtime", "datePublished", "dc.date", "dcterms.issued", "releasedate",
    };

    private static readonly HashSet<string> SourceMetaNames = new(StringComparer.OrdinalIgnoreCase) { "ContentSource", "source", "dc.publisher" };

    /// <summary>Elements that never hold the article.</summary>
    private const string Chrome = "script,style,noscript,template,svg,nav,header,footer,aside,form,select,button,iframe,object";

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol", "dl", "dd", "dt",
        "blockquote", "pre", "header", "footer", "main", "center", "hr", "tbody", "thead",
    };

    /// <summary>A block named like chrome but holding more than this share of the page's text is the article, not chrome.</summary>
    private const double MaxChromeShare = 0.4;

    /// <summary>Class or id words CMS templates give their page chrome (footer, 导航, 相关链接, 分享…).</summary>
    [GeneratedRegex(@"(?:^|[\s_-])(?:foot(?:er)?|bottom|nav(?:bar)?|menu|header|top(?:bar)?|crumbs?|breadcrumb|share|related|links?|copyright|sidebar)(?:$|[\s_\d-])", RegexOptions.IgnoreCase)]
    private static partial Regex ChromeName();

    [GeneratedRegex(@"saved from url=\(\d+\)(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex SavedFrom();

    [GeneratedRegex(@"(?:发布时间|发布日期|发文日期|公开日期|成文日期|发布于|日期|时间)\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")]
    private static partial Regex LabelledDate();

    [GeneratedRegex(@"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")]
    private static partial Regex AnyDate();

    [GeneratedRegex(@"(?:信息来源|文章来源|来源|发布机构)\s*[:：]\s*([^\s|｜:：]{2,30}?)(?=\s|$|[|｜]|发布|作者|浏览|时间|日期|字号|点击)")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"\s*(?:_|\||｜| - | — |－|—)\s*")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"[ \t\u00a0\u3000]+")]
    private static partial Regex Spaces();

    public static WebArticle Read(string html, string? location = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        location ??= SavedFrom().Match(html) is { Success: true } saved ? saved.Groups[1].Value
            : document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        var meta = document.QuerySelectorAll("meta")
            .Select(m => (Name: m.GetAttribute("name") ?? m.GetAttribute("property") ?? m.GetAttribute("itemprop"), Content: m.GetAttribute("content")))
            .Where(m => !string.IsNullOrWhiteSpace(m.Name) && !string.IsNullOrWhiteSpace(m.Content))
            .Select(m => (Name: m.Name!.Trim(), Content: Clean(m.Content!)))
            .ToList();
        var pageTitle = Clean(document.Title ?? "") is { Length: > 0 } t ? t : null;
        var title = meta.FirstOrDefault(m => m.Name.Equals("ArticleTitle", StringComparison.OrdinalIgnoreCase)).Content
            ?? HeadingTitle(document, pageTitle)
            ?? WithoutSiteName(pageTitle);

        // Dates and sources sit in lines around the article (发布时间：… 来源：…), so they are read from the whole page.
        var pageLines = Lines(document.Body, skipChrome: false);
        var published = meta.Where(m => DateMetaNames.Contains(m.Name)).Select(m => ToDate(AnyDate().Match(m.Content))).FirstOrDefault(d => d is not null)
            ?? PublishedDate(pageLines);
        var source = meta.FirstOrDefault(m => SourceMetaNames.Contains(m.Name)).Content
            ?? pageLines.Select(l => SourceLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;

        var paragraphs = MainText(document, location, title);
        return new WebArticle(title, pageTitle, paragraphs, published, source, location);
    }

    /// <summary>The first date labelled 发布时间/发布日期/日期 in lines of page text.</summary>
    public static DateOnly? PublishedDate(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            foreach (Match labelled in LabelledDate().Matches(line))
            {
                if (ToDate(labelled) is { } date)
                {
                    return date;
                }
            }
        }
        return null;
    }

    /// <summary>The date of a publication meta tag in raw HTML (for pages whose text was read elsewhere).</summary>
    public static DateOnly? MetaDate(string html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return null;
        }
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("meta")
            .Where(m => DateMetaNames.Contains(m.GetAttribute("name") ?? m.GetAttribute("property") ?? m.GetAttribute("itemprop") ?? ""))
            .Select(m => ToDate(AnyDate().Match(m.GetAttribute("content") ?? "")))
            .FirstOrDefault(d => d is not null);
    }

    private static IReadOnlyList<string> MainText(IHtmlDocument document, string? location, string? title)
    {
        // The boilerplate-free page is the fallback when Readability finds no article (short notices, tables).
        var fallback = Lines(WithoutBoilerplate(document), skipChrome: true);
        var article = ReadArticle(document, location);
        var lines = article.Sum(l => l.Length) >= Math.Min(60, fallback.Sum(l => l.Length)) && article.Count > 0 ? article : fallback;
        return lines.Where(l => l != title).ToList();
    }

    private static List<string> ReadArticle(IHtmlDocument document, string? location)
    {
        try
        {
            // The document is already parsed, so SmartReader fetches nothing; the address only resolves relative links.
            var uri = Uri.TryCreate(location, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.ToString() : "http://localhost/page.html";
            var clone = (IHtmlDocument)document.Clone(true);
            RemoveChrome(clone.Body);
            var reader = new Reader(uri, clone) { CharThreshold = 40, ContinueIfNotReadable = true, DisableJSONLD = true };
            var article = reader.GetArticle();
            if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content))
            {
                return [];
            }
            var content = new HtmlParser().ParseDocument($"<html><body>{article.Content}</body></html>");
            return Lines(content.Body, skipChrome: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Readability is a heuristic; a page it cannot handle is read by the fallback instead.
            return [];
        }
    }

    /// <summary>A copy of the body without page chrome and without blocks that are mostly links (menus, 相关链接, 友情链接).</summary>
    private static IElement? WithoutBoilerplate(IHtmlDocument document)
    {
        if (document.Body?.Clone(true) is not IElement body)
        {
            return null;
        }
        RemoveChrome(body);
        foreach (var block in body.QuerySelectorAll("ul,ol,dl,div,td,table,p").Reverse().ToList())
        {
            var text = Clean(block.TextContent);
            if (text.Length == 0 || block.Parent is null)
            {
                continue;
            }
            var links = block.QuerySelectorAll("a").ToList();
            var linkText = links.Sum(a => Clean(a.TextContent).Length);
            if (links.Count >= 3 && linkText >= text.Length * 0.6)
            {
                block.Remove();
            }
        }
        return body;
    }

    /// <summary>Removes page chrome: its elements (nav, header, footer…) and blocks whose class or id names it.</summary>
    private static void RemoveChrome(IElement? root)
    {
        if (root is null)
        {
            return;
        }
        // A class or id is only a hint: templates also call the article's own wrappers "main-top" or "con_links", so a
        // block holding much of the page's text is kept whatever its name says; chrome is small.
        var total = Math.Max(1, Clean(root.TextContent).Length);
        foreach (var element in root.QuerySelectorAll("*").Where(e => e.Matches(Chrome)
            || ((ChromeName().IsMatch(e.ClassName ?? "") || ChromeName().IsMatch(e.Id ?? "")) && Clean(e.TextContent).Length < total * MaxChromeShare)).ToList())
        {
            element.Remove();
        }
    }

    /// <summary>The text of an element, one line per block element, whitespace collapsed.</summary>
    private static List<string> Lines(IElement? root, bool skipChrome)
    {
        if (root is null)
        {
            return [];
        }
        var text = new StringBuilder();
        Append(root, text, skipChrome);
        return text.ToString().Split('\n').Select(Clean).Where(l => l.Length > 0).ToList();
    }

    private static void Append(INode node, StringBuilder text, bool skipChrome)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    // Line ends inside a block are only source formatting.
                    text.Append(t.Data.Replace('\r', ' ').Replace('\n', ' '));
                    break;
                case IElement e when e.LocalName is "script" or "style" or "noscript" or "template" || (skipChrome && e.Matches(Chrome)):
                    break;
                case IElement e:
                    var block = BlockTags.Contains(e.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                    }
                    else if (e.LocalName is "td" or "th")
                    {
                        text.Append(' ');
                    }
                    Append(e, text, skipChrome);
                    if (block)
                    {
                        text.Append('\n');
                    }
                    break;
            }
        }
    }

    /// <summary>A page's own h1 when it is the article's heading: not the site's name in the banner.</summary>
    private static string? HeadingTitle(IHtmlDocument document, string? pageTitle)
    {
        foreach (var h1 in document.QuerySelectorAll("h1"))
        {
            var text = Clean(h1.TextContent);
            if (text.Length is < 4 or > 120 || h1.Closest("header,nav") is not null
                || (pageTitle is not null && pageTitle.EndsWith(text, StringComparison.Ordinal) && pageTitle.Length > text.Length))
            {
                continue;
            }
            return text;
        }
        return null;
    }

    /// <summary>"权责清单_沙坡头区人民政府" → "权责清单": CMS titles put the article first and the column and site after.</summary>
    private static string? WithoutSiteName(string? pageTitle)
    {
        if (pageTitle is null)
        {
            return null;
        }
        var parts = TitleSeparator().Split(pageTitle).Where(p => p.Length > 0).ToList();
        return parts.Count > 1 && parts[0].Length >= 4 ? parts[0] : pageTitle;
    }

    private static DateOnly? ToDate(Match m)
    {
        if (!m.Success)
        {
            return null;
        }
        var year = int.Parse(m.Groups[1].Value);
        var month = int.Parse(m.Groups[2].Value);
        var day = int.Parse(m.Groups[3].Value);
        return year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static string Clean(string text) => Spaces().Replace(text.Replace('\r', ' ').Replace('\n', ' '), " ").Trim();
}
