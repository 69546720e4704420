namespace Search.Core.WebChecks;

/// <summary>A yearly date a framework sets ("每年1月31日前…"), its next occurrence, and the indicators that state it.</summary>
/// <param name="Publication">True when the clause asks for publication (公开/公布), which a web check can verify.</param>
public sealed record UpcomingDeadline(int Month, int Day, DateOnly Next, int DaysLeft, string Text, bool Publication, IReadOnlyList<int> Indicators);
