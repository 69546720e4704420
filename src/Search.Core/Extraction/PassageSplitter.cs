namespace Search.Core.Extraction;

/// <summary>
/// Splits extracted text into retrievable passages: paragraph or table-row sized, short paragraphs of one
/// page merged, long ones cut at sentence ends, a heading kept with what follows, never across pages.
/// </summary>
public static class PassageSplitter
{
    public const int TargetLength = 300;
    public const int MaxLength = 500;
    private static readonly char[] SentenceEnds = ['。', '；', '！', '？', ';', '!', '?'];

    public static IReadOnlyList<TextPassage> Split(ExtractionResult extracted)
    {
        var passages = new List<TextPassage>();
        var offset = 0;
        var buffer = new System.Text.StringBuilder();
        var bufferStart = 0;
        var bufferPage = -1;
        string? bufferLocation = null;

        void Flush()
        {
            var text = buffer.ToString().Trim();
            if (text.Length > 0)
            {
                passages.Add(new TextPassage(passages.Count, text, bufferPage, bufferStart, bufferLocation));
            }
            buffer.Clear();
            bufferPage = -1;
            bufferLocation = null;
        }

        var bufferIsHeading = false;
        foreach (var section in extracted.Sections)
        {
            var text = section.Text.Trim();
            var sectionStart = offset;
            offset += section.Text.Length + 1;
            if (text.Length == 0)
            {
                continue;
            }
            if (bufferPage != -1 && bufferPage != section.Page)
            {
                Flush();
            }
            if (section.Kind is SectionKind.TableRow or SectionKind.HeaderFooter)
            {
                Flush();
                foreach (var piece in Cut(text))
                {
                    passages.Add(new TextPassage(passages.Count, piece, section.Page, sectionStart, section.Location));
                }
                continue;
            }
            if (section.Kind == SectionKind.Heading)
            {
                // A heading opens a passage and stays with the paragraph after it.
                Flush();
            }
            else if (buffer.Length > 0 && !bufferIsHeading && buffer.Length + text.Length > TargetLength)
            {
                Flush();
            }
            foreach (var piece in Cut(text))
            {
                if (buffer.Length == 0)
                {
                    bufferStart = sectionStart;
                    bufferPage = section.Page;
                    bufferLocation = section.Location;
                }
                else
                {
                    buffer.Append('\n');
                }
                buffer.Append(piece);
                if (buffer.Length >= TargetLength)
                {
                    Flush();
                }
            }
            bufferIsHeading = section.Kind == SectionKind.Heading && buffer.Length > 0;
        }
        Flush();
        return passages;
    }

    /// <summary>A paragraph longer than <see cref="MaxLength"/> is cut at sentence ends (or hard, when it has none).</summary>
    private static IEnumerable<string> Cut(string text)
    {
        while (text.Length > MaxLength)
        {
            var cut = text.LastIndexOfAny(SentenceEnds, MaxLength - 1);
            if (cut < TargetLength / 2)
            {
                cut = MaxLength - 1;
            }
            yield return text[..(cut + 1)];
            text = text[(cut + 1)..].TrimStart();
        }
        if (text.Length > 0)
        {
            yield return text;
        }
    }
}

/// <summary>One passage: its place in the document, its page and where it starts in the extracted text.</summary>
public sealed record TextPassage(int Ordinal, string Text, int Page, int StartOffset, string? Location);
