using System.Text;
using Search.Core.Extraction;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Extraction;

[Trait("Category", "Integration")]
public sealed class TextExtractionServiceTests(ScanFixture scans) : IClassFixture<ScanFixture>, IDisposable
{
    private readonly Services _services = new(new() { ["Search:Extraction:MaxFileBytes"] = "2000000" });
    private readonly TempFolder _folder = new();

    private TextExtractionService Service => _services.Get<TextExtractionService>();

    private static string All(ExtractionResult r) => string.Join("\n", r.Sections.Select(s => s.Text));

    [Fact]
    public async Task Extract_TextPdf_ReadsChineseWithPages()
    {
        var result = await Service.ExtractAsync(scans.TextPdf, CancellationToken.None);

        Assert.Contains(ScanFixture.Sentence, All(result));
        Assert.All(result.Sections, s => Assert.Equal(1, s.Page));
        Assert.False(result.UsedOcr);
    }

    [Fact]
    public async Task Extract_ScannedPdf_OcrsChinese()
    {
        var result = await Service.ExtractAsync(scans.ScannedPdf, CancellationToken.None);

        Assert.True(result.UsedOcr);
        Assert.Contains("行政复议决定书", All(result));
        Assert.Contains(result.Warnings, w => w.Contains("OCR"));
    }

    [Fact]
    public async Task Extract_Image_OcrsWithoutSpacesBetweenCharacters()
    {
        var result = await Service.ExtractAsync(scans.Png, CancellationToken.None);

        Assert.Contains("沙坡头区司法局", All(result));
        Assert.Contains("六月十六日", All(result));
        Assert.DoesNotContain("司 法", All(result));
    }

    [Fact]
    public async Task Extract_MixedPdf_TextPagesAndOcrPages()
    {
        // Page 1 has a text layer, page 2 is the scanned image.
        var mixed = _folder.File("mixed.pdf");
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        builder.AddPage(595, 842).AddText("Annual report of the legal affairs office 2023", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 780), font);
        builder.AddPage(595, 842).AddPng(File.ReadAllBytes(scans.Png), new UglyToad.PdfPig.Core.PdfRectangle(0, 0, 595, 842));
        File.WriteAllBytes(mixed, builder.Build());

        var result = await Service.ExtractAsync(mixed, CancellationToken.None);

        Assert.Equal(2, result.PageCount);
        Assert.Contains(result.Sections, s => s.Page == 1 && s.Text.Contains("Annual report"));
        Assert.Contains(result.Sections, s => s.Page == 2 && s.Kind == SectionKind.Ocr && s.Text.Contains("行政复议"));
    }

    [Fact]
    public async Task Extract_Docx_ParagraphsHeadingsAndTableRows()
    {
        var path = _folder.File("a.docx");
        TestFiles.Docx(path, ["区司法局开展行政执法案卷评查。"], [["序号", "事项", "责任单位"], ["1", "公平竞争审查", "区市场监管分局"]], heading: "2023年法治政府建设年度报告");

        var result = await Service.ExtractAsync(path, CancellationToken.None);

        Assert.Equal(SectionKind.Heading, result.Sections[0].Kind);
        Assert.Contains(result.Sections, s => s.Kind == SectionKind.TableRow && s.Text == "1\t公平竞争审查\t区市场监管分局" && s.Location == "表1 第2行");
    }

    [Fact]
    public async Task Extract_Xlsx_RowsCarryHeaderNames()
    {
        var path = _folder.File("ledger.xlsx");
        TestFiles.Xlsx(path, "复议台账", [["序号", "案件名称", "结果"], ["1", "张某不服行政处罚申请复议案", "维持"]]);

        var result = await Service.ExtractAsync(path, CancellationToken.None);

        // The header is a row of the table, never a heading that could become the title.
        Assert.DoesNotContain(result.Sections, s => s.Kind == SectionKind.Heading);
        Assert.Equal("序号 | 案件名称 | 结果", result.Sections[0].Text);
        var row = Assert.Single(result.Sections, s => s.Kind == SectionKind.TableRow && s.Text.Contains(": ", StringComparison.Ordinal));
        Assert.Equal("序号: 1 | 案件名称: 张某不服行政处罚申请复议案 | 结果: 维持", row.Text);
        Assert.Equal("复议台账 第2行", row.Location);
    }

    [Theory]
    [InlineData("gb18030")]
    [InlineData("utf8bom")]
    [InlineData("utf16")]
    public async Task Extract_Text_DetectsEncoding(string encoding)
    {
        const string text = "关于印发《公平竞争审查工作方案》的通知\n\n枣法委发〔2021〕10号";
        var bytes = encoding switch
        {
            "gb18030" => TestFiles.Gb18030(text),
            "utf8bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.Unicode.GetBytes(text),
        };
        var path = _folder.File($"notice-{encoding}.txt");
        await File.WriteAllBytesAsync(path, bytes);

        var result = await Service.ExtractAsync(path, CancellationToken.None);

        Assert.Contains("枣法委发〔2021〕10号", All(result));
        Assert.Contains("公平竞争审查", All(result));
    }

    [Fact]
    public async Task Extract_Html_VisibleTextTitleAndAddress()
    {
        var path = _folder.File("page.html");
        await File.WriteAllTextAsync(path, """
            <!-- saved from url=(0040)http://www.example.gov.cn/zwgk/qzqd.html -->
            <html><head><meta charset="utf-8"><title>权责清单_沙坡头区人民政府</title><script>var x = "不应出现";</script></head>
            <body><div>区委编办公布2023年权责清单</div><style>.a{}</style></body></html>
            """);

        var result = await Service.ExtractAsync(path, CancellationToken.None);

        Assert.Equal("权责清单", result.Title);
        Assert.Equal("http://www.example.gov.cn/zwgk/qzqd.html", result.SourceUrl);
        Assert.Contains("区委编办公布2023年权责清单", All(result));
        Assert.DoesNotContain("不应出现", All(result));
    }

    [Fact]
    public async Task Extract_Mht_DecodesQuotedPrintableGbk()
    {
        var html = Encoding.Latin1.GetString(TestFiles.Gb18030("<html><title>行政复议</title><body>复议决定书公开</body></html>"));
        var qp = string.Concat(html.Select(c => c > 127 || c == '=' ? $"={(int)c:X2}" : c.ToString()));
        var mht = $"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: http://sft.example.gov.cn/fy.html\r\n\r\n{qp}\r\n--b1--\r\n";
        var path = _folder.File("page.mht");
        await File.WriteAllTextAsync(path, mht, Encoding.Latin1);

        var result = await Service.ExtractAsync(path, CancellationToken.None);

        Assert.Equal("http://sft.example.gov.cn/fy.html", result.SourceUrl);
        Assert.Contains("复议决定书公开", All(result));
    }

    [Fact]
    public async Task Extract_Ofd_TextPageByPage()
    {
        var path = _folder.File("doc.ofd");
        TestFiles.Zip(path,
            ("OFD.xml", Encoding.UTF8.GetBytes("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")),
            ("Doc_0/Document.xml", Encoding.UTF8.GetBytes("<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/><ofd:Page ID=\"2\" BaseLoc=\"Pages/Page_1/Content.xml\"/></ofd:Pages></ofd:Document>")),
            ("Doc_0/Pages/Page_0/Content.xml", Encoding.UTF8.GetBytes("<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer><ofd:TextObject Boundary=\"10 10 100 5\"><ofd:TextCode X=\"0\" Y=\"0\">莘政办发〔2021〕10号</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>")),
            ("Doc_0/Pages/Page_1/Content.xml", Encoding.UTF8.GetBytes("<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer><ofd:TextObject Boundary=\"10 10 100 5\"><ofd:TextCode X=\"0\" Y=\"0\">第二页内容</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>")));

        var result = await Service.ExtractAsync(path, CancellationToken.None);

        Assert.Equal(2, result.PageCount);
        Assert.Contains(result.Sections, s => s.Page == 1 && s.Text == "莘政办发〔2021〕10号");
        Assert.Contains(result.Sections, s => s.Page == 2 && s.Text == "第二页内容");
    }

    [Fact]
    public async Task Extract_LegacyDoc_ConvertsWithLibreOffice()
    {
        var docx = _folder.File("old.docx");
        TestFiles.Docx(docx, ["重大行政决策目录公开"]);
        var converted = Path.Combine(_folder.Path, "old.doc");
        var start = new System.Diagnostics.ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { $"-env:UserInstallation=file://{_folder.Path}/lo", "--headless", "--convert-to", "doc", "--outdir", _folder.Path, docx })
        {
            start.ArgumentList.Add(a);
        }
        using (var p = System.Diagnostics.Process.Start(start)!)
        {
            p.WaitForExit(120_000);
        }

        var result = await Service.ExtractAsync(converted, CancellationToken.None);

        Assert.Contains("重大行政决策目录公开", All(result));
    }

    [Fact]
    public async Task Extract_PdfNamedDocx_IsReadAsPdf()
    {
        var path = _folder.File("really-a-pdf.docx");
        File.Copy(scans.TextPdf, path);

        Assert.Equal(FileKind.Pdf, FileKindDetector.Detect(path));
        Assert.Contains(ScanFixture.Sentence, All(await Service.ExtractAsync(path, CancellationToken.None)));
    }

    [Fact]
    public async Task Extract_EmptyFile_FailsWithReason()
    {
        var path = _folder.File("empty.pdf");
        await File.WriteAllBytesAsync(path, []);

        var e = await Assert.ThrowsAsync<ExtractionException>(() => Service.ExtractAsync(path, CancellationToken.None));
        Assert.Equal("文件为空", e.Reason);
    }

    [Fact]
    public async Task Extract_TruncatedPdf_FailsWithReason()
    {
        var bytes = await File.ReadAllBytesAsync(scans.TextPdf);
        var path = _folder.File("truncated.pdf");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 3)]);

        var e = await Assert.ThrowsAsync<ExtractionException>(() => Service.ExtractAsync(path, CancellationToken.None));
        Assert.Contains("PDF", e.Reason);
    }

    [Fact]
    public async Task Extract_EncryptedPdf_FailsWithReason()
    {
        // qpdf (installed by .ci/run) encrypts a copy of the text PDF with a user password.
        var path = _folder.File("encrypted.pdf");
        var start = new System.Diagnostics.ProcessStartInfo("qpdf") { RedirectStandardError = true };
        foreach (var a in new[] { "--encrypt", "secret", "owner", "256", "--", scans.TextPdf, path })
        {
            start.ArgumentList.Add(a);
        }
        using (var p = System.Diagnostics.Process.Start(start)!)
        {
            p.WaitForExit(60_000);
            Assert.Equal(0, p.ExitCode);
        }

        var e = await Assert.ThrowsAsync<ExtractionException>(() => Service.ExtractAsync(path, CancellationToken.None));
        Assert.Contains("加密", e.Reason);
    }

    [Fact]
    public async Task Extract_FileOverLimit_FailsWithReason()
    {
        var path = _folder.File("big.txt");
        await File.WriteAllTextAsync(path, new string('法', 1_000_000));

        var e = await Assert.ThrowsAsync<ExtractionException>(() => Service.ExtractAsync(path, CancellationToken.None));
        Assert.Contains("文件过大", e.Reason);
    }

    [Fact]
    public async Task Extract_ImageWithoutText_FailsWithReason()
    {
        var path = _folder.File("blank.png");
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(200, 200);
        var pdf = _folder.File("blank.pdf");
        await File.WriteAllBytesAsync(pdf, builder.Build());
        TestFiles.PngFromPdf(pdf, _folder.File("blank"));

        var e = await Assert.ThrowsAsync<ExtractionException>(() => Service.ExtractAsync(path, CancellationToken.None));
        Assert.Equal("图片中未识别到文字", e.Reason);
    }

    [Fact]
    public async Task Extract_UnsupportedBinary_FailsWithReason()
    {
        var path = _folder.File("program.exe");
        await File.WriteAllBytesAsync(path, [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0]);

        var e = await Assert.ThrowsAsync<ExtractionException>(() => Service.ExtractAsync(path, CancellationToken.None));
        Assert.StartsWith("不支持的文件类型", e.Reason);
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
