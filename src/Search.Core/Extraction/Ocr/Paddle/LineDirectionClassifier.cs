using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>PP-OCR's direction classifier: for each line image, the probability that it is upside down.</summary>
internal sealed class LineDirectionClassifier(InferenceSession session)
{
    private const int Height = 48;
    private const int Width = 192;
    private const int BatchSize = 8;
    private static readonly float[] Half = [0.5f, 0.5f, 0.5f];

    /// <summary>Probability, per line, that the line reads upside down (turned 180°).</summary>
    public float[] UpsideDown(IReadOnlyList<Mat> lines)
    {
        var result = new float[lines.Count];
        var inputName = session.InputMetadata.Keys.First();
        for (var start = 0; start < lines.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, lines.Count - start);
            var input = new float[count * 3 * Height * Width];
            for (var i = 0; i < count; i++)
            {
                var line = lines[start + i];
                var width = Math.Clamp((int)Math.Ceiling(Height * (double)line.Width / line.Height), 1, Width);
                using var resized = new Mat();
                Cv2.Resize(line, resized, new Size(width, Height));
                ImageTensor.Write(resized, input, i * 3 * Height * Width, Width, Height, Half, Half);
            }
            using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(input, [count, 3, Height, Width]))]);
            var scores = outputs[0].AsTensor<float>();
            for (var i = 0; i < count; i++)
            {
                result[start + i] = scores[i, 1];
            }
        }
        return result;
    }
}
