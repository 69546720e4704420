using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>
/// PP-OCRv4 on ONNX Runtime: DB line detection, a page turned sideways or upside down set upright,
/// each line's direction checked, red seal ink lifted off text, CTC recognition, then reading order.
/// </summary>
public sealed class PaddleOcrEngine(IOptions<ExtractionOptions> options) : IOcrEngine, IDisposable
{
    /// <summary>Lines the recogniser is less sure of than this are dropped (noise, stamps, lines cut in half).</summary>
    private const float MinConfidence = 0.5f;

    /// <summary>A line is turned over only when the classifier is at least this sure it is upside down.</summary>
    private const float UpsideDownConfidence = 0.9f;

    private readonly Lock _loading = new();
    // As many pages at once as Search:Extraction:OcrPagesAtOnce says (one per core by default), each page on its
    // share of the cores: a page's detection and its line-by-line recognition wait on each other, so pages side by
    // side keep the cores busier than one page spread over them all (bench ingest, scans: 1.27 → 1.5 of one thread).
    private readonly SemaphoreSlim _running = new(options.Value.ResolvedOcrPagesAtOnce);
    private PaddleModels? _models;
    private int _active;

    public string Name => "paddle";

    /// <summary>True when the model files are where the engine looks for them.</summary>
    public bool ModelsPresent => PaddleModels.MissingFiles(PaddleModels.ResolveDirectory(options.Value.OcrModelDirectory)).Count == 0;

    public async Task<OcrPage> RecognizeAsync(string imagePath, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(imagePath, cancellationToken);
        var models = Models();
        await _running.WaitAsync(cancellationToken);
        Interlocked.Increment(ref _active);
        try
        {
            return await Task.Run(() =>
            {
                using var image = Decode(bytes);
                return Recognize(models, image, cancellationToken);
            }, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
            _running.Release();
        }
    }

    private static Mat Decode(byte[] bytes)
    {
        // IMREAD_COLOR applies a photo's EXIF orientation, as a viewer shows it.
        var image = Cv2.ImDecode(bytes, ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            throw new ExtractionException("图片无法解码：文件已损坏或格式不受支持");
        }
        return image;
    }

    private OcrPage Recognize(PaddleModels models, Mat image, CancellationToken cancellationToken)
    {
        // Unless the threads are set, a page takes the cores no other page is using: the last page of a batch, or a
        // screenshot read alone, detects on every core and reads its lines on them all.
        var adapts = options.Value.OcrThreads == 0;
        var active = Math.Max(1, Volatile.Read(ref _active));
        var detector = new TextDetector(adapts && active == 1 ? models.WideDetection : models.Detection, options.Value.OcrDetectionMaxSide);
        var lanes = adapts ? Math.Max(models.Parallelism, Environment.ProcessorCount / active) : models.Parallelism;
        var classifier = new LineDirectionClassifier(models.Classifier);
        var page = image;
        var rotation = 0;
        try
        {
            var boxes = detector.Detect(page);
            if (IsSideways(boxes))
            {
                page = Turn(page, image, RotateFlags.Rotate90Clockwise);
                rotation = 90;
                boxes = detector.Detect(page);
            }
            cancellationToken.ThrowIfCancellationRequested();

            var crops = boxes.Select(b => LineCropper.Crop(page, b.Corners)).ToList();
            var upsideDown = classifier.UpsideDown(crops);
            var recognizer = new TextRecognizer(models.Recognition, models.Characters, lanes);
            if (IsUpsideDown(boxes, upsideDown) && ReadsBetterTurned(recognizer, boxes, crops, cancellationToken))
            {
                Dispose(crops);
                page = Turn(page, image, RotateFlags.Rotate180);
                rotation += 180;
                boxes = detector.Detect(page);
                crops = boxes.Select(b => LineCropper.Crop(page, b.Corners)).ToList();
                upsideDown = classifier.UpsideDown(crops);
            }
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // The classifier sometimes calls an upright line upside down: such a line is read both ways
                // and the more confident reading is kept.
                var flipped = new List<int>();
                for (var i = 0; i < crops.Count; i++)
                {
                    SealInk.RemoveFromText(crops[i]);
                    if (upsideDown[i] >= UpsideDownConfidence)
                    {
                        flipped.Add(i);
                    }
                }
                var turned = flipped.Select(i => { var m = new Mat(); Cv2.Rotate(crops[i], m, RotateFlags.Rotate180); return m; }).ToList();
                crops.AddRange(turned);
                var all = recognizer.Recognize(crops, cancellationToken);
                var read = all.Take(boxes.Count).ToArray();
                for (var k = 0; k < flipped.Count; k++)
                {
                    if (all[boxes.Count + k].Confidence > read[flipped[k]].Confidence)
                    {
                        read[flipped[k]] = all[boxes.Count + k];
                    }
                }
                var lines = new List<OcrLine>();
                for (var i = 0; i < boxes.Count; i++)
                {
                    var text = OcrTextCleaner.Clean(read[i].Text);
                    if (read[i].Confidence >= MinConfidence && text.Length > 0)
                    {
                        lines.Add(new OcrLine(text, boxes[i].Corners.Select(p => new OcrPoint((int)Math.Round(p.X), (int)Math.Round(p.Y))).ToList(), read[i].Confidence));
                    }
                }
                return new OcrPage(Name, page.Width, page.Height, rotation % 360, ReadingOrder.Arrange(lines));
            }
            finally
            {
                Dispose(crops);
            }
        }
        finally
        {
            if (!ReferenceEquals(page, image))
            {
                page.Dispose();
            }
        }
    }

    /// <summary>
    /// The classifier's vote to turn a whole page is checked by reading its widest lines both ways: light text
    /// on coloured bands (web pages) can fool it, and a page is turned only when it then reads more surely.
    /// </summary>
    private static bool ReadsBetterTurned(TextRecognizer recognizer, IReadOnlyList<DetectedBox> boxes, List<Mat> crops, CancellationToken cancellationToken)
    {
        var sample = Enumerable.Range(0, boxes.Count).OrderByDescending(i => boxes[i].Width).Take(6).ToList();
        var both = sample.Select(i => crops[i]).ToList();
        foreach (var i in sample)
        {
            var turned = new Mat();
            Cv2.Rotate(crops[i], turned, RotateFlags.Rotate180);
            both.Add(turned);
        }
        try
        {
            var read = recognizer.Recognize(both, cancellationToken);
            return read.Skip(sample.Count).Average(r => r.Confidence) > read.Take(sample.Count).Average(r => r.Confidence);
        }
        finally
        {
            foreach (var turned in both.Skip(sample.Count))
            {
                turned.Dispose();
            }
        }
    }

    /// <summary>Most of the text's length lies in boxes much taller than wide: the page lies on its side.</summary>
    private static bool IsSideways(IReadOnlyList<DetectedBox> boxes)
    {
        var tall = boxes.Where(b => b.Height > 1.5 * b.Width).Sum(b => b.Height);
        var wide = boxes.Where(b => b.Width > 1.5 * b.Height).Sum(b => b.Width);
        return tall > wide;
    }

    /// <summary>Most of the text's length is in lines the classifier reads as upside down.</summary>
    private static bool IsUpsideDown(IReadOnlyList<DetectedBox> boxes, float[] upsideDown)
    {
        var total = boxes.Sum(b => b.Width);
        var flipped = boxes.Where((b, i) => upsideDown[i] > 0.5f).Sum(b => b.Width);
        return total > 0 && flipped > 0.5 * total;
    }

    private static Mat Turn(Mat current, Mat original, RotateFlags how)
    {
        var turned = new Mat();
        Cv2.Rotate(current, turned, how);
        if (!ReferenceEquals(current, original))
        {
            current.Dispose();
        }
        return turned;
    }

    private static void Dispose(List<Mat> mats)
    {
        foreach (var mat in mats)
        {
            mat.Dispose();
        }
    }

    private PaddleModels Models()
    {
        lock (_loading)
        {
            // A failed load is not remembered: models fetched later are picked up without a restart.
            return _models ??= PaddleModels.Load(PaddleModels.ResolveDirectory(options.Value.OcrModelDirectory), options.Value.ResolvedOcrThreads,
                options.Value.OcrThreads == 0 ? Environment.ProcessorCount : 0);
        }
    }

    public void Dispose()
    {
        _models?.Dispose();
        _running.Dispose();
    }
}
