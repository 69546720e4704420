using Microsoft.Extensions.Options;
using OpenCvSharp;
using Search.Core.Extraction;
using Search.Core.Extraction.Ocr;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Extraction;

/// <summary>Where extraction turns to OCR (scans, images, unusable text layers), which engine reads, and what the file is told.</summary>
[Trait("Category", "Integration")]
public sealed class OcrExtractionTests(NoticePageFixture notice) : IClassFixture<NoticePageFixture>, IDisposable
{
    private readonly Services _services = new();
    private readonly TempFolder _folder = new();

    private static string All(ExtractionResult r) => string.Join("\n", r.Sections.Select(s => s.Text));

    private Task<ExtractionResult> ExtractAsync(string path, Services? services = null) =>
        (services ?? _services).Get<TextExtractionService>().ExtractAsync(path, CancellationToken.None);

    [Fact]
    public async Task Extract_Image_ReadByPaddleWithLineBoxes()
    {
        var result = await ExtractAsync(notice.Png);

        var page = Assert.Single(result.OcrPages);
        Assert.Equal("paddle", page.Engine);
        Assert.Contains(NoticePageFixture.Title, All(result));
        Assert.All(page.Lines, l => Assert.Equal(4, l.Box.Count));
        Assert.All(result.Sections, s => Assert.Equal(SectionKind.Ocr, s.Kind));
    }

    [Fact]
    public async Task Extract_PdfWithGbTextReadAsWinAnsi_OcrsPageAndSaysWhy()
    {
        var pdf = _folder.File("mojibake.pdf");
        TestFiles.ScanWithGbTextReadAsWinAnsi(notice.Png, string.Concat(NoticePageFixture.Paragraphs), pdf);

        var result = await ExtractAsync(pdf);

        Assert.True(result.UsedOcr);
        Assert.Contains(NoticePageFixture.Title, All(result));
        Assert.DoesNotContain("Ø", All(result));
        Assert.Contains(result.Warnings, w => w.Contains("第 1 页的文字层无法使用") && w.Contains("乱码"));
        Assert.Equal(1, Assert.Single(result.OcrPages).PageNumber);
    }

    [Fact]
    public async Task Extract_PdfFontsWithoutToUnicode_OcrsPageAndSaysWhy()
    {
        var pdf = _folder.File("no-tounicode.pdf");
        TestFiles.WithoutToUnicode(notice.TextPdf, pdf);

        var result = await ExtractAsync(pdf);

        Assert.True(result.UsedOcr);
        Assert.Contains(NoticePageFixture.Title, All(result));
        Assert.Contains(result.Warnings, w => w.Contains("文字层无法使用"));
    }

    [Fact]
    public async Task Extract_TextPdf_NoOcr()
    {
        var result = await ExtractAsync(notice.TextPdf);

        Assert.False(result.UsedOcr);
        Assert.Empty(result.OcrPages);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Extract_BlankScan_FailsSayingNoTextWasFound()
    {
        var png = _folder.File("blank.png");
        using (var blank = new Mat(1754, 1240, MatType.CV_8UC3, Scalar.All(250)))
        {
            Cv2.ImWrite(png, blank);
        }
        var pdf = _folder.File("blank-scan.pdf");
        TestFiles.ScannedPdf(png, pdf);

        var error = await Assert.ThrowsAsync<ExtractionException>(() => ExtractAsync(pdf));

        Assert.Contains("扫描件中未识别到文字", error.Reason);
    }

    [Fact]
    public async Task Extract_ModelsMissing_FallsBackToTesseractAndSaysSo()
    {
        using var services = new Services(new() { ["Search:Extraction:OcrModelDirectory"] = _folder.Path });

        var result = await ExtractAsync(notice.Png, services);

        Assert.Equal("tesseract", Assert.Single(result.OcrPages).Engine);
        Assert.Contains("法治政府建设", All(result));
        Assert.Contains(result.Warnings, w => w.Contains("缺少 PP-OCR 模型文件") && w.Contains("Tesseract") && w.Contains("dotnet build"));
    }

    [Fact]
    public async Task Extract_TesseractConfigured_ReadByTesseract()
    {
        using var services = new Services(new() { ["Search:Extraction:OcrEngine"] = "tesseract" });

        var result = await ExtractAsync(notice.Png, services);

        var page = Assert.Single(result.OcrPages);
        Assert.Equal("tesseract", page.Engine);
        Assert.Contains("法治政府建设", All(result));
        Assert.All(page.Lines, l => Assert.True(l.Right > l.Left && l.Bottom > l.Top));
        Assert.InRange(CharacterErrorRate.Of(NoticePageFixture.Truth, page.Text), 0, 0.5);
    }

    [Fact]
    public void Options_UnknownEngine_NamesTheKey()
    {
        using var services = new Services(new() { ["Search:Extraction:OcrEngine"] = "abbyy" });

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<ExtractionOptions>>().Value);

        Assert.Contains("Search:Extraction:OcrEngine", error.Message);
    }

    [Fact]
    public async Task Extract_ScanOfThreePages_ReadSideBySideAsOneByOne()
    {
        // A real notice page three times over (upright, on its side, upright), so pages of one scan are read at once
        // while a page read alone gets the free cores: the text, its page order and the boxes match a one-by-one read.
        var turned = _folder.File("turned.png");
        using (var image = Cv2.ImRead(notice.Png))
        using (var rotated = new Mat())
        {
            Cv2.Rotate(image, rotated, RotateFlags.Rotate90Clockwise);
            Cv2.ImWrite(turned, rotated);
        }
        var pages = new[] { notice.Png, turned, notice.Png }.Select((png, i) =>
        {
            var pdf = _folder.File($"page{i}.pdf");
            TestFiles.ScannedPdf(png, pdf);
            return pdf;
        }).ToArray();
        var scan = _folder.File("附件3.pdf");
        TestFiles.JoinedPdf(scan, pages);
        using var oneByOne = new Services(new() { ["Search:Extraction:OcrPagesAtOnce"] = "1", ["Search:Extraction:OcrThreads"] = "1" });
        using var atOnce = new Services(new() { ["Search:Extraction:OcrPagesAtOnce"] = "3" });

        var alone = await ExtractAsync(scan, oneByOne);
        var together = await ExtractAsync(scan, atOnce);

        Assert.Equal([1, 2, 3], together.OcrPages.Select(p => p.PageNumber));
        Assert.Equal(alone.Sections.Select(s => (s.Page, s.Text)), together.Sections.Select(s => (s.Page, s.Text)));
        Assert.Equal(alone.OcrPages.Select(p => (p.Rotation, p.Lines.Count())), together.OcrPages.Select(p => (p.Rotation, p.Lines.Count())));
        Assert.Contains("法治政府建设示范县", string.Join("", together.Sections.Where(s => s.Page == 2).Select(s => s.Text)).Replace(" ", ""));
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
