using OpenCvSharp;
using Search.Core.Extraction;
using Search.Core.Extraction.Ocr;
using Search.Core.Extraction.Ocr.Paddle;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Extraction.Ocr;

[Trait("Category", "Integration")]
public sealed class PaddleOcrEngineTests(NoticePageFixture notice) : IClassFixture<NoticePageFixture>, IDisposable
{
    private readonly Services _services = new();
    private readonly TempFolder _folder = new();

    private PaddleOcrEngine Engine => _services.Get<PaddleOcrEngine>();

    [Fact]
    public async Task Recognize_NoticePage_ReadsItAsPrinted()
    {
        var page = await Engine.RecognizeAsync(notice.Png, CancellationToken.None);

        Assert.Equal("paddle", page.Engine);
        Assert.Equal(0, page.Rotation);
        Assert.InRange(CharacterErrorRate.Of(NoticePageFixture.Truth, page.Text), 0, 0.03);
        Assert.Contains(page.Blocks, b => b.Text == NoticePageFixture.Title);
    }

    [Fact]
    public async Task Recognize_NoticePage_LinesKeepBoxesAndConfidence()
    {
        var page = await Engine.RecognizeAsync(notice.Png, CancellationToken.None);

        var lines = page.Lines.ToList();
        // Title, salutation, two lines of the second paragraph and two of the third, at 150 dpi on A4.
        Assert.InRange(lines.Count, 5, 9);
        Assert.All(lines, l =>
        {
            Assert.Equal(4, l.Box.Count);
            Assert.InRange(l.Confidence, 0.8f, 1f);
            Assert.True(l.Left >= 0 && l.Right <= page.Width && l.Top >= 0 && l.Bottom <= page.Height);
            Assert.InRange(l.Bottom - l.Top, 15, 80);
        });
        // In reading order, each line below the one before.
        Assert.All(lines.Zip(lines.Skip(1)), pair => Assert.True(pair.Second.Top > pair.First.Top));
        var title = lines.Single(l => l.Text == NoticePageFixture.Title);
        Assert.True(title.Left > page.Width / 10 && title.Right < page.Width * 9 / 10, "the centred title's box lies inside the page");
    }

    [Theory]
    [InlineData(RotateFlags.Rotate90Clockwise, 270)]
    [InlineData(RotateFlags.Rotate180, 180)]
    [InlineData(RotateFlags.Rotate90Counterclockwise, 90)]
    public async Task Recognize_TurnedPage_ReadUpright(RotateFlags turn, int expectedRotation)
    {
        var path = _folder.File($"turned-{turn}.png");
        using (var image = Cv2.ImRead(notice.Png))
        using (var turned = new Mat())
        {
            Cv2.Rotate(image, turned, turn);
            Cv2.ImWrite(path, turned);
        }

        var page = await Engine.RecognizeAsync(path, CancellationToken.None);

        Assert.Equal(expectedRotation, page.Rotation);
        Assert.InRange(CharacterErrorRate.Of(NoticePageFixture.Truth, page.Text), 0, 0.05);
    }

    [Fact]
    public async Task Recognize_RedSealOverText_TextBeneathRead()
    {
        var path = _folder.File("sealed.png");
        using (var image = Cv2.ImRead(notice.Png))
        {
            // A seal's red ring and star stamped (multiplied) over the second paragraph.
            using var seal = new Mat(image.Size(), MatType.CV_8UC3, Scalar.White);
            var line = (await Engine.RecognizeAsync(notice.Png, CancellationToken.None)).Lines.First(l => l.Text.StartsWith("《夏邑县", StringComparison.Ordinal));
            var center = new Point(line.Left + (line.Right - line.Left) * 2 / 3, line.Bottom);
            Cv2.Circle(seal, center, 110, new Scalar(40, 30, 230), 7);
            Cv2.Circle(seal, center, 30, new Scalar(40, 30, 230), -1);
            Cv2.Multiply(image, seal, image, 1.0 / 255);
            Cv2.ImWrite(path, image);
        }

        var page = await Engine.RecognizeAsync(path, CancellationToken.None);

        Assert.InRange(CharacterErrorRate.Of(NoticePageFixture.Truth, page.Text), 0, 0.06);
    }

    [Fact]
    public async Task Recognize_BlankPage_NoText()
    {
        var path = _folder.File("blank.png");
        using (var blank = new Mat(1754, 1240, MatType.CV_8UC3, Scalar.White))
        {
            Cv2.ImWrite(path, blank);
        }

        var page = await Engine.RecognizeAsync(path, CancellationToken.None);

        Assert.False(page.HasText);
        Assert.Empty(page.Blocks);
    }

    [Fact]
    public async Task Recognize_ModelsMissing_ErrorNamesTheCommand()
    {
        using var services = new Services(new() { ["Search:Extraction:OcrModelDirectory"] = _folder.Path });

        var error = await Assert.ThrowsAsync<ExtractionException>(() => services.Get<PaddleOcrEngine>().RecognizeAsync(notice.Png, CancellationToken.None));

        Assert.Contains("PP-OCR", error.Reason);
        Assert.Contains(PaddleModels.DetectionFile, error.Reason);
        Assert.Contains("dotnet build src/Search.Core", error.Reason);
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
