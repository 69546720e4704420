using System.Text;

namespace Search.Core.Extraction.Text;

/// <summary>Decodes text files: BOMs, UTF-16 without BOM, strict UTF-8, else GB18030 (a superset of GBK/GB2312, which many government files use).</summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static string Decode(byte[] bytes) => Decode(bytes, out _);

    public static string Decode(byte[] bytes, out Encoding encoding)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            encoding = Encoding.UTF8;
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encoding = Encoding.Unicode;
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encoding = Encoding.BigEndianUnicode;
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }
        if (LooksUtf16(bytes, out var bigEndian))
        {
            encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
            return encoding.GetString(bytes);
        }
        try
        {
            encoding = new UTF8Encoding(false, throwOnInvalidBytes: true);
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            encoding = Gb18030;
            return Gb18030.GetString(bytes);
        }
    }

    public static Encoding? ByName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var n = name.Trim().Trim('"', '\'').ToLowerInvariant();
        if (n is "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936")
        {
            return Gb18030;
        }
        try
        {
            return Encoding.GetEncoding(n);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>UTF-16 without a BOM: nearly every code unit is printable ASCII, CJK, CJK punctuation or a line break.</summary>
    public static bool LooksUtf16(byte[] bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = Math.Min(bytes.Length, 4096) & ~1;
        if (sample < 4)
        {
            return false;
        }
        if (Plausible(bytes, sample, bigEndian: false))
        {
            return true;
        }
        bigEndian = true;
        return Plausible(bytes, sample, bigEndian: true);
    }

    private static bool Plausible(byte[] bytes, int sample, bool bigEndian)
    {
        var good = 0;
        var ascii = 0;
        for (var i = 0; i < sample; i += 2)
        {
            var unit = bigEndian ? (char)(bytes[i] << 8 | bytes[i + 1]) : (char)(bytes[i + 1] << 8 | bytes[i]);
            if (unit is '\n' or '\r' or '\t' || unit is >= ' ' and < '\u007f')
            {
                good++;
                ascii++;
            }
            else if (unit is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef' or >= '\u2010' and <= '\u206f')
            {
                good++;
            }
        }
        var units = sample / 2;
        // All-ASCII UTF-8 text would decode to CJK-looking units rarely; demand both plausibility and some real zero bytes.
        return good >= units * 0.9 && bytes.Take(sample).Count(b => b == 0) > 0;
    }
}
