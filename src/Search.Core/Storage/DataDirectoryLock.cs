using System.Diagnostics;
using System.Text.Json;
using Search.Core.Configuration;

namespace Search.Core.Storage;

/// <summary>
/// One writer per data directory. The owner (the service, or a command line that writes while no service runs)
/// holds an exclusive lock on owner.lock for its whole life; the operating system drops it when the process
/// ends, even by kill -9. owner.json beside it says who holds it and, for a service, where to reach it.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly FileStream _lock;
    private readonly DataPaths _paths;
    private DataDirectoryOwner _owner;

    private DataDirectoryLock(FileStream stream, DataPaths paths, DataDirectoryOwner owner)
    {
        _lock = stream;
        _paths = paths;
        _owner = owner;
        Write(owner);
    }

    public DataDirectoryOwner Owner => _owner;

    /// <summary>Takes the lock or throws <see cref="DataDirectoryBusyException"/> naming the process that holds it.</summary>
    public static DataDirectoryLock Acquire(DataPaths paths, string command) =>
        TryAcquire(paths, command) ?? throw new DataDirectoryBusyException(paths.Root, ReadOwner(paths));

    /// <summary>Takes the lock, or returns null at once when another process (or another owner in this one) holds it.</summary>
    public static DataDirectoryLock? TryAcquire(DataPaths paths, string command)
    {
        FileStream stream;
        try
        {
            // .NET takes an exclusive flock for FileShare.None: advisory, per open file, released with the process.
            stream = new FileStream(paths.OwnerLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        var owner = new DataDirectoryOwner(Environment.ProcessId, command, Environment.MachineName, DateTimeOffset.UtcNow, null, null);
        return new DataDirectoryLock(stream, paths, owner);
    }

    /// <summary>True when some process owns the data directory now.</summary>
    public static bool IsHeld(DataPaths paths)
    {
        using var probe = TryAcquire(paths, "probe");
        return probe is null;
    }

    /// <summary>Who said last that they own the directory (null when nobody ever did); only meaningful while the lock is held.</summary>
    public static DataDirectoryOwner? ReadOwner(DataPaths paths)
    {
        try
        {
            return File.Exists(paths.OwnerInfo) ? JsonSerializer.Deserialize<DataDirectoryOwner>(File.ReadAllText(paths.OwnerInfo), Json) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Tells other processes where the service listens and the key that lets a local command line act through it.</summary>
    public void Publish(string url, string token)
    {
        _owner = _owner with { Url = url, Token = token };
        Write(_owner);
    }

    private void Write(DataDirectoryOwner owner)
    {
        var temp = _paths.OwnerInfo + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(owner, Json));
        if (!OperatingSystem.IsWindows())
        {
            // The token gives the rights of whoever may read the data directory anyway; keep it to this user.
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, _paths.OwnerInfo, overwrite: true);
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(_paths.OwnerInfo) && ReadOwner(_paths)?.Pid == Environment.ProcessId)
            {
                File.Delete(_paths.OwnerInfo);
            }
        }
        catch (IOException)
        {
            // A stale owner.json is harmless: it is read only while the lock is held.
        }
        _lock.Dispose();
    }
}

/// <summary>The process that owns a data directory, and for a service the address and key a local command line uses.</summary>
public sealed record DataDirectoryOwner(int Pid, string Command, string Host, DateTimeOffset StartedAt, string? Url, string? Token)
{
    public bool IsAlive
    {
        get
        {
            if (Host != Environment.MachineName)
            {
                return true;
            }
            try
            {
                using var process = Process.GetProcessById(Pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}

/// <summary>Another process owns the data directory and this one may not write to it.</summary>
public sealed class DataDirectoryBusyException(string root, DataDirectoryOwner? owner) : SearchException(Describe(root, owner))
{
    public DataDirectoryOwner? Owner { get; } = owner;

    private static string Describe(string root, DataDirectoryOwner? owner)
    {
        var who = owner is null
            ? "另一个进程"
            : $"另一个进程（{owner.Command}，进程号 {owner.Pid}，{owner.StartedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss} 起{(owner.Url is null ? "" : "，" + owner.Url)}）";
        return $"数据目录 {root} 正由{who}写入；同一数据目录同时只能有一个进程写入。请等它结束后再试，或在服务运行时通过服务操作。";
    }
}
