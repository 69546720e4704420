using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Search.Cli.Drills;

/// <summary>One file of a drill: where it is, the name it is uploaded under and the code word only it contains.</summary>
public sealed record DrillFile(string Path, string DisplayName, string Code, string Format);

/// <summary>
/// Writes small evidence files of mixed formats (UTF-8 and GB18030 text, CSV, Markdown, HTML, DOCX, XLSX, PDF),
/// each holding a code word of its own, so a search for the code finds exactly that file or shows a loss.
/// </summary>
public static class DrillFiles
{
    public static readonly string[] Formats = ["txt", "gbk.txt", "docx", "xlsx", "html", "csv", "md", "pdf"];

    private static readonly string[] Topics =
    [
        "区司法局开展行政执法案卷评查，共评查案卷{0}件，发现问题已督促整改。",
        "区市场监管分局落实公平竞争审查制度，对{0}件政策措施逐件审查。",
        "区人民政府办公室公布权责清单，动态调整事项{0}项。",
        "区应急管理局修订突发事件应急预案，组织演练{0}次。",
        "区政务服务中心推行一件事一次办，办结事项{0}件。",
        "区司法局组织行政复议案件审理，受理复议案件{0}件，均按期办结。",
    ];

    static DrillFiles()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Writes <paramref name="count"/> files under <paramref name="folder"/>; the same seed gives the same codes.</summary>
    public static IReadOnlyList<DrillFile> Create(string folder, int count, int seed, int first = 0)
    {
        var random = new Random(seed);
        var files = new List<DrillFile>(count);
        for (var i = first; i < first + count; i++)
        {
            var code = Code(random);
            var format = Formats[i % Formats.Length];
            var unit = i % 3 == 0 ? "区司法局" : i % 3 == 1 ? "区市场监管分局" : "区政务服务中心";
            var name = $"{unit}/{i:D5}-演练材料.{format}";
            var path = System.IO.Path.Combine(folder, name.Replace("gbk.txt", "txt"));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            var title = $"关于演练材料第{i}号的说明";
            var body = string.Format(Topics[i % Topics.Length], i % 50 + 1) + $" 核验码 {code}。";
            Write(path, format, title, body, code);
            files.Add(new DrillFile(path, name.Replace("gbk.txt", "txt"), code, format));
        }
        return files;
    }

    /// <summary>
    /// Writes scanned PDFs: a page with the code word rendered to an image by pdftoppm (poppler-utils) and wrapped in a
    /// PDF with no text layer, so ingestion must OCR it. None when pdftoppm is missing.
    /// </summary>
    public static async Task<IReadOnlyList<DrillFile>> ScansAsync(string folder, int count, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed + 1);
        var files = new List<DrillFile>();
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var code = Code(random);
            var text = System.IO.Path.Combine(folder, $"scan-{i:D4}-text.pdf");
            var builder = new PdfDocumentBuilder();
            var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText("Scanned drill evidence", 24, new PdfPoint(60, 760), font);
            page.AddText($"Verification code {code}", 24, new PdfPoint(60, 720), font);
            File.WriteAllBytes(text, builder.Build());
            var name = $"区司法局/扫描件/{i:D4}-扫描件.pdf";
            var path = System.IO.Path.Combine(folder, name);
            try
            {
                if (!await BenchFiles.WriteScanAsync(text, path, 150, cancellationToken))
                {
                    return files;
                }
            }
            finally
            {
                File.Delete(text);
            }
            files.Add(new DrillFile(path, name, code, "scan"));
        }
        return files;
    }

    /// <summary>A word of ten lowercase letters: one token to every analyser, found only in its own file.</summary>
    private static string Code(Random random) => "zq" + new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26))).ToArray());

    private static void Write(string path, string format, string title, string body, string code)
    {
        switch (format)
        {
            case "txt":
            case "md":
                File.WriteAllText(path, (format == "md" ? "# " : "") + $"{title}\n\n{body}\n", new UTF8Encoding(false));
                break;
            case "gbk.txt":
                File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes($"{title}\r\n\r\n{body}\r\n"));
                break;
            case "csv":
                File.WriteAllText(path, $"标题,内容\n{title},{body}\n", new UTF8Encoding(false));
                break;
            case "html":
                File.WriteAllText(path, $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p></body></html>", new UTF8Encoding(false));
                break;
            case "docx":
                Docx(path, title, body);
                break;
            case "xlsx":
                Xlsx(path, title, body);
                break;
            case "pdf":
                // The standard PDF fonts have no Chinese glyphs: the page is in English, the code is the same word.
                Pdf(path, $"Drill evidence file, verification code {code}.");
                break;
        }
    }

    private static void Docx(string path, string title, string body)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new W.Document(new W.Body(
            new W.Paragraph(new W.Run(new W.Text(title))),
            new W.Paragraph(new W.Run(new W.Text(body)))));
    }

    private static void Xlsx(string path, string title, string body)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new S.Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        static S.Row Row(uint index, params string[] values) =>
            new(values.Select((v, i) => new S.Cell
            {
                CellReference = $"{(char)('A' + i)}{index}",
                DataType = S.CellValues.InlineString,
                InlineString = new S.InlineString(new S.Text(v)),
            }))
            { RowIndex = index };
        sheet.Worksheet = new S.Worksheet(new S.SheetData(Row(1, "标题", "内容"), Row(2, title, body)));
        workbook.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "台账" }));
    }

    private static void Pdf(string path, string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText(text, 12, new PdfPoint(50, 780), font);
        File.WriteAllBytes(path, builder.Build());
    }
}
