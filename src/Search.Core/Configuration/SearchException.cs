namespace Search.Core.Configuration;

/// <summary>Base of the expected failures the hosts turn into exit codes and problem details.</summary>
public class SearchException(string message, Exception? inner = null) : Exception(message, inner)
{
}

/// <summary>A request names something that does not exist (framework, indicator, document, job).</summary>
public sealed class NotFoundException(string message) : SearchException(message)
{
}

/// <summary>The user's input cannot be used as given (bad query, bad file, bad argument).</summary>
public class InvalidInputException(string message, string? file = null) : SearchException(message)
{
    public string? File { get; } = file;
}

/// <summary>
/// A configuration key holds a value the service cannot work with. The message names the key for whoever runs the
/// service; <see cref="UserMessage"/> is what a user of the web page is told, without keys or addresses.
/// </summary>
public sealed class ConfigurationException(string key, string message, string? userMessage = null) : SearchException($"{key}: {message}")
{
    public string Key { get; } = key;

    public string UserMessage { get; } = userMessage ?? message;
}

/// <summary>The caller may not do this (a department deleting another unit's file).</summary>
public sealed class ForbiddenException(string message) : SearchException(message)
{
}
