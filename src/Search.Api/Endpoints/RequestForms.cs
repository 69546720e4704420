using Search.Core.Configuration;

namespace Search.Api.Endpoints;

/// <summary>Reads a multipart form; a body that breaks off or is not the multipart it claims is the caller's mistake, answered 400.</summary>
public static class RequestForms
{
    public static async Task<IFormCollection> ReadFormOrRefuseAsync(this HttpRequest request, string expected, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new InvalidInputException(expected);
        }
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidInputException($"multipart 请求体不完整或格式错误（{e.Message}）。{expected}");
        }
    }
}
