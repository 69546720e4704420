using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Search.Core.Tests.Fixtures;

/// <summary>Builds real test files: DOCX and XLSX with OpenXml, PDFs through LibreOffice, scans through pdftoppm and PdfPig.</summary>
public static class TestFiles
{
    public static string CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "corpus", "policy")))
            {
                return Path.Combine(dir.FullName, "corpus");
            }
        }
        throw new DirectoryNotFoundException("corpus/policy not found above the test folder");
    }

    public static void Docx(string path, IEnumerable<string> paragraphs, IEnumerable<string[]>? tableRows = null, string? heading = null)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new W.Body();
        if (heading is not null)
        {
            body.Append(new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = "Heading1" }), new W.Run(new W.Text(heading))));
        }
        foreach (var p in paragraphs)
        {
            body.Append(new W.Paragraph(new W.Run(new W.Text(p))));
        }
        if (tableRows is not null)
        {
            var table = new W.Table();
            foreach (var row in tableRows)
            {
                table.Append(new W.TableRow(row.Select(cell => new W.TableCell(
                    cell.Split('\n').Select(line => new W.Paragraph(new W.Run(new W.Text(line) { Space = SpaceProcessingModeValues.Preserve })))))));
            }
            body.Append(table);
        }
        main.Document = new W.Document(body);
        main.Document.Save();
    }

    public static void Xlsx(string path, string sheetName, IEnumerable<string[]> rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        sheet.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
        uint r = 0;
        foreach (var row in rows)
        {
            r++;
            data.AppendChild(new Row(row.Select((v, i) => new Cell
            {
                CellReference = $"{(char)('A' + i)}{r}",
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(v)),
            })) { RowIndex = r });
        }
        workbook.Workbook.Save();
    }

    /// <summary>A text PDF made by LibreOffice from a DOCX (real CJK fonts, a real text layer).</summary>
    public static string PdfFromDocx(string docx, string folder)
    {
        Run("soffice", folder, $"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--convert-to", "pdf", "--outdir", folder, docx);
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(docx) + ".pdf");
    }

    /// <summary>Renders page 1 of a PDF to PNG at 150 dpi.</summary>
    public static string PngFromPdf(string pdf, string pngPathWithoutExtension)
    {
        Run("pdftoppm", Path.GetDirectoryName(pdf)!, "-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", pdf, pngPathWithoutExtension);
        return pngPathWithoutExtension + ".png";
    }

    /// <summary>A scanned PDF: one page holding only the picture of the text.</summary>
    public static void ScannedPdf(string png, string path)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.AddPng(File.ReadAllBytes(png), new PdfRectangle(0, 0, 595, 842));
        File.WriteAllBytes(path, builder.Build());
    }

    /// <summary>One PDF of the pages of several, in order (qpdf): text pages and scanned ones in one file, as offices scan an appendix.</summary>
    public static void JoinedPdf(string path, params string[] pdfs) =>
        Run("qpdf", Path.GetDirectoryName(path)!, ["--empty", "--pages", .. pdfs, "--", path]);

    /// <summary>
    /// A copy of a text PDF whose fonts lost their ToUnicode maps (qpdf): the glyphs still print, but their
    /// codes no longer say which characters they are, as in PDFs from some CJK typesetting tools.
    /// </summary>
    public static void WithoutToUnicode(string pdf, string path) =>
        EditWithQpdf(pdf, path, text => System.Text.RegularExpressions.Regex.Replace(text, @"/ToUnicode (\d+) 0 R", m => $"/Nothing__ {m.Groups[1].Value} 0 R"));

    /// <summary>
    /// A scanned page whose hidden text layer was written with GB-encoded bytes in a font declared as WinAnsi:
    /// the picture shows the text, the layer (white, at the foot of the page) reads as Latin-1 mojibake.
    /// </summary>
    public static void ScanWithGbTextReadAsWinAnsi(string png, string text, string path)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.Latin1.GetString(Encoding.GetEncoding("GB2312").GetBytes(text));
        var placeholder = new string('Q', gb.Length);
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        page.AddPng(File.ReadAllBytes(png), new PdfRectangle(0, 0, 595, 842));
        page.SetTextAndFillColor(255, 255, 255);
        page.AddText(placeholder, 4, new PdfPoint(20, 10), font);
        var built = path + ".built.pdf";
        File.WriteAllBytes(built, builder.Build());
        // The builder only writes characters its font metrics know: put the GB bytes in afterwards.
        EditWithQpdf(built, path, pdfText => pdfText.Replace($"({placeholder})", $"({gb})")
            .Replace("/Encoding /StandardEncoding", "/Encoding /WinAnsiEncoding"));
    }

    /// <summary>Expands a PDF with qpdf, edits its bytes (read as Latin-1) and lets fix-qdf repair lengths and offsets.</summary>
    private static void EditWithQpdf(string pdf, string path, Func<string, string> edit)
    {
        var folder = Path.GetDirectoryName(path)!;
        var expanded = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".qdf.pdf");
        Run("qpdf", folder, "--qdf", "--object-streams=disable", pdf, expanded);
        File.WriteAllBytes(expanded, Encoding.Latin1.GetBytes(edit(Encoding.Latin1.GetString(File.ReadAllBytes(expanded)))));
        var start = new ProcessStartInfo("fix-qdf") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(expanded);
        using var process = Process.Start(start)!;
        using (var output = File.Create(path))
        {
            process.StandardOutput.BaseStream.CopyTo(output);
        }
        if (!process.WaitForExit(60_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"fix-qdf failed: {process.StandardError.ReadToEnd()}");
        }
    }

    /// <summary>A PDF with a text layer in a standard font (Latin only), with as many pages as texts.</summary>
    public static void LatinPdf(string path, params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            var page = builder.AddPage(595, 842);
            page.AddText(text, 12, new PdfPoint(50, 780), font);
        }
        File.WriteAllBytes(path, builder.Build());
    }

    public static void Zip(string path, params (string Name, byte[] Content)[] entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            stream.Write(content);
        }
    }

    public static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    private static void Run(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error}");
        }
    }
}
