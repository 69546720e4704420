namespace Search.Core.Extraction.Ocr;

/// <summary>Reads the text of one page image. One sealed implementation per OCR engine.</summary>
public interface IOcrEngine
{
    /// <summary>The engine's name as configured in <c>Search:Extraction:OcrEngine</c> (paddle, tesseract).</summary>
    string Name { get; }

    /// <summary>Recognises a page image (PNG, JPEG, TIFF…); throws <see cref="ExtractionException"/> when the engine cannot run.</summary>
    Task<OcrPage> RecognizeAsync(string imagePath, CancellationToken cancellationToken);
}
