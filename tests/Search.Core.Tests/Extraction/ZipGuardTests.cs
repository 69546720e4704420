using System.IO.Compression;
using System.Text;
using Search.Core.Extraction;
using Search.Core.Extraction.Archives;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Extraction;

/// <summary>
/// Every ZIP-based format (DOCX, XLSX, OFD, ZIP) built here as a real, well-formed file, then made into a bomb:
/// one entry that compresses a thousand to one, too many entries, too many bytes in all, and an entry whose
/// header understates what it inflates to. Each is refused with a reason before the library behind it opens it.
/// </summary>
public sealed class ZipGuardTests : IDisposable
{
    private const int MiB = 1024 * 1024;
    private readonly TempFolder _folder = new();
    private readonly Services _services = new(new()
    {
        ["Search:Extraction:MaxArchiveEntries"] = "50",
        ["Search:Extraction:MaxExpandedBytes"] = (12 * MiB).ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public static TheoryData<string> Formats() => ["docx", "xlsx", "ofd", "zip"];

    /// <summary>A small, valid file of the format, which extracts as it should.</summary>
    private string Good(string format)
    {
        var path = _folder.File($"{Guid.NewGuid():N}.{format}");
        switch (format)
        {
            case "docx":
                TestFiles.Docx(path, ["行政执法案卷评查通报"]);
                break;
            case "xlsx":
                TestFiles.Xlsx(path, "台账", [["序号", "事项"], ["1", "行政复议案件"]]);
                break;
            case "ofd":
                TestFiles.Zip(path,
                    ("OFD.xml", Encoding.UTF8.GetBytes("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")),
                    ("Doc_0/Document.xml", Encoding.UTF8.GetBytes("<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>")),
                    ("Doc_0/Pages/Page_0/Content.xml", Encoding.UTF8.GetBytes("<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer><ofd:TextObject Boundary=\"10 10 100 5\"><ofd:TextCode X=\"0\" Y=\"0\">行政执法案卷评查通报</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>")));
                break;
            default:
                TestFiles.Zip(path, ("通报.txt", Encoding.UTF8.GetBytes("行政执法案卷评查通报")));
                break;
        }
        return path;
    }

    private static void Add(string path, IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        foreach (var (name, content) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            stream.Write(content);
        }
    }

    private async Task<Exception> RefusedAsync(string format, string path)
    {
        if (format == "zip")
        {
            var target = _folder.File("expanded-" + Guid.NewGuid().ToString("N"));
            var refusal = Assert.Throws<ExtractionException>(() => _services.Get<ArchiveExpander>().Expand(path, target));
            // Nothing beyond the limit reached the disk.
            Assert.True(!Directory.Exists(target) || Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) <= 12 * MiB);
            return refusal;
        }
        return await Assert.ThrowsAsync<ExtractionException>(() => _services.Get<TextExtractionService>().ExtractAsync(path, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Good_File_Extracts(string format)
    {
        var path = Good(format);

        if (format == "zip")
        {
            Assert.Single(_services.Get<ArchiveExpander>().Expand(path, _folder.File("ok")).Entries);
        }
        else
        {
            var result = await _services.Get<TextExtractionService>().ExtractAsync(path, CancellationToken.None);
            Assert.Contains(result.Sections, s => s.Text.Contains("行政", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Entry_CompressedAThousandToOne_Refused(string format)
    {
        var path = Good(format);
        Add(path, [("media/zeros.bin", new byte[8 * MiB])]);

        var refusal = await RefusedAsync(format, path);

        Assert.Contains("压缩比异常", refusal.Message);
        Assert.Contains("zeros.bin", refusal.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task TooManyEntries_Refused(string format)
    {
        var path = Good(format);
        Add(path, Enumerable.Range(0, 60).Select(i => ($"parts/part{i}.xml", Encoding.UTF8.GetBytes("<p/>"))));

        var refusal = await RefusedAsync(format, path);

        Assert.Contains("过多", refusal.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task TooManyBytesInAll_Refused(string format)
    {
        var path = Good(format);
        var random = new Random(16);
        // Incompressible: no single entry is suspicious, only the sum.
        Add(path, Enumerable.Range(0, 14).Select(i =>
        {
            var bytes = new byte[MiB];
            random.NextBytes(bytes);
            return ($"media/image{i}.bin", bytes);
        }));

        var refusal = await RefusedAsync(format, path);

        Assert.Contains("解压后过大", refusal.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task HeaderThatUnderstatesItsSize_InflatesNoMoreThanItDeclares(string format)
    {
        var path = Good(format);
        Add(path, [("media/liar.bin", new byte[40 * MiB])]);
        Understate(path, "media/liar.bin", declared: 100);

        // What the guard rests on: the runtime's reader stops at the declared size, so the declared sizes it checks bound the work.
        using (var zip = ZipFile.OpenRead(path))
        using (var stream = zip.GetEntry("media/liar.bin")!.Open())
        {
            Assert.True(Drain(stream) <= 100);
        }
        if (format == "zip")
        {
            var expanded = _services.Get<ArchiveExpander>().Expand(path, _folder.File("liar"));
            Assert.True(new FileInfo(expanded.Entries.Single(e => e.RelativePath == "media/liar.bin").FullPath).Length <= 100);
        }
        else
        {
            // The file is read (or refused as damaged) without inflating 40 MB.
            try
            {
                await _services.Get<TextExtractionService>().ExtractAsync(path, CancellationToken.None);
            }
            catch (ExtractionException)
            {
            }
        }
    }

    private static long Drain(Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
        }
        return total;
    }

    /// <summary>Rewrites the uncompressed size of one entry in its local header and in the central directory.</summary>
    private static void Understate(string path, string entryName, uint declared)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50 && Matches(bytes, i + 30, BitConverter.ToUInt16(bytes, i + 26), name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), declared);
                patched++;
            }
            else if (signature == 0x02014b50 && Matches(bytes, i + 46, BitConverter.ToUInt16(bytes, i + 28), name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), declared);
                patched++;
            }
        }
        Assert.Equal(2, patched);
        File.WriteAllBytes(path, bytes);
    }

    private static bool Matches(byte[] bytes, int at, int length, byte[] name) =>
        length == name.Length && at + length <= bytes.Length && bytes.AsSpan(at, length).SequenceEqual(name);

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
