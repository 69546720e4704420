using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Search.Core.Indexing;

/// <summary>Turns a passage into a Lucene document: ids and filters untokenized, text analysed twice (words and bigrams), dates numeric.</summary>
public static class PassageDocumentMapper
{
    public static Document ToDocument(IndexedPassage p)
    {
        var text = new TextField(IndexFields.Text, p.Text, Field.Store.YES);
        if (p.Words is { } words && string.Equals(words.Text, p.Text, StringComparison.Ordinal))
        {
            // The tokens the analyser produced for this very text at ingestion: stored as the text, indexed as they were.
            text.SetTokenStream(words.Replay());
        }
        var doc = new Document
        {
            new StringField(IndexFields.PassageKey, $"{p.DocumentId}#{p.Ordinal}", Field.Store.YES),
            new StringField(IndexFields.DocumentId, p.DocumentId, Field.Store.YES),
            new SortedDocValuesField(IndexFields.DocumentId, new BytesRef(p.DocumentId)),
            new StoredField(IndexFields.Ordinal, p.Ordinal),
            text,
            new TextField(IndexFields.TextBigram, p.Text, Field.Store.NO),
            new StoredField(IndexFields.Title, p.Title),
            new StoredField(IndexFields.Page, p.Page),
            new StoredField(IndexFields.StartOffset, p.StartOffset),
            new StringField(IndexFields.FileType, p.FileType, Field.Store.YES),
            new SortedDocValuesField(IndexFields.FileType, new BytesRef(p.FileType)),
        };
        // Title and file name are the document's, not the passage's: analysed once, on the first passage,
        // which is enough for a document-level hit and spares analysing them again for every passage.
        if (p.Ordinal == 0)
        {
            doc.Add(new TextField(IndexFields.TitleBigram, p.Title, Field.Store.NO));
            doc.Add(new TextField(IndexFields.FileName, p.FileName, Field.Store.YES));
        }
        else
        {
            doc.Add(new StoredField(IndexFields.FileName, p.FileName));
        }
        if (p.Location is { } location)
        {
            doc.Add(new StoredField(IndexFields.Location, location));
        }
        if (p.DocNumber is { } number)
        {
            doc.Add(new TextField(IndexFields.DocNumber, number, Field.Store.YES));
        }
        if (p.Department is { } department)
        {
            doc.Add(new StringField(IndexFields.Department, department, Field.Store.YES));
            doc.Add(new SortedDocValuesField(IndexFields.Department, new BytesRef(department)));
        }
        if (p.Date is { } date)
        {
            var value = date.Year * 10000 + date.Month * 100 + date.Day;
            doc.Add(new Int32Field(IndexFields.Date, value, Field.Store.YES));
            doc.Add(new NumericDocValuesField(IndexFields.Date, value));
            doc.Add(new Int32Field(IndexFields.Year, date.Year, Field.Store.NO));
            doc.Add(new SortedDocValuesField(IndexFields.Year, new BytesRef(date.Year.ToString(CultureInfo.InvariantCulture))));
        }
        foreach (var framework in p.Indicators.Select(i => i.Framework).Distinct())
        {
            doc.Add(new StringField(IndexFields.Framework, framework, Field.Store.NO));
        }
        foreach (var i in p.Indicators)
        {
            var key = IndicatorKey(i.Framework, i.Number);
            doc.Add(new StringField(IndexFields.Indicator, key, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(IndexFields.Indicator, new BytesRef(key)));
            doc.Add(new StringField(IndexFields.Indicator, IndicatorKey(AnyFramework, i.Number), Field.Store.NO));
            doc.Add(new StoredField(IndexFields.IndicatorScores, $"{key}:{i.Score.ToString("0.####", CultureInfo.InvariantCulture)}"));
        }
        return doc;
    }

    /// <summary>Stands for "any framework" in indicator keys, for an indicator filter without a framework.</summary>
    public const string AnyFramework = "*";

    public static string IndicatorKey(string framework, int number) => $"{framework}:{number}";

    public static IReadOnlyList<IndicatorRef> IndicatorsOf(Document doc) =>
        doc.GetValues(IndexFields.IndicatorScores)
            .Select(v => v.Split(':'))
            .Where(parts => parts.Length == 3)
            .Select(parts => new IndicatorRef(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture)))
            .ToList();

    public static DateOnly? DateOf(Document doc) =>
        doc.GetField(IndexFields.Date)?.GetInt32Value() is { } v ? new DateOnly(v / 10000, v / 100 % 100, v % 100) : null;
}
