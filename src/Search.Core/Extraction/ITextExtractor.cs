namespace Search.Core.Extraction;

/// <summary>Reads the text of one file format. One sealed implementation per format.</summary>
public interface ITextExtractor
{
    bool CanExtract(FileKind kind);

    /// <summary>
    /// Extracts the file's text. Throws <see cref="ExtractionException"/> for expected per-file problems
    /// (corrupt, encrypted, missing converter) with a reason a user understands.
    /// </summary>
    Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken);
}
