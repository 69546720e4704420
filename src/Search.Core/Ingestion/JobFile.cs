namespace Search.Core.Ingestion;

/// <summary>One file submitted to a job: where it is stored for processing and under which name and department.</summary>
public sealed record JobFile(string Path, string DisplayName, string? Department);
