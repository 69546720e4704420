using Search.Core.Configuration;
using Search.Core.Storage;

namespace Search.Core.WebChecks;

/// <summary>The files kept for each check under {DataDirectory}/snapshots/{checkId}: page.html as sent, page.txt, page.png, page.pdf.</summary>
public sealed class SnapshotStore(DataPaths paths)
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["page.html"] = "text/html",
        ["page.txt"] = "text/plain; charset=utf-8",
        ["page.png"] = "image/png",
        ["page.pdf"] = "application/pdf",
        ["page.bin"] = "application/octet-stream",
    };

    public string FolderFor(string checkId) => Directory.CreateDirectory(Path.Combine(paths.Snapshots, checkId)).FullName;

    /// <summary>The path of one snapshot file; only the names above, only for a check id made of hex digits.</summary>
    public string FileFor(string checkId, string name)
    {
        if (!ContentTypes.ContainsKey(name) || checkId.Length == 0 || !checkId.All(Uri.IsHexDigit))
        {
            throw new NotFoundException($"没有快照文件 {checkId}/{name}。");
        }
        var path = Path.Combine(paths.Snapshots, checkId, name);
        return File.Exists(path) ? path : throw new NotFoundException($"检查 {checkId} 没有保存 {name}。");
    }

    /// <summary>Removes a check's snapshot files (when the document they were filed as is deleted).</summary>
    public void Delete(string checkId)
    {
        var folder = Path.Combine(paths.Snapshots, checkId);
        if (checkId.Length > 0 && checkId.All(Uri.IsHexDigit) && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public IReadOnlyList<string> FilesOf(string checkId)
    {
        var folder = Path.Combine(paths.Snapshots, checkId);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(ContentTypes.ContainsKey).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
