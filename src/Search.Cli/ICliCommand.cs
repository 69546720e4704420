namespace Search.Cli;

/// <summary>One top-level command of the `search` program.</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>Usage lines shown by --help.</summary>
    string Usage { get; }

    Task<int> RunAsync(CliContext context, CancellationToken cancellationToken);
}
