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
                    IngestOutcomeKind.Ingested => "已入库  ",
                    IngestOutcomeKind.Replaced => "已替换  ",
                    IngestOutcomeKind.Duplicate => "重复    ",
                    IngestOutcomeKind.Quarantined => "涉密隔离",
                    IngestOutcomeKind.Expanded => "压缩包  ",
                    _ => "失败    ",
                };
                // A file taken by a worker through the store's queue reports no passage count; only a known count is shown.
                var detail = value.Outcome switch
                {
                    IngestOutcomeKind.Ingested or IngestOutcomeKind.Replaced => value.Passages > 0
                        ? $"（{value.Passages} 段，编号 {value.DocumentId}）"
                        : $"（编号 {value.DocumentId}）",
                    _ when value.Reason is not null => $"：{value.Reason}",
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
