namespace Search.Core.Coverage;

/// <summary>
/// Evidence filed under no unit: none was given at upload and none could be guessed from its path. Coverage lists these
/// apart (flagged <see cref="Label"/>) so nobody counts them for a unit by mistake or forgets to ask whose they are.
/// </summary>
public sealed record UnfiledDocument(string DocumentId, string Title, string File)
{
    public const string Label = "未填报送单位";
}
