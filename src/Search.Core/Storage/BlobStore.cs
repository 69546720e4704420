using System.Security.Cryptography;

namespace Search.Core.Storage;

/// <summary>Content-addressed store of original files: a file is kept once, under its SHA-256.</summary>
public sealed class BlobStore(DataPaths paths)
{
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Where the original with this hash lives (whether or not it is stored yet).</summary>
    public string PathFor(string sha256, string extension)
    {
        var ext = string.IsNullOrEmpty(extension) ? ".bin" : extension.ToLowerInvariant();
        return Path.Combine(paths.Originals, sha256[..2], sha256 + ext);
    }

    /// <summary>Copies the file into the store unless an identical copy is there; returns the stored path.</summary>
    public async Task<string> StoreAsync(string sourcePath, string sha256, CancellationToken cancellationToken)
    {
        var target = PathFor(sha256, Path.GetExtension(sourcePath));
        if (File.Exists(target))
        {
            return target;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Guid.NewGuid():N}.part";
        await using (var source = File.OpenRead(sourcePath))
        await using (var destination = File.Create(temp))
        {
            await source.CopyToAsync(destination, cancellationToken);
        }
        File.Move(temp, target, overwrite: true);
        return target;
    }

    /// <summary>Moves a file written elsewhere under the data directory (an upload as it arrived) into the store; returns the stored path.</summary>
    public string Adopt(string stagedPath, string sha256, string extension)
    {
        var target = PathFor(sha256, extension);
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(stagedPath, target, overwrite: true);
        }
        return target;
    }

    public void Delete(string storedPath)
    {
        if (File.Exists(storedPath) && Path.GetFullPath(storedPath).StartsWith(paths.Originals, StringComparison.Ordinal))
        {
            File.Delete(storedPath);
        }
    }
}
