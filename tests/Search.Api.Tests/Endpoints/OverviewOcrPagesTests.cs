using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Search.Core.Tests.Fixtures;

namespace Search.Api.Tests.Endpoints;

/// <summary>The landing page's "经 OCR 识别" counts the pages OCR read, not every page of a PDF of which OCR read one.</summary>
public sealed class OverviewOcrPagesTests(SearchApiFactory factory, NoticePageFixture notice) : IClassFixture<SearchApiFactory>, IClassFixture<NoticePageFixture>
{
    [Fact]
    public async Task Overview_PdfWithOneScannedPageOfThree_CountsOnePage()
    {
        using var client = factory.CreateClient();
        var scan = notice.Folder.File("scan.pdf");
        TestFiles.ScannedPdf(notice.Png, scan);
        var pdf = notice.Folder.File("joined.pdf");
        TestFiles.JoinedPdf(pdf, notice.TextPdf, notice.TextPdf, scan);

        var job = await Uploads.UploadAndWaitAsync(client, "推进方案及扫描附件.pdf", await File.ReadAllBytesAsync(pdf), "application/pdf", "县司法局");
        var overview = await client.GetFromJsonAsync<JsonElement>("/api/overview?framework=shapotou-2023");

        Assert.Equal("ingested", job.GetProperty("files")[0].GetProperty("outcome").GetString());
        Assert.Equal(1, overview.GetProperty("ocrDocuments").GetInt32());
        Assert.Equal(1, overview.GetProperty("ocrDocumentPages").GetInt32());

        // A record stored before the count was kept (no count on it) is counted from its OCR layout: still one page.
        factory.Services.GetRequiredService<Search.Core.Storage.MetadataDatabase>().Execute("UPDATE documents SET ocr_pages = NULL");
        var older = await client.GetFromJsonAsync<JsonElement>("/api/overview?framework=shapotou-2023");
        Assert.Equal(1, older.GetProperty("ocrDocumentPages").GetInt32());
    }
}
