using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Uploads a text file through the API and waits for its ingestion job to complete.</summary>
public static class Uploads
{
    public static async Task<JsonElement> UploadAndWaitAsync(HttpClient client, string fileName, string text, string? department)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", fileName);
        if (department is not null)
        {
            form.Add(new StringContent(department), "department");
        }

        var response = await client.PostAsync("/api/documents", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        for (var i = 0; i < 100; i++)
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
