using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Indexing;

/// <summary>
/// A passage's text as the index's word field analyses it (SmartCn over normalised text): every token's term,
/// position increment and offsets, recorded once so the index can take them as they are instead of running the
/// analyser again, and matching can read the same words where its own chain would find the same ones.
/// </summary>
public sealed class PassageWords
{
    private readonly string[] _terms;
    private readonly int[] _increments;
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly int _finalOffset;
    private readonly int _finalIncrement;

    private PassageWords(string text, string[] terms, int[] increments, int[] starts, int[] ends, int finalOffset, int finalIncrement)
    {
        Text = text;
        _terms = terms;
        _increments = increments;
        _starts = starts;
        _ends = ends;
        _finalOffset = finalOffset;
        _finalIncrement = finalIncrement;
        ServesMatching = MatchingAgrees(text);
    }

    /// <summary>The text the words were read from.</summary>
    public string Text { get; }

    public IReadOnlyList<string> Terms => _terms;

    /// <summary>Runs the index's word analyser over <paramref name="text"/> once and keeps what it produced.</summary>
    public static PassageWords Analyse(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        var increments = new List<int>();
        var starts = new List<int>();
        var ends = new List<int>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
            increments.Add(increment.PositionIncrement);
            starts.Add(offset.StartOffset);
            ends.Add(offset.EndOffset);
        }
        stream.End();
        return new PassageWords(text, [.. terms], [.. increments], [.. starts], [.. ends], offset.EndOffset, increment.PositionIncrement);
    }

    /// <summary>The recorded tokens again, attribute for attribute, as a token stream for one field value.</summary>
    public TokenStream Replay() => new ReplayStream(this);

    /// <summary>
    /// True when matching's analyser (SmartCn over the NFKC form, lower-casing only basic Latin) finds exactly
    /// these words in <see cref="Text"/>: the two normalisations agree on it and it has no cased letter beyond
    /// basic Latin. Otherwise matching analyses the text itself.
    /// </summary>
    public bool ServesMatching { get; }

    private static bool MatchingAgrees(string text)
    {
        var normalised = TextNormalizer.Normalize(text);
        return string.Equals(normalised, text.Normalize(NormalizationForm.FormKC), StringComparison.Ordinal)
            && !normalised.Any(c => c >= 0x80 && char.ToLowerInvariant(c) != char.ToUpperInvariant(c));
    }

    private sealed class ReplayStream : TokenStream
    {
        private readonly PassageWords _words;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IOffsetAttribute _offset;
        private int _next;

        public ReplayStream(PassageWords words)
        {
            _words = words;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next >= _words._terms.Length)
            {
                return false;
            }
            ClearAttributes();
            _term.SetEmpty().Append(_words._terms[_next]);
            _increment.PositionIncrement = _words._increments[_next];
            _offset.SetOffset(_words._starts[_next], _words._ends[_next]);
            _next++;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_words._finalOffset, _words._finalOffset);
            _increment.PositionIncrement = _words._finalIncrement;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
