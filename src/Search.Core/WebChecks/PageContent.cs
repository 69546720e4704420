namespace Search.Core.WebChecks;

/// <summary>A fetched page read as text: the decoded HTML, its title, its visible text and the publication date it shows.</summary>
public sealed record PageContent(string Html, string? Title, string Text, DateOnly? PublishedDate);
