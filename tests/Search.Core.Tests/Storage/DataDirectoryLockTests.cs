using System.Diagnostics;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Storage;

public sealed class DataDirectoryLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Acquire_Twice_SecondRefusedWithTheFirstOwner_FreeAfterDispose()
    {
        var paths = new DataPaths(_folder.Path);
        using (var first = DataDirectoryLock.Acquire(paths, "serve"))
        {
            first.Publish("http://127.0.0.1:5000", "key");

            var refused = Assert.Throws<DataDirectoryBusyException>(() => DataDirectoryLock.Acquire(paths, "ingest"));

            Assert.Equal(Environment.ProcessId, refused.Owner!.Pid);
            Assert.Equal("serve", refused.Owner.Command);
            Assert.Contains("http://127.0.0.1:5000", refused.Message);
            Assert.True(DataDirectoryLock.IsHeld(paths));
        }
        Assert.False(DataDirectoryLock.IsHeld(paths));
        using var again = DataDirectoryLock.Acquire(paths, "ingest");
        Assert.Equal("ingest", DataDirectoryLock.ReadOwner(paths)!.Command);
    }

    [Fact]
    public void Acquire_HeldByAnotherProcess_RefusedUntilThatProcessIsKilled()
    {
        var paths = new DataPaths(_folder.Path);
        File.WriteAllText(paths.OwnerLock, "");
        // util-linux flock(1) takes the same kind of lock (flock(2)) in a process of its own; -o keeps it out of the child sleep.
        using var holder = Process.Start(new ProcessStartInfo("flock", ["-x", "-o", paths.OwnerLock, "sleep", "60"]) { UseShellExecute = false })!;
        var deadline = Stopwatch.StartNew();
        while (!DataDirectoryLock.IsHeld(paths) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(50);
        }

        Assert.Null(DataDirectoryLock.TryAcquire(paths, "serve"));

        // kill -9: the kernel drops the lock with the process.
        holder.Kill(entireProcessTree: true);
        holder.WaitForExit();
        using var owned = DataDirectoryLock.TryAcquire(paths, "serve");
        Assert.NotNull(owned);
    }

    [Fact]
    public void Publish_KeepsTheKeyToTheOwnersUser()
    {
        var paths = new DataPaths(_folder.Path);
        using var owner = DataDirectoryLock.Acquire(paths, "serve");
        owner.Publish("http://127.0.0.1:5000", "secret");

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(paths.OwnerInfo));
        }
        Assert.Equal("secret", DataDirectoryLock.ReadOwner(paths)!.Token);
    }

    public void Dispose() => _folder.Dispose();
}
