namespace Search.Core.Tests.Fixtures;

/// <summary>Files that need LibreOffice and poppler, built once per test class: a text PDF, its page as PNG, and a scanned PDF of it.</summary>
public sealed class ScanFixture : IDisposable
{
    public const string Sentence = "沙坡头区司法局行政复议决定书公开";

    public ScanFixture()
    {
        var docx = Folder.File("notice.docx");
        TestFiles.Docx(docx, [Sentence, "二〇二三年六月十六日"], heading: "关于行政复议工作的通知");
        TextPdf = TestFiles.PdfFromDocx(docx, Folder.Path);
        Png = TestFiles.PngFromPdf(TextPdf, Folder.File("page"));
        ScannedPdf = Folder.File("scan.pdf");
        TestFiles.ScannedPdf(Png, ScannedPdf);
    }

    public TempFolder Folder { get; } = new();

    public string TextPdf { get; }

    public string Png { get; }

    public string ScannedPdf { get; }

    public void Dispose() => Folder.Dispose();
}
