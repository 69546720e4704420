namespace Search.Core.Indexing;

/// <summary>Every Lucene field name of the passage index, in one place.</summary>
public static class IndexFields
{
    /// <summary>Unique passage key: documentId#ordinal (string, stored).</summary>
    public const string PassageKey = "passage_key";
    public const string DocumentId = "document_id";
    public const string Ordinal = "ordinal";

    /// <summary>Passage text analysed by SmartCn (words).</summary>
    public const string Text = "text";

    /// <summary>Passage text as overlapping CJK bigrams: every verbatim substring of two or more characters is found.</summary>
    public const string TextBigram = "text_bigram";
    public const string Title = "title";
    public const string TitleBigram = "title_bigram";
    public const string DocNumber = "doc_number";
    public const string FileName = "file_name";
    public const string Department = "department";
    public const string FileType = "file_type";
    public const string Year = "year";

    /// <summary>Date as yyyyMMdd (numeric, for ranges and sorting).</summary>
    public const string Date = "date";
    public const string Page = "page";
    public const string StartOffset = "start_offset";
    public const string Location = "location";

    /// <summary>"framework:number" keys, one per mapped indicator (string, filterable).</summary>
    public const string Indicator = "indicator";

    /// <summary>Framework ids the passage has any indicator in.</summary>
    public const string Framework = "framework";

    /// <summary>Stored "framework:number:score" list for display.</summary>
    public const string IndicatorScores = "indicator_scores";
}
