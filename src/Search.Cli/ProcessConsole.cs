using System.Text;

namespace Search.Cli;

/// <summary>
/// The process's standard output and error as UTF-8 writers that System.Console never replaces.
/// Setting Console.OutputEncoding (Playwright does it around starting its driver, on whatever thread renders
/// first) flushes and drops Console's own writers while holding Console's internal lock; a thread that is
/// writing a line at that moment holds its writer's lock and, inside the write, asks for Console.Out, which
/// needs the internal lock: a lock-order deadlock. Writers installed with SetOut/SetError are never flushed
/// or dropped by the encoding setter, and Console.Out is then never empty, so neither lock waits on the other.
/// Nothing in this program sets the console encoding any more: these writers are UTF-8 themselves.
/// </summary>
public static class ProcessConsole
{
    public static (TextWriter Output, TextWriter Error) Install()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true });
        Console.SetError(new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true });
        // Console wraps them in synchronized writers: every thread, logger and library writes through the same two.
        return (Console.Out, Console.Error);
    }
}
