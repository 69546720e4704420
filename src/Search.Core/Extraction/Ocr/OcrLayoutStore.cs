using System.Text.Json;
using Search.Core.Storage;

namespace Search.Core.Extraction.Ocr;

/// <summary>Keeps the lines OCR found on a document's pages, with their boxes, beside the metadata: one JSON file per document.</summary>
public sealed class OcrLayoutStore(DataPaths paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Save(string documentId, IReadOnlyList<OcrPage> pages)
    {
        Directory.CreateDirectory(paths.OcrLayouts);
        var target = PathOf(documentId);
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(pages, Json));
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>The OCR'd page with that number, or null when the page was read from a text layer (or never OCR'd).</summary>
    public OcrPage? Load(string documentId, int page)
    {
        var path = PathOf(documentId);
        if (!File.Exists(path))
        {
            return null;
        }
        var pages = JsonSerializer.Deserialize<List<OcrPage>>(File.ReadAllText(path), Json) ?? [];
        return pages.FirstOrDefault(p => p.PageNumber == page);
    }

    /// <summary>How many pages OCR read text from, for a document stored before that count was kept on its record.</summary>
    public int PageCount(string documentId)
    {
        var path = PathOf(documentId);
        return File.Exists(path) ? (JsonSerializer.Deserialize<List<OcrPage>>(File.ReadAllText(path), Json) ?? []).Count : 0;
    }

    public void Delete(string documentId)
    {
        if (File.Exists(PathOf(documentId)))
        {
            File.Delete(PathOf(documentId));
        }
    }

    private string PathOf(string documentId) => Path.Combine(paths.OcrLayouts, documentId + ".json");
}
