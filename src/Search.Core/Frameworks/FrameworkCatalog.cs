using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Storage;

namespace Search.Core.Frameworks;

/// <summary>
/// The frameworks the service knows: the built-ins read at start-up from corpus/policy (file name = id)
/// and the imported ones stored as JSON under {DataDirectory}/frameworks, which override built-ins of the same id.
/// </summary>
public sealed class FrameworkCatalog
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Built-in names, used when a notice's own title line is not specific enough.</summary>
    public static readonly IReadOnlyDictionary<string, string> BuiltInNames = new Dictionary<string, string>
    {
        ["shapotou-2023"] = "沙坡头区法治政府建设示范创建指标和任务分工表（2023）",
        ["xiayi-2023"] = "夏邑县争创河南省法治政府建设示范县填报材料责任清单（2023）",
        ["zaozhuang-2021"] = "枣庄市创建全国法治政府建设示范市指标任务分解表（2021）",
        ["shenxian-2021"] = "莘县县级法治政府建设示范创建指标体系（2021）",
        ["national-2019"] = "市县法治政府建设示范指标体系（中央依法治国办，2019）",
    };

    private readonly Lock _gate = new();
    private readonly HashSet<string> _sourceHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Framework> _frameworks = new(StringComparer.Ordinal);
    private readonly DataPaths _paths;
    private readonly ILogger<FrameworkCatalog> _logger;

    public FrameworkCatalog(IOptions<SearchOptions> options, DataPaths paths, ILogger<FrameworkCatalog> logger)
    {
        _paths = paths;
        _logger = logger;
        var corpus = options.Value.ResolveCorpusDirectory();
        if (corpus is not null && Directory.Exists(Path.Combine(corpus, "policy")))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(corpus, "policy"), "*.txt").Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                var framework = FrameworkReader.ReadText(id, BuiltInNames.GetValueOrDefault(id), File.ReadAllText(file), "corpus/policy/" + Path.GetFileName(file));
                _sourceHashes.Add(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))));
                if (framework.IndicatorCount > 0)
                {
                    _frameworks[id] = framework;
                }
            }
        }
        if (Directory.Exists(paths.Frameworks))
        {
            foreach (var file in Directory.EnumerateFiles(paths.Frameworks, "*.json"))
            {
                try
                {
                    var framework = JsonSerializer.Deserialize<Framework>(File.ReadAllText(file), Json);
                    if (framework is not null)
                    {
                        _frameworks[framework.Id] = framework;
                    }
                }
                catch (JsonException e)
                {
                    _logger.LogWarning("Skipping unreadable framework {File}: {Error}", file, e.Message);
                }
            }
        }
    }

    /// <summary>
    /// True for the notice a framework was read from: it states every indicator, so it is not evidence for them.
    /// </summary>
    public bool IsFrameworkSource(string sha256)
    {
        lock (_gate)
        {
            return _sourceHashes.Contains(sha256);
        }
    }

    /// <summary>Goes up by one whenever a framework is imported, so matchers know to rebuild.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Framework> All
    {
        get
        {
            lock (_gate)
            {
                return _frameworks.Values.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
            }
        }
    }

    public Framework Get(string id) =>
        TryGet(id) ?? throw new NotFoundException($"没有编号为“{id}”的指标体系。可用：{string.Join("、", All.Select(f => f.Id))}");

    public Framework? TryGet(string id)
    {
        lock (_gate)
        {
            return _frameworks.GetValueOrDefault(id);
        }
    }

    public Indicator GetIndicator(string id, int number) =>
        Get(id).Indicators.FirstOrDefault(i => i.Number == number) ?? throw new NotFoundException($"{Get(id).Name} 没有指标 {number}。");

    /// <summary>Reads a notice (.txt/.docx/.pdf) or a ledger (.json/.xlsx), stores it, and makes it current.</summary>
    public Framework Import(string path, string? id, string? name)
    {
        if (!File.Exists(path))
        {
            throw new NotFoundException($"文件不存在：{path}");
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (id is not null)
        {
            FrameworkIds.Require(id);
        }
        if (new FileInfo(path).Length == 0)
        {
            throw new InvalidInputException($"{Path.GetFileName(path)}：文件为空", path);
        }
        var frameworkId = id ?? Path.GetFileNameWithoutExtension(path);
        Framework framework;
        try
        {
            framework = extension switch
            {
                ".json" => JsonSerializer.Deserialize<Framework>(File.ReadAllText(path), Json) ?? throw new InvalidInputException($"{Path.GetFileName(path)}：JSON 为空", path),
                ".xlsx" => FrameworkLedger.Read(path, frameworkId, name ?? frameworkId),
                ".txt" or ".docx" or ".pdf" or ".md" => FrameworkReader.ReadFile(path, frameworkId, name),
                _ => throw new InvalidInputException($"{Path.GetFileName(path)}：不支持的格式，请使用 .txt、.docx、.pdf、.json 或 .xlsx", path),
            };
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{Path.GetFileName(path)}：JSON 格式错误（{e.Message}）", path);
        }
        catch (Exception e) when (e is not SearchException and not OperationCanceledException)
        {
            // The readers' libraries fail in their own ways on a damaged or disguised file: it is the file's fault.
            throw new InvalidInputException($"{Path.GetFileName(path)}：无法读取（{e.GetType().Name}：{e.Message}）", path);
        }
        framework = framework with { Id = FrameworkIds.Require(id ?? framework.Id), Name = name ?? framework.Name };
        if (framework.IndicatorCount == 0)
        {
            throw new InvalidInputException($"{Path.GetFileName(path)}：没有读到任何指标。{string.Join("；", framework.Report.Warnings)}", path);
        }
        Directory.CreateDirectory(_paths.Frameworks);
        lock (_gate)
        {
            _sourceHashes.Add(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
        }
        File.WriteAllText(FileOf(framework.Id), JsonSerializer.Serialize(framework, Json));
        lock (_gate)
        {
            _frameworks[framework.Id] = framework;
            Version++;
        }
        return framework;
    }

    /// <summary>The stored file of an imported framework, always inside frameworks/.</summary>
    private string FileOf(string id)
    {
        var folder = Path.GetFullPath(_paths.Frameworks) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(Path.Combine(folder, FrameworkIds.Require(id) + ".json"));
        return file.StartsWith(folder, StringComparison.Ordinal) ? file : throw new InvalidInputException($"指标体系 id“{id}”无效。");
    }

    public void Export(string id, string path)
    {
        var framework = Get(id);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".json":
                File.WriteAllText(path, JsonSerializer.Serialize(framework, Json));
                break;
            case ".xlsx":
                FrameworkLedger.Write(framework, path);
                break;
            default:
                throw new InvalidInputException("导出格式只支持 .json 或 .xlsx");
        }
    }

    /// <summary>The indicators a unit leads or shares ("what must 区司法局 supply?"), with the materials it must supply.</summary>
    public IReadOnlyList<UnitDuty> IndicatorsForUnit(string id, string unit)
    {
        var framework = Get(id);
        var result = new List<UnitDuty>();
        foreach (var i in framework.Indicators)
        {
            var leads = i.LeadUnits.Any(u => Coverage.DepartmentView.Matches(u, unit));
            var shares = i.ResponsibleUnits.Any(u => Coverage.DepartmentView.Matches(u, unit));
            if (!leads && !shares)
            {
                continue;
            }
            var items = i.Materials.Where(m => m.LeadUnit is null || m.LeadUnit.Split('、').Any(u => Coverage.DepartmentView.Matches(u, unit)))
                .SelectMany(m => m.Items).ToList();
            result.Add(new UnitDuty(i.Number, i.Text, leads ? "lead" : "responsible", leads ? items : [], i.LeadUnits));
        }
        return result;
    }
}

/// <summary>One indicator a unit leads or shares, and the material items it must supply as a lead unit.</summary>
public sealed record UnitDuty(int Number, string Text, string Role, IReadOnlyList<string> Materials, IReadOnlyList<string> LeadUnits);
