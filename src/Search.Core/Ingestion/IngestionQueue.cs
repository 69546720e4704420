using System.Threading.Channels;

namespace Search.Core.Ingestion;

/// <summary>The queue of job ids between those who submit (HTTP upload, CLI) and the worker.</summary>
public sealed class IngestionQueue
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(string jobId, CancellationToken cancellationToken = default) => _channel.Writer.WriteAsync(jobId, cancellationToken);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
