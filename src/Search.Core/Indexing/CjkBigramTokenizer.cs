using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Indexing;

/// <summary>
/// Emits overlapping CJK character bigrams (a lone CJK character as itself) and lower-cased runs of
/// letters and digits, one position each, so that a phrase of bigrams finds any verbatim substring.
/// </summary>
public sealed class CjkBigramTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private string _text = "";
    private int _position;
    private int _pendingCjkEnd = -1;

    public CjkBigramTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (IsCjk(c))
            {
                var next = _position + 1;
                if (next < _text.Length && IsCjk(_text[next]))
                {
                    Emit(_position, 2);
                    _pendingCjkEnd = next;
                    _position++;
                    return true;
                }
                var alone = _pendingCjkEnd != _position;
                _pendingCjkEnd = -1;
                _position++;
                if (alone)
                {
                    Emit(_position - 1, 1);
                    return true;
                }
                continue;
            }
            _pendingCjkEnd = -1;
            if (char.IsLetterOrDigit(c))
            {
                var start = _position;
                while (_position < _text.Length && char.IsLetterOrDigit(_text[_position]) && !IsCjk(_text[_position]))
                {
                    _position++;
                }
                _term.SetEmpty().Append(_text.Substring(start, _position - start).ToLowerInvariant());
                _offset.SetOffset(CorrectOffset(start), CorrectOffset(_position));
                return true;
            }
            _position++;
        }
        return false;
    }

    private void Emit(int start, int length)
    {
        _term.SetEmpty().Append(_text, start, length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
    }

    public override void Reset()
    {
        base.Reset();
        _text = m_input.ReadToEnd();
        _position = 0;
        _pendingCjkEnd = -1;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(CorrectOffset(_text.Length), CorrectOffset(_text.Length));
    }
}
