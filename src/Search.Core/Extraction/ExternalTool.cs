using System.ComponentModel;
using System.Diagnostics;

namespace Search.Core.Extraction;

/// <summary>Runs an external program (tesseract, pdftoppm, soffice) with a timeout; a missing program gives a reason naming its Debian package.</summary>
public static class ExternalTool
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string debianPackage, TimeSpan timeout, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ExtractionException($"无法启动 {program}");
        }
        catch (Win32Exception)
        {
            throw new ExtractionException($"未安装 {program}：请安装 Debian 软件包 {debianPackage}（apt-get install {debianPackage}）");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new ExtractionException($"{program} 超过 {timeout.TotalSeconds:0} 秒未完成，已停止");
            }
            var output = await stdout;
            if (process.ExitCode != 0)
            {
                var error = (await stderr).Trim();
                throw new ExtractionException($"{program} 处理失败（退出码 {process.ExitCode}）：{(error.Length > 200 ? error[..200] : error)}");
            }
            return output;
        }
    }
}
