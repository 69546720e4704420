using Search.Cli;
using Search.Cli.Commands;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Storage;

namespace Search.Cli;

/// <summary>The `search` command-line program.</summary>
public static class Program
{
    public static ICliCommand[] Commands { get; } =
    [
        new ServeCommand(),
        new IngestCommand(),
        new QueryCommand(),
        new ClassifyCommand(),
        new CoverageCommand(),
        new CheckWebCommand(),
        new MappingCommand(),
        new ItemsCommand(),
        new FrameworksCommand(),
        new BenchCommand(),
        new DraftCommand(),
        new DrillCommand(),
        new WorkerCommand(),
    ];

    public static async Task<int> Main(string[] args)
    {
        var (output, error) = ProcessConsole.Install();
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        // SIGTERM (kill, systemd, docker stop) stops a command as Ctrl+C does: a worker gives its files back.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cts.Cancel();
        });
        return await RunAsync(args, output, error, cts.Token);
    }

    /// <summary>Runs one command line; tests call this directly with their own writers.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = CliGrammar.Parse(args);
        if (arguments.Parse.Action is System.CommandLine.Help.HelpAction)
        {
            CliGrammar.WriteHelp(arguments.Command, output);
            return ExitCodes.Success;
        }
        var command = Commands.FirstOrDefault(c => c.Definition == arguments.TopCommand);
        if (arguments.Errors.Count > 0 || command is null)
        {
            foreach (var message in arguments.Errors.DefaultIfEmpty("请指定命令。"))
            {
                await error.WriteLineAsync($"error: {message}");
            }
            await error.WriteLineAsync();
            CliGrammar.WriteHelp(arguments.Command, error);
            return ExitCodes.Usage;
        }

        var writes = command.Writes(arguments);
        await using var context = new CliContext(arguments, output, error, writes ? IndexAccess.OwnerAs(command.Name) : IndexAccess.ReadOnly(command.Name));
        try
        {
            if (writes)
            {
                var owned = DataDirectoryLock.TryAcquire(context.Paths, command.Name);
                if (owned is null)
                {
                    // Someone owns the data directory: a running service takes the request; anyone else means wait.
                    using var service = await ServiceClient.ConnectAsync(context.Paths, cancellationToken);
                    if (service is null || command is not IServiceCommand throughService)
                    {
                        throw new DataDirectoryBusyException(context.Paths.Root, DataDirectoryLock.ReadOwner(context.Paths));
                    }
                    if (!arguments.Json)
                    {
                        await error.WriteLineAsync($"服务正在运行（{service.Owner.Url}，进程号 {service.Owner.Pid}）：通过服务执行。");
                    }
                    return await throughService.RunThroughServiceAsync(context, service, cancellationToken);
                }
                context.Own(owned);
            }
            return await command.RunAsync(context, cancellationToken);
        }
        catch (DataDirectoryBusyException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Busy;
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}\n");
            CliGrammar.WriteHelp(arguments.Command, error);
            return ExitCodes.Usage;
        }
        catch (NotFoundException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.NotFound;
        }
        catch (Exception e) when (e is InvalidInputException or Search.Core.Extraction.ExtractionException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (ConfigurationException e)
        {
            await error.WriteLineAsync($"error: configuration {e.Message}");
            return ExitCodes.Configuration;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await error.WriteLineAsync($"error: configuration: {string.Join("; ", e.Failures)}");
            return ExitCodes.Configuration;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (SearchException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
