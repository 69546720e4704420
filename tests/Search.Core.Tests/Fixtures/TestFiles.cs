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
