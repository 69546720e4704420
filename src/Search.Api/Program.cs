using Search.Api;

var app = SearchApi.Build(args);
app.Run();

/// <summary>Entry point; partial so that tests can use WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
