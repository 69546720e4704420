namespace Search.Core.Tests.Fixtures;

/// <summary>
/// A page of a real notice (corpus/policy/xiayi-2023.txt, which no OCR rule was tuned on), printed by
/// LibreOffice and rendered at 150 dpi as a scanner would: the image the OCR tests read.
/// </summary>
public sealed class NoticePageFixture : IDisposable
{
    public const string Title = "夏邑县创建全省法治政府建设示范县工作推进方案";

    public static readonly string[] Paragraphs =
    [
        "各乡（镇）党委政府，县直各有关单位：",
        "《夏邑县创建全省法治政府建设示范县工作推进方案》已经县政府研究同意，现印发给你们，请结合工作实际，认真贯彻落实。",
        "为深入贯彻落实省委、省政府和市委、市政府关于法治政府建设的决策部署，以开展法治政府建设示范县创建活动为契机，不断把我县法治政府建设向纵深推进。",
    ];

    public NoticePageFixture()
    {
        var docx = Folder.File("notice.docx");
        TestFiles.Docx(docx, Paragraphs, heading: Title);
        TextPdf = TestFiles.PdfFromDocx(docx, Folder.Path);
        Png = TestFiles.PngFromPdf(TextPdf, Folder.File("page"));
    }

    /// <summary>What a person reads on the page, in order.</summary>
    public static string Truth => string.Join("\n", [Title, .. Paragraphs]);

    public TempFolder Folder { get; } = new();

    public string TextPdf { get; }

    public string Png { get; }

    public void Dispose() => Folder.Dispose();
}
