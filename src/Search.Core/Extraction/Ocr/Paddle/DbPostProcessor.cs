using OpenCvSharp;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>
/// Differentiable-binarisation post-processing: threshold the probability map, take each contour's
/// minimum-area rectangle, keep it when the mean probability inside is high enough, grow it by the
/// shrink DB training applied (offset = area × ratio / perimeter) and scale it to the source image.
/// </summary>
internal static class DbPostProcessor
{
    /// <summary>Pixels above this probability are text.</summary>
    public const float Threshold = 0.3f;

    /// <summary>Boxes whose mean probability is lower are dropped.</summary>
    public const float BoxThreshold = 0.6f;

    /// <summary>How far a box is grown, relative to its area over its perimeter.</summary>
    public const float UnclipRatio = 1.5f;

    private const int MinSize = 3;
    private const int MaxCandidates = 1000;

    public static IReadOnlyList<DetectedBox> Boxes(Mat probabilities, int sourceWidth, int sourceHeight)
    {
        using var bitmap = new Mat();
        Cv2.Threshold(probabilities, bitmap, Threshold, 255, ThresholdTypes.Binary);
        using var mask = new Mat();
        bitmap.ConvertTo(mask, MatType.CV_8UC1);
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);

        var scaleX = (float)sourceWidth / probabilities.Width;
        var scaleY = (float)sourceHeight / probabilities.Height;
        var boxes = new List<DetectedBox>();
        foreach (var contour in contours.Take(MaxCandidates))
        {
            var rect = Cv2.MinAreaRect(contour);
            if (Math.Min(rect.Size.Width, rect.Size.Height) < MinSize)
            {
                continue;
            }
            var score = MeanInside(probabilities, rect.Points());
            if (score < BoxThreshold)
            {
                continue;
            }
            var grown = Unclip(rect);
            if (Math.Min(grown.Size.Width, grown.Size.Height) < MinSize + 2)
            {
                continue;
            }
            var corners = OrderCorners(grown.Points())
                .Select(p => new Point2f(Math.Clamp(p.X * scaleX, 0, sourceWidth - 1), Math.Clamp(p.Y * scaleY, 0, sourceHeight - 1)))
                .ToArray();
            boxes.Add(new DetectedBox(corners, score));
        }
        return boxes;
    }

    /// <summary>
    /// Offsetting a rectangle outwards by d with rounded joins, then taking the minimum-area rectangle of the
    /// result, gives the same rectangle with each side moved out by d: no polygon clipping library needed.
    /// </summary>
    public static RotatedRect Unclip(RotatedRect rect)
    {
        var area = rect.Size.Width * rect.Size.Height;
        var perimeter = 2 * (rect.Size.Width + rect.Size.Height);
        var distance = area * UnclipRatio / perimeter;
        return new RotatedRect(rect.Center, new Size2f(rect.Size.Width + 2 * distance, rect.Size.Height + 2 * distance), rect.Angle);
    }

    /// <summary>Top-left, top-right, bottom-right, bottom-left: the two leftmost points split by height, then the two rightmost.</summary>
    public static Point2f[] OrderCorners(Point2f[] points)
    {
        var byX = points.OrderBy(p => p.X).ToArray();
        var (topLeft, bottomLeft) = byX[0].Y <= byX[1].Y ? (byX[0], byX[1]) : (byX[1], byX[0]);
        var (topRight, bottomRight) = byX[2].Y <= byX[3].Y ? (byX[2], byX[3]) : (byX[3], byX[2]);
        return [topLeft, topRight, bottomRight, bottomLeft];
    }

    /// <summary>Mean probability inside the rectangle, over the pixels of its bounding box that it covers.</summary>
    private static float MeanInside(Mat probabilities, Point2f[] corners)
    {
        var xMin = Math.Clamp((int)Math.Floor(corners.Min(p => p.X)), 0, probabilities.Width - 1);
        var xMax = Math.Clamp((int)Math.Ceiling(corners.Max(p => p.X)), 0, probabilities.Width - 1);
        var yMin = Math.Clamp((int)Math.Floor(corners.Min(p => p.Y)), 0, probabilities.Height - 1);
        var yMax = Math.Clamp((int)Math.Ceiling(corners.Max(p => p.Y)), 0, probabilities.Height - 1);
        using var mask = new Mat(yMax - yMin + 1, xMax - xMin + 1, MatType.CV_8UC1, Scalar.All(0));
        var polygon = corners.Select(p => new Point((int)Math.Round(p.X) - xMin, (int)Math.Round(p.Y) - yMin)).ToArray();
        Cv2.FillPoly(mask, [polygon], Scalar.All(1));
        using var region = new Mat(probabilities, new Rect(xMin, yMin, xMax - xMin + 1, yMax - yMin + 1));
        return (float)Cv2.Mean(region, mask).Val0;
    }
}
