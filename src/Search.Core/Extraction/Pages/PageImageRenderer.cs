using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Storage;

namespace Search.Core.Extraction.Pages;

/// <summary>
/// Shows a page of a stored document as an image: a PDF page is rendered once with pdftoppm and kept under
/// page-images/ (the cache follows content, since ids do); an image file is its own single page.
/// </summary>
public sealed class PageImageRenderer(DataPaths paths, IOptions<ExtractionOptions> options)
{
    /// <summary>Resolution of page images for the page view (dots per inch): an A4 page is about 1280 pixels high.</summary>
    public const int Dpi = 110;

    private static readonly Dictionary<string, string> ImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["png"] = "image/png",
        ["jpeg"] = "image/jpeg",
        ["gif"] = "image/gif",
        ["bmp"] = "image/bmp",
    };

    private readonly SemaphoreSlim _rendering = new(1, 1);

    /// <summary>True when the document's pages can be shown as images (PDF and the image formats browsers show).</summary>
    public static bool CanRender(DocumentRecord document) =>
        document.Status != DocumentStatus.Quarantined && (IsPdf(document) || ImageTypes.ContainsKey(document.Kind));

    public async Task<PageImage> RenderAsync(DocumentRecord document, int page, CancellationToken cancellationToken)
    {
        if (!CanRender(document))
        {
            throw new NotFoundException($"“{document.FileName}”没有可显示的页面图像：只有 PDF 和图片可以预览。");
        }
        if (page < 1 || page > Math.Max(1, document.PageCount))
        {
            throw new NotFoundException($"“{document.FileName}”没有第 {page} 页（共 {document.PageCount} 页）。");
        }
        if (ImageTypes.TryGetValue(document.Kind, out var type))
        {
            return new PageImage(document.StoredPath, type);
        }
        var target = Path.Combine(paths.PageImages, document.Id, $"{page}.png");
        if (File.Exists(target))
        {
            return new PageImage(target, "image/png");
        }
        await _rendering.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(target))
            {
                await RenderPdfPageAsync(document.StoredPath, page, target, cancellationToken);
            }
        }
        finally
        {
            _rendering.Release();
        }
        return new PageImage(target, "image/png");
    }

    /// <summary>Forgets a document's rendered pages (when it is deleted).</summary>
    public void Forget(string documentId)
    {
        var folder = Path.Combine(paths.PageImages, documentId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool IsPdf(DocumentRecord document) => string.Equals(document.Kind, "pdf", StringComparison.OrdinalIgnoreCase);

    private async Task RenderPdfPageAsync(string pdf, int page, string target, CancellationToken cancellationToken)
    {
        var o = options.Value;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var prefix = Path.Combine(Path.GetDirectoryName(target)!, $"render-{Guid.NewGuid():N}");
        try
        {
            await ExternalTool.RunAsync(o.PdftoppmPath, ["-r", Dpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), "-png", "-singlefile", pdf, prefix],
                "poppler-utils", TimeSpan.FromSeconds(o.ProcessTimeoutSeconds), cancellationToken);
            File.Move(prefix + ".png", target, overwrite: true);
        }
        finally
        {
            File.Delete(prefix + ".png");
        }
    }
}
