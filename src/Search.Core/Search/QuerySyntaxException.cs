using Search.Core.Configuration;

namespace Search.Core.Search;

/// <summary>A query that cannot be understood; the message tells the reviewer how to fix it.</summary>
public sealed class QuerySyntaxException(string message) : InvalidInputException(message);
