namespace Search.Core.WebChecks;

/// <summary>A connection the address rule refused; the fetch reports it as "refused", not as a dead page.</summary>
public sealed class AddressRefusedException(string message) : IOException(message)
{
}
