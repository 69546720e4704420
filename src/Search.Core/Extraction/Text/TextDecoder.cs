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

    private static bool LooksUtf16(byte[] bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = Math.Min(bytes.Length, 4096) & ~1;
        if (sample < 4)
        {
            return false;
        }
        int even = 0, odd = 0;
        for (var i = 0; i < sample; i++)
        {
            if (bytes[i] == 0)
            {
                if (i % 2 == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }
        // ASCII in UTF-16 has a zero in every other byte; Chinese has few zeros, so use the regularity of code units instead.
        if (odd > sample / 8 && even < odd / 10)
        {
            return true;
        }
        if (even > sample / 8 && odd < even / 10)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }
}
