namespace Search.Core.Indexing;

/// <summary>One retrievable passage with the document metadata the index needs to filter, facet and show it.</summary>
public sealed record IndexedPassage
{
    public required string DocumentId { get; init; }

    /// <summary>0-based position of the passage in its document.</summary>
    public required int Ordinal { get; init; }

    public required string Text { get; init; }

    /// <summary>1-based page the passage is on (passages never cross pages).</summary>
    public int Page { get; init; } = 1;

    /// <summary>Character offset of the passage in the document's extracted text.</summary>
    public int StartOffset { get; init; }

    /// <summary>Where on the page ("表1 第3行"), if the extractor said.</summary>
    public string? Location { get; init; }

    public string Title { get; init; } = "";

    /// <summary>Original file name, with the folder path inside an archive or upload folder.</summary>
    public string FileName { get; init; } = "";

    /// <summary>文号, e.g. 枣法委发〔2021〕10号.</summary>
    public string? DocNumber { get; init; }

    public string? Department { get; init; }

    /// <summary>成文日期, or the year of the 文号 when no date is written.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>File type name, lower case (pdf, docx, xlsx, image, html, web-snapshot…).</summary>
    public string FileType { get; init; } = "";

    /// <summary>Indicator numbers this passage's document supports, per framework.</summary>
    public IReadOnlyList<IndicatorRef> Indicators { get; init; } = [];

    /// <summary>The text already analysed for the word field (at ingestion), or null: the index analyses it itself.</summary>
    public PassageWords? Words { get; init; }
}

/// <summary>An indicator of a framework with the matcher's (or reviewer's) score.</summary>
public sealed record IndicatorRef(string Framework, int Number, double Score);
