namespace Search.Core.Extraction;

/// <summary>Limits and external tools of extraction; bound from "Search:Extraction".</summary>
public sealed class ExtractionOptions
{
    public const string SectionName = "Search:Extraction";

    /// <summary>OCR engine for scans and images: "paddle" (PP-OCRv4 on ONNX Runtime) or "tesseract".</summary>
    public string OcrEngine { get; set; } = "paddle";

    /// <summary>Folder with the PP-OCR models; empty means "ocr-models" beside the program, where the build puts them.</summary>
    public string? OcrModelDirectory { get; set; }

    /// <summary>Threads PP-OCR may use for one page; 0 means the cores shared among the pages read at once (<see cref="OcrPagesAtOnce"/>).</summary>
    public int OcrThreads { get; set; }

    /// <summary>The pages read at once: <see cref="OcrPagesAtOnce"/>, or one per core.</summary>
    public int ResolvedOcrPagesAtOnce => OcrPagesAtOnce > 0 ? OcrPagesAtOnce : Environment.ProcessorCount;

    /// <summary>The threads one page gets: <see cref="OcrThreads"/>, or the cores over the pages read at once (at least one).</summary>
    public int ResolvedOcrThreads => OcrThreads > 0 ? OcrThreads : Math.Max(1, Environment.ProcessorCount / ResolvedOcrPagesAtOnce);

    /// <summary>Longest side of the image PP-OCR's text detection sees, in pixels (larger pages are scaled down; recognition still reads the full image).</summary>
    public int OcrDetectionMaxSide { get; set; } = 960;

    /// <summary>Tesseract executable (Debian: tesseract-ocr).</summary>
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Tesseract languages, "+"-joined (Debian: tesseract-ocr-chi-sim).</summary>
    public string OcrLanguages { get; set; } = "chi_sim+eng";

    /// <summary>pdftoppm executable (Debian: poppler-utils).</summary>
    public string PdftoppmPath { get; set; } = "pdftoppm";

    /// <summary>LibreOffice executable for DOC/WPS/XLS/ET (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui).</summary>
    public string SofficePath { get; set; } = "soffice";

    /// <summary>Resolution of PDF pages rendered for OCR, in dots per inch.</summary>
    public int OcrDpi { get; set; } = 200;

    /// <summary>Time one external tool may run, in seconds.</summary>
    public int ProcessTimeoutSeconds { get; set; } = 180;

    /// <summary>Largest file accepted, in bytes (default 200 MB).</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Most entries an archive (or an Office file's ZIP) may hold.</summary>
    public int MaxArchiveEntries { get; set; } = 5000;

    /// <summary>Most bytes an archive may expand to, in bytes (default 2 GB).</summary>
    public long MaxExpandedBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Highest uncompressed/compressed size ratio of one entry (zip bombs exceed it).</summary>
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Most pages OCR'd in one PDF.</summary>
    public int MaxOcrPages { get; set; } = 300;

    /// <summary>Pages rendered and OCR'd at once, in one scanned PDF and across the whole process (0: one per processor core).</summary>
    public int OcrPagesAtOnce { get; set; }
}
