using System.Net;
using OpenCvSharp;
using Search.Core.Extraction;

namespace Search.Cli.Commands;

/// <summary>
/// Builds `bench ocr`'s page images from real texts: each text is printed to PDF by headless Chromium as a
/// 红头 notice (and once more with a red seal stamped over its last lines), rendered by pdftoppm at 150 and
/// 300 dpi and then turned, skewed, degraded and photographed; a web page carrying the same text is
/// screenshotted.
/// </summary>
public sealed class OcrBenchmarkPages(string folder, string chromium, TimeSpan timeout)
{
    public static readonly string[] Variants = ["clean-150", "clean-300", "rotated", "skewed", "noisy-jpeg", "faint", "seal", "phone-photo", "screenshot"];

    public async Task<IReadOnlyList<OcrBenchmarkPage>> BuildAsync(OcrBenchmarkSource source, int index, IReadOnlyCollection<string> variants, CancellationToken cancellationToken)
    {
        var pages = new List<OcrBenchmarkPage>();
        var stem = Path.Combine(folder, source.Id);
        OcrBenchmarkPage Page(string variant, string path, string? truth = null) => new(source.Id, source.Split, variant, path, truth ?? source.PrintedText);

        var printed = variants.Except(["seal", "screenshot"]).Any();
        if (printed)
        {
            var pdf = await PrintAsync(NoticeHtml(source, seal: false), stem + ".pdf", cancellationToken);
            var page150 = await RenderAsync(pdf, 150, stem + "-150", cancellationToken);
            using var image = Cv2.ImRead(page150);
            var random = new Random(17 + index);
            foreach (var variant in variants)
            {
                var target = $"{stem}-{variant}.png";
                switch (variant)
                {
                    case "clean-150":
                        pages.Add(Page(variant, page150));
                        break;
                    case "clean-300":
                        pages.Add(Page(variant, await RenderAsync(pdf, 300, stem + "-300", cancellationToken)));
                        break;
                    case "rotated":
                        using (var turned = new Mat())
                        {
                            Cv2.Rotate(image, turned, (index % 3) switch { 0 => RotateFlags.Rotate90Clockwise, 1 => RotateFlags.Rotate180, _ => RotateFlags.Rotate90Counterclockwise });
                            pages.Add(Page($"rotated-{(index % 3 + 1) * 90}", Save(turned, target)));
                        }
                        break;
                    case "skewed":
                        using (var skewed = PageDistortions.Skew(image, (index % 2 == 0 ? 1 : -1) * (2 + index % 3)))
                        {
                            pages.Add(Page(variant, Save(skewed, target)));
                        }
                        break;
                    case "noisy-jpeg":
                        using (var noisy = PageDistortions.Noise(image, random, sigma: 22, speckles: 0.01))
                        {
                            pages.Add(Page(variant, SaveJpeg(noisy, Path.ChangeExtension(target, ".jpg"), 30)));
                        }
                        break;
                    case "faint":
                        using (var faint = PageDistortions.Faint(image, ink: 0.35))
                        {
                            pages.Add(Page(variant, Save(faint, target)));
                        }
                        break;
                    case "phone-photo":
                        using (var photo = PageDistortions.PhonePhoto(image, random))
                        {
                            pages.Add(Page(variant, SaveJpeg(photo, Path.ChangeExtension(target, ".jpg"), 70)));
                        }
                        break;
                }
            }
        }
        if (variants.Contains("seal"))
        {
            var sealedPdf = await PrintAsync(NoticeHtml(source, seal: true), stem + "-sealed.pdf", cancellationToken);
            pages.Add(Page("seal", await RenderAsync(sealedPdf, 150, stem + "-seal", cancellationToken)));
        }
        if (variants.Contains("screenshot"))
        {
            var (html, truth) = WebPageHtml(source);
            pages.Add(Page("screenshot", await ScreenshotAsync(html, stem + "-screenshot.png", cancellationToken), truth));
        }
        return pages;
    }

    private static string Save(Mat image, string path)
    {
        Cv2.ImWrite(path, image);
        return path;
    }

    private static string SaveJpeg(Mat image, string path, int quality)
    {
        Cv2.ImWrite(path, image, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        return path;
    }

    private async Task<string> PrintAsync(string html, string pdf, CancellationToken cancellationToken)
    {
        var htmlPath = Path.ChangeExtension(pdf, ".html");
        await File.WriteAllTextAsync(htmlPath, html, cancellationToken);
        await ChromiumAsync([$"--print-to-pdf={pdf}", "--no-pdf-header-footer", new Uri(htmlPath).AbsoluteUri], cancellationToken);
        return pdf;
    }

    private async Task<string> ScreenshotAsync(string html, string png, CancellationToken cancellationToken)
    {
        var htmlPath = Path.ChangeExtension(png, ".html");
        await File.WriteAllTextAsync(htmlPath, html, cancellationToken);
        await ChromiumAsync([$"--screenshot={png}", "--window-size=1280,900", "--hide-scrollbars", new Uri(htmlPath).AbsoluteUri], cancellationToken);
        return png;
    }

    private Task ChromiumAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ExternalTool.RunAsync(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={Path.Combine(folder, "chromium-profile")}", .. arguments],
            "chromium", timeout, cancellationToken, folder);

    private async Task<string> RenderAsync(string pdf, int dpi, string prefix, CancellationToken cancellationToken)
    {
        await ExternalTool.RunAsync("pdftoppm", ["-r", dpi.ToString(), "-f", "1", "-l", "1", "-png", "-singlefile", pdf, prefix], "poppler-utils", timeout, cancellationToken);
        return prefix + ".png";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>An A4 notice: red header and rule, document number, title, indented paragraphs; optionally a red seal over the last lines.</summary>
    private static string NoticeHtml(OcrBenchmarkSource source, bool seal)
    {
        var body = source.Body.Select((p, i) => i == source.Body.Count - 1 && seal
            ? $"<div style=\"position:relative\"><p>{E(p)}</p>{SealSvg(source.Site)}</div>"
            : $"<p>{E(p)}</p>");
        return $$"""
            <!doctype html><html><head><meta charset="utf-8"><style>
            @page { size: A4; margin: 0 }
            body { margin: 0; padding: 2.5cm 2.6cm 2cm 2.8cm; font: 16pt/1.75 "Noto Serif CJK SC", serif; color: #111; }
            .header { color: #d8001c; font: 700 28pt/1.3 "Noto Serif CJK SC", serif; text-align: center; letter-spacing: 2pt; }
            .number { text-align: center; margin: 8pt 0 4pt; }
            hr { border: 0; border-top: 2.5pt solid #d8001c; margin: 0 0 14pt; }
            h1 { font: 700 19pt/1.5 "Noto Sans CJK SC", sans-serif; text-align: center; margin: 0 0 12pt; }
            p { margin: 0; text-indent: 2em; text-align: justify; }
            .seal { position: absolute; right: 0.4cm; top: -0.6cm; mix-blend-mode: multiply; opacity: 0.88; }
            </style></head><body>
            {{(source.Header is null ? "" : $"<div class=\"header\">{E(source.Header)}</div>")}}
            {{(source.Number is null ? "" : $"<div class=\"number\">{E(source.Number)}</div><hr>")}}
            <h1>{{E(source.Title)}}</h1>
            {{string.Join("\n", body)}}
            </body></html>
            """;
    }

    /// <summary>A round official seal: red ring, the body's name along the top, a star in the middle.</summary>
    private static string SealSvg(string name) => $"""
        <svg class="seal" width="170" height="170" viewBox="0 0 170 170" xmlns="http://www.w3.org/2000/svg">
        <circle cx="85" cy="85" r="80" fill="none" stroke="#e0101c" stroke-width="5"/>
        <path id="arc" d="M 28 100 A 60 60 0 1 1 142 100" fill="none"/>
        <text fill="#e0101c" font-family="Noto Sans CJK SC" font-size="19" font-weight="700"><textPath href="#arc" startOffset="50%" text-anchor="middle">{E(name)}</textPath></text>
        <text x="85" y="104" fill="#e0101c" font-size="46" text-anchor="middle">★</text>
        </svg>
        """;

    /// <summary>A government site's article page carrying the text, and what a person reads on it.</summary>
    private static (string Html, string Truth) WebPageHtml(OcrBenchmarkSource source)
    {
        const string nav = "首页　政务公开　政务服务　互动交流　法治政府";
        var meta = $"来源：{source.Site}";
        var body = new List<string>();
        foreach (var p in source.Body)
        {
            if (body.Sum(b => b.Length) + p.Length > 300)
            {
                break;
            }
            body.Add(p);
        }
        if (body.Count == 0)
        {
            body.Add(source.Body[0]);
        }
        var html = $$"""
            <!doctype html><html><head><meta charset="utf-8"><style>
            body { margin: 0; font-family: "Noto Sans CJK SC", sans-serif; background: #eef2f7; }
            .site { background: #1d5aa8; color: #fff; font-size: 30px; font-weight: 700; padding: 20px 60px; }
            .nav { background: #2f74cc; color: #fff; font-size: 18px; padding: 9px 60px; }
            .article { width: 1000px; margin: 22px auto; background: #fff; padding: 26px 50px; }
            h1 { font-size: 26px; text-align: center; color: #222; margin: 0 0 10px; }
            .meta { text-align: center; color: #666; font-size: 14px; border-bottom: 1px solid #ddd; padding-bottom: 12px; margin-bottom: 14px; }
            p { font-size: 17px; line-height: 1.9; text-indent: 2em; margin: 0; color: #333; }
            </style></head><body>
            <div class="site">{{E(source.Site)}}</div>
            <div class="nav">{{nav}}</div>
            <div class="article"><h1>{{E(source.Title)}}</h1><div class="meta">{{E(meta)}}</div>
            {{string.Join("\n", body.Select(p => $"<p>{E(p)}</p>"))}}
            </div></body></html>
            """;
        return (html, string.Join("\n", new[] { source.Site, nav, source.Title, meta }.Concat(body)));
    }
}

/// <summary>One page image with the text a person reads on it.</summary>
public sealed record OcrBenchmarkPage(string Source, string Split, string Variant, string ImagePath, string Truth);
