using System.Threading.Channels;
using Search.Core.Configuration;

namespace Search.Core.WebChecks;

/// <summary>Starts check runs: queued for the background worker (HTTP) or run in the caller (CLI); both record the run the same way.</summary>
public sealed class WebCheckService(WebCheckPlanner planner, WebChecker checker, WebCheckRepository repository)
{
    private readonly Channel<(string RunId, WebCheckPlan Plan)> _queue = Channel.CreateUnbounded<(string, WebCheckPlan)>(new UnboundedChannelOptions { SingleReader = true });

    public WebCheckPlan Plan(string? framework, int? indicator, IReadOnlyList<string> urls, IReadOnlyList<string> expect) =>
        planner.Plan(framework, indicator, urls, expect);

    public async Task<WebCheckRun> SubmitAsync(WebCheckPlan plan, string? submittedBy, CancellationToken cancellationToken)
    {
        var run = repository.CreateRun(plan.Framework, plan.Targets.Count, submittedBy);
        await _queue.Writer.WriteAsync((run.Id, plan), cancellationToken);
        return run;
    }

    public async Task<WebCheckReport> RunNowAsync(WebCheckPlan plan, string? submittedBy, IProgress<WebCheckResult>? progress, CancellationToken cancellationToken)
    {
        var run = repository.CreateRun(plan.Framework, plan.Targets.Count, submittedBy);
        return await ExecuteAsync(run.Id, plan, progress, cancellationToken);
    }

    public WebCheckRun GetRun(string runId) => repository.GetRun(runId) ?? throw new NotFoundException($"没有编号为 {runId} 的网络检索任务。");

    public IReadOnlyList<WebCheckRun> RecentRuns(string? framework, int limit = 20) => repository.RecentRuns(framework, Math.Clamp(limit, 1, 200));

    public WebCheckResult GetResult(string checkId) => repository.GetResult(checkId) ?? throw new NotFoundException($"没有编号为 {checkId} 的网络检索记录。");

    internal IAsyncEnumerable<(string RunId, WebCheckPlan Plan)> QueuedAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);

    internal async Task<WebCheckReport> ExecuteAsync(string runId, WebCheckPlan plan, IProgress<WebCheckResult>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        repository.UpdateProgress(runId, "running", 0);
        try
        {
            var counting = new Progress(r =>
            {
                repository.UpdateProgress(runId, "running", Interlocked.Increment(ref done));
                progress?.Report(r);
            });
            var report = await checker.RunAsync(runId, plan, counting, cancellationToken);
            repository.Finish(runId, report, null);
            return report;
        }
        catch (Exception e)
        {
            repository.Finish(runId, null, e is OperationCanceledException ? "已取消" : e.Message);
            throw;
        }
    }

    /// <summary>Reports synchronously (unlike <see cref="Progress{T}"/>), so the count is right when the run ends.</summary>
    private sealed class Progress(Action<WebCheckResult> report) : IProgress<WebCheckResult>
    {
        public void Report(WebCheckResult value) => report(value);
    }
}
