using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>
/// PP-OCRv4's recogniser: each line scaled to 48 pixels high (padded to at least 320 wide) and its per-step
/// class probabilities decoded greedily as CTC. Lines run one per call, several at once: on this model a
/// batch padded to its widest line costs more CPU than the lines alone, and one single-threaded run per
/// core keeps every core busy without ONNX Runtime's thread hand-offs.
/// </summary>
internal sealed class TextRecognizer(InferenceSession session, IReadOnlyList<string> characters, int parallelism)
{
    private const int Height = 48;
    private const int MinWidth = 320;
    private static readonly float[] Half = [0.5f, 0.5f, 0.5f];

    public (string Text, float Confidence)[] Recognize(IReadOnlyList<Mat> lines, CancellationToken cancellationToken)
    {
        var result = new (string, float)[lines.Count];
        var inputName = session.InputMetadata.Keys.First();
        // Longest lines first, so no core is left with a long line at the end.
        var order = Enumerable.Range(0, lines.Count).OrderByDescending(i => (double)lines[i].Width / lines[i].Height).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(order, parallel, i =>
        {
            var line = lines[i];
            var lineWidth = Math.Max(1, (int)Math.Ceiling(Height * (double)line.Width / line.Height));
            var width = Math.Max(MinWidth, lineWidth);
            var input = new float[3 * Height * width];
            using (var resized = new Mat())
            {
                Cv2.Resize(line, resized, new Size(lineWidth, Height));
                ImageTensor.Write(resized, input, 0, width, Height, Half, Half);
            }
            using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(input, [1, 3, Height, width]))]);
            var probabilities = (DenseTensor<float>)outputs[0].AsTensor<float>();
            result[i] = CtcDecoder.Greedy(probabilities.Buffer.Span, probabilities.Dimensions[2], characters);
        });
        return result;
    }
}
