using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>
/// PP-OCR's DB text detection: the page scaled so its longest side is at most a limit (sides multiples of 32),
/// normalised with ImageNet mean and deviation, and the model's probability map turned into line boxes.
/// </summary>
internal sealed class TextDetector(InferenceSession session, int maxSide)
{
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>Boxes of the text lines of <paramref name="bgr"/>, in its pixels, corners clockwise from top-left.</summary>
    public IReadOnlyList<DetectedBox> Detect(Mat bgr)
    {
        var ratio = Math.Min(1.0, (double)maxSide / Math.Max(bgr.Width, bgr.Height));
        var width = Math.Max(32, (int)Math.Round(bgr.Width * ratio / 32) * 32);
        var height = Math.Max(32, (int)Math.Round(bgr.Height * ratio / 32) * 32);
        using var resized = new Mat();
        Cv2.Resize(bgr, resized, new Size(width, height));

        var input = new float[3 * width * height];
        ImageTensor.Write(resized, input, 0, width, height, Mean, Std);
        var tensor = new DenseTensor<float>(input, [1, 3, height, width]);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), tensor)]);
        var probabilities = outputs[0].AsTensor<float>().ToArray();

        using var map = Mat.FromPixelData(height, width, MatType.CV_32FC1, probabilities);
        return DbPostProcessor.Boxes(map, bgr.Width, bgr.Height);
    }
}

/// <summary>A detected text line: four corners clockwise from top-left, and the mean probability inside it.</summary>
internal sealed record DetectedBox(Point2f[] Corners, float Score)
{
    public float Width => Math.Max(Distance(Corners[0], Corners[1]), Distance(Corners[2], Corners[3]));

    public float Height => Math.Max(Distance(Corners[0], Corners[3]), Distance(Corners[1], Corners[2]));

    private static float Distance(Point2f a, Point2f b) => (float)Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
