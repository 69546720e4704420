namespace Search.Core.WebChecks;

/// <summary>The renderer of a host without a browser: checks still run, the snapshot has no picture and says why.</summary>
public sealed class UnavailablePageRenderer : IPageRenderer
{
    public string? Unavailable => "未接入浏览器，未生成截图和 PDF";

    public Task<IReadOnlyList<string>> RenderAsync(byte[] html, string? contentType, Uri address, Func<Uri, CancellationToken, Task<FetchedPage>> fetch, string caption, string pngPath, string pdfPath, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([Unavailable!]);
}
