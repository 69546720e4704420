using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace Search.Core.Frameworks;

/// <summary>Reads a framework from a notice: its text form, a DOCX with the table, or a PDF's text; picks the reader for the layout.</summary>
public static partial class FrameworkReader
{
    [GeneratedRegex(@"^(\d{1,2})[.．、]\s*(.+?)[〔\[【（(]牵头单位[：:](.+?)(?:[；;]\s*责任单位[：:](.+?))?[〕\]】）)]+\s*$")]
    private static partial Regex WorkTaskLine();

    public static Framework ReadText(string id, string? name, string text, string? source = null)
    {
        var draft = CellTableReader.Detect(text) ? CellTableReader.Read(text) : RowTableReader.Read(text);
        ReadTasks(text, draft);
        return draft.Build(id, name ?? GuessName(text) ?? id, source);
    }

    public static Framework ReadFile(string path, string id, string? name)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".docx" => ReadDocx(path, id, name),
            ".pdf" => ReadPdf(path, id, name),
            _ => ReadText(id, name, Extraction.Text.TextDecoder.Decode(File.ReadAllBytes(path)), Path.GetFileName(path)),
        };
    }

    public static Framework ReadDocx(string path, string id, string? name)
    {
        Extraction.ZipGuard.Check(path, new Extraction.ExtractionOptions(), "DOCX 文件");
        using var document = WordprocessingDocument.Open(path, false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new Configuration.InvalidInputException($"{Path.GetFileName(path)}：DOCX 没有正文", path);
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText.Trim()).Where(t => t.Length > 0).ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var table in body.Descendants<Table>())
        {
            foreach (var row in table.Elements<TableRow>())
            {
                rows.Add(row.Elements<TableCell>()
                    .Select(c => string.Join('\n', c.Elements<Paragraph>().Select(p => p.InnerText.Trim()).Where(t => t.Length > 0)))
                    .ToList());
            }
        }
        var draft = CellTableReader.ReadRows(rows);
        if (draft.IndicatorCount == 0)
        {
            // No table with 序号: try the text layouts on the paragraphs and tab-joined rows.
            var text = string.Join('\n', paragraphs) + "\n" + string.Join('\n', rows.Select(r => string.Join('\t', r)));
            return ReadText(id, name, text, Path.GetFileName(path));
        }
        return draft.Build(id, name ?? GuessName(string.Join('\n', paragraphs)) ?? id, Path.GetFileName(path));
    }

    public static Framework ReadPdf(string path, string id, string? name)
    {
        using var pdf = PdfDocument.Open(path);
        var text = string.Join('\n', pdf.GetPages().Select(p => UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(p, true)));
        var framework = ReadText(id, name, text, Path.GetFileName(path));
        return framework.IndicatorCount > 0 ? framework : framework with
        {
            Report = framework.Report with { Warnings = [.. framework.Report.Warnings, "PDF 文本中没有可识别的指标表格：请改用 DOCX 或文本版本，或导入 XLSX 台账"] },
        };
    }

    /// <summary>Work-plan tasks written as "16. …〔牵头单位：县司法局；责任单位：…〕".</summary>
    private static void ReadTasks(string text, FrameworkDraft draft)
    {
        // A task may wrap over several lines; it ends with the 〔牵头单位…〕 bracket.
        string? pending = null;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (TaskStart().IsMatch(line) && !line.Contains('\t'))
            {
                pending = line;
            }
            else if (pending is not null && line.Length > 0)
            {
                pending += line;
            }
            if (pending is not null && pending.Contains("牵头单位") && pending.Length > 0 && "〕]】）)".Contains(pending[^1]))
            {
                if (WorkTaskLine().Match(pending) is { Success: true } m)
                {
                    draft.Tasks.Add(new WorkTask(int.Parse(m.Groups[1].Value), m.Groups[2].Value.Trim(), CellText.Units(m.Groups[3].Value), CellText.Units(m.Groups[4].Value)));
                }
                pending = null;
            }
        }
    }

    [GeneratedRegex(@"^\d{1,2}[.．、]\s*\S")]
    private static partial Regex TaskStart();

    private static string? GuessName(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.Length is >= 8 and <= 60 && !l.Contains('\t') && (l.EndsWith("表") || l.EndsWith("指标体系") || l.EndsWith("清单")) && l.Contains("指标"));
}
