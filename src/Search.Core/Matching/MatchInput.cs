namespace Search.Core.Matching;

/// <summary>The text of a document as the matcher sees it.</summary>
/// <param name="Title">Title or file name; weighs more than body text.</param>
/// <param name="Text">Body text (the whole document, or the first part of a long one).</param>
/// <param name="Passages">Passages scored one by one, so a long document can match what one part of it says.</param>
/// <param name="Hints">Indicator numbers named by the path or file name ("12-公平竞争审查/…").</param>
/// <param name="Date">The document's own date, set against the periods material items ask for ("2022年以来").</param>
public sealed record MatchInput(string Title, string Text, IReadOnlyList<string>? Passages = null, IReadOnlyList<int>? Hints = null, DateOnly? Date = null);
