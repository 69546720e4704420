namespace Search.Core.Indexing;

/// <summary>Reads a text through <see cref="TextNormalizer"/>; used by the analyzers' InitReader so index and query agree.</summary>
internal static class NormalizingReader
{
    public static TextReader Wrap(TextReader reader) => new StringReader(TextNormalizer.Normalize(reader.ReadToEnd()));
}
