using Search.Core.Configuration;

namespace Search.Core.Extraction;

/// <summary>A file cannot be read; the message is the reason shown to the user (Chinese where the user reads it).</summary>
public sealed class ExtractionException(string reason, string? file = null, Exception? inner = null)
    : SearchException(reason, inner)
{
    public string Reason { get; } = reason;

    public string? File { get; } = file;
}
