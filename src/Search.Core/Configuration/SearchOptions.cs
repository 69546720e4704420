namespace Search.Core.Configuration;

/// <summary>Where the service keeps its data and finds its built-in corpus; bound from the "Search" section.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Lucene index, stored originals and metadata. Relative paths are resolved against the current directory.</summary>
    public string DataDirectory { get; set; } = "index";

    /// <summary>The built-in corpus (policy notices, vocabulary). Empty means: look for a "corpus" folder upwards from the current and the program directory.</summary>
    public string CorpusDirectory { get; set; } = "";

    /// <summary>Ingest the built-in corpus into an empty data directory when the service starts.</summary>
    public bool IngestCorpusOnFirstStart { get; set; } = true;

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);

    /// <summary>The corpus folder, or null when none can be found.</summary>
    public string? ResolveCorpusDirectory()
    {
        if (!string.IsNullOrWhiteSpace(CorpusDirectory))
        {
            return Path.GetFullPath(CorpusDirectory);
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "corpus");
                if (Directory.Exists(Path.Combine(candidate, "policy")))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
