using OpenCvSharp;
using Search.Core.Extraction.Ocr;
using Search.Core.Extraction.Pages;
using Search.Core.Ingestion;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Extraction;

/// <summary>Hit boxes on scans: a scan lying on its side, and a scan stored before OCR lines were kept.</summary>
[Trait("Category", "Integration")]
public sealed class PageHighlighterTests(NoticePageFixture notice) : IClassFixture<NoticePageFixture>, IDisposable
{
    // Once in the notice, in its last paragraph.
    private const string Term = "决策部署";

    private readonly Services _services = new();
    private readonly TempFolder _inputs = new();

    private PageHighlighter Highlighter => _services.Get<PageHighlighter>();

    [Fact]
    public async Task Find_ScanTurnedClockwise_BoxWhereTheWordIsOnTheStoredPage()
    {
        // Where the word stands on the upright page, from the text layer.
        var upright = Assert.Single(await Highlighter.FindAsync(await IngestAsync(notice.TextPdf, "推进方案.pdf"), 1, [Term], CancellationToken.None));
        var turnedPng = _inputs.File("turned.png");
        using (var image = Cv2.ImRead(notice.Png))
        using (var turned = new Mat())
        {
            Cv2.Rotate(image, turned, RotateFlags.Rotate90Clockwise);
            Cv2.ImWrite(turnedPng, turned);
        }
        var scan = _inputs.File("横放的扫描件.pdf");
        TestFiles.ScannedPdf(turnedPng, scan);

        var boxes = await Highlighter.FindAsync(await IngestAsync(scan, "横放的扫描件.pdf"), 1, [Term], CancellationToken.None);

        // On the page turned clockwise, the upright page's (x, y) is at (1 - y, x), and a line runs down the page.
        var box = Assert.Single(boxes);
        var (expectedX, expectedY) = (1 - (upright.Y + upright.Height / 2), upright.X + upright.Width / 2);
        Assert.InRange(box.X + box.Width / 2, expectedX - 0.03, expectedX + 0.03);
        Assert.InRange(box.Y + box.Height / 2, expectedY - 0.06, expectedY + 0.06);
        Assert.True(box.Height > box.Width, $"a line turned on its side is taller than wide: {box}");
    }

    [Fact]
    public async Task Find_ScanStoredBeforeOcrLinesWereKept_ReadOnceAndKeptApart()
    {
        var scan = _inputs.File("扫描件.pdf");
        TestFiles.ScannedPdf(notice.Png, scan);
        var record = await IngestAsync(scan, "扫描件.pdf");
        var layouts = _services.Get<OcrLayoutStore>();
        // A record stored before OCR lines were kept has none.
        layouts.Delete(record.Id);
        Assert.Null(layouts.Load(record.Id, 1));

        var boxes = await Highlighter.FindAsync(record, 1, [Term], CancellationToken.None);

        Assert.Single(boxes);
        // Kept for the next view, apart from what ingestion read: the count of OCR'd pages is ingestion's.
        Assert.NotNull(layouts.Load(record.Id, 1));
        Assert.Equal(0, layouts.PageCount(record.Id));
        Assert.Equal(boxes, await Highlighter.FindAsync(record, 1, [Term], CancellationToken.None));
    }

    [Theory]
    [InlineData(90, 0.1, 0.2, 0.3, 0.05, 0.2, 0.6, 0.05, 0.3)]
    [InlineData(180, 0.1, 0.2, 0.3, 0.05, 0.6, 0.75, 0.3, 0.05)]
    [InlineData(270, 0.1, 0.2, 0.3, 0.05, 0.75, 0.1, 0.05, 0.3)]
    [InlineData(0, 0.1, 0.2, 0.3, 0.05, 0.1, 0.2, 0.3, 0.05)]
    public void Unturn_BoxOfTheReadImage_OnThePageAsStored(int rotation, double l, double t, double w, double h, double el, double et, double ew, double eh)
    {
        var (left, top, width, height) = PageHighlighter.Unturn(new OcrPage("test", 100, 100, rotation, []), l, t, w, h);

        Assert.Equal((el, et, ew, eh), (Math.Round(left, 4), Math.Round(top, 4), Math.Round(width, 4), Math.Round(height, 4)));
    }

    private async Task<DocumentRecord> IngestAsync(string path, string name)
    {
        var outcome = Assert.Single(await _services.Get<IngestionPipeline>().IngestAsync(path, name, "县司法局", CancellationToken.None));
        Assert.Equal(IngestOutcomeKind.Ingested, outcome.Outcome);
        return _services.Get<DocumentRepository>().Get(outcome.DocumentId!)!;
    }

    public void Dispose()
    {
        _services.Dispose();
        _inputs.Dispose();
    }
}
