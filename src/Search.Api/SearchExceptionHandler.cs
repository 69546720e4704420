using Microsoft.AspNetCore.Diagnostics;
using Search.Core.Configuration;
using Search.Core.Llm;

namespace Search.Api;

/// <summary>The one place where engine exceptions become problem details with a status code.</summary>
public sealed class SearchExceptionHandler(IProblemDetailsService problems, ILogger<SearchExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            NotFoundException => (StatusCodes.Status404NotFound, "未找到"),
            // The file itself cannot be read (wrong kind, empty, damaged, too large, a zip bomb): the caller's input.
            Search.Core.Extraction.ExtractionException => (StatusCodes.Status422UnprocessableEntity, "文件无法处理"),
            InvalidInputException => (StatusCodes.Status400BadRequest, "请求无效"),
            ForbiddenException => (StatusCodes.Status403Forbidden, "无权操作"),
            // A worker is storing the same content this moment: try again shortly.
            Search.Core.Ingestion.ContentBusyException => (StatusCodes.Status409Conflict, "文件正在处理"),
            // Not configured is the server's state, not the caller's fault, and it passes once a key is set.
            ConfigurationException => (StatusCodes.Status503ServiceUnavailable, "服务未配置"),
            LlmException { Failure: LlmFailure.Timeout } => (StatusCodes.Status504GatewayTimeout, "语言模型超时"),
            LlmException => (StatusCodes.Status502BadGateway, "语言模型出错"),
            BadHttpRequestException bad => (bad.StatusCode, "请求无效"),
            // A body that is not what it says: broken multipart, JSON that does not parse or does not fit.
            InvalidDataException or System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "请求格式错误"),
            OperationCanceledException => (499, "请求已取消"),
            _ => (StatusCodes.Status500InternalServerError, "服务器内部错误"),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        }
        else if (exception is ConfigurationException configuration)
        {
            // The key goes to the log for whoever runs the service; the caller is told in words without it.
            logger.LogWarning("Configuration key {Key} is missing or unusable for {Path}: {Message}", configuration.Key, context.Request.Path, configuration.Message);
        }
        else if (exception is LlmException model)
        {
            logger.LogWarning("Language model failed ({Failure}) for {Path}: {Message}", model.Failure, context.Request.Path, model.Message);
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                // Internal errors never show their message: it may hold paths or stack details; configuration and model
                // errors show the words meant for users, without configuration keys or the model's address.
                Detail = exception switch
                {
                    ConfigurationException c => c.UserMessage,
                    LlmException m => m.UserMessage,
                    _ when status >= 500 => "处理请求时出错，请查看服务日志。",
                    _ => exception.Message,
                },
            },
        });
    }
}
