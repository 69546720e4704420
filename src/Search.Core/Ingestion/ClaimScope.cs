using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>
/// Holds content claims for the length of one file's ingestion, renewing them while it runs, and releases them
/// after. All are taken or none, so two workers wanting the same two names never wait on each other in a circle.
/// </summary>
internal sealed class ClaimScope : IAsyncDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly ContentClaims _claims;
    private readonly IReadOnlyList<string> _names;
    private readonly string _owner = ProcessHolder.Prefix + Guid.NewGuid().ToString("N");
    private readonly Timer _renewal;

    private ClaimScope(ContentClaims claims, IReadOnlyList<string> names)
    {
        _claims = claims;
        _names = names;
        _renewal = new Timer(_ => Renew(), null, Ttl / 3, Ttl / 3);
    }

    /// <summary>Takes every name, waiting a little for one another worker holds; throws <see cref="ContentBusyException"/> when it stays taken.</summary>
    public static async Task<ClaimScope> AcquireAsync(ContentClaims claims, IReadOnlyList<string> names, string file, CancellationToken cancellationToken)
    {
        var owner = new ClaimScope(claims, names);
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var taken = new List<string>();
            foreach (var name in names.Order(StringComparer.Ordinal))
            {
                if (!claims.TryClaim(name, owner._owner, Ttl))
                {
                    break;
                }
                taken.Add(name);
            }
            if (taken.Count == names.Count)
            {
                return owner;
            }
            claims.Release(taken, owner._owner);
            if (DateTimeOffset.UtcNow > deadline)
            {
                await owner.DisposeAsync();
                throw new ContentBusyException(file);
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    private void Renew()
    {
        try
        {
            _claims.Renew(_names, _owner, Ttl);
        }
        catch (Exception)
        {
            // A renewal that fails leaves the claim to lapse; the next one may succeed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _renewal.DisposeAsync();
        _claims.Release(_names, _owner);
    }
}
