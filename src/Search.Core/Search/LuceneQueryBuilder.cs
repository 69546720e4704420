using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;

namespace Search.Core.Search;

/// <summary>
/// Builds the Lucene query for a parsed query. Each word or phrase matches when its SmartCn words appear as
/// a phrase (ranked higher) or its CJK bigrams appear as a phrase (a verbatim substring, for recall inside
/// longer words); synonyms add alternative forms. Filters are added as zero-weight required clauses.
/// </summary>
public sealed class LuceneQueryBuilder(Analyzer analyzer, Vocabulary vocabulary)
{
    private const float SmartBoost = 2.0f;
    private const float TitleBoost = 1.5f;
    private const float SynonymFactor = 0.8f;

    /// <summary>
    /// The query of a request. Without <paramref name="recall"/>, words match only as words (and in titles and
    /// file names), not inside longer words of the text: a far cheaper query for words found everywhere.
    /// Excluded words are always excluded wherever they appear.
    /// </summary>
    public Query Build(ParsedQuery parsed, SearchRequest request, bool recall = true)
    {
        var query = new BooleanQuery();
        if (parsed.HasText)
        {
            foreach (var group in parsed.Required)
            {
                var alternatives = new BooleanQuery();
                foreach (var word in group)
                {
                    alternatives.Add(WordQuery(word, recall), Occur.SHOULD);
                }
                query.Add(alternatives, Occur.MUST);
            }
        }
        else
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        foreach (var word in parsed.Excluded)
        {
            query.Add(WordQuery(word), Occur.MUST_NOT);
        }
        foreach (var filter in Filters(parsed, request))
        {
            query.Add(new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST);
        }
        foreach (var (field, values) in parsed.ExcludedFilters)
        {
            foreach (var value in values)
            {
                query.Add(FilterQuery(field, value, request.Framework), Occur.MUST_NOT);
            }
        }
        return query;
    }

    /// <summary>
    /// An upper bound on the passages the words match as words (without matches inside longer words): for each
    /// required group, the sum over its words and their forms of the rarest term of each clause. Cheap (term
    /// statistics only), and enough to know when a query cannot match more than a given number of documents.
    /// </summary>
    public long WordMatchUpperBound(ParsedQuery parsed, IndexReader reader)
    {
        var bound = long.MaxValue;
        foreach (var group in parsed.Required)
        {
            long groupBound = 0;
            foreach (var word in group)
            {
                foreach (var form in vocabulary.Expand(word))
                {
                    foreach (var field in new[] { IndexFields.Text, IndexFields.TitleBigram, IndexFields.FileName })
                    {
                        var terms = Terms(field, form);
                        groupBound += terms.Count == 0 ? 0 : terms.Min(t => (long)reader.DocFreq(t));
                    }
                    groupBound += reader.DocFreq(new Term(IndexFields.Department, form.Trim()));
                }
            }
            bound = Math.Min(bound, groupBound);
        }
        return bound;
    }

    /// <summary>The surface forms to highlight: every word and its synonyms.</summary>
    public IReadOnlyList<string> HighlightForms(ParsedQuery parsed) =>
        parsed.AllWords.SelectMany(vocabulary.Expand).Select(TextNormalizer.Normalize).Distinct().OrderByDescending(f => f.Length).ToList();

    public Query WordQuery(string word, bool recall = true)
    {
        var forms = new BooleanQuery();
        foreach (var form in vocabulary.Expand(word))
        {
            var isSynonym = form != word;
            var formQuery = new BooleanQuery();
            AddIfAny(formQuery, Phrase(IndexFields.Text, form), SmartBoost);
            if (recall)
            {
                AddIfAny(formQuery, Phrase(IndexFields.TextBigram, form), 1f);
            }
            AddIfAny(formQuery, Phrase(IndexFields.TitleBigram, form), TitleBoost);
            // Reviewers also type (parts of) file and folder names.
            AddIfAny(formQuery, Phrase(IndexFields.FileName, form), 0.5f);
            // A unit's name typed as a word also finds that department's files.
            AddIfAny(formQuery, new TermQuery(new Term(IndexFields.Department, form.Trim())), SmartBoost);
            if (formQuery.Clauses.Count > 0)
            {
                formQuery.Boost = isSynonym ? SynonymFactor : 1f;
                forms.Add(formQuery, Occur.SHOULD);
            }
        }
        return forms;
    }

    private static void AddIfAny(BooleanQuery into, Query? query, float boost)
    {
        if (query is not null)
        {
            query.Boost = boost;
            into.Add(query, Occur.SHOULD);
        }
    }

    private List<Term> Terms(string field, string text)
    {
        var terms = new List<Term>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(new Term(field, term.ToString()));
        }
        stream.End();
        return terms;
    }

    /// <summary>A term query for one token, a phrase query for several, null when the text analyses to nothing.</summary>
    private Query? Phrase(string field, string text)
    {
        var phrase = new PhraseQuery();
        var count = 0;
        Term? single = null;
        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                single = new Term(field, term.ToString());
                phrase.Add(single, position);
                count++;
            }
            stream.End();
        }
        return count switch
        {
            0 => null,
            1 => new TermQuery(single),
            _ => phrase,
        };
    }

    private static IEnumerable<Query> Filters(ParsedQuery parsed, SearchRequest request)
    {
        var framework = request.Framework ?? parsed.Filters.GetValueOrDefault("framework")?.FirstOrDefault();
        if (request.Departments is { Count: > 0 } departments)
        {
            var any = new BooleanQuery();
            foreach (var unit in departments)
            {
                any.Add(FilterQuery("department", unit, framework), Occur.SHOULD);
            }
            yield return any;
        }
        else if (request.Department is { Length: > 0 } department)
        {
            yield return FilterQuery("department", department, framework);
        }
        if (request.FileType is { Length: > 0 } type)
        {
            yield return FilterQuery("type", type, framework);
        }
        if (request.Year is { } year)
        {
            yield return FilterQuery("year", year.ToString(), framework);
        }
        if (request.Indicator is { } indicator)
        {
            yield return FilterQuery("indicator", indicator.ToString(), framework);
        }
        if (request.From is not null || request.To is not null)
        {
            yield return DateRange(request.From, request.To);
        }
        foreach (var (field, values) in parsed.Filters)
        {
            if (field == "framework")
            {
                yield return new TermQuery(new Term(IndexFields.Framework, values[0]));
                continue;
            }
            if (field == "department" && request.QueryDepartmentsResolved)
            {
                continue;
            }
            if (field is "from" or "to")
            {
                var date = ParseDate(values[0], field);
                yield return field == "from" ? DateRange(date, null) : DateRange(null, date);
                continue;
            }
            // Several values of one field: any of them.
            var any = new BooleanQuery();
            foreach (var value in values)
            {
                any.Add(FilterQuery(field, value, framework), Occur.SHOULD);
            }
            yield return any;
        }
    }

    private static Query FilterQuery(string field, string value, string? framework) => field switch
    {
        "department" => new TermQuery(new Term(IndexFields.Department, value)),
        "type" => new TermQuery(new Term(IndexFields.FileType, value.ToLowerInvariant())),
        "year" => int.TryParse(value, out var y) && y is >= 1949 and <= 2100
            ? NumericRangeQuery.NewInt32Range(IndexFields.Year, y, y, true, true)
            : throw new QuerySyntaxException($"year 应为四位年份，例如 year:2022，而不是“{value}”。"),
        "indicator" => int.TryParse(value.TrimStart('#'), out var n) && n > 0
            ? new TermQuery(new Term(IndexFields.Indicator, PassageDocumentMapper.IndicatorKey(framework ?? PassageDocumentMapper.AnyFramework, n)))
            : throw new QuerySyntaxException($"indicator 应为指标序号，例如 indicator:12，而不是“{value}”。"),
        "framework" => new TermQuery(new Term(IndexFields.Framework, value)),
        _ => throw new QuerySyntaxException($"不支持的筛选字段“{field}”。"),
    };

    private static Query DateRange(DateOnly? from, DateOnly? to) =>
        NumericRangeQuery.NewInt32Range(IndexFields.Date,
            from is { } f ? f.Year * 10000 + f.Month * 100 + f.Day : null,
            to is { } t ? t.Year * 10000 + t.Month * 100 + t.Day : null, true, true);

    private static DateOnly ParseDate(string value, string field) =>
        DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy-M-d", "yyyyMMdd", "yyyy/MM/dd"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : int.TryParse(value, out var year) && year is >= 1949 and <= 2100
                ? (field == "from" ? new DateOnly(year, 1, 1) : new DateOnly(year, 12, 31))
                : throw new QuerySyntaxException($"{field}: 日期应写作 2022-01-01 或 2022，而不是“{value}”。");
}
