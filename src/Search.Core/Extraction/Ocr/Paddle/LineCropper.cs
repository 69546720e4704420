using OpenCvSharp;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>Cuts a detected line out of the page and straightens it; a line much taller than wide is turned to lie flat.</summary>
internal static class LineCropper
{
    public static Mat Crop(Mat page, Point2f[] corners)
    {
        var box = new DetectedBox(corners, 0);
        var width = Math.Max(1, (int)box.Width);
        var height = Math.Max(1, (int)box.Height);
        Point2f[] target = [new(0, 0), new(width, 0), new(width, height), new(0, height)];
        using var transform = Cv2.GetPerspectiveTransform(corners, target);
        var crop = new Mat();
        Cv2.WarpPerspective(page, crop, transform, new Size(width, height), InterpolationFlags.Cubic, BorderTypes.Replicate);
        if (height >= 1.5 * width)
        {
            Cv2.Rotate(crop, crop, RotateFlags.Rotate90Counterclockwise);
        }
        return crop;
    }
}
