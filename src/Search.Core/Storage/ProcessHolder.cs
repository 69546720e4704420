namespace Search.Core.Storage;

/// <summary>
/// Names what a process holds in the store (a file's lease, a content claim) as "machine:pid:…", so that when the
/// process is gone, the next one to start on the same machine can give it back at once instead of waiting for it to
/// lapse. A pid is only trusted on the machine that named it.
/// </summary>
public static class ProcessHolder
{
    /// <summary>"machine:pid:" for this process; a holder's name begins with it.</summary>
    public static string Prefix { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:";

    /// <summary>The holder names of this process start with the machine's name and this pattern finds them (SQL LIKE).</summary>
    public static string MachinePattern(string machine) => machine + ":%";

    /// <summary>True when <paramref name="holder"/> was named by a process of <paramref name="machine"/> that no longer runs.</summary>
    public static bool IsDeadLocal(string holder, string machine, Func<int, bool> isRunning)
    {
        var parts = holder.Split(':');
        return parts.Length >= 3 && parts[0] == machine && int.TryParse(parts[1], out var pid) && !isRunning(pid);
    }

    /// <summary>Whether process <paramref name="pid"/> of this machine still runs; a killed one its parent has not reaped yet (a zombie) does not.</summary>
    public static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            var stat = $"/proc/{pid}/stat";
            if (File.Exists(stat))
            {
                var text = File.ReadAllText(stat);
                var state = text.LastIndexOf(')') is var end and > 0 && end + 2 < text.Length ? text[end + 2] : 'R';
                return state is not ('Z' or 'X');
            }
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
