using System.Net;
using System.Net.Sockets;

namespace Search.Core.Tests.Fixtures;

/// <summary>
/// An HTTP listener on a free port of 127.0.0.1 that hands every request to a handler, each on its own task,
/// until disposed (idempotent: web factories may dispose their fixtures twice). The test servers build on it.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<HttpListenerContext, CancellationToken, Task> _handle;
    private readonly Task _loop;
    private int _disposed;

    public LoopbackHttpServer(Func<HttpListenerContext, CancellationToken, Task> handle)
    {
        _handle = handle;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handle(context, _stop.Token);
                }
                catch (Exception)
                {
                    // A client that gave up (timeout, size limit) or a server stopping: nothing to answer.
                }
            });
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }
}
