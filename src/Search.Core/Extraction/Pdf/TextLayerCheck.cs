using System.Text;

namespace Search.Core.Extraction.Pdf;

/// <summary>
/// Decides whether a PDF page's text layer can be indexed. Real CJK PDFs often carry one that cannot:
/// a GB-encoded font read as WinAnsi (Latin-1 mojibake such as "¹ØÓÚ"), a CID font without a usable
/// ToUnicode map (rare ideographs, other scripts, control characters) or glyphs without characters.
/// Such pages are OCR'd instead.
/// </summary>
public static class TextLayerCheck
{
    /// <summary>A page with fewer letters and digits than this has no text layer worth the name.</summary>
    public const int MinCharacters = 10;

    /// <summary>Share of the characters that may be suspicious before the layer is judged unusable.</summary>
    private const double MaxSuspiciousShare = 0.3;

    private static readonly Encoding Gbk = CreateGbk();

    /// <summary>Judges a page from its extracted text and how many of its glyphs map to no character.</summary>
    public static TextLayerVerdict Judge(string text, int glyphs, int glyphsWithoutText)
    {
        if (glyphs >= 20 && glyphsWithoutText > 0.5 * glyphs)
        {
            return TextLayerVerdict.Unusable($"{glyphsWithoutText}/{glyphs} 个字形没有对应的文字");
        }
        var characters = text.Where(c => !char.IsWhiteSpace(c)).ToList();
        if (characters.Count(char.IsLetterOrDigit) < MinCharacters)
        {
            return TextLayerVerdict.Missing;
        }
        var total = (double)characters.Count;
        var latin1 = characters.Count(c => c is >= '\u00a1' and <= '\u024f');
        var ideographs = characters.Where(IsIdeograph).ToList();
        if (latin1 >= MaxSuspiciousShare * total && ideographs.Count < 0.1 * total)
        {
            return TextLayerVerdict.Unusable("中文编码被当作西文编码读取，文字层是乱码");
        }
        var asciiSymbols = characters.Count(c => c < 0x80 && (char.IsPunctuation(c) || char.IsSymbol(c)));
        if (asciiSymbols >= 0.25 * total && ideographs.Count < 0.1 * total)
        {
            return TextLayerVerdict.Unusable("文字层是无意义的符号（字体缺少可用的 ToUnicode 映射）");
        }
        var undecodable = characters.Count(c => c == '\ufffd' || char.IsControl(c) || c is >= '\ue000' and <= '\uf8ff' || char.IsSurrogate(c) || IsOtherScript(c));
        if (undecodable >= MaxSuspiciousShare * total)
        {
            return TextLayerVerdict.Unusable("文字层无法解码（字体缺少可用的 ToUnicode 映射）");
        }
        if (ideographs.Count >= MinCharacters && ideographs.Count(c => !IsCommonHanzi(c)) >= MaxSuspiciousShare * ideographs.Count)
        {
            return TextLayerVerdict.Unusable("文字层多为 GB 常用字以外的字符，字体映射有误");
        }
        return TextLayerVerdict.Usable;
    }

    /// <summary>True when a glyph's extracted value carries no character (empty, blank, replacement or control).</summary>
    public static bool IsEmptyGlyph(string value) =>
        value.Length == 0 || value.All(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\ufffd');

    /// <summary>One of the 6,763 hanzi of GB 2312, the set everyday Chinese documents are written in.</summary>
    public static bool IsCommonHanzi(char c)
    {
        Span<byte> bytes = stackalloc byte[4];
        var length = Gbk.GetBytes([c], bytes);
        return length == 2 && bytes[0] is >= 0xB0 and <= 0xF7 && bytes[1] >= 0xA1 && bytes[1] <= 0xFE;
    }

    private static bool IsIdeograph(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    /// <summary>Scripts a Chinese government document does not use: what a wrong font map turns text into.</summary>
    private static bool IsOtherScript(char c) =>
        c is >= '\u0370' and <= '\u1fff' // Greek to Latin Extended Additional: Cyrillic, Arabic, Indic, Thai…
        or >= '\ua000' and <= '\uabff' // Yi, Vai, other syllabaries
        or >= '\uac00' and <= '\ud7ff'; // Hangul

    private static Encoding CreateGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
    }
}

/// <summary>Whether a page's text layer is usable, missing, or present but unusable (with the reason).</summary>
public sealed record TextLayerVerdict(bool IsUsable, string? Reason)
{
    public static readonly TextLayerVerdict Usable = new(true, null);

    public static readonly TextLayerVerdict Missing = new(false, null);

    public static TextLayerVerdict Unusable(string reason) => new(false, reason);
}
