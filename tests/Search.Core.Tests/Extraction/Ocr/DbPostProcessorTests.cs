using OpenCvSharp;
using Search.Core.Extraction.Ocr.Paddle;

namespace Search.Core.Tests.Extraction.Ocr;

public sealed class DbPostProcessorTests
{
    [Fact]
    public void Boxes_TwoTextRegions_TwoBoxesGrownAndScaled()
    {
        // A 100×200 probability map with two lines of text, scaled from a 200×400 image.
        using var map = new Mat(100, 200, MatType.CV_32FC1, Scalar.All(0.02));
        map.Rectangle(new Rect(20, 10, 120, 10), Scalar.All(0.9), -1);
        map.Rectangle(new Rect(20, 50, 80, 10), Scalar.All(0.85), -1);

        var boxes = DbPostProcessor.Boxes(map, 400, 200).OrderBy(b => b.Corners[0].Y).ToList();

        Assert.Equal(2, boxes.Count);
        // The contour through the pixel centres is 119×9; grown by area × 1.5 / perimeter = 6.3 on each side,
        // then doubled to the image: 263×43.
        var first = boxes[0];
        Assert.InRange(first.Width, 260, 266);
        Assert.InRange(first.Height, 40, 46);
        Assert.InRange(first.Score, 0.85f, 0.95f);
        Assert.True(first.Corners[0].X < first.Corners[1].X && first.Corners[1].Y < first.Corners[2].Y, "corners clockwise from top-left");
    }

    [Fact]
    public void Boxes_WeakOrTinyRegions_Dropped()
    {
        using var map = new Mat(100, 200, MatType.CV_32FC1, Scalar.All(0));
        map.Rectangle(new Rect(20, 10, 120, 10), Scalar.All(0.4), -1); // above the pixel threshold, below the box threshold
        map.Rectangle(new Rect(20, 50, 2, 2), Scalar.All(0.99), -1); // a speck

        Assert.Empty(DbPostProcessor.Boxes(map, 200, 100));
    }

    [Fact]
    public void Boxes_SkewedLine_RotatedBox()
    {
        using var map = new Mat(200, 300, MatType.CV_32FC1, Scalar.All(0));
        var line = new RotatedRect(new Point2f(150, 100), new Size2f(200, 12), 10);
        map.FillConvexPoly(line.Points().Select(p => new Point((int)p.X, (int)p.Y)), Scalar.All(0.9));

        var box = Assert.Single(DbPostProcessor.Boxes(map, 300, 200));

        var slope = Math.Atan2(box.Corners[1].Y - box.Corners[0].Y, box.Corners[1].X - box.Corners[0].X) * 180 / Math.PI;
        Assert.InRange(slope, 8, 12);
    }
}
