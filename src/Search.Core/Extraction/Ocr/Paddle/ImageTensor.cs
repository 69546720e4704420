using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>Turns BGR images into the NCHW float tensors PP-OCR's models take.</summary>
internal static class ImageTensor
{
    /// <summary>
    /// Writes <paramref name="bgr"/> (8-bit, 3 channels) into <paramref name="target"/> at <paramref name="offset"/>
    /// as channel planes of width <paramref name="planeWidth"/> (right padding stays as the target holds it),
    /// each value (pixel / 255 - mean) / std, channels in the image's BGR order as the models were trained.
    /// </summary>
    public static void Write(Mat bgr, float[] target, int offset, int planeWidth, int planeHeight, ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        using var scaled = new Mat();
        bgr.ConvertTo(scaled, MatType.CV_32FC3, 1.0 / 255);
        Cv2.Split(scaled, out var channels);
        try
        {
            var width = bgr.Width;
            var height = bgr.Height;
            var row = new float[width];
            for (var c = 0; c < 3; c++)
            {
                var plane = channels[c];
                var m = mean[c];
                var s = 1f / std[c];
                for (var y = 0; y < height; y++)
                {
                    Marshal.Copy(plane.Ptr(y), row, 0, row.Length);
                    var start = offset + (c * planeHeight + y) * planeWidth;
                    for (var x = 0; x < row.Length; x++)
                    {
                        target[start + x] = (row[x] - m) * s;
                    }
                }
            }
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }
}
