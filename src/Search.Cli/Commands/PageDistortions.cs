using OpenCvSharp;

namespace Search.Cli.Commands;

/// <summary>What scanning and photographing do to a page, applied to a clean rendering for `bench ocr`.</summary>
public static class PageDistortions
{
    /// <summary>Turned by a few degrees on a white page, as a sheet fed askew.</summary>
    public static Mat Skew(Mat page, double degrees)
    {
        var center = new Point2f(page.Width / 2f, page.Height / 2f);
        using var rotation = Cv2.GetRotationMatrix2D(center, degrees, 1);
        var result = new Mat();
        Cv2.WarpAffine(page, result, rotation, page.Size(), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.White);
        return result;
    }

    /// <summary>Sensor noise and dust specks.</summary>
    public static Mat Noise(Mat page, Random random, double sigma, double speckles)
    {
        using var noise = new Mat(page.Size(), MatType.CV_16SC3);
        // OpenCV draws from its own (per-thread) generator: seed it from ours, so a run can be repeated.
        Cv2.SetTheRNG((ulong)random.Next());
        Cv2.Randn(noise, Scalar.All(0), Scalar.All(sigma));
        using var wide = new Mat();
        page.ConvertTo(wide, MatType.CV_16SC3);
        Cv2.Add(wide, noise, wide);
        var result = new Mat();
        wide.ConvertTo(result, MatType.CV_8UC3);
        var count = (int)(speckles * page.Width * page.Height / 50);
        for (var i = 0; i < count; i++)
        {
            var point = new Point(random.Next(page.Width), random.Next(page.Height));
            Cv2.Circle(result, point, random.Next(1, 3), random.Next(2) == 0 ? Scalar.Black : Scalar.White, -1);
        }
        return result;
    }

    /// <summary>Weak toner: ink keeps only <paramref name="ink"/> of its darkness, slightly soft.</summary>
    public static Mat Faint(Mat page, double ink)
    {
        var result = new Mat();
        // 255 - (255 - p) × ink = p × ink + 255 × (1 - ink)
        page.ConvertTo(result, MatType.CV_8UC3, ink, 255 * (1 - ink));
        Cv2.GaussianBlur(result, result, new Size(3, 3), 0.8);
        return result;
    }

    /// <summary>
    /// A phone photo of the sheet on a desk: seen at an angle (perspective), lit unevenly, a little out of
    /// focus, with sensor noise.
    /// </summary>
    public static Mat PhonePhoto(Mat page, Random random)
    {
        var width = (int)(page.Width * 1.2);
        var height = (int)(page.Height * 1.15);
        double J(double scale) => (random.NextDouble() - 0.5) * scale;
        Point2f[] from = [new(0, 0), new(page.Width, 0), new(page.Width, page.Height), new(0, page.Height)];
        Point2f[] to =
        [
            new((float)(width * (0.08 + J(0.04))), (float)(height * (0.05 + J(0.03)))),
            new((float)(width * (0.93 + J(0.04))), (float)(height * (0.07 + J(0.03)))),
            new((float)(width * (0.96 + J(0.03))), (float)(height * (0.95 + J(0.03)))),
            new((float)(width * (0.04 + J(0.03))), (float)(height * (0.93 + J(0.03)))),
        ];
        using var transform = Cv2.GetPerspectiveTransform(from, to);
        var photo = new Mat(new Size(width, height), MatType.CV_8UC3, new Scalar(92, 118, 140));
        Cv2.WarpPerspective(page, photo, transform, photo.Size(), InterpolationFlags.Linear, BorderTypes.Transparent);

        // Light falling from one corner: brightness from 100% down to about 62%, a bilinear ramp.
        using var corners = new Mat(2, 2, MatType.CV_32FC3);
        corners.Set(0, 0, new Vec3f(1f, 1f, 0.97f));
        corners.Set(0, 1, new Vec3f(0.77f, 0.77f, 0.75f));
        corners.Set(1, 0, new Vec3f(0.85f, 0.85f, 0.82f));
        corners.Set(1, 1, new Vec3f(0.62f, 0.62f, 0.60f));
        using var light = new Mat();
        Cv2.Resize(corners, light, photo.Size(), 0, 0, InterpolationFlags.Linear);
        using var lit = new Mat();
        photo.ConvertTo(lit, MatType.CV_32FC3);
        Cv2.Multiply(lit, light, lit);
        lit.ConvertTo(photo, MatType.CV_8UC3);
        Cv2.GaussianBlur(photo, photo, new Size(5, 5), 1.1);
        var noisy = Noise(photo, random, sigma: 7, speckles: 0);
        photo.Dispose();
        return noisy;
    }
}
