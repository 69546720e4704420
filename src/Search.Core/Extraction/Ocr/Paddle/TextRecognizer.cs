using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>
/// PP-OCRv4's recogniser: lines scaled to 48 pixels high, batched by similar width (padded to the widest,
/// at least 320), and the per-step class probabilities decoded greedily as CTC.
/// </summary>
internal sealed class TextRecognizer(InferenceSession session, IReadOnlyList<string> characters)
{
    private const int Height = 48;
    private const int MinWidth = 320;
    private const int BatchSize = 8;
    private static readonly float[] Half = [0.5f, 0.5f, 0.5f];

    public (string Text, float Confidence)[] Recognize(IReadOnlyList<Mat> lines)
    {
        var result = new (string, float)[lines.Count];
        var inputName = session.InputMetadata.Keys.First();
        // Similar widths together, so a batch pads little.
        var order = Enumerable.Range(0, lines.Count).OrderBy(i => (double)lines[i].Width / lines[i].Height).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.Skip(start).Take(BatchSize).ToArray();
            var maxRatio = batch.Max(i => (double)lines[i].Width / lines[i].Height);
            var width = Math.Max(MinWidth, (int)Math.Ceiling(Height * maxRatio));
            var input = new float[batch.Length * 3 * Height * width];
            for (var b = 0; b < batch.Length; b++)
            {
                var line = lines[batch[b]];
                var lineWidth = Math.Clamp((int)Math.Ceiling(Height * (double)line.Width / line.Height), 1, width);
                using var resized = new Mat();
                Cv2.Resize(line, resized, new Size(lineWidth, Height));
                ImageTensor.Write(resized, input, b * 3 * Height * width, width, Height, Half, Half);
            }
            using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(input, [batch.Length, 3, Height, width]))]);
            var probabilities = (DenseTensor<float>)outputs[0].AsTensor<float>();
            var perLine = probabilities.Dimensions[1] * probabilities.Dimensions[2];
            for (var b = 0; b < batch.Length; b++)
            {
                result[batch[b]] = CtcDecoder.Greedy(probabilities.Buffer.Span.Slice(b * perLine, perLine), probabilities.Dimensions[2], characters);
            }
        }
        return result;
    }
}
