namespace Search.Core.WebChecks;

/// <summary>
/// Makes the picture of a fetched page the notices ask for (网址及截图): a full-page PNG and a PDF print.
/// The engine holds no browser; a host that has one plugs it in.
/// </summary>
public interface IPageRenderer
{
    /// <summary>Why no picture can be made here, or null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>
    /// Renders the HTML as fetched from <paramref name="address"/> into the two files. Every resource the page
    /// asks for (images, styles, scripts) must come through <paramref name="fetch"/>, the checker's own guarded
    /// fetch, so the browser reaches no more than the checker may. <paramref name="caption"/> (address, time, hash)
    /// is shown above the page so that the picture itself says where and when it was taken. Returns notes on what could not be made.
    /// </summary>
    Task<IReadOnlyList<string>> RenderAsync(byte[] html, string? contentType, Uri address, Func<Uri, CancellationToken, Task<FetchedPage>> fetch, string caption, string pngPath, string pdfPath, CancellationToken cancellationToken);
}
