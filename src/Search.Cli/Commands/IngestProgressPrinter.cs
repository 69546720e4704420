using Search.Core.Ingestion;

namespace Search.Cli.Commands;

/// <summary>Prints one line per file outcome and, on a terminal, a progress bar on stderr.</summary>
public sealed class IngestProgressPrinter(CliContext context, int total, bool showBar) : IProgress<IngestOutcome>
{
    private readonly List<IngestOutcome> _all = [];
    private int _done;

    public IReadOnlyList<IngestOutcome> All => _all;

    public void Report(IngestOutcome value)
    {
        lock (_all)
        {
            _all.Add(value);
            if (!value.File.Contains('/') || value.Outcome != IngestOutcomeKind.Expanded)
            {
                _done++;
            }
            if (showBar)
            {
                context.Error.Write("\r\x1b[K");
            }
            if (!context.Arguments.Json)
            {
                var label = value.Outcome switch
                {
                    IngestOutcomeKind.Ingested => "ok      ",
                    IngestOutcomeKind.Replaced => "replaced",
                    IngestOutcomeKind.Duplicate => "dup     ",
                    IngestOutcomeKind.Quarantined => "secret  ",
                    IngestOutcomeKind.Expanded => "archive ",
                    _ => "failed  ",
                };
                var detail = value.Outcome switch
                {
                    IngestOutcomeKind.Ingested or IngestOutcomeKind.Replaced => $" ({value.Passages} passages, id {value.DocumentId})",
                    _ when value.Reason is not null => $": {value.Reason}",
                    _ => "",
                };
                var writer = value.Outcome == IngestOutcomeKind.Failed ? context.Error : context.Output;
                writer.WriteLine($"{label}{value.File}{detail}");
            }
            if (showBar)
            {
                var width = 30;
                var filled = total == 0 ? width : Math.Min(width, _done * width / Math.Max(1, total));
                context.Error.Write($"[{new string('#', filled)}{new string('.', width - filled)}] {Math.Min(_done, total)}/{total}");
            }
        }
    }

    public void Finish()
    {
        if (showBar)
        {
            context.Error.WriteLine();
        }
    }
}
