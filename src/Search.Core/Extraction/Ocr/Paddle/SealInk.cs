using OpenCvSharp;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>
/// Red seals are stamped over black text. Where a line holds both dark strokes and red ink, the red is the
/// seal on top and is painted white, so the text beneath is read; a line in red alone (a 红头 header, the
/// seal's own words) is left as it is.
/// </summary>
internal static class SealInk
{
    /// <summary>Share of a line's pixels each kind of ink must cover for the line to count as stamped over.</summary>
    private const double MinShare = 0.02;

    /// <summary>Whitens the red ink of <paramref name="line"/> when dark text is under it; true when it did.</summary>
    public static bool RemoveFromText(Mat line)
    {
        Cv2.Split(line, out var bgr);
        try
        {
            using var greenBlue = new Mat();
            Cv2.Max(bgr[0], bgr[1], greenBlue);
            using var redness = new Mat();
            Cv2.Subtract(bgr[2], greenBlue, redness);
            using var redMask = new Mat();
            Cv2.Threshold(redness, redMask, 60, 255, ThresholdTypes.Binary);
            using var brightRed = new Mat();
            Cv2.Threshold(bgr[2], brightRed, 120, 255, ThresholdTypes.Binary);
            Cv2.BitwiseAnd(redMask, brightRed, redMask);

            using var brightest = new Mat();
            Cv2.Max(greenBlue, bgr[2], brightest);
            using var darkMask = new Mat();
            Cv2.Threshold(brightest, darkMask, 110, 255, ThresholdTypes.BinaryInv);

            var area = (double)line.Width * line.Height;
            if (Cv2.CountNonZero(redMask) < MinShare * area || Cv2.CountNonZero(darkMask) < MinShare * area)
            {
                return false;
            }
            line.SetTo(Scalar.White, redMask);
            return true;
        }
        finally
        {
            foreach (var channel in bgr)
            {
                channel.Dispose();
            }
        }
    }
}
