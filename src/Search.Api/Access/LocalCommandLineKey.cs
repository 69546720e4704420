using System.Security.Cryptography;

namespace Search.Api.Access;

/// <summary>
/// A key made fresh at every start and written, readable by the service's user only, into the data directory's
/// owner.json: a command line on this machine that can read the data directory acts through the service with it,
/// as an administrator, which gives it no more than its read access to the data already gives.
/// </summary>
public sealed class LocalCommandLineKey
{
    public const string UserName = "本机命令行";

    public string Value { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public bool Matches(string key) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(Value), System.Text.Encoding.UTF8.GetBytes(key));
}
