namespace Search.Core.WebChecks;

/// <summary>The result of one check run: every address checked and every indicator that had no address.</summary>
public sealed record WebCheckReport(
    string RunId,
    string? Framework,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<WebCheckResult> Checks,
    IReadOnlyList<UncheckedIndicator> Unchecked)
{
    public IReadOnlyDictionary<string, int> Counts =>
        WebCheckOutcomes.All.ToDictionary(o => o, o => Checks.Count(c => c.Outcome == o));
}
