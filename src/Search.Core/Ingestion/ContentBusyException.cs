using Search.Core.Configuration;

namespace Search.Core.Ingestion;

/// <summary>Another worker is ingesting the same content, or another version of the same file, right now: try again shortly.</summary>
public sealed class ContentBusyException(string file) : SearchException($"另一个进程正在处理相同内容或同名文件的另一版本：{file}")
{
    public string File { get; } = file;
}
