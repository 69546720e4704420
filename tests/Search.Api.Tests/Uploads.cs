using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Uploads a text file through the API and waits for its ingestion job to complete.</summary>
public static class Uploads
{
    public static Task<JsonElement> UploadAndWaitAsync(HttpClient client, string fileName, string text, string? department, IReadOnlyDictionary<string, string>? fields = null) =>
        UploadAndWaitAsync(client, fileName, Encoding.UTF8.GetBytes(text), "text/plain", department, fields);

    /// <summary>Uploads bytes (a PDF, a scan) with extra form fields, and waits for the job; OCR may take a while on a loaded machine.</summary>
    public static async Task<JsonElement> UploadAndWaitAsync(HttpClient client, string fileName, byte[] content, string mediaType, string? department,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "file", fileName);
        if (department is not null)
        {
            form.Add(new StringContent(department), "department");
        }
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        var response = await client.PostAsync("/api/documents", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        for (var i = 0; i < 600; i++)
        {
            var state = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
            if (state.GetProperty("status").GetString() == "completed")
            {
                return state;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("job did not finish");
    }

    public static string DocumentIdOf(JsonElement job) => job.GetProperty("files")[0].GetProperty("documentId").GetString()!;
}
