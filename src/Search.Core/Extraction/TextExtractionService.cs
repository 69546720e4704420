using Microsoft.Extensions.Options;

namespace Search.Core.Extraction;

/// <summary>Checks a file (exists, not empty, not too large, a supported format) and hands it to the extractor for its format.</summary>
public sealed class TextExtractionService(IEnumerable<ITextExtractor> extractors, IOptions<ExtractionOptions> options)
{
    private readonly ITextExtractor[] _extractors = extractors.ToArray();

    public Task<ExtractionResult> ExtractAsync(string path, CancellationToken cancellationToken) =>
        ExtractAsync(path, File.Exists(path) && new FileInfo(path).Length > 0 ? FileKindDetector.Detect(path) : FileKind.Unknown, cancellationToken);

    /// <summary>Extracts a file whose kind the caller has already detected.</summary>
    public async Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ExtractionException("文件不存在", path);
        }
        if (info.Length == 0)
        {
            throw new ExtractionException("文件为空", path);
        }
        if (info.Length > options.Value.MaxFileBytes)
        {
            throw new ExtractionException($"文件过大（{info.Length / 1024.0 / 1024:0.#} MB），超过上限 {options.Value.MaxFileBytes / 1024 / 1024} MB", path);
        }
        var extractor = _extractors.FirstOrDefault(e => e.CanExtract(kind))
            ?? throw new ExtractionException(kind == FileKind.Unknown
                ? $"不支持的文件类型（{Path.GetExtension(path)}）：内容不是可识别的文档、表格、图片或网页格式"
                : $"不支持的文件类型：{kind}", path);
        var result = await extractor.ExtractAsync(path, kind, cancellationToken);
        return result;
    }
}
