using Microsoft.Extensions.DependencyInjection;
using Search.Core.Coverage;
using Search.Core.Search;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Coverage;

/// <summary>Units as people type them, in --department or as department: in the query, and the filed units kept between searches.</summary>
public sealed class UnitResolverTests : IDisposable
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock _clock = new();
    private readonly Services _services;

    public UnitResolverTests() => _services = new Services(configure: s => s.AddSingleton<TimeProvider>(_clock));

    private static DocumentRecord Filed(string id, string department) => new()
    {
        Id = id,
        Sha256 = id.PadRight(64, '0'),
        SourceKey = department + "/" + id,
        FileName = id + ".txt",
        SourcePath = id + ".txt",
        Department = department,
        Kind = "txt",
        StoredPath = id,
        Status = DocumentStatus.Indexed,
    };

    [Fact]
    public void Apply_DepartmentInQuery_ResolvedLikeTheOption()
    {
        _services.Get<DocumentRepository>().Upsert(Filed("a1", "区市场监管分局"));
        _services.Get<DocumentRepository>().Upsert(Filed("a2", "区司法局"));
        var resolver = _services.Get<UnitResolver>();

        var (request, resolved) = resolver.Apply(new SearchRequest { Query = "行政复议 department:市场监管" });
        var (viaOption, byOption) = resolver.Apply(new SearchRequest { Query = "行政复议", Department = "市场监管" });
        var (two, both) = resolver.Apply(new SearchRequest { Query = "部门:司法 行政复议 department:市场监管局" });
        var (plain, none) = resolver.Apply(new SearchRequest { Query = "行政复议" });

        Assert.Equal("市场监管", resolved!.Typed);
        Assert.Equal(["区市场监管分局"], request.Departments);
        Assert.True(request.QueryDepartmentsResolved);
        Assert.Equal(["区市场监管分局"], viaOption.Departments);
        Assert.False(viaOption.QueryDepartmentsResolved);
        Assert.Equal(byOption!.Units, resolved.Units);
        Assert.Equal(["区司法局", "区市场监管分局"], two.Departments);
        Assert.Equal("司法、市场监管局", both!.Typed);
        Assert.Null(none);
        Assert.Null(plain.Departments);
    }

    [Fact]
    public void Apply_UnknownUnitInQuery_UnresolvedWithKnownUnits()
    {
        _services.Get<DocumentRepository>().Upsert(Filed("a1", "区市场监管分局"));

        var (request, resolved) = _services.Get<UnitResolver>().Apply(new SearchRequest { Query = "行政复议 department:气象" });

        Assert.False(resolved!.Resolved);
        Assert.Equal(["区市场监管分局"], resolved.Known);
        Assert.Null(request.Departments);
    }

    [Fact]
    public void Resolve_FiledUnitsKept_UntilThisProcessWritesOrOthersMayHave()
    {
        var own = _services.Get<DocumentRepository>();
        // Another process's writes go to the same store through a repository of its own.
        var other = new DocumentRepository(_services.Get<MetadataDatabase>());
        var resolver = _services.Get<UnitResolver>();
        own.Upsert(Filed("a1", "区司法局"));
        Assert.True(resolver.Resolve("司法").Resolved);

        other.Upsert(Filed("b1", "区应急管理局"));
        Assert.False(resolver.Resolve("应急管理").Resolved);

        _clock.Now += UnitResolver.OtherWritersDelay;
        Assert.True(resolver.Resolve("应急管理").Resolved);

        own.Upsert(Filed("c1", "区教育局"));
        Assert.True(resolver.Resolve("教育").Resolved);

        own.Delete("c1");
        Assert.False(resolver.Resolve("教育").Resolved);
    }

    public void Dispose() => _services.Dispose();
}
