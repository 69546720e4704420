using System.Text.Json;
using Search.Core.Storage;

namespace Search.Core.Extraction.Ocr;

/// <summary>Keeps the lines OCR found on a document's pages, with their boxes, beside the metadata: one JSON file per document.</summary>
public sealed class OcrLayoutStore(DataPaths paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Save(string documentId, IReadOnlyList<OcrPage> pages) => Write(PathOf(documentId), pages);

    /// <summary>The OCR'd page with that number, or null when the page was read from a text layer (or never OCR'd).</summary>
    public OcrPage? Load(string documentId, int page) =>
        Read(PathOf(documentId)).FirstOrDefault(p => p.PageNumber == page)
        ?? Read(ViewedPathOf(documentId)).FirstOrDefault(p => p.PageNumber == page);

    /// <summary>
    /// Keeps a page OCR read when it was first shown (a scan stored before lines were kept): apart from the pages
    /// ingestion read, so counts of OCR'd pages stay those of ingestion. Callers serialise writes for one document.
    /// </summary>
    public void SaveViewed(string documentId, OcrPage page) =>
        Write(ViewedPathOf(documentId), Read(ViewedPathOf(documentId)).Where(p => p.PageNumber != page.PageNumber).Append(page).OrderBy(p => p.PageNumber).ToList());

    /// <summary>Written whole to a temporary file and moved over the old one, so a reader never sees half a file.</summary>
    private void Write(string target, IReadOnlyList<OcrPage> pages)
    {
        Directory.CreateDirectory(paths.OcrLayouts);
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(pages, Json));
        File.Move(temp, target, overwrite: true);
    }

    private static List<OcrPage> Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<List<OcrPage>>(File.ReadAllText(path), Json) ?? [] : [];

    /// <summary>How many pages OCR read text from, for a document stored before that count was kept on its record.</summary>
    public int PageCount(string documentId) => Read(PathOf(documentId)).Count;

    public void Delete(string documentId)
    {
        foreach (var path in new[] { PathOf(documentId), ViewedPathOf(documentId) })
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    private string PathOf(string documentId) => Path.Combine(paths.OcrLayouts, documentId + ".json");

    private string ViewedPathOf(string documentId) => Path.Combine(paths.OcrLayouts, documentId + ".viewed.json");
}
