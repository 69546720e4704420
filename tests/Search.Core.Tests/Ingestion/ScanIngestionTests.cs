using OpenCvSharp;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Search;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Ingestion;

/// <summary>Scans through the whole pipeline: read by PP-OCR by default, and never indexed silently empty.</summary>
[Trait("Category", "Integration")]
public sealed class ScanIngestionTests(NoticePageFixture notice) : IClassFixture<NoticePageFixture>, IDisposable
{
    private readonly Services _services = new();
    private readonly TempFolder _inputs = new();

    private IngestionPipeline Pipeline => _services.Get<IngestionPipeline>();

    [Fact]
    public async Task Ingest_ScannedPdf_SearchableWithOcrNoted()
    {
        var pdf = _inputs.File("推进方案扫描件.pdf");
        TestFiles.ScannedPdf(notice.Png, pdf);

        var outcome = Assert.Single(await Pipeline.IngestAsync(pdf, "推进方案扫描件.pdf", "县司法局", CancellationToken.None));
        // The index is a projection of the store: wait for its commit, as a job does at its end.
        await _services.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Equal(IngestOutcomeKind.Ingested, outcome.Outcome);
        var record = _services.Get<DocumentRepository>().Get(outcome.DocumentId!)!;
        Assert.True(record.UsedOcr);
        Assert.Contains(record.Warnings, w => w.Contains("OCR"));
        Assert.NotEmpty(_services.Get<IEvidenceIndex>().Search(new SearchRequest { Query = "示范县工作推进方案" }).Hits);
    }

    [Fact]
    public async Task Ingest_PdfWithOneScannedPageOfThree_CountsOneOcrPage()
    {
        var scan = _inputs.File("scan.pdf");
        TestFiles.ScannedPdf(notice.Png, scan);
        var pdf = _inputs.File("推进方案及附件.pdf");
        TestFiles.JoinedPdf(pdf, notice.TextPdf, notice.TextPdf, scan);

        var outcome = Assert.Single(await Pipeline.IngestAsync(pdf, "推进方案及附件.pdf", "县司法局", CancellationToken.None));

        var record = _services.Get<DocumentRepository>().Get(outcome.DocumentId!)!;
        Assert.True(record.UsedOcr);
        Assert.Equal(3, record.PageCount);
        Assert.Equal(1, record.OcrPages);
        // What a record stored before the count was kept falls back to: the pages its OCR layout holds.
        Assert.Equal(1, _services.Get<Core.Extraction.Ocr.OcrLayoutStore>().PageCount(record.Id));
    }

    [Fact]
    public async Task Ingest_BlankScan_FailsWithTheReason()
    {
        var png = _inputs.File("blank.png");
        using (var blank = new Mat(1754, 1240, MatType.CV_8UC3, Scalar.All(248)))
        {
            Cv2.ImWrite(png, blank);
        }
        var pdf = _inputs.File("空白扫描件.pdf");
        TestFiles.ScannedPdf(png, pdf);

        var outcome = Assert.Single(await Pipeline.IngestAsync(pdf, "空白扫描件.pdf", "县司法局", CancellationToken.None));

        Assert.Equal(IngestOutcomeKind.Failed, outcome.Outcome);
        Assert.Contains("扫描件中未识别到文字", outcome.Reason);
        var record = _services.Get<DocumentRepository>().Get(outcome.DocumentId!)!;
        Assert.Equal(DocumentStatus.Failed, record.Status);
    }

    public void Dispose()
    {
        _services.Dispose();
        _inputs.Dispose();
    }
}
