namespace Search.Core.Extraction.Text;

/// <summary>TXT, CSV and Markdown with the encoding detected; paragraphs split at blank lines (CSV: one row each).</summary>
public sealed class PlainTextExtractor : ITextExtractor
{
    public bool CanExtract(FileKind kind) => kind is FileKind.Text or FileKind.Csv or FileKind.Markdown;

    public async Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        var text = TextDecoder.Decode(await File.ReadAllBytesAsync(path, cancellationToken)).Replace("\r\n", "\n").Replace('\r', '\n');
        if (text.Contains('\0'))
        {
            throw new ExtractionException("不支持的文件类型：内容不是文本");
        }
        var sections = new List<TextSection>();
        if (kind == FileKind.Csv)
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var header = lines.FirstOrDefault()?.Split(',') ?? [];
            for (var i = 0; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',');
                var row = i == 0 ? string.Join("\t", cells) : string.Join(" | ", cells.Select((c, j) => j < header.Length && header[j].Length > 0 ? $"{header[j].Trim()}: {c.Trim()}" : c.Trim()));
                sections.Add(new TextSection(row, 1, $"第{i + 1}行", i == 0 ? SectionKind.Heading : SectionKind.TableRow));
            }
        }
        else
        {
            var page = 1;
            foreach (var block in text.Split('\f'))
            {
                foreach (var paragraph in block.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    foreach (var line in SplitLines(paragraph))
                    {
                        var kindOf = kind == FileKind.Markdown && line.StartsWith('#') ? SectionKind.Heading : SectionKind.Paragraph;
                        sections.Add(new TextSection(kind == FileKind.Markdown ? line.TrimStart('#', ' ') : line, page, null, kindOf));
                    }
                }
                page++;
            }
            page--;
            return new ExtractionResult(sections, Math.Max(1, page));
        }
        return new ExtractionResult(sections, 1);
    }

    /// <summary>
    /// Wrapped prose lines are joined; short lines (labels such as 附件1, titles, signatures) and
    /// tab-indented table cells stay lines of their own.
    /// </summary>
    private static IEnumerable<string> SplitLines(string paragraph)
    {
        var raw = paragraph.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var lines = raw.Select(l => l.Trim()).ToList();
        var wrapped = lines.Count > 1 && !raw.Any(l => l.StartsWith('\t')) && lines.SkipLast(1).All(l => l.Length >= 20);
        return wrapped ? [TextLines.Join(lines)] : lines;
    }
}
