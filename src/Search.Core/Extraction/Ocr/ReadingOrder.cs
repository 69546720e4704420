namespace Search.Core.Extraction.Ocr;

/// <summary>
/// Puts recognised lines in the order a person reads them: rows top to bottom (after undoing the page's
/// skew), two text columns one after the other, table rows kept whole with their cells joined by tabs,
/// and lines of one column grouped into paragraphs at indents, short lines and wide gaps.
/// </summary>
public static class ReadingOrder
{
    public static IReadOnlyList<OcrBlock> Arrange(IReadOnlyList<OcrLine> lines)
    {
        if (lines.Count == 0)
        {
            return [];
        }
        var skew = Skew(lines);
        var items = lines.Select(l => Item.Of(l, skew)).ToList();
        var lineHeight = Median(items.Select(i => i.Height));
        var rows = Rows(items);

        var blocks = new List<OcrBlock>();
        var column = new List<Item>();
        for (var i = 0; i < rows.Count;)
        {
            var cells = Cells(rows[i], lineHeight);
            if (cells.Count == 1)
            {
                column.Add(cells[0]);
                i++;
                continue;
            }
            var end = i;
            var run = new List<List<Item>>();
            while (end < rows.Count && Cells(rows[end], lineHeight) is { Count: >= 2 } c)
            {
                run.Add(c);
                end++;
            }
            if (TextColumns(run, lineHeight) is { } split)
            {
                blocks.AddRange(Paragraphs(column, lineHeight));
                blocks.AddRange(Paragraphs(split.Left, lineHeight));
                blocks.AddRange(Paragraphs(split.Right, lineHeight));
                column = [];
            }
            else
            {
                blocks.AddRange(Paragraphs(column, lineHeight));
                column = [];
                blocks.AddRange(run.Select(r => new OcrBlock(string.Join("\t", r.Select(c => c.Text)), true, r.SelectMany(c => c.Lines).ToList())));
            }
            i = end;
        }
        blocks.AddRange(Paragraphs(column, lineHeight));
        return blocks;
    }

    /// <summary>The page's skew: median slope of the top edges of lines clearly wider than high.</summary>
    private static double Skew(IReadOnlyList<OcrLine> lines)
    {
        var slopes = lines
            .Where(l => Length(l.Box[0], l.Box[1]) > 2 * Length(l.Box[0], l.Box[3]))
            .Select(l => Math.Atan2(l.Box[1].Y - l.Box[0].Y, l.Box[1].X - l.Box[0].X))
            .ToList();
        return slopes.Count == 0 ? 0 : Median(slopes);
    }

    /// <summary>Lines whose vertical extents overlap by at least half the lower one's height share a row.</summary>
    private static List<List<Item>> Rows(List<Item> items)
    {
        var rows = new List<List<Item>>();
        foreach (var item in items.OrderBy(i => i.CenterY))
        {
            var row = rows.LastOrDefault();
            if (row is not null)
            {
                var top = row.Average(r => r.Top);
                var bottom = row.Average(r => r.Bottom);
                var overlap = Math.Min(bottom, item.Bottom) - Math.Max(top, item.Top);
                if (overlap >= 0.5 * Math.Min(bottom - top, item.Height))
                {
                    row.Add(item);
                    continue;
                }
            }
            rows.Add([item]);
        }
        return rows;
    }

    /// <summary>A row's lines left to right, pieces closer than a character's height merged into one cell.</summary>
    private static List<Item> Cells(List<Item> row, double lineHeight)
    {
        var cells = new List<Item>();
        foreach (var item in row.OrderBy(i => i.Left))
        {
            if (cells.Count > 0 && item.Left - cells[^1].Right < lineHeight)
            {
                cells[^1] = cells[^1].Merge(item);
            }
            else
            {
                cells.Add(item);
            }
        }
        return cells;
    }

    /// <summary>
    /// Rows of two or more cells are a table unless one blank gutter splits all of them into two sides of
    /// long lines (at least ten characters wide in the median), over at least three rows: then they are two
    /// text columns, read left then right.
    /// </summary>
    private static (List<Item> Left, List<Item> Right)? TextColumns(List<List<Item>> run, double lineHeight)
    {
        if (run.Count < 3 || run.Any(r => r.Count != 2))
        {
            return null;
        }
        var gutterLeft = run.Max(r => r[0].Right);
        var gutterRight = run.Min(r => r[1].Left);
        if (gutterRight - gutterLeft < lineHeight)
        {
            return null;
        }
        var left = run.Select(r => r[0]).ToList();
        var right = run.Select(r => r[1]).ToList();
        if (Median(left.Select(i => i.Width)) < 10 * lineHeight || Median(right.Select(i => i.Width)) < 10 * lineHeight)
        {
            return null;
        }
        return (left, right);
    }

    /// <summary>Groups the lines of one column into paragraphs.</summary>
    private static IEnumerable<OcrBlock> Paragraphs(List<Item> column, double lineHeight)
    {
        if (column.Count == 0)
        {
            yield break;
        }
        var margin = column.Min(i => i.Left);
        var edge = column.Max(i => i.Right);
        var gaps = column.Zip(column.Skip(1), (a, b) => b.Top - a.Bottom).Where(g => g > 0).ToList();
        var usualGap = gaps.Count == 0 ? lineHeight : Median(gaps);
        var paragraph = new List<Item> { column[0] };
        for (var i = 1; i < column.Count; i++)
        {
            var previous = column[i - 1];
            var current = column[i];
            var breaks = current.Top - previous.Bottom > Math.Max(lineHeight, 1.6 * usualGap)
                || current.Left - margin >= 1.2 * lineHeight
                || edge - previous.Right >= 2.5 * lineHeight;
            if (breaks)
            {
                yield return Paragraph(paragraph);
                paragraph = [];
            }
            paragraph.Add(current);
        }
        yield return Paragraph(paragraph);
    }

    private static OcrBlock Paragraph(List<Item> items) =>
        new(TextLines.Join(items.Select(i => i.Text)), false, items.SelectMany(i => i.Lines).ToList());

    private static double Length(OcrPoint a, OcrPoint b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    /// <summary>One line (or merged cell) as an upright rectangle in the de-skewed page.</summary>
    private sealed record Item(string Text, IReadOnlyList<OcrLine> Lines, double Left, double Top, double Right, double Bottom)
    {
        public double Width => Right - Left;

        public double Height => Bottom - Top;

        public double CenterY => (Top + Bottom) / 2;

        public static Item Of(OcrLine line, double skew)
        {
            var (sin, cos) = Math.SinCos(-skew);
            var xs = line.Box.Select(p => p.X * cos - p.Y * sin).ToList();
            var ys = line.Box.Select(p => p.X * sin + p.Y * cos).ToList();
            return new Item(line.Text, [line], xs.Min(), ys.Min(), xs.Max(), ys.Max());
        }

        public Item Merge(Item next) => new(
            TextLines.Join([Text, next.Text]), [.. Lines, .. next.Lines],
            Math.Min(Left, next.Left), Math.Min(Top, next.Top), Math.Max(Right, next.Right), Math.Max(Bottom, next.Bottom));
    }
}
