using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Extraction.Text;

namespace Search.Core.Extraction.Web;

/// <summary>Finds the HTML part of a MIME web archive (.mht), decodes quoted-printable or base64 and its charset, and reads Content-Location.</summary>
public static partial class MhtReader
{
    [GeneratedRegex(@"boundary=""?([^""\r\n;]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^Content-Location:\s*(\S+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Location();

    [GeneratedRegex(@"charset=""?([\w-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    [GeneratedRegex(@"^Content-Transfer-Encoding:\s*([\w-]+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex TransferEncoding();

    [GeneratedRegex(@"^Snapshot-Content-Location:\s*(\S+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex SnapshotLocation();

    public static (string Html, string? Location) ReadHtml(byte[] bytes)
    {
        var raw = Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n");
        var boundary = Boundary().Match(raw) is { Success: true } b ? b.Groups[1].Value : null;
        var parts = boundary is null ? [raw] : raw.Split("--" + boundary);
        var topLocation = SnapshotLocation().Match(raw) is { Success: true } s ? s.Groups[1].Value : null;
        foreach (var part in parts)
        {
            var split = part.IndexOf("\n\n", StringComparison.Ordinal);
            if (split < 0)
            {
                continue;
            }
            var headers = part[..split];
            if (!headers.Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var body = part[(split + 2)..];
            var encoding = TransferEncoding().Match(headers).Groups[1].Value.ToLowerInvariant();
            var data = encoding switch
            {
                "base64" => Convert.FromBase64String(new string(body.Where(c => !char.IsWhiteSpace(c)).ToArray())),
                "quoted-printable" => QuotedPrintable(body),
                _ => Encoding.Latin1.GetBytes(body),
            };
            var charset = TextDecoder.ByName(Charset().Match(headers).Groups[1].Value);
            var html = charset?.GetString(data) ?? TextDecoder.Decode(data);
            var location = Location().Match(headers) is { Success: true } l ? l.Groups[1].Value : topLocation;
            return (html, location);
        }
        throw new ExtractionException("MHT 文件中没有网页（text/html）部分");
    }

    private static byte[] QuotedPrintable(string body)
    {
        var output = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '=' && i + 1 < body.Length && body[i + 1] == '\n')
            {
                i++;
                continue;
            }
            if (c == '=' && i + 2 < body.Length && Uri.IsHexDigit(body[i + 1]) && Uri.IsHexDigit(body[i + 2]))
            {
                output.Add(Convert.ToByte(body.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            output.Add((byte)c);
        }
        return output.ToArray();
    }
}
