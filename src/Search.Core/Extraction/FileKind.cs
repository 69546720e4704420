namespace Search.Core.Extraction;

/// <summary>A file's format, decided from its content (magic bytes) and only then from its name.</summary>
public enum FileKind
{
    Unknown,
    Pdf,
    Docx,
    Xlsx,
    Pptx,
    Doc,
    Xls,
    Wps,
    Et,
    Text,
    Csv,
    Markdown,
    Html,
    Mht,
    Ofd,
    Zip,
    Png,
    Jpeg,
    Tiff,
    Bmp,
    Gif,
}
