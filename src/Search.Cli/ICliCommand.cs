using System.CommandLine;

namespace Search.Cli;

/// <summary>One top-level command of the `search` program.</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>The command's grammar for System.CommandLine: its description, arguments, options and sub-commands.</summary>
    Command Definition { get; }

    Task<int> RunAsync(CliContext context, CancellationToken cancellationToken);

    /// <summary>
    /// True when this command line changes the data directory. It then must own the directory, or, when a service
    /// owns it, go through the service; reading commands search the last commit and never take the lock.
    /// </summary>
    bool Writes(CliArguments arguments) => false;
}

/// <summary>A writing command that can also act through the running service that owns the data directory.</summary>
public interface IServiceCommand : ICliCommand
{
    Task<int> RunThroughServiceAsync(CliContext context, ServiceClient service, CancellationToken cancellationToken);
}
