namespace Search.Core.Extraction.Web;

/// <summary>A web page as a person reads it: the article's title and paragraphs, when and by whom it was published.</summary>
/// <param name="Title">The article's title (ArticleTitle meta tag or h1), else the page title without the site name.</param>
/// <param name="PageTitle">The page's own &lt;title&gt;, as the browser shows it.</param>
/// <param name="Paragraphs">The main text, one block per entry, without menus, footers and link lists.</param>
/// <param name="PublishedDate">The publication date from a meta tag or a 发布时间/发布日期 line.</param>
/// <param name="Source">The publishing body from the ContentSource meta tag or a 来源 line.</param>
/// <param name="Location">The address the saved page records (saved-from comment, canonical link), if any.</param>
public sealed record WebArticle(
    string? Title,
    string? PageTitle,
    IReadOnlyList<string> Paragraphs,
    DateOnly? PublishedDate,
    string? Source,
    string? Location)
{
    public string Text => string.Join('\n', Paragraphs);
}
