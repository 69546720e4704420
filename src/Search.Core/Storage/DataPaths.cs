using Microsoft.Extensions.Options;
using Search.Core.Configuration;

namespace Search.Core.Storage;

/// <summary>The layout of the data directory: one place that knows where each kind of data lives.</summary>
public sealed class DataPaths
{
    public DataPaths(IOptions<SearchOptions> options, IOptions<StorageOptions> storage)
        : this(options.Value.ResolveDataDirectory(), storage.Value.OriginalsDirectory)
    {
    }

    public DataPaths(string root, string? originals = null)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Originals = string.IsNullOrWhiteSpace(originals) ? Path.Combine(Root, "originals") : Path.GetFullPath(originals);
    }

    public string Root { get; }

    public string Lucene => Path.Combine(Root, "lucene");

    /// <summary>Stored originals, content-addressed; shared with workers on other machines when Search:Storage:OriginalsDirectory says so.</summary>
    public string Originals { get; }

    public string Uploads => Path.Combine(Root, "uploads");

    public string Frameworks => Path.Combine(Root, "frameworks");

    public string Vocabulary => Path.Combine(Root, "vocabulary");

    public string Snapshots => Path.Combine(Root, "snapshots");

    public string Database => Path.Combine(Root, "metadata.db");

    public string Temp => Path.Combine(Root, "tmp");

    /// <summary>Page images rendered for the page view, per document: a cache, rebuilt on demand.</summary>
    public string PageImages => Path.Combine(Root, "page-images");

    /// <summary>Where OCR found each line on a scanned page, per document, so the page view can highlight a hit.</summary>
    public string OcrLayouts => Path.Combine(Root, "ocr-layout");

    /// <summary>Where quarantined files (classification marks) are kept, apart from the originals.</summary>
    public string Quarantine => Path.Combine(Root, "quarantine");

    /// <summary>Deletes a file kept in quarantine (only inside the quarantine folder).</summary>
    public void DeleteQuarantined(string path)
    {
        var full = Path.GetFullPath(path);
        if (full.StartsWith(Quarantine + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full))
        {
            File.Delete(full);
        }
    }

    /// <summary>Held exclusively by the one process that may write to this data directory.</summary>
    public string OwnerLock => Path.Combine(Root, "owner.lock");

    /// <summary>Who holds <see cref="OwnerLock"/>, and where a running service listens.</summary>
    public string OwnerInfo => Path.Combine(Root, "owner.json");
}
