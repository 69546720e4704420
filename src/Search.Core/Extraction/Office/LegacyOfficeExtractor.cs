using Microsoft.Extensions.Options;

namespace Search.Core.Extraction.Office;

/// <summary>DOC, WPS, XLS and ET: converted to DOCX/XLSX with LibreOffice headless, then read like those.</summary>
public sealed class LegacyOfficeExtractor(DocxTextExtractor docx, XlsxTextExtractor xlsx, IOptions<ExtractionOptions> options) : ITextExtractor
{
    public bool CanExtract(FileKind kind) => kind is FileKind.Doc or FileKind.Wps or FileKind.Xls or FileKind.Et;

    public async Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        var spreadsheet = kind is FileKind.Xls or FileKind.Et;
        var target = spreadsheet ? "xlsx" : "docx";
        var folder = Path.Combine(Path.GetTempPath(), "search-convert-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // LibreOffice decides the filter by extension; give the input the extension its content has.
            var input = Path.Combine(folder, "input." + kind.ToString().ToLowerInvariant());
            File.Copy(path, input);
            var o = options.Value;
            var package = spreadsheet ? "libreoffice-calc-nogui" : "libreoffice-writer-nogui";
            await ExternalTool.RunAsync(o.SofficePath,
                [$"-env:UserInstallation=file://{folder}/profile", "--headless", "--norestore", "--convert-to", target, "--outdir", folder, input],
                package, TimeSpan.FromSeconds(o.ProcessTimeoutSeconds), cancellationToken);
            var output = Path.Combine(folder, "input." + target);
            if (!File.Exists(output))
            {
                throw new ExtractionException($"LibreOffice 未能转换该 {kind.ToString().ToUpperInvariant()} 文件（文件可能已损坏）");
            }
            var result = spreadsheet
                ? await xlsx.ExtractAsync(output, FileKind.Xlsx, cancellationToken)
                : await docx.ExtractAsync(output, FileKind.Docx, cancellationToken);
            return result with { Warnings = [.. result.Warnings, $"已用 LibreOffice 将 {kind.ToString().ToUpperInvariant()} 转换为 {target.ToUpperInvariant()} 后读取"] };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
